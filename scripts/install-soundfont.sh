#!/usr/bin/env bash
# Installs a small General MIDI SoundFont (Debian's timgm6mb-soundfont, about 6 MB) so that
# rendering uses real GM instruments. Without one, the service falls back to Gervill's
# built-in sounds, so this step is optional: it is skipped when it cannot run.
set -u
if ls /usr/share/sounds/sf2/*.sf2 >/dev/null 2>&1; then
  echo "SoundFont present: $(ls /usr/share/sounds/sf2/*.sf2 | head -1)"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing timgm6mb-soundfont ..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq timgm6mb-soundfont) >/dev/null 2>&1 \
    && echo "SoundFont installed: /usr/share/sounds/sf2/TimGM6mb.sf2" \
    || echo "Could not install a SoundFont; Gervill's built-in sounds will be used."
else
  echo "No SoundFont and no root/apt: Gervill's built-in sounds will be used."
fi
exit 0
