#!/usr/bin/env bash
# CPU profile of one application run (one-shot, ActorPreludeSample + MIDI) with Java Flight Recorder,
# summarised by pipeline activity (scripts/jfr-summary.py) and by waits (parks/monitors > 10 ms).
# usage: scripts/profile.sh [OUT.jfr]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="$ROOT/target/sib2ae-orchestrator.jar"
SCORES="${BENCH_SCORES:-$ROOT/testdata/scores}"
[[ -f "$JAR" ]] || mvn -q -o -DskipTests package
JFR="${1:-/tmp/sib2ae-profile.jfr}"
OUT="$(mktemp -d /tmp/sib2ae-profile.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
java -Xmx1g -XX:StartFlightRecording=filename="$JFR",settings=profile \
    -jar "$JAR" process --musicxml "$SCORES/ActorPreludeSample.xml" --midi "$SCORES/ActorPreludeSample.mid" \
    --out "$OUT" 2>/dev/null | grep -E '^ActorPreludeSample: '
jfr print --events jdk.ExecutionSample --stack-depth 96 "$JFR" | python3 "$ROOT/scripts/jfr-summary.py" --top 20
echo "recording: $JFR"
