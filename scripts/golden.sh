#!/usr/bin/env bash
# Proves that two output trees hold the same results: scripts/golden.sh A B
#
# Every file present in either tree is listed with its SHA-256. The JSON documents the service
# writes (manifest.json, manifests/*.json, progress.json, events/*.json) are compared with their
# time stamps and measured durations left out, and with the tree's own absolute path replaced by
# <out>, because those are the only things two runs of one score may legitimately disagree on.
# The same goes for the studio's completion log (its date, elapsed_ms and manifest path) and for
# the measured hop times on the After Effects preview page. The one-shot command's own log is a
# log, not an output, and is left out.
# The completion event's file name starts with the time it was written; that prefix is dropped.
#
#   scripts/golden.sh A B      compare two trees; exit 0 when equal, 1 with the differences
#   scripts/golden.sh --list A print A's listing (one "sha256  path" line per file)
#
# Needs jq and sha256sum.
set -euo pipefail

# Keys whose values are clock readings or measured durations: left out of every JSON document.
TIME_KEYS='["timestamp","created_at","completed_at","started_at","finished_at","updated_at","elapsed_ms","duration_ms","at"]'

usage() {
  echo "usage: $0 A B | $0 --list A" >&2
  exit 2
}

# The path a file is compared under: an event's leading time stamp (yyyyMMdd-HHmmss-SSS-) dropped.
logical_path() {
  sed -E 's#(^|/)events/[0-9]{8}-[0-9]{6}-[0-9]{3}-#\1events/#' <<<"$1"
}

# The bytes a file is compared by.
normalized() {
  local root="$1" file="$2"
  case "$file" in
    *.json)
      if [[ "$file" == */manifest.json || "$file" == */manifests/*.json || "$file" == */progress.json \
            || "$file" == events/*.json || "$file" == */events/*.json ]]; then
        jq -S --arg root "$root" --argjson keys "$TIME_KEYS" '
          walk(if type == "object" then with_entries(select(.key as $k | $keys | index($k) | not)) else . end)
          | walk(if type == "string" then (split($root) | join("<out>")) else . end)' "$root/$file"
        return
      fi ;;
    preview.html|*/preview.html)
      # the After Effects preview page: how long each hop took, measured, is shown per hop
      sed -E 's#"time":"[0-9.]+ s (span|work)"#"time":""#g' "$root/$file"
      return ;;
    *.log)
      # studio completion log: "<date> <score> <status> notes=.. failed=.. elapsed_ms=.. manifest=<path>"
      sed -E -e 's#^[0-9T:+-]+ ##' -e 's#elapsed_ms=[0-9]+#elapsed_ms=#' -e "s#$(printf '%s' "$root" | sed 's/[#.[\*^$]/\\&/g')#<out>#g" \
        "$root/$file"
      return ;;
  esac
  cat "$root/$file"
}

listing() {
  local root
  root="$(cd "$1" && pwd)"
  (cd "$root" && find . -type f ! -name '.*' ! -name 'sib2ae-one-shot.log' -printf '%P\n') | LC_ALL=C sort | while IFS= read -r file; do
    printf '%s  %s\n' "$(normalized "$root" "$file" | sha256sum | cut -d' ' -f1)" "$(logical_path "$file")"
  done | LC_ALL=C sort -k2
}

[ $# -ge 2 ] || usage
if [ "$1" = "--list" ]; then
  [ -d "$2" ] || usage
  listing "$2"
  exit 0
fi
[ -d "$1" ] && [ -d "$2" ] || usage
a="$(listing "$1")"
b="$(listing "$2")"
if [ "$a" = "$b" ]; then
  echo "equal: $(wc -l <<<"$a") files in $1 and $2"
  exit 0
fi
echo "DIFFERENT: $1 and $2" >&2
diff <(echo "$a") <(echo "$b") | sed -n '1,60p' >&2
exit 1
