#!/usr/bin/env bash
# Throughput benchmark of the Sib2Ae Orchestrator on ActorPreludeSample (MusicXML + MIDI, no SVG).
#
# Prints, from ONE invocation (the machine is shared: only ratios measured here are comparable):
#   1. the application, one-shot mode, -Xmx1g: wall, CPU, notes/s, peak RSS, heap peak (GC log)
#   2. the physical floor: RenderFloor renders the same per-note MIDI files on one pooled Gervill
#      synthesizer per core, no Camel/manifests/keyframes, output discarded
#   2b. BENCH_REPEAT application/floor pairs in all, run alternately, with the median ratio; each
#       pair also runs the floor with keyframe analysis (in memory), a floor for audio + keyframes
#   3. the baseline: one `fluidsynth` process per note (the original project's way) on a sample of
#      BENCH_BASELINE_N notes, sequential and $(nproc)-way parallel, extrapolated to every note
#   4. linearity: service mode (inbox -> output) with one copy of the score, then with two copies
#
# usage: scripts/bench.sh            (from the repository root; builds the jar when missing)
# env:   BENCH_BASELINE_N=100  BENCH_REPEAT=3 (application/floor pairs)  BENCH_SF2=/usr/share/sounds/sf2/FluidR3_GM.sf2
#        BENCH_SKIP_LINEARITY=1  BENCH_SKIP_BASELINE=1  BENCH_KEEP=1 (keep the temp folder)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="$ROOT/target/sib2ae-orchestrator.jar"
SCORES="${BENCH_SCORES:-$ROOT/testdata/scores}"
SCORE=ActorPreludeSample
XML="$SCORES/$SCORE.xml"
MID="$SCORES/$SCORE.mid"
SF2="${BENCH_SF2:-/usr/share/sounds/sf2/FluidR3_GM.sf2}"
BASELINE_N="${BENCH_BASELINE_N:-100}"
REPEAT="${BENCH_REPEAT:-3}"
CORES="$(nproc)"
EXPORTS="--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED"

[[ -f "$XML" && -f "$MID" ]] || { echo "missing $XML or $MID" >&2; exit 2; }
[[ -f "$SF2" ]] || { echo "missing SoundFont $SF2" >&2; exit 2; }
if [[ ! -f "$JAR" ]]; then
    echo "building $JAR ..."
    mvn -q -o -DskipTests package
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time ..."
    (apt-get install -y time >/dev/null 2>&1 || sudo apt-get install -y time >/dev/null 2>&1) \
        || { echo "GNU time (/usr/bin/time) is required" >&2; exit 2; }
fi

TMP="$(mktemp -d /tmp/sib2ae-bench.XXXXXX)"
SERVICE_PID=""
cleanup() {
    if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID" 2>/dev/null || true
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
    if [[ -z "${BENCH_KEEP:-}" ]]; then rm -rf "$TMP"; else echo "kept $TMP"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
# GNU time -v field by its label
tfield() { grep -F "$2" "$1" | head -1 | awk -F': ' '{print $2}'; }
wall_seconds() { # "h:mm:ss" or "m:ss.ss" -> seconds
    python3 -c "import sys; p=[float(x) for x in sys.argv[1].split(':')]; print(round(sum(v*60**i for i,v in enumerate(reversed(p))),2))" "$1"
}
calc() { python3 -c "import sys; print($1)"; }

echo "== Sib2Ae benchmark: $SCORE  (cores=$CORES, sf2=$(basename "$SF2"), jar=$(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "   load average at start: $(cut -d' ' -f1-3 /proc/loadavg)  (shared machine: compare ratios, not absolutes)"

if [[ -z "${BENCH_ONLY_LINEARITY:-}" ]]; then
# ---------------------------------------------------------------- 1. application, one-shot
APP_OUT="$TMP/app"
/usr/bin/time -v -o "$TMP/app.time" \
    java -Xmx1g -Xlog:gc,gc+heap+exit:file="$TMP/app-gc.log" -Dsib2ae.audio.soundfont="$SF2" \
    -jar "$JAR" process --musicxml "$XML" --midi "$MID" --out "$APP_OUT" >"$TMP/app.log" 2>&1 || {
    echo "application run failed (exit $?):"; tail -20 "$TMP/app.log"; exit 1; }
SUMMARY="$(grep -E "^$SCORE: " "$TMP/app.log" | tail -1)"
APP_WALL="$(wall_seconds "$(tfield "$TMP/app.time" "Elapsed (wall clock)")")"
APP_USER="$(tfield "$TMP/app.time" "User time")"
APP_SYS="$(tfield "$TMP/app.time" "System time")"
APP_CPU="$(calc "round($APP_USER+$APP_SYS,2)")"
APP_RSS_MB="$(calc "round($(tfield "$TMP/app.time" "Maximum resident set size")/1024)")"
APP_SCORE_S="$(calc "$(echo "$SUMMARY" | sed -E 's/.* ([0-9]+) ms\).*/\1/')/1000")"
DIR="$APP_OUT/$SCORE"
read -r NOTES PRIMARY RENDERED STATUS < <(python3 - "$DIR" <<'EOF'
import json, os, sys
d = sys.argv[1]
notes = primary = rendered = 0
for f in os.listdir(os.path.join(d, "manifests")):
    m = json.load(open(os.path.join(d, "manifests", f)))
    notes += 1
    primary += bool(m.get("is_primary"))
    rendered += (m.get("stages", {}).get("audio", {}).get("status") == "completed")
print(notes, primary, rendered, json.load(open(os.path.join(d, "manifest.json")))["status"])
EOF
)
MIDIS="$(ls "$DIR/midi" | grep -c '\.mid$')"
HEAP_PEAK_MB="$(grep -oE '[0-9]+M->[0-9]+M' "$TMP/app-gc.log" | cut -dM -f1 | sort -n | tail -1)"
HEAP_LIVE_MB="$(grep -oE '[0-9]+M->[0-9]+M' "$TMP/app-gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)"
GC_COUNT="$(grep -cE 'Pause' "$TMP/app-gc.log" || true)"
echo
echo "-- 1. application (one-shot, -Xmx1g): $SUMMARY"
echo "   manifest status=$STATUS  notes=$NOTES  primary=$PRIMARY  rendered(audio completed)=$RENDERED  midi files=$MIDIS"
echo "   process wall=${APP_WALL}s  cpu(user+sys)=${APP_CPU}s  score time (app's own clock, excl. JVM/Camel boot)=${APP_SCORE_S}s"
echo "   notes/s (process wall): all=$(calc "round($NOTES/$APP_WALL,1)")  rendered=$(calc "round($RENDERED/$APP_WALL,1)")"
echo "   notes/s (score time):   all=$(calc "round($NOTES/$APP_SCORE_S,1)")  rendered=$(calc "round($RENDERED/$APP_SCORE_S,1)")"
echo "   peak RSS=${APP_RSS_MB} MiB  heap peak (max used before a GC)=${HEAP_PEAK_MB:-?} MiB  max live after GC=${HEAP_LIVE_MB:-?} MiB  GCs=$GC_COUNT  (-Xmx1g: completed)"

# ---------------------------------------------------------------- 2. physical floor
/usr/bin/time -v -o "$TMP/floor.time" \
    java -Xmx1g $EXPORTS -cp "$JAR" io.sib2ae.orchestrator.bench.RenderFloor \
    --midi-dir "$DIR/midi" --soundfont "$SF2" --threads "$CORES" --passes 2 >"$TMP/floor.log" 2>&1 || {
    echo "RenderFloor failed:"; tail -20 "$TMP/floor.log"; exit 1; }
fv() { grep -E "^floor\.$1=" "$TMP/floor.log" | cut -d= -f2; }
F_COLD_WALL="$(calc "$(fv cold_end_uptime_ms)/1000")"
F_COLD_CPU="$(calc "$(fv cold_end_process_cpu_ms)/1000")"
F_LOAD_COLD="$(calc "$(fv load_plus_cold_ms)/1000")"
echo
echo "-- 2. physical floor (RenderFloor: $(fv notes) notes, $(fv threads) threads, pooled Gervill, nothing written)"
echo "   SF2 load=$(fv soundfont_load_ms)ms  cold pass=$(fv pass_cold_ms)ms ($(fv pass_cold_notes_per_s) notes/s, render-thread cpu $(fv pass_cold_cpu_ms)ms)"
echo "   warm pass=$(fv pass_warm1_ms)ms ($(fv pass_warm1_notes_per_s) notes/s, render-thread cpu $(fv pass_warm1_cpu_ms)ms)  audio rendered per pass=$(fv pass_cold_audio_seconds)s"
echo "   whole process to end of cold pass: wall=${F_COLD_WALL}s cpu=${F_COLD_CPU}s   (SF2 load + cold render: ${F_LOAD_COLD}s)"
echo "   app/floor: process wall=$(calc "round($APP_WALL/$F_COLD_WALL,2)")x   score time vs load+cold=$(calc "round($APP_SCORE_S/$F_LOAD_COLD,2)")x   cpu=$(calc "round($APP_CPU/$F_COLD_CPU,2)")x   (target <= 1.5x)"

# ---------------------------------------------------------------- 2b. repeated pairs
# Neighbours on a shared host swing a single run by 20% or more: run the application and the
# floor again, alternately, and report every pair's ratio and the median.
# Each pair also runs the floor with keyframe analysis (in memory, nothing written): a floor for
# "audio and keyframes", which is what the application must produce.
floor_with_keyframes() {
    java -Xmx1g $EXPORTS -cp "$JAR" io.sib2ae.orchestrator.bench.RenderFloor --midi-dir "$DIR/midi" --soundfont "$SF2" \
        --threads "$CORES" --passes 1 --with-keyframes true >"$TMP/kf-floor.log" 2>&1 || {
        echo "RenderFloor with keyframes failed:"; tail -20 "$TMP/kf-floor.log"; exit 1; }
    calc "$(grep -E '^floor\.load_plus_cold_ms=' "$TMP/kf-floor.log" | cut -d= -f2)/1000"
}
PAIR_SCORE=("$APP_SCORE_S"); PAIR_WALL=("$APP_WALL"); PAIR_FLOOR=("$F_LOAD_COLD"); PAIR_FLOOR_WALL=("$F_COLD_WALL")
PAIR_KF_FLOOR=("$(floor_with_keyframes)")
for ((r = 2; r <= REPEAT; r++)); do
    rm -rf "$TMP/rep"
    /usr/bin/time -v -o "$TMP/rep.time" java -Xmx1g -Dsib2ae.audio.soundfont="$SF2" \
        -jar "$JAR" process --musicxml "$XML" --midi "$MID" --out "$TMP/rep" >"$TMP/rep.log" 2>&1 || {
        echo "application run $r failed:"; tail -20 "$TMP/rep.log"; exit 1; }
    PAIR_SCORE+=("$(calc "$(grep -E "^$SCORE: " "$TMP/rep.log" | tail -1 | sed -E 's/.* ([0-9]+) ms\).*/\1/')/1000")")
    PAIR_WALL+=("$(wall_seconds "$(tfield "$TMP/rep.time" "Elapsed (wall clock)")")")
    java -Xmx1g $EXPORTS -cp "$JAR" io.sib2ae.orchestrator.bench.RenderFloor \
        --midi-dir "$DIR/midi" --soundfont "$SF2" --threads "$CORES" --passes 1 >"$TMP/rep-floor.log" 2>&1 || {
        echo "RenderFloor run $r failed:"; tail -20 "$TMP/rep-floor.log"; exit 1; }
    PAIR_FLOOR+=("$(calc "$(grep -E '^floor\.load_plus_cold_ms=' "$TMP/rep-floor.log" | cut -d= -f2)/1000")")
    PAIR_FLOOR_WALL+=("$(calc "$(grep -E '^floor\.cold_end_uptime_ms=' "$TMP/rep-floor.log" | cut -d= -f2)/1000")")
    PAIR_KF_FLOOR+=("$(floor_with_keyframes)")
done
median() { python3 -c "import statistics,sys; print(round(statistics.median(float(x) for x in sys.argv[1:]),2))" "$@"; }
RATIOS=(); WALL_RATIOS=(); KF_RATIOS=()
echo
echo "-- 2b. $REPEAT application/floor pairs, run alternately (BENCH_REPEAT)"
for ((i = 0; i < ${#PAIR_SCORE[@]}; i++)); do
    RATIOS+=("$(calc "${PAIR_SCORE[$i]}/${PAIR_FLOOR[$i]}")")
    WALL_RATIOS+=("$(calc "${PAIR_WALL[$i]}/${PAIR_FLOOR_WALL[$i]}")")
    KF_RATIOS+=("$(calc "${PAIR_SCORE[$i]}/${PAIR_KF_FLOOR[$i]}")")
    echo "   pair $((i + 1)): score time ${PAIR_SCORE[$i]}s  process ${PAIR_WALL[$i]}s  |  floor load+cold ${PAIR_FLOOR[$i]}s  process ${PAIR_FLOOR_WALL[$i]}s  |  ratio $(calc "round(${RATIOS[$i]},2)")x (process $(calc "round(${WALL_RATIOS[$i]},2)")x)  |  floor with keyframes ${PAIR_KF_FLOOR[$i]}s, ratio $(calc "round(${KF_RATIOS[$i]},2)")x"
done
MED_KF_RATIO="$(median "${KF_RATIOS[@]}")"
MED_SCORE="$(median "${PAIR_SCORE[@]}")"; MED_WALL="$(median "${PAIR_WALL[@]}")"
MED_RATIO="$(median "${RATIOS[@]}")"; MED_WALL_RATIO="$(median "${WALL_RATIOS[@]}")"
echo "   median: score time ${MED_SCORE}s ($(calc "round($NOTES/$MED_SCORE,1)") notes/s), process ${MED_WALL}s ($(calc "round($NOTES/$MED_WALL,1)") notes/s), app/floor ${MED_RATIO}x (process ${MED_WALL_RATIO}x)"

# ---------------------------------------------------------------- 3. fluidsynth baseline
if [[ -z "${BENCH_SKIP_BASELINE:-}" ]]; then
    mapfile -t ALL_MIDI < <(ls "$DIR/midi" | grep '\.mid$' | sort)
    TOTAL=${#ALL_MIDI[@]}
    N=$(( BASELINE_N < TOTAL ? BASELINE_N : TOTAL ))
    mkdir -p "$TMP/fs-seq" "$TMP/fs-par"
    : >"$TMP/fs-list"
    for ((i = 0; i < N; i++)); do echo "${ALL_MIDI[$(( i * TOTAL / N ))]}" >>"$TMP/fs-list"; done
    render_one() { fluidsynth -ni -F "$2/${1%.mid}.wav" -r 44100 "$3" "$4/$1" >/dev/null 2>&1; }
    export -f render_one
    T0="$(now)"
    while read -r f; do render_one "$f" "$TMP/fs-seq" "$SF2" "$DIR/midi"; done <"$TMP/fs-list"
    T1="$(now)"
    xargs -a "$TMP/fs-list" -P "$CORES" -I{} bash -c 'render_one "$@"' _ {} "$TMP/fs-par" "$SF2" "$DIR/midi"
    T2="$(now)"
    SEQ="$(calc "$T1-$T0")"; PAR="$(calc "$T2-$T1")"
    SEQ_FULL="$(calc "$SEQ/$N*$RENDERED")"; PAR_FULL="$(calc "$PAR/$N*$RENDERED")"
    echo
    echo "-- 3. baseline: one fluidsynth process per note ($(fluidsynth --version 2>/dev/null | head -1 | awk '{print $NF}'), same SF2, -r 44100)"
    echo "   sample of $N of $TOTAL notes: sequential $(calc "round($SEQ,1)")s ($(calc "round($SEQ/$N*1000)") ms/note), ${CORES}-way parallel $(calc "round($PAR,1)")s"
    echo "   EXTRAPOLATED to $RENDERED rendered notes: sequential $(calc "round($SEQ_FULL,1)")s, ${CORES}-way parallel $(calc "round($PAR_FULL,1)")s"
    echo "   app (process wall ${APP_WALL}s) is $(calc "round($SEQ_FULL/$APP_WALL,1)")x faster than sequential, $(calc "round($PAR_FULL/$APP_WALL,1)")x than ${CORES}-way parallel fluidsynth (target >= 20x)"
    echo "   note: the app's time also includes MIDI, keyframes and manifests; the baseline renders audio only"
fi

fi # BENCH_ONLY_LINEARITY

# ---------------------------------------------------------------- 4. linearity (service mode)
proc_cpu() { # user+sys CPU seconds of a live process
    awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"
}
run_service() { # $1 = number of copies; prints "drop_to_done_s processing_span_s statuses"
    local copies=$1 base="$TMP/svc$1"
    mkdir -p "$base"/{inbox,output,archive,failed,work,staging}
    (cd "$base" && exec java -Xmx1g -Dsib2ae.audio.soundfont="$SF2" \
        -Dsib2ae.inbox="$base/inbox" -Dsib2ae.output="$base/output" -Dsib2ae.archive="$base/archive" \
        -Dsib2ae.failed="$base/failed" -Dsib2ae.work="$base/work" \
        -Dsib2ae.intake.quiet-period-ms=1000 -Dsib2ae.intake.read-lock-min-age-ms=200 \
        -Dsib2ae.intake.poll-delay-ms=200 -jar "$JAR" >"$base/service.log" 2>&1) &
    SERVICE_PID=$!
    for _ in $(seq 1 300); do
        grep -q "started in" "$base/service.log" 2>/dev/null && break
        kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died" >&2; tail "$base/service.log" >&2; return 1; }
        sleep 0.2
    done
    local names=()
    for ((c = 1; c <= copies; c++)); do
        local name="Bench${copies}x${c}"
        names+=("$name")
        # a comment makes each copy's content (and content hash) distinct
        { cat "$XML"; echo "<!-- bench copy $c -->"; } >"$base/staging/$name.xml"
        cp "$MID" "$base/staging/$name.mid"
    done
    local c0; c0="$(proc_cpu "$SERVICE_PID")"
    local t0; t0="$(now)"
    mv "$base/staging/"* "$base/inbox/"
    local done_all=0
    for _ in $(seq 1 6000); do
        done_all=1
        for name in "${names[@]}"; do
            if ! grep -qE '^  "status" : "(completed|completed_with_failures|failed)"' \
                    "$base/output/$name/manifest.json" 2>/dev/null; then done_all=0; break; fi
        done
        [[ $done_all == 1 ]] && break
        sleep 0.2
    done
    local t1; t1="$(now)"
    local c1; c1="$(proc_cpu "$SERVICE_PID")"
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
    SERVICE_PID=""
    [[ $done_all == 1 ]] || { echo "service timed out" >&2; return 1; }
    python3 - "$base/output" "$(calc "$t1-$t0")" "$(calc "$c1-$c0")" "${names[@]}" <<'EOF'
import json, sys
from datetime import datetime
out, drop, cpu, names = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4:]
def ts(s):
    return datetime.fromisoformat(s.rstrip("Z")[:26])
ms = [json.load(open(f"{out}/{n}/manifest.json")) for n in names]
span = (max(ts(m["completed_at"]) for m in ms) - min(ts(m["created_at"]) for m in ms)).total_seconds()
print(round(drop, 2), round(span, 2), round(cpu, 2), ",".join(m["status"] for m in ms))
EOF
}
if [[ -z "${BENCH_SKIP_LINEARITY:-}" ]]; then
    read -r D1 S1 C1 ST1 < <(run_service 1)
    read -r D2 S2 C2 ST2 < <(run_service 2)
    echo
    echo "-- 4. linearity (service mode, inbox -> output, quiet period 1 s, 2 scores in flight)"
    echo "   1x: drop->done ${D1}s, processing span ${S1}s, service cpu ${C1}s [$ST1]"
    echo "   2x: drop->done ${D2}s, processing span ${S2}s, service cpu ${C2}s [$ST2]  (two differently named copies)"
    echo "   time(2x)/time(1x): drop->done $(calc "round($D2/$D1,2)")   processing span $(calc "round($S2/$S1,2)")   cpu $(calc "round($C2/$C1,2)")   (~2 = linear; cpu is the noise-robust one)"
fi

[[ -n "${BENCH_ONLY_LINEARITY:-}" ]] && exit 0
echo
met() { calc "'met' if $1 else 'MISSED'"; }
echo "-- targets (score time = the app's clock from coordination to the final manifest; process = JVM start to exit):"
echo "   (medians of the $REPEAT pairs)"
echo "   score < 15 s:        score time $(met "$MED_SCORE < 15") (${MED_SCORE}s)   process $(met "$MED_WALL < 15") (${MED_WALL}s)"
echo "   >= 150 notes/s:      score time $(met "$NOTES/$MED_SCORE >= 150") ($(calc "round($NOTES/$MED_SCORE,1)"))   process $(met "$NOTES/$MED_WALL >= 150") ($(calc "round($NOTES/$MED_WALL,1)"))"
echo "   <= 1.5x the floor:   score time vs load+cold $(met "$MED_RATIO <= 1.5") (${MED_RATIO}x)   process $(met "$MED_WALL_RATIO <= 1.5") (${MED_WALL_RATIO}x)   against a floor with keyframes $(met "$MED_KF_RATIO <= 1.5") (${MED_KF_RATIO}x)"
echo "   heap < 1 GiB:        $(met "${HEAP_PEAK_MB:-0} < 1024") (peak ${HEAP_PEAK_MB:-?} MiB)"
