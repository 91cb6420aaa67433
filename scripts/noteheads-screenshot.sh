#!/usr/bin/env bash
# Screenshot of noteheads_all.svg over score_without_noteheads.svg in headless Chromium, the
# picture in README ("Music without Sibelius' fonts"). The two files are inlined unchanged in one
# HTML page, the notehead paths tinted red by its CSS; no Sibelius font needs to be installed,
# which is the point: run it where `fc-list | grep -i -e helsinki -e lelandia` prints nothing.
#
# usage: scripts/noteheads-screenshot.sh SVG_FOLDER [OUT_PNG]
#   SVG_FOLDER  the svg/ folder of a processed score, e.g. out/SS\ 9/svg after
#               java -jar target/sib2ae-orchestrator.jar process --musicxml "testdata/sib2ae/SS 9.musicxml" \
#                 --midi "testdata/sib2ae/SS 9.mid" --svg "testdata/sib2ae/SS 9.svg" --out out
#   OUT_PNG     default docs/img/noteheads-over-page.png
# env: CHROMIUM=/usr/bin/chromium  SHOT_WIDTH=1600  SHOT_TOP=230 SHOT_HEIGHT=480 (CSS px of the
#      page drawn SHOT_WIDTH wide: the window shows the band from SHOT_TOP down, where SS 9's system is)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SVG_FOLDER="${1:?usage: scripts/noteheads-screenshot.sh SVG_FOLDER [OUT_PNG]}"
OUT_PNG="${2:-$ROOT/docs/img/noteheads-over-page.png}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
WIDTH="${SHOT_WIDTH:-1600}"
TOP="${SHOT_TOP:-230}"
HEIGHT="${SHOT_HEIGHT:-480}"

for f in score_without_noteheads.svg noteheads_all.svg; do
    [[ -f "$SVG_FOLDER/$f" ]] || { echo "no $f in $SVG_FOLDER" >&2; exit 2; }
done
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

node - "$SVG_FOLDER/score_without_noteheads.svg" "$SVG_FOLDER/noteheads_all.svg" "$WORK/page.html" "$WIDTH" "$TOP" "$HEIGHT" <<'JS'
const fs = require('fs');
const [page, heads, out, width, top, height] = process.argv.slice(2);
const inline = f => fs.readFileSync(f, 'utf8').replace(/<\?xml[^>]*\?>/, '');
fs.writeFileSync(out, `<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;background:#fff;overflow:hidden}
#frame{position:relative;width:${width}px;height:${height}px;overflow:hidden}
.layer{position:absolute;left:0;top:-${top}px;width:${width}px}
.layer svg{width:${width}px;height:auto;display:block}
path.sib2ae-notehead{fill:#d0021b}
</style></head><body><div id="frame">
<div class="layer">${inline(page)}</div>
<div class="layer">${inline(heads)}</div>
</div></body></html>`);
JS

# --no-sandbox: containers and CI run as root, where Chromium's sandbox refuses to start.
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$WIDTH,$HEIGHT" \
    --screenshot="$OUT_PNG" "file://$WORK/page.html" 2>/dev/null
echo "wrote $OUT_PNG"
