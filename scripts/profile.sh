#!/usr/bin/env bash
# CPU profile of ActorPreludeSample (MusicXML + MIDI) with Java Flight Recorder, summarised by
# pipeline activity and by thread (scripts/jfr-summary.py), with the JIT's compilations and
# deoptimizations over the recording.
#
# usage: scripts/profile.sh [--warm] [OUT.jfr]
#   default  one cold one-shot run, recorded from JVM start to exit
#   --warm   a running service: the score once, then the same score again under another name; the
#            summaries cover the second score only, from its drop to its index's completion (the
#            studio's steady state). The recording runs from JVM start: on JDK 17, a recording
#            started later with jcmd JFR.start makes the JVM throw away all of its compiled code
#            (some 6,000 methods at once, seen with -XX:+PrintCompilation), so the score it then
#            records runs largely interpreted and looks nothing like the steady state.
# env: BENCH_SF2 (default FluidR3_GM.sf2, else the application's default)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="$(readlink -f "${BENCH_JAR:-$ROOT/target/sib2ae-orchestrator.jar}")"
SCORES="${BENCH_SCORES:-$ROOT/testdata/scores}"
XML="$SCORES/ActorPreludeSample.xml"
MID="$SCORES/ActorPreludeSample.mid"
SF2="${BENCH_SF2:-/usr/share/sounds/sf2/FluidR3_GM.sf2}"
SF2_OPT=(); [[ -f "$SF2" ]] && SF2_OPT=(-Dsib2ae.audio.soundfont="$SF2")
WARM=""
WINDOW=()
if [[ "${1:-}" == "--warm" ]]; then WARM=1; shift; fi
[[ -f "$JAR" ]] || mvn -q -o -DskipTests package
JFR="$(readlink -f "${1:-/tmp/sib2ae-profile.jfr}")"
OUT="$(mktemp -d /tmp/sib2ae-profile.XXXXXX)"
PID=""
cleanup() {
    if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    rm -rf "$OUT"
}
trap cleanup EXIT

if [[ -z "$WARM" ]]; then
    java -Xmx1g "${SF2_OPT[@]}" -XX:StartFlightRecording=filename="$JFR",settings=profile \
        -jar "$JAR" process --musicxml "$XML" --midi "$MID" --out "$OUT/out" 2>/dev/null | grep -E '^ActorPreludeSample: '
else
    mkdir -p "$OUT"/{inbox,output,archive,failed,work,staging}
    (cd "$OUT" && exec java -Xmx1g "${SF2_OPT[@]}" -XX:StartFlightRecording=name=warm,settings=profile \
        -Dsib2ae.management.port=0 \
        -Dsib2ae.inbox="$OUT/inbox" -Dsib2ae.output="$OUT/output" -Dsib2ae.archive="$OUT/archive" \
        -Dsib2ae.failed="$OUT/failed" -Dsib2ae.work="$OUT/work" -Dsib2ae.intake.quiet-period-ms=1000 \
        -Dsib2ae.intake.read-lock-min-age-ms=200 -Dsib2ae.intake.poll-delay-ms=200 \
        -jar "$JAR" >"$OUT/service.log" 2>&1) &
    PID=$!
    until grep -q "started in" "$OUT/service.log" 2>/dev/null; do
        kill -0 "$PID" 2>/dev/null || { tail "$OUT/service.log" >&2; exit 1; }
        sleep 0.2
    done
    drop_and_wait() {
        { cat "$XML"; echo "<!-- copy $1 -->"; } >"$OUT/staging/$1.xml"
        cp "$MID" "$OUT/staging/$1.mid"
        mv "$OUT/staging/$1.xml" "$OUT/staging/$1.mid" "$OUT/inbox/"
        until grep -qE '^  "status" : "(completed|completed_with_failures|failed)"' "$OUT/output/$1/manifest.json" 2>/dev/null; do
            kill -0 "$PID" 2>/dev/null || { tail "$OUT/service.log" >&2; exit 1; }
            sleep 0.05
        done
    }
    drop_and_wait First
    since="$(date +%H:%M:%S.%3N)" # jfr print shows local times
    drop_and_wait Second
    until="$(date +%H:%M:%S.%3N)"
    jcmd "$PID" JFR.dump name=warm filename="$JFR" >/dev/null
    WINDOW=(--since "$since" --until "$until")
    python3 - "$OUT/output/Second/manifest.json" <<'EOF'
import json, sys
from datetime import datetime
m = json.load(open(sys.argv[1]))
t = lambda s: datetime.fromisoformat(s.rstrip("Z")[:26])
print(f"second score: {(t(m['completed_at']) - t(m['created_at'])).total_seconds():.2f} s, status {m['status']}")
EOF
fi
jfr print --events jdk.ExecutionSample --stack-depth 96 "$JFR" | python3 "$ROOT/scripts/jfr-summary.py" --top 20 "${WINDOW[@]}"
jfr print --json --events jdk.ExecutionSample --stack-depth 1 "$JFR" | python3 "$ROOT/scripts/jfr-summary.py" --frames "${WINDOW[@]}"
jfr print --events jdk.ThreadCPULoad,jdk.Compilation,jdk.Deoptimization "$JFR" | python3 "$ROOT/scripts/jfr-summary.py" --jvm "${WINDOW[@]}"
echo "recording: $JFR"
