#!/usr/bin/env bash
# Runs the built jar's one-shot mode on the scores the golden comparison covers, one output tree
# per case under OUT: scripts/golden-run.sh OUT [CASE...]
# Cases: ss9 (MusicXML, MIDI, SVG), acciatura, lelandia, mordent, trill (the Sibelius variants,
# each with its SVG) and actor (ActorPreludeSample, MusicXML and MIDI). Default: all of them.
# The SoundFont is pinned to TimGM6mb, so the audio does not depend on what else is installed.
# Compare two runs with scripts/golden.sh OUT1/CASE OUT2/CASE.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 OUT [ss9|acciatura|lelandia|mordent|trill|actor ...]" >&2; exit 2; }
out="$(mkdir -p "$1" && cd "$1" && pwd)"
shift
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(ss9 acciatura lelandia mordent trill actor)
soundfont=/usr/share/sounds/sf2/TimGM6mb.sf2
[ -f "$soundfont" ] || { echo "missing $soundfont (scripts/install-soundfont.sh installs it)" >&2; exit 2; }
jar=target/sib2ae-orchestrator.jar
[ -f "$jar" ] || { echo "missing $jar: mvn -q -DskipTests package" >&2; exit 2; }

run() { # case musicxml midi [svg]
  local name="$1" xml="$2" mid="$3" svg="${4:-}"
  rm -rf "${out:?}/$name"
  local args=(process --musicxml "$xml" --midi "$mid" --out "$out/$name")
  [ -z "$svg" ] || args+=(--svg "$svg")
  java -Dsib2ae.audio.soundfont="$soundfont" -jar "$jar" "${args[@]}" >"$out/$name.log" 2>&1 \
    || echo "$name: exit $? (see $out/$name.log)" >&2
  tail -n 0 "$out/$name.log"
  echo "$name -> $out/$name"
}

sib=testdata/sib2ae
for c in "${cases[@]}"; do
  case "$c" in
    ss9) run ss9 "$sib/SS 9.musicxml" "$sib/SS 9.mid" "$sib/SS 9.svg" ;;
    acciatura|lelandia|mordent|trill)
      dir="$sib/${c^}"
      run "$c" "$dir/Saint-Saens Trio No 2.musicxml" "$dir/Saint-Saens Trio No 2.mid" "$dir/Saint-Saens Trio No 2.svg" ;;
    actor) run actor testdata/scores/ActorPreludeSample.xml testdata/scores/ActorPreludeSample.mid ;;
    *) echo "unknown case $c" >&2; exit 2 ;;
  esac
done
