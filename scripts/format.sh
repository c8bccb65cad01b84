#!/usr/bin/env bash
# Formats every C++ file of the project in place with the repository's .clang-format.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
find app geo data tests -name '*.cpp' -o -name '*.h' | xargs clang-format -i
