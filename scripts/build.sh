#!/usr/bin/env bash
# Installs what is missing, then configures (once) and builds the dev preset into build/.
# A second run only rebuilds what changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
if [[ ! -f build/CMakeCache.txt ]]; then
    cmake --preset dev
fi
cmake --build build --parallel "$(nproc)"
