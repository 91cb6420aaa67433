#!/usr/bin/env bash
# Installs the General MIDI SoundFonts the test suite renders with: Debian's small
# timgm6mb-soundfont (6 MB, used by most tests for speed) and fluid-soundfont-gm (FluidR3,
# used where a test switches SoundFonts). Without them the service still works on Gervill's
# built-in sounds; tests that need a particular SoundFont are skipped, with the reason.
set -u
missing=()
[ -f /usr/share/sounds/sf2/TimGM6mb.sf2 ] || missing+=(timgm6mb-soundfont)
[ -f /usr/share/sounds/sf2/FluidR3_GM.sf2 ] || missing+=(fluid-soundfont-gm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "SoundFonts present: $(ls /usr/share/sounds/sf2/*.sf2 | tr '\n' ' ')"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} ..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null 2>&1 \
    && echo "SoundFonts installed: $(ls /usr/share/sounds/sf2/*.sf2 | tr '\n' ' ')" \
    || echo "Could not install ${missing[*]}; Gervill's built-in sounds will be used where they are missing."
else
  echo "Missing ${missing[*]} and no root/apt: Gervill's built-in sounds will be used where they are missing."
fi
exit 0
