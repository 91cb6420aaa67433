#!/usr/bin/env bash
# The whole test suite: unit tests, route tests and end-to-end tests on the real application.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-soundfont.sh
scripts/install-test-tools.sh
exec mvn -B test
