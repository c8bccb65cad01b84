#!/usr/bin/env bash
# The README's run command: set up, build, and run tianmu's main job on the bundled sample
# county. It imports the files a surveyor delivered (GBK shapefiles without .cpg, one without
# .prj, GBK and XLSX ledgers, a DEM) into a new project, classifies it, then either opens the
# tianmu window on it (with a display) or draws it headless, and prints what it wrote.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/build.sh

tianmu="$root/build/bin/tianmu"
sample="$root/data/sample/surveyor"
out="$root/out"
project="$out/sample-project.gpkg"
mkdir -p "$out"
rm -f "$project" "$out"/import-*.json

echo "Importing the sample county's survey delivery into $project" >&2
import() { # LAYER FILE
    echo "--- $1: $2" >&2
    "$tianmu" import --project "$project" --as "$1" --report "$out/import-$1.json" "$2"
}
import villages "$sample/cgcs2000/CJDCQ.shp"
import parcels "$sample/noprj/DLTB.shp"
import rivers "$sample/cgcs2000/HL.shp"
import roads "$sample/cgcs2000/DL.shp"
import seats "$sample/cgcs2000/XZZD.shp"
import transfers "$sample/transfers.csv"
import assets "$sample/assets.csv"
import funds "$sample/funds.xlsx"
import dem "$root/data/sample/dem.tif"

echo "--- classifying (zones, idle three-assets, transfers, village types)" >&2
"$tianmu" classify --project "$project" --as-of 2026-06-30

echo "--- reports (land transfer areas, idle-resource ledger)" >&2
"$tianmu" report --project "$project" --kind transfer --out "$out/transfer-report.pdf" --lang zh
"$tianmu" report --project "$project" --kind transfer --out "$out/transfer-report.xlsx" --lang zh
"$tianmu" report --project "$project" --kind idle --out "$out/idle-ledger.xlsx" --lang zh

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec "$tianmu" "$project"
fi

echo "No display: drawing the project headless." >&2
"$tianmu" render --project "$project" --out "$out/sample-project.png" --theme zones \
    --legend --labels >/dev/null
echo
echo "Wrote:"
echo "  $project   (the project: imported layers, import_issues, and the classification:
      parcel_classes, idle_items, transfer_flags, village_stats)"
for f in "$out"/import-*.json; do
    echo "  $f   (import report: encoding and CRS decisions, every rejected or repaired feature)"
done
echo "  $out/sample-project.png   (map of the project by development zone, with legend)"
echo "  $out/transfer-report.pdf, .xlsx   (土地流转面积统计: transferred 亩 by village, zone and mode)"
echo "  $out/idle-ledger.xlsx   (闲置资源台账: idle parcels, assets and funds per village)"
