#!/usr/bin/env bash
# Installs what the After Effects script and preview page tests drive: Debian's chromium (the
# headless browser the preview test opens the page in) and, in tools/js/, the pinned npm
# packages acorn (an ES3 parser for the generated ExtendScript) and playwright-core (drives
# that chromium; it brings no browser of its own). Without them those tests are skipped, with
# the reason; CI runs as root with apt and npm, so it has them.
set -u
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      && echo "chromium installed: $(command -v chromium)" \
      || echo "Could not install chromium; the preview page test will be skipped."
  else
    echo "No chromium and no root/apt: the preview page test will be skipped."
  fi
fi
if command -v npm >/dev/null 2>&1; then
  (cd tools/js && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "npm ci failed in tools/js; the script and page tests will be skipped."
else
  echo "No npm: the After Effects script and preview page tests will be skipped."
fi
exit 0
