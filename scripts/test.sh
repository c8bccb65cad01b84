#!/usr/bin/env bash
# The README's test command: set up, build, and run every test with CTest. GUI tests run on
# Qt's offscreen platform, so no display is needed. Extra arguments go to ctest
# (e.g. `scripts/test.sh -L unit`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure --parallel "$(nproc)" "$@"
