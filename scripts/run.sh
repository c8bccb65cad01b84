#!/usr/bin/env bash
# The README's run command: set up, build, and show tianmu on the bundled sample county.
# With a display it opens the window on the sample project; without one it draws the sample
# headless and prints the paths of what it wrote.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/build.sh

project="$root/data/sample/county.gpkg"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec build/bin/tianmu "$project"
fi

out="$root/out"
mkdir -p "$out"
echo "No display: running tianmu headless on the sample county." >&2
build/bin/tianmu preview --project "$project" --out "$out/sample-preview.png"
echo "Wrote:"
echo "  $out/sample-preview.png   (map of the sample county: parcels by land use, rivers, roads, villages)"
