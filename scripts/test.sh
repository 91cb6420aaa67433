#!/usr/bin/env bash
# The whole test suite: unit, route and end-to-end tests (mvn test), then the packaged jar
# run as a user runs it, one-shot exit codes and the service (failsafe *IT, after package).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-soundfont.sh
scripts/install-test-tools.sh
exec mvn -B verify
