#!/usr/bin/env bash
# Throughput benchmark of the Sib2Ae Orchestrator on ActorPreludeSample (MusicXML + MIDI, no SVG),
# against its rendering floor: RenderFloor --with-keyframes true, the same notes, the same renderer
# and SoundFont, audio and keyframes computed in memory and nothing written.
#
# Prints, from ONE invocation (the machine is shared: only ratios measured here are comparable),
# BENCH_REPEAT rounds run alternately, each round:
#   a. the cold one-shot, `bin/sib2ae process ...` (AppCDS archive made on an untimed first run)
#      and `java -jar ... process ...`: wall time JVM start to exit, CPU, peak RSS
#   b. the floor process, started cold: its time up to the end of its cold pass, then its best
#      warm pass over the same notes (three passes)
#   c. a running service (started with bin/sib2ae, as a user would; BENCH_SERVICE=jar: java -jar):
#      the score once, then the same score again under another name; the second score's time
#      (created_at to completed_at in its index) and the service's CPU meanwhile
# and reports, as medians of the rounds:
#   cold one-shot wall / floor process time to the end of its cold pass     (target <= 1.6x)
#   warm service second score / floor best warm pass                        (target <= 1.3x)
#   one `fluidsynth` process per note (a sample, extrapolated) / cold one-shot (target >= 30x)
#   CPU-seconds per sounding note, cold and warm, and the one-shot's peak RSS (target <= 1 GiB)
#   where the one-shot's wall time goes (start, read and plan, notes, close, exit: from its log), its
#   kernel CPU and the same run writing to tmpfs; the second score's CPU by thread kind (note workers,
#   the JIT's compilers, the collector) and user against kernel time, from /proc
# then, unless skipped, linearity: one copy of the score against two in service mode;
# then, unless skipped, reexport: the cold one-shot into a fresh --out, then the same score with one
# pitch changed into the same --out (its version 2), then that again: each one's wall time against
# the first export's, with the WAVs each rendered (from the MusicXML alone: a MIDI edit is not scripted);
# then, unless skipped, scale (distributed mode, issue 14): BENCH_SCALE_REPEAT rounds run alternately,
# each the score dropped once into a service started for it, its processing span (index created_at
# to completed_at) and CPU, in three set-ups:
#   in-process, one instance on one core (taskset -c 0), no broker: the baseline for the broker's cost
#   one instance on core 0 through the broker                  (scripts/artemis.sh, not pinned)
#   two instances on cores 0 and 1 through the broker, sharing inbox, output, archive, failed, work
# and reports the medians: speed-up of two instances over one (target >= 1.8x), the broker's overhead
# per note (wall and CPU, one instance through the broker against in-process), the broker's own CPU and
# messages per note (its queue counters), each node's share of the notes, the leader's coordination
# CPU per note and the bytes written per note: the figures of the README's capacity model.
#
# usage: scripts/bench.sh            (from the repository root; builds the jar when missing)
# env:   BENCH_REPEAT=3 (rounds)  BENCH_BASELINE_N=100  BENCH_SF2=/usr/share/sounds/sf2/FluidR3_GM.sf2
#        BENCH_SKIP_LINEARITY=1  BENCH_SKIP_BASELINE=1  BENCH_KEEP=1 (keep the temp folder)
#        BENCH_JAR=path (another build, for an A/B)  BENCH_ONLY_LINEARITY=1  BENCH_SERVICE=jar
#        BENCH_SKIP_REEXPORT=1  BENCH_ONLY_REEXPORT=1  BENCH_SKIP_TMPFS=1 (no one-shot into /dev/shm)
#        BENCH_SKIP_SCALE=1  BENCH_ONLY_SCALE=1  BENCH_SCALE_REPEAT=3 (default BENCH_REPEAT)  BENCH_BROKER_PORT=61626
#        BENCH_SCORE=ActorPreludeSample
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="$(readlink -f "${BENCH_JAR:-$ROOT/target/sib2ae-orchestrator.jar}")"
LAUNCHER="$ROOT/bin/sib2ae"
SCORES="${BENCH_SCORES:-$ROOT/testdata/scores}"
SCORE="${BENCH_SCORE:-ActorPreludeSample}"   # another of testdata/scores, with its .mid, for a quick trial
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
if [[ -z "${BENCH_SKIP_BASELINE:-}" ]] && ! command -v fluidsynth >/dev/null; then
    echo "installing fluidsynth (the per-note baseline) ..."
    (apt-get install -y fluidsynth >/dev/null 2>&1 || sudo apt-get install -y fluidsynth >/dev/null 2>&1) \
        || { echo "fluidsynth is needed for the baseline (or set BENCH_SKIP_BASELINE=1)" >&2; exit 2; }
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time ..."
    (apt-get install -y time >/dev/null 2>&1 || sudo apt-get install -y time >/dev/null 2>&1) \
        || { echo "GNU time (/usr/bin/time) is required" >&2; exit 2; }
fi

TMP="$(mktemp -d /tmp/sib2ae-bench.XXXXXX)"
SERVICE_PID=""
SCALE_PIDS=()
BROKER_DIR=""
cleanup() {
    for pid in "$SERVICE_PID" "${SCALE_PIDS[@]}"; do
        if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    if [[ -n "$BROKER_DIR" ]]; then "$ROOT/scripts/artemis.sh" stop "$BROKER_DIR" >/dev/null 2>&1 || true; fi
    if [[ -n "${SHM:-}" ]]; then rm -rf "$SHM"; fi
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
r2() { calc "round($1,2)"; }
median() { python3 -c "import statistics,sys; print(round(statistics.median(float(x) for x in sys.argv[1:]),2))" "$@"; }
# An earlier round's output is renamed out of the way, not deleted, until the end. On an ext4 without a
# journal (as on this machine) the kernel skips over inodes deleted in the last minutes each time it
# makes a file, so deleting a round's 9,000 files just before the next round made that round's own
# files several times dearer to create: kernel time of the benchmark's doing, not the application's.
set_aside() {
    [[ -e "$1" ]] || return 0
    mkdir -p "$TMP/set-aside"
    mv "$1" "$(mktemp -d "$TMP/set-aside/$(basename "$1").XXXXXX")/"
}
proc_cpu() { # user+sys CPU seconds of a live process
    awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"
}

# Where a one-shot's wall time goes, from its log's timestamps: "start read notes close exit"
# (JVM and Camel start; reading, coordinating and planning the score; the notes; closing the score
# with its After Effects comp and preview; stopping). $1 the run's log, $2 and $3 its start and end.
phases() {
    python3 - "$@" <<'EOF'
import re, sys
from datetime import datetime
log, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
marks = {"camel": r"Apache Camel .* started in", "score": r"Score '.*' started: ", "notes": r"Score '.*': 100% \(",
         "ae": r"After Effects comp and preview for "}
at = {}
try:
    for line in open(log, errors="replace"):
        for key, pattern in marks.items():
            if key not in at and re.search(pattern, line):
                at[key] = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S.%f").timestamp()
except OSError:
    pass
if len(at) < len(marks):
    print("? ? ? ? ?")
else:
    points = [start, at["camel"], at["score"], at["notes"], at["ae"], end]
    print(" ".join(f"{b - a:.2f}" for a, b in zip(points, points[1:])))
EOF
}
# CPU of a live JVM's threads by kind, in clock ticks: "camel compiler gc other user sys" (/proc)
thread_cpu() {
    python3 - "$1" <<'EOF'
import glob, sys
kinds = dict(workers=0, compiler=0, gc=0, other=0, user=0, sys=0)
for stat in glob.glob(f"/proc/{sys.argv[1]}/task/*/stat"):
    try:
        text = open(stat).read()
    except OSError:
        continue
    name = text[text.index("(") + 1:text.rindex(")")]
    fields = text[text.rindex(")") + 2:].split()
    user, system = int(fields[11]), int(fields[12])
    # Linux keeps 15 characters of a thread's name: every Camel thread is "Camel (camel-1)"; during
    # a score nearly all of their time is the note workers'.
    kind = ("workers" if name.startswith("Camel (") else
            "compiler" if "CompilerThre" in name else
            "gc" if name.startswith(("GC ", "G1 ", "VM Thread")) else "other")
    kinds[kind] += user + system
    kinds["user"] += user
    kinds["sys"] += system
print(" ".join(str(kinds[k]) for k in ("workers", "compiler", "gc", "other", "user", "sys")))
EOF
}

echo "== Sib2Ae benchmark: $SCORE  (cores=$CORES, sf2=$(basename "$SF2"), jar=$(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "   load average at start: $(cut -d' ' -f1-3 /proc/loadavg)  (shared machine: compare ratios, not absolutes)"

# ---------------------------------------------------------------- a. cold one-shot
# $1 label, then the command; sets OS_WALL OS_CPU OS_RSS OS_SCORE and the output folder $TMP/$1
one_shot() {
    local label=$1; shift
    local out="${ONE_SHOT_OUT:-$TMP}/$label"
    set_aside "$out"
    local started; started="$(now)"
    /usr/bin/time -v -o "$TMP/$label.time" "$@" process --musicxml "$XML" --midi "$MID" --out "$out" \
        >"$TMP/$label.log" 2>&1 || { echo "$label run failed (exit $?):"; tail -20 "$TMP/$label.log"; exit 1; }
    local ended; ended="$(now)"
    OS_WALL="$(wall_seconds "$(tfield "$TMP/$label.time" "Elapsed (wall clock)")")"
    OS_CPU="$(r2 "$(tfield "$TMP/$label.time" "User time")+$(tfield "$TMP/$label.time" "System time")")"
    OS_SYS="$(r2 "$(tfield "$TMP/$label.time" "System time")")"
    OS_PHASES="$(phases "$out/sib2ae-one-shot.log" "$started" "$ended")"
    if [[ -n "${ONE_SHOT_OUT:-}" ]]; then rm -rf "${out:?}"; fi
    OS_RSS="$(calc "round($(tfield "$TMP/$label.time" "Maximum resident set size")/1024)")"
    OS_SCORE="$(calc "$(grep -E "^$SCORE: " "$TMP/$label.log" | tail -1 | sed -E 's/.* ([0-9]+) ms\).*/\1/')/1000")"
}
JAVA_JAR=(java -Xmx1g -Dsib2ae.audio.soundfont="$SF2" -jar "$JAR")
HAVE_LAUNCHER=""
if [[ -x "$LAUNCHER" && -z "${BENCH_JAR:-}" && -z "${BENCH_ONLY_REEXPORT:-}" && -z "${BENCH_ONLY_SCALE:-}" ]]; then
    HAVE_LAUNCHER=1
    LAUNCH=(env SIB2AE_JAR="$JAR" SIB2AE_CDS_DIR="$TMP/cds" "$LAUNCHER" -Dsib2ae.audio.soundfont="$SF2")
    # The first run writes the class-data archive (as a user's first run does); it is not timed.
    one_shot launcher-first "${LAUNCH[@]}"
    echo
    echo "-- launcher's first run (writes its AppCDS archive, not counted): wall ${OS_WALL}s"
fi

# The service as a user starts it: with the launcher (which execs the JVM, so its pid is the JVM's).
if [[ -n "$HAVE_LAUNCHER" && "${BENCH_SERVICE:-launcher}" != "jar" ]]; then
    SERVICE=(env SIB2AE_JAR="$JAR" SIB2AE_CDS_DIR="$TMP/cds" "$LAUNCHER"); SERVICE_TAIL=(); SERVICE_LABEL="bin/sib2ae"
else
    SERVICE=(java -Xmx1g); SERVICE_TAIL=(-jar "$JAR"); SERVICE_LABEL="java -jar"
fi

# ---------------------------------------------------------------- b. the floor
# sets FL_COLD_PROC (JVM start to end of cold pass, s), FL_COLD_CPU, FL_WARM (best warm pass, s), FL_WARM_CPU, FL_NOTES
floor() {
    java -Xmx1g $EXPORTS -cp "$JAR" io.sib2ae.orchestrator.bench.RenderFloor --midi-dir "$1" --soundfont "$SF2" \
        --threads "$CORES" --passes 3 --with-keyframes true >"$TMP/floor.log" 2>&1 || {
        echo "RenderFloor failed:"; tail -20 "$TMP/floor.log"; exit 1; }
    fv() { grep -E "^floor\.$1=" "$TMP/floor.log" | cut -d= -f2; }
    FL_NOTES="$(fv notes)"
    FL_COLD_PROC="$(calc "$(fv cold_end_uptime_ms)/1000")"
    FL_COLD_CPU="$(calc "$(fv cold_end_process_cpu_ms)/1000")"
    if (( $(fv pass_warm1_ms) <= $(fv pass_warm2_ms) )); then local best=warm1; else local best=warm2; fi
    FL_WARM="$(calc "$(fv "pass_${best}_ms")/1000")"
    FL_WARM_CPU="$(calc "$(fv "pass_${best}_process_cpu_ms")/1000")"
}

# ---------------------------------------------------------------- c. the running service
# $1 folder; sets SV_FIRST SV_SECOND (seconds, from the second score's index) SV_CPU (service CPU over the second)
service_second_copy() {
    local base=$1
    mkdir -p "$base"/{inbox,output,archive,failed,work,staging}
    (cd "$base" && exec "${SERVICE[@]}" -Dsib2ae.audio.soundfont="$SF2" -Dsib2ae.management.port=0 \
        -Dsib2ae.inbox="$base/inbox" -Dsib2ae.output="$base/output" -Dsib2ae.archive="$base/archive" \
        -Dsib2ae.failed="$base/failed" -Dsib2ae.work="$base/work" \
        -Dsib2ae.intake.quiet-period-ms=1000 -Dsib2ae.intake.read-lock-min-age-ms=200 \
        -Dsib2ae.intake.poll-delay-ms=200 "${SERVICE_TAIL[@]}" >"$base/service.log" 2>&1) &
    SERVICE_PID=$!
    wait_started "$base"
    drop_and_wait "$base" First
    local c0; c0="$(proc_cpu "$SERVICE_PID")"
    local t0; t0="$(thread_cpu "$SERVICE_PID")"
    drop_and_wait "$base" Second
    local c1; c1="$(proc_cpu "$SERVICE_PID")"
    local t1; t1="$(thread_cpu "$SERVICE_PID")"
    stop_service
    SV_CPU="$(r2 "$c1-$c0")"
    # The second score's CPU in seconds by thread kind (Camel's threads, the note workers among them;
    # the JIT's compiler threads; the collector; the rest), then as user and kernel time.
    SV_SPLIT="$(python3 -c "import sys; a, b = sys.argv[1].split(), sys.argv[2].split(); print(' '.join(f'{(int(y) - int(x)) / $(getconf CLK_TCK):.2f}' for x, y in zip(a, b)))" "$t0" "$t1")"
    read -r SV_FIRST SV_SECOND < <(python3 - "$base/output" <<'EOF'
import json, sys
from datetime import datetime
def took(name):
    m = json.load(open(f"{sys.argv[1]}/{name}/manifest.json"))
    t = lambda s: datetime.fromisoformat(s.rstrip("Z")[:26])
    return round((t(m["completed_at"]) - t(m["created_at"])).total_seconds(), 2)
print(took("First"), took("Second"))
EOF
)
}
wait_started() {
    for _ in $(seq 1 600); do
        grep -q "started in" "$1/service.log" 2>/dev/null && return 0
        kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died" >&2; tail "$1/service.log" >&2; exit 1; }
        sleep 0.2
    done
    echo "service did not start" >&2; exit 1
}
# $1 folder, $2 score name: a differently named copy (a comment makes its content hash distinct)
drop_and_wait() {
    { cat "$XML"; echo "<!-- bench copy $2 -->"; } >"$1/staging/$2.xml"
    cp "$MID" "$1/staging/$2.mid"
    mv "$1/staging/$2.xml" "$1/staging/$2.mid" "$1/inbox/"
    for _ in $(seq 1 12000); do
        grep -qE '^  "status" : "(completed|completed_with_failures|failed)"' "$1/output/$2/manifest.json" 2>/dev/null \
            && return 0
        sleep 0.05
    done
    echo "service timed out on $2" >&2; exit 1
}
stop_service() {
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
    SERVICE_PID=""
}

if [[ -z "${BENCH_ONLY_LINEARITY:-}" && -z "${BENCH_ONLY_REEXPORT:-}" && -z "${BENCH_ONLY_SCALE:-}" ]]; then
R_LAUNCH=(); R_LAUNCH_CPU=(); R_JAR=(); R_JAR_CPU=(); R_RSS=(); R_FCOLD=(); R_FCOLD_CPU=()
R_FWARM=(); R_FWARM_CPU=(); R_SECOND=(); R_SECOND_CPU=(); R_FIRST=()
R_PHASES=(); R_SYS=(); R_SHM=(); R_SHM_SYS=(); R_SPLIT=()
# The same one-shot writing to a RAM file system: how much of its time is the disk's file system.
SHM=""; [[ -z "${BENCH_SKIP_TMPFS:-}" && -n "$HAVE_LAUNCHER" && -d /dev/shm && -w /dev/shm ]] && SHM="$(mktemp -d /dev/shm/sib2ae-bench.XXXXXX)"
echo
echo "-- $REPEAT rounds, run alternately (BENCH_REPEAT); times in seconds"
for ((r = 1; r <= REPEAT; r++)); do
    line="   round $r:"
    if [[ -n "$HAVE_LAUNCHER" ]]; then
        one_shot launcher "${LAUNCH[@]}"
        R_LAUNCH+=("$OS_WALL"); R_LAUNCH_CPU+=("$OS_CPU"); R_SYS+=("$OS_SYS"); R_PHASES+=("$OS_PHASES")
        line+=" bin/sib2ae ${OS_WALL} (cpu ${OS_CPU}, kernel ${OS_SYS}, rss ${OS_RSS} MiB; phases ${OS_PHASES}) |"
        if [[ -n "$SHM" ]]; then
            ONE_SHOT_OUT="$SHM" one_shot launcher-tmpfs "${LAUNCH[@]}"
            R_SHM+=("$OS_WALL"); R_SHM_SYS+=("$OS_SYS")
            line+=" on tmpfs ${OS_WALL} (cpu ${OS_CPU}, kernel ${OS_SYS}) |"
        fi
    fi
    one_shot app "${JAVA_JAR[@]}"
    R_JAR+=("$OS_WALL"); R_JAR_CPU+=("$OS_CPU"); R_RSS+=("$OS_RSS")
    line+=" java -jar ${OS_WALL} (cpu ${OS_CPU}, rss ${OS_RSS} MiB, score ${OS_SCORE}) |"
    floor "$TMP/app/$SCORE/midi"
    R_FCOLD+=("$FL_COLD_PROC"); R_FCOLD_CPU+=("$FL_COLD_CPU"); R_FWARM+=("$FL_WARM"); R_FWARM_CPU+=("$FL_WARM_CPU")
    line+=" floor cold process ${FL_COLD_PROC} (cpu ${FL_COLD_CPU}), best warm pass ${FL_WARM} (cpu ${FL_WARM_CPU}) |"
    set_aside "$TMP/svc"
    service_second_copy "$TMP/svc"
    R_FIRST+=("$SV_FIRST"); R_SECOND+=("$SV_SECOND"); R_SECOND_CPU+=("$SV_CPU"); R_SPLIT+=("$SV_SPLIT")
    line+=" service first ${SV_FIRST}, second ${SV_SECOND} (cpu ${SV_CPU}; camel compiler gc other user kernel: ${SV_SPLIT})"
    echo "$line"
done

DIR="$TMP/app/$SCORE"
read -r NOTES RENDERED STATUS < <(python3 - "$DIR" <<'EOF'
import json, os, sys
d = sys.argv[1]
notes = rendered = 0
for f in os.listdir(os.path.join(d, "manifests")):
    m = json.load(open(os.path.join(d, "manifests", f)))
    notes += 1
    rendered += (m.get("stages", {}).get("audio", {}).get("status") == "completed")
print(notes, rendered, json.load(open(os.path.join(d, "manifest.json")))["status"])
EOF
)
COLD=(); [[ -n "$HAVE_LAUNCHER" ]] && COLD=("${R_LAUNCH[@]}") || COLD=("${R_JAR[@]}")
COLD_CPU=(); [[ -n "$HAVE_LAUNCHER" ]] && COLD_CPU=("${R_LAUNCH_CPU[@]}") || COLD_CPU=("${R_JAR_CPU[@]}")
COLD_RATIOS=(); JAR_RATIOS=(); WARM_RATIOS=()
for ((i = 0; i < REPEAT; i++)); do
    COLD_RATIOS+=("$(calc "${COLD[$i]}/${R_FCOLD[$i]}")")
    JAR_RATIOS+=("$(calc "${R_JAR[$i]}/${R_FCOLD[$i]}")")
    WARM_RATIOS+=("$(calc "${R_SECOND[$i]}/${R_FWARM[$i]}")")
done
MED_COLD="$(median "${COLD[@]}")"; MED_JAR="$(median "${R_JAR[@]}")"; MED_FCOLD="$(median "${R_FCOLD[@]}")"
MED_SECOND="$(median "${R_SECOND[@]}")"; MED_FWARM="$(median "${R_FWARM[@]}")"
MED_COLD_RATIO="$(median "${COLD_RATIOS[@]}")"; MED_JAR_RATIO="$(median "${JAR_RATIOS[@]}")"
MED_WARM_RATIO="$(median "${WARM_RATIOS[@]}")"
MED_RSS="$(median "${R_RSS[@]}")"
per_note() { calc "round($(median "$@")/$RENDERED,4)"; }
COLD_LABEL="$([[ -n "$HAVE_LAUNCHER" ]] && echo "bin/sib2ae" || echo "java -jar")"
echo
echo "-- medians of $REPEAT rounds ($NOTES notes, $RENDERED sounding and rendered; floor: $FL_NOTES notes; index status $STATUS)"
echo "   cold one-shot ($COLD_LABEL): wall ${MED_COLD}s = ${MED_COLD_RATIO}x the floor process to the end of its cold pass (${MED_FCOLD}s)   (target <= 1.6x)"
[[ -n "$HAVE_LAUNCHER" ]] && echo "   cold one-shot (java -jar):   wall ${MED_JAR}s = ${MED_JAR_RATIO}x"
echo "   running service ($SERVICE_LABEL), second copy: ${MED_SECOND}s = ${MED_WARM_RATIO}x the floor's best warm pass (${MED_FWARM}s)   (target <= 1.3x)"
echo "   CPU-seconds per note: cold one-shot $(per_note "${COLD_CPU[@]}") (floor to end of cold pass $(per_note "${R_FCOLD_CPU[@]}")),  warm service $(per_note "${R_SECOND_CPU[@]}") (floor best warm pass $(per_note "${R_FWARM_CPU[@]}"))"
echo "   per 1,000 notes: cold one-shot $(calc "round($MED_COLD/$RENDERED*1000,1)")s wall,  warm service $(calc "round($MED_SECOND/$RENDERED*1000,1)")s"
echo "   peak RSS, one-shot (java -jar -Xmx1g): ${MED_RSS} MiB   (target <= 1024)"
# Medians, column by column, of lines of numbers ("?" where a run gave none).
column_medians() {
    python3 -c "
import statistics, sys
rows = [l.split() for l in sys.argv[1:] if l and '?' not in l]
print(' '.join(f'{statistics.median(float(r[i]) for r in rows):.2f}' for i in range(len(rows[0]))) if rows else '')
" "$@"
}
if [[ -n "$HAVE_LAUNCHER" ]]; then
    read -r P_START P_READ P_NOTES P_CLOSE P_EXIT < <(column_medians "${R_PHASES[@]}")
    echo
    echo "-- where the cold one-shot's time goes (bin/sib2ae, medians; the floor has only its start and its notes)"
    echo "   wall: JVM and Camel start ${P_START}s, read+coordinate+plan ${P_READ}s, notes ${P_NOTES}s, close with the After Effects comp ${P_CLOSE}s, exit ${P_EXIT}s"
    echo "   kernel CPU $(median "${R_SYS[@]}")s of $(median "${R_LAUNCH_CPU[@]}")s (the floor writes no file)"
    if [[ -n "$SHM" ]]; then
        SHM_RATIOS=(); for ((i = 0; i < REPEAT; i++)); do SHM_RATIOS+=("$(calc "${R_SHM[$i]}/${R_FCOLD[$i]}")"); done
        echo "   the same run writing to tmpfs (/dev/shm): wall $(median "${R_SHM[@]}")s = $(median "${SHM_RATIOS[@]}")x the floor, kernel CPU $(median "${R_SHM_SYS[@]}")s: the difference is the disk's file system creating ~9,000 files"
    fi
fi
read -r S_WORK S_JIT S_GC S_OTHER S_USER S_SYS < <(column_medians "${R_SPLIT[@]}")
echo "-- where the running service's second score's CPU goes (medians, seconds; /proc per thread)"
echo "   Camel's threads (the note workers) ${S_WORK}, JIT compiler threads ${S_JIT}, collector ${S_GC}, other ${S_OTHER}; user ${S_USER}, kernel ${S_SYS}   (floor's best warm pass: $(median "${R_FWARM_CPU[@]}") in all)"

# ---------------------------------------------------------------- the writes' floor
# The one-shot's per-note files (WAV, MIDI, keyframes, note manifests) written again as the hops
# write them, and nothing else: what the outputs alone cost. With the floor's warm CPU it bounds
# from below what any run that renders, analyses and writes these files can take on these cores.
WF_LINE=""
if [[ -z "${BENCH_SKIP_WRITEFLOOR:-}" ]]; then
    java -Xmx2g -cp "$JAR" io.sib2ae.orchestrator.bench.WriteFloor --score-dir "$DIR" --out "$TMP/writefloor" \
        --threads "$CORES" --passes 3 >"$TMP/writefloor.log" 2>&1 || { echo "WriteFloor failed:"; tail -20 "$TMP/writefloor.log"; exit 1; }
    wv() { grep -E "^writefloor\.$1=" "$TMP/writefloor.log" | cut -d= -f2; }
    WF_WALL="$(calc "$(wv best_ms)/1000")"; WF_CPU="$(calc "$(wv best_process_cpu_ms)/1000")"
    MED_FWARM_CPU="$(median "${R_FWARM_CPU[@]}")"
    WF_BOUND="$(calc "round(($MED_FWARM_CPU+$WF_CPU)/$CORES,2)")"
    WF_BOUND_RATIO="$(calc "round($WF_BOUND/$MED_FWARM,2)")"
    echo
    echo "-- the writes' floor (WriteFloor: the one-shot's $(wv files) per-note files, $(( $(wv bytes) >> 20 )) MiB, written again as the hops write them, ${CORES} threads, best of 3 passes)"
    echo "   ${WF_WALL}s wall, ${WF_CPU} CPU-s. With the floor's warm pass (${MED_FWARM_CPU} CPU-s), no run that renders, analyses and writes"
    echo "   these files takes less than ${WF_BOUND}s on ${CORES} cores: ${WF_BOUND_RATIO}x the floor's warm pass, before its planning, JSON, Camel or JIT"
    WF_LINE="| writing the per-note files alone (WriteFloor) | ${WF_WALL} s, ${WF_CPU} CPU-s | floor + writes: at least ${WF_BOUND_RATIO}x the floor's warm pass on ${CORES} cores | |"
fi

# ---------------------------------------------------------------- fluidsynth baseline
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
    echo "-- baseline: one fluidsynth process per note ($(fluidsynth --version 2>/dev/null | head -1 | awk '{print $NF}'), same SF2, -r 44100)"
    echo "   sample of $N of $TOTAL notes: sequential $(r2 "$SEQ")s ($(calc "round($SEQ/$N*1000)") ms/note), ${CORES}-way parallel $(r2 "$PAR")s"
    echo "   extrapolated to $RENDERED notes: sequential $(calc "round($SEQ_FULL,1)")s, ${CORES}-way parallel $(calc "round($PAR_FULL,1)")s"
    echo "   the cold one-shot ($COLD_LABEL, ${MED_COLD}s) is $(calc "round($SEQ_FULL/$MED_COLD,1)")x faster than sequential fluidsynth (target >= 30x), $(calc "round($PAR_FULL/$MED_COLD,1)")x than ${CORES}-way parallel"
    echo "   (the application also writes MIDI, keyframes and manifests; the baseline renders audio only)"
fi

echo
echo "| | time | ratio | target |"
echo "|---|---|---|---|"
echo "| cold one-shot ($COLD_LABEL), wall | ${MED_COLD} s | ${MED_COLD_RATIO}x the floor's cold process (${MED_FCOLD} s) | <= 1.6x |"
[[ -n "$HAVE_LAUNCHER" ]] && echo "| cold one-shot (java -jar), wall | ${MED_JAR} s | ${MED_JAR_RATIO}x | |"
echo "| running service ($SERVICE_LABEL), second copy of the score | ${MED_SECOND} s | ${MED_WARM_RATIO}x the floor's warm pass (${MED_FWARM} s) | <= 1.3x |"
[[ -z "${BENCH_SKIP_BASELINE:-}" ]] && echo "| one fluidsynth process per note, same SoundFont | $(calc "round($SEQ_FULL)") s | the cold one-shot is $(calc "round($SEQ_FULL/$MED_COLD)")x faster | >= 30x |"
echo "| peak RSS, one-shot | ${MED_RSS} MiB | | <= 1 GiB |"
[[ -n "$WF_LINE" ]] && echo "$WF_LINE"
fi # BENCH_ONLY_LINEARITY

# ---------------------------------------------------------------- linearity (service mode)
run_service() { # $1 = number of copies; prints "drop_to_done_s processing_span_s cpu_s statuses"
    local copies=$1 base="$TMP/lin$1"
    mkdir -p "$base"/{inbox,output,archive,failed,work,staging}
    (cd "$base" && exec java -Xmx1g -Dsib2ae.audio.soundfont="$SF2" -Dsib2ae.management.port=0 \
        -Dsib2ae.inbox="$base/inbox" -Dsib2ae.output="$base/output" -Dsib2ae.archive="$base/archive" \
        -Dsib2ae.failed="$base/failed" -Dsib2ae.work="$base/work" \
        -Dsib2ae.intake.quiet-period-ms=1000 -Dsib2ae.intake.read-lock-min-age-ms=200 \
        -Dsib2ae.intake.poll-delay-ms=200 -jar "$JAR" >"$base/service.log" 2>&1) &
    SERVICE_PID=$!
    wait_started "$base" >&2
    local names=()
    for ((c = 1; c <= copies; c++)); do
        local name="Bench${copies}x${c}"
        names+=("$name")
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
    stop_service
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
if [[ -z "${BENCH_SKIP_LINEARITY:-}" && -z "${BENCH_ONLY_REEXPORT:-}" && -z "${BENCH_ONLY_SCALE:-}" ]]; then
    read -r D1 S1 C1 ST1 < <(run_service 1)
    read -r D2 S2 C2 ST2 < <(run_service 2)
    echo
    echo "-- linearity (service mode, inbox -> output, quiet period 1 s, 2 scores in flight)"
    echo "   1x: drop->done ${D1}s, processing span ${S1}s, service cpu ${C1}s [$ST1]"
    echo "   2x: drop->done ${D2}s, processing span ${S2}s, service cpu ${C2}s [$ST2]  (two differently named copies)"
    echo "   time(2x)/time(1x): drop->done $(r2 "$D2/$D1")   processing span $(r2 "$S2/$S1")   cpu $(r2 "$C2/$C1")   (~2 = linear; cpu is the noise-robust one)"
fi

# ---------------------------------------------------------------- reexport (one-shot, version 2)
# $1 MusicXML, $2 label; the one-shot into $TMP/reexport/out; prints "wall_s wavs_rendered version"
reexport_run() {
    local out="$TMP/reexport/out"
    local t0; t0="$(now)"
    java -Xmx1g $EXPORTS -Dsib2ae.audio.soundfont="$SF2" -jar "$JAR" process --musicxml "$1" --out "$out" \
        >"$TMP/reexport/$2.log" 2>&1 || [[ $? == 3 ]]
    local t1; t1="$(now)"
    python3 - "$out/$SCORE/manifest.json" "$(calc "$t1-$t0")" <<'EOF'
import json, sys
index = json.load(open(sys.argv[1]))
audio = index["counts"]["stages"]["audio"].get("completed", 0)
print(round(float(sys.argv[2]), 2), audio, index["version"])
EOF
}
if [[ -z "${BENCH_SKIP_REEXPORT:-}" && -z "${BENCH_ONLY_LINEARITY:-}" && -z "${BENCH_ONLY_SCALE:-}" ]]; then
    mkdir -p "$TMP/reexport/v2"
    # One pitch changed: the middle note written without an alteration is raised a semitone.
    python3 - "$XML" "$TMP/reexport/v2/$SCORE.xml" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
plain = list(re.finditer(r"<pitch>\s*<step>[A-G]</step>\s*<octave>", text))
m = plain[len(plain) // 2]
step_end = text.index("</step>", m.start()) + len("</step>")
open(sys.argv[2], "w", encoding="utf-8").write(text[:step_end] + "<alter>1</alter>" + text[step_end:])
EOF
    read -r RW1 RA1 RV1 < <(reexport_run "$XML" first)
    read -r RW2 RA2 RV2 < <(reexport_run "$TMP/reexport/v2/$SCORE.xml" pitch)
    read -r RW3 RA3 RV3 < <(reexport_run "$TMP/reexport/v2/$SCORE.xml" again)
    echo
    echo "-- reexport (cold one-shot, java -jar, MusicXML only, into the same --out)"
    echo "   first export:           ${RW1}s, ${RA1} WAVs rendered (version $RV1)"
    echo "   one pitch changed:      ${RW2}s, ${RA2} WAV(s) rendered (version $RV2)   re-export/first $(calc "round($RW2/$RW1,2)")"
    echo "   the same files again:   ${RW3}s, ${RA3} WAVs rendered (version $RV3)   again/first $(calc "round($RW3/$RW1,2)")"
fi

# ---------------------------------------------------------------- scale (distributed mode, issue 14)
# One service process in its own working folder, its log in $base; $1 base (the shared folders), $2
# node name, $3 the core it is pinned to, $4 the broker URL or "" for the in-process mode. Appends
# its pid to SCALE_PIDS.
scale_instance() {
    local base=$1 node=$2 core=$3 url=$4
    local broker=()
    [[ -n "$url" ]] && broker=(-Dsib2ae.broker.url="$url" -Dsib2ae.broker.user=sib2ae -Dsib2ae.broker.password=sib2ae)
    mkdir -p "$base/run-$node"
    (cd "$base/run-$node" && exec taskset -c "$core" java -Xmx1g -Dsib2ae.audio.soundfont="$SF2" \
        -Dsib2ae.management.port=0 -Dsib2ae.node.name="$node" "${broker[@]}" \
        -Dsib2ae.inbox="$base/inbox" -Dsib2ae.output="$base/output" -Dsib2ae.archive="$base/archive" \
        -Dsib2ae.failed="$base/failed" -Dsib2ae.work="$base/work" \
        -Dsib2ae.intake.quiet-period-ms=1000 -Dsib2ae.intake.read-lock-min-age-ms=200 \
        -Dsib2ae.intake.poll-delay-ms=200 -jar "$JAR" >"$base/service-$node.log" 2>&1) &
    SCALE_PIDS+=($!)
}
# The broker's queue counters, messages added since it started: "notes done dead"
broker_counters() {
    "$BROKER_DIR/bin/artemis" queue stat --url "$BROKER_URL" --user sib2ae --password sib2ae --maxRows 1000 2>/dev/null \
        | python3 -c '
import sys
added = {}
for line in sys.stdin:
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) >= 5 and cells[4].isdigit():
        added[cells[0]] = int(cells[4])
print(added.get("sib2ae.notes", 0), added.get("sib2ae.notes.done", 0), added.get("sib2ae.notes.dead", 0))'
}
# $1 label, $2 instances (0 = one in-process instance, no broker), $3 round; the score dropped once
# into services started for it. Prints "span_s drop_to_done_s cpu_s broker_cpu_s notes_msgs done_msgs
# dead_msgs bytes status nodes_rendered_per_node leader_coordination_cpu_s leader"
scale_run() {
    local label=$1 instances=$2 round=$3 base="$TMP/scale/$1-$3"
    rm -rf "$base"; mkdir -p "$base"/{inbox,output,archive,failed,work,staging}
    local nodes=()
    SCALE_PIDS=()
    if (( instances == 0 )); then
        nodes=(in-process); scale_instance "$base" in-process 0 ""
    else
        for ((i = 0; i < instances; i++)); do nodes+=("node$i"); scale_instance "$base" "node$i" "$i" "$BROKER_URL"; done
    fi
    local k
    for ((k = 0; k < ${#nodes[@]}; k++)); do
        for _ in $(seq 1 600); do
            grep -q "started in" "$base/service-${nodes[$k]}.log" 2>/dev/null && break
            kill -0 "${SCALE_PIDS[$k]}" 2>/dev/null \
                || { echo "instance ${nodes[$k]} died:" >&2; tail "$base/service-${nodes[$k]}.log" >&2; exit 1; }
            sleep 0.2
        done
    done
    local name="Scale${label}${round}"
    { cat "$XML"; echo "<!-- bench copy $name -->"; } >"$base/staging/$name.xml"
    cp "$MID" "$base/staging/$name.mid"
    local counters0="0 0 0" bcpu0=0 bpid=""
    if (( instances > 0 )); then
        counters0="$(broker_counters)"; bpid="$(cat "$BROKER_DIR/data/artemis.pid")"; bcpu0="$(proc_cpu "$bpid")"
    fi
    local cpu0=()
    for ((k = 0; k < ${#nodes[@]}; k++)); do cpu0+=("$(proc_cpu "${SCALE_PIDS[$k]}")"); done
    local t0; t0="$(now)"
    mv "$base/staging/"* "$base/inbox/"
    local finished=""
    for _ in $(seq 1 12000); do
        grep -qE '^  "status" : "(completed|completed_with_failures|failed)"' "$base/output/$name/manifest.json" 2>/dev/null \
            && { finished=1; break; }
        sleep 0.1
    done
    local t1; t1="$(now)"
    local cpus=()
    for ((k = 0; k < ${#nodes[@]}; k++)); do cpus+=("$(calc "round($(proc_cpu "${SCALE_PIDS[$k]}")-${cpu0[$k]},2)")"); done
    local counters1="0 0 0" bcpu=0
    if (( instances > 0 )); then counters1="$(broker_counters)"; bcpu="$(calc "round($(proc_cpu "$bpid")-$bcpu0,2)")"; fi
    for pid in "${SCALE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${SCALE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    SCALE_PIDS=()
    [[ -n "$finished" ]] || { echo "scale run $label timed out; logs in $base" >&2; BENCH_KEEP=1; exit 1; }
    python3 - "$base" "$name" "$(calc "$t1-$t0")" "$bcpu" "$counters0" "$counters1" "${cpus[@]}" <<'EOF'
import json, os, sys
from datetime import datetime
base, name, drop, bcpu, c0, c1 = sys.argv[1:7]
cpus = [float(c) for c in sys.argv[7:]]
ts = lambda s: datetime.fromisoformat(s.rstrip("Z")[:26])
index = json.load(open(f"{base}/output/{name}/manifest.json"))
span = (ts(index["completed_at"]) - ts(index["created_at"])).total_seconds()
added = [b - a for a, b in zip(map(int, c0.split()), map(int, c1.split()))]
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(f"{base}/output/{name}") for f in fs)
nodes = index.get("nodes") or {}
leader, coordination = "-", 0.0
if len(cpus) == 2:
    # The leader says so in its log. It renders its share and coordinates: its CPU beyond rendering
    # its notes at the other's CPU per note is the coordination (intake, planning, reports, closing).
    logs = [open(f"{base}/service-node{i}.log", errors="replace").read() for i in range(2)]
    leads = [i for i in range(2) if "now leads intake" in logs[i]]
    li = leads[-1] if leads else 0
    leader = f"node{li}"
    rendered = [nodes.get(f"node{i}", 0) for i in range(2)]
    # Each JVM's fixed cost (start, JIT) hides in the other's cost per note when it rendered few:
    # below a quarter of the notes the estimate means nothing, and is left out (nan).
    coordination = float("nan")
    if sum(rendered) > 0 and min(rendered) >= sum(rendered) / 4:
        coordination = cpus[li] - rendered[li] * cpus[1 - li] / rendered[1 - li]
print(round(span, 2), round(float(drop), 2), round(sum(cpus), 2), bcpu, *added, size, index["status"],
      ",".join(f"{k}={v}" for k, v in sorted(nodes.items())) or "-", round(coordination, 2), leader)
EOF
}
if [[ -z "${BENCH_SKIP_SCALE:-}" && -z "${BENCH_ONLY_LINEARITY:-}" && -z "${BENCH_ONLY_REEXPORT:-}" ]]; then
    (( CORES >= 2 )) || { echo "the scale section needs 2 cores (taskset -c 0 and -c 1)" >&2; exit 2; }
    command -v taskset >/dev/null || { echo "the scale section needs taskset (util-linux)" >&2; exit 2; }
    BROKER_DIR="$TMP/broker"
    BROKER_URL="tcp://127.0.0.1:${BENCH_BROKER_PORT:-61626}"
    # Not pinned: on a studio's network the broker runs on a machine of its own; its CPU is measured apart.
    "$ROOT/scripts/artemis.sh" start "$BROKER_DIR" --port "${BENCH_BROKER_PORT:-61626}" >"$TMP/broker.log" 2>&1 \
        || { cat "$TMP/broker.log" >&2; exit 1; }
    SCALE_REPEAT="${BENCH_SCALE_REPEAT:-$REPEAT}"
    S_IN=(); S_B1=(); S_B2=(); C_IN=(); C_B1=(); C_B2=(); BC_B2=(); D_B2=(); M_NOTES=(); M_DONE=(); COORDS=()
    echo
    echo "-- scale: $SCALE_REPEAT rounds, run alternately (BENCH_SCALE_REPEAT); each set-up a fresh service, the score once"
    # Run in this shell (not in a <(...) subshell), so that its instances are this shell's to clean up.
    scale() { scale_run "$@" >"$TMP/scale-run.out"; read -r SP DR CPU BCPU MN MD MQ BYTES ST NODES COORD LEADER <"$TMP/scale-run.out"; }
    for ((r = 1; r <= SCALE_REPEAT; r++)); do
        scale InProcess 0 "$r"
        S_IN+=("$SP"); C_IN+=("$CPU"); SIZE="$BYTES"
        line="   round $r: in-process, 1 core ${SP}s (cpu ${CPU}, $ST) |"
        scale Broker1 1 "$r"
        S_B1+=("$SP"); C_B1+=("$CPU")
        line+=" broker, 1 instance ${SP}s (cpu ${CPU}, broker cpu ${BCPU}, $ST) |"
        scale Broker2 2 "$r"
        S_B2+=("$SP"); C_B2+=("$CPU"); BC_B2+=("$BCPU"); D_B2+=("$DR"); M_NOTES+=("$MN"); M_DONE+=("$MD")
        COORDS+=("$COORD")
        line+=" broker, 2 instances ${SP}s (cpu ${CPU}, broker cpu ${BCPU}, notes per node $NODES, leader $LEADER, $ST;"
        line+=" messages added: sib2ae.notes $MN, sib2ae.notes.done $MD, sib2ae.notes.dead $MQ)"
        echo "$line"
    done
    "$ROOT/scripts/artemis.sh" stop "$BROKER_DIR" >/dev/null; BROKER_DIR=""
    SCALE_NOTES="$(find "$TMP/scale/InProcess-1/output/ScaleInProcess1/manifests" -name '*.json' | wc -l)"
    SPEEDUPS=(); INPROC_SPEEDUPS=(); CPU_SPEEDUPS=()
    for ((i = 0; i < SCALE_REPEAT; i++)); do
        SPEEDUPS+=("$(calc "${S_B1[$i]}/${S_B2[$i]}")"); INPROC_SPEEDUPS+=("$(calc "${S_IN[$i]}/${S_B2[$i]}")")
        # On cores of their own, two instances finish in half the CPU time they spend together.
        CPU_SPEEDUPS+=("$(calc "2*${C_B1[$i]}/${C_B2[$i]}")")
    done
    MS_IN="$(median "${S_IN[@]}")"; MS_B1="$(median "${S_B1[@]}")"; MS_B2="$(median "${S_B2[@]}")"
    MC_IN="$(median "${C_IN[@]}")"; MC_B1="$(median "${C_B1[@]}")"; MC_B2="$(median "${C_B2[@]}")"
    MBC="$(median "${BC_B2[@]}")"
    MCOORD="$(python3 -c "import math,statistics,sys; v=[float(x) for x in sys.argv[1:] if not math.isnan(float(x))]; print(round(statistics.median(v),2) if v else 'nan')" "${COORDS[@]}")"
    MMN="$(median "${M_NOTES[@]}")"; MMD="$(median "${M_DONE[@]}")"
    ms_note() { calc "round(($1)/$SCALE_NOTES*1000,2)"; }
    echo
    echo "-- scale, medians of $SCALE_REPEAT rounds ($SCALE_NOTES notes; the broker from scripts/artemis.sh on $BROKER_URL, not pinned)"
    echo "   in-process, 1 core:               ${MS_IN}s, cpu ${MC_IN}s  ($(ms_note "$MS_IN") ms wall, $(ms_note "$MC_IN") ms cpu per note)"
    echo "   broker, 1 instance on 1 core:     ${MS_B1}s, cpu ${MC_B1}s  ($(ms_note "$MS_B1") ms wall, $(ms_note "$MC_B1") ms cpu per note)"
    echo "   broker, 2 instances, 1 core each: ${MS_B2}s, cpu ${MC_B2}s (both)  drop->done $(median "${D_B2[@]}")s"
    echo "   speed-up of 2 instances over 1, through the broker: $(median "${SPEEDUPS[@]}")x wall   (target >= 1.8x);  over in-process on 1 core: $(median "${INPROC_SPEEDUPS[@]}")x"
    echo "   the same from CPU, 2 x cpu(1 instance) / cpu(2 instances), what cores of their own would give: $(median "${CPU_SPEEDUPS[@]}")x"
    echo "   (wall is only meaningful when nothing else runs: load average now $(cut -d' ' -f1 /proc/loadavg) on $CORES cores)"
    echo "   broker overhead per note, 1 instance against in-process: $(ms_note "$MS_B1-$MS_IN") ms wall, $(ms_note "$MC_B1-$MC_IN") ms instance cpu; the broker's own cpu $(ms_note "$MBC") ms"
    echo "   broker messages per note: $(calc "round(($MMN+$MMD)/$SCALE_NOTES,2)")  (added to sib2ae.notes $MMN, to sib2ae.notes.done $MMD)"
    if [[ "$MCOORD" != nan ]]; then
        echo "   the leader's coordination (its cpu beyond rendering its notes at the other's cost per note): ${MCOORD}s, $(ms_note "$MCOORD") ms per note"
    else
        echo "   the leader's coordination: not estimated, one node rendered less than a quarter of the notes in every round"
    fi
    echo "   bytes written per note (the score's output folder / notes): $(calc "round($SIZE/$SCALE_NOTES)"); a 110 MB/s (gigabit) NAS takes $(calc "round(110e6/($SIZE/$SCALE_NOTES))") notes/s"
fi
