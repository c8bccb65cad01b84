#!/usr/bin/env bash
# The map-rendering benchmark: tianmu's renderer against QGIS 3.22 (PyQGIS, headless) on the
# same generated county, 1920x1080: full extent, 1/50 and 1/2500 of the extent's area, the
# first display after opening, a pan step from the cache. Prints medians side by side with
# ratios against the issue's targets, and keeps both sides' images for a look.
#
# Usage: tests/bench/render_vs_qgis.sh [--parcels N] [--runs N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
parcels=1000000
runs=3
while (($#)); do
    case $1 in
        --parcels) parcels=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        -h|--help) sed -n 2,8p "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

data=$("$here/run.sh" --parcels "$parcels" --prepare-only | tail -n 1)
cmake --build "$root/build-release" --target tianmu tianmu-bench-render -j2 >/dev/null
bin="$root/build-release/bin"

# The classified project, cached next to the county (classify ~ half a minute per million).
project="$data/classified.gpkg"
if [[ ! -f $project || $project -ot $data/county.gpkg ]]; then
    echo "== classifying a copy of the county for drawing (once)" >&2
    cp "$data/county.gpkg" "$project.partial"
    "$bin/tianmu" classify --project "$project.partial" --as-of 2026-06-30 >/dev/null
    mv "$project.partial" "$project"
fi

/usr/bin/python3 -c "import qgis.core" 2>/dev/null || {
    echo "== PyQGIS is missing: installing Debian's python3-qgis (as root)" >&2
    ((EUID == 0)) || { echo "run as root or install python3-qgis" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-qgis >/dev/null
}

out="$root/build-release/bench-render"
mkdir -p "$out"
qgisHome="$out/qgis-home"
declare -A tianmu qgis
for ((r = 0; r < runs; ++r)); do
    while read -r name value; do tianmu[$name]+="$value "; done \
        < <("$bin/tianmu-bench-render" "$project" "$out" 1 2>/dev/null)
    while read -r name value; do qgis[$name]+="$value "; done \
        < <(env QT_QPA_PLATFORM=offscreen HOME="$qgisHome" XDG_RUNTIME_DIR="$qgisHome" \
            /usr/bin/python3 "$here/qgis_render.py" "$project" DLBM "$out" 1 2>/dev/null)
done
med() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '\nrender benchmark: %s parcels, %s runs, 1920x1080 (medians, seconds)\n' "$parcels" "$runs"
printf '%-28s %10s %10s %8s   %s\n' view tianmu QGIS ratio target
row() { # name tianmuKey qgisKey target
    local t q
    t=$(med "${tianmu[$2]:-}"); q=$(med "${qgis[$3]:-}")
    printf '%-28s %10s %10s %8s   %s\n' "$1" "$t" "$q" \
        "$(awk -v t="$t" -v q="$q" 'BEGIN { if (q > 0) printf "%.3f", t / q; else print "-" }')" "$4"
}
row "full extent (land use)" landuse_full full "<= 0.1"
row "1/50 of the extent" landuse_fiftieth fiftieth "<= 0.2"
row "1/2500 of the extent" landuse_2500th 2500th "<= 1"
row "zones theme, full extent" zones_full full "(QGIS: land use)"
row "first display after open" first_display first_display "< 3 s for tianmu"
printf '%-28s %10s %10s\n' "pan step from the cache" "$(med "${tianmu[pan_step]}")" "-   (target <= 0.016)"
printf '%-28s %10s\n' "drawing bytes per parcel" "$(med "${tianmu[drawing_bytes_per_parcel]}")"
printf '\nimages: %s (tianmu_*.png and qgis_*.png)\n' "$out"
