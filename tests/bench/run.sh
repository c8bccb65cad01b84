#!/usr/bin/env bash
# Runs tianmu's benchmarks side by side with a reference command (usually a GDAL tool) on a
# generated county of a chosen size, and prints medians, the ratio and peak memory.
# Add a benchmark: one `bench` call at the bottom (see tests/bench/README.md).
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME and printf must use '.' as the decimal point

usage() {
    cat <<'EOF'
Usage: tests/bench/run.sh [options]

Builds the release preset (build-release), generates a county with tianmu-sample once per
(parcels, seed) into a cache folder, then runs every benchmark RUNS times, alternating the
tianmu command and its reference command, and prints for each: the median wall time of both,
the ratio tianmu / reference (below 1: tianmu is faster) and the peak memory (max RSS).

Options:
  --parcels N   approximate number of parcels to generate (default 1000000)
  --runs N      timed runs of each command (default 3)
  --seed N      generator seed (default 20230615)
  --data DIR    cache folder for generated counties
                (default ${XDG_CACHE_HOME:-$HOME/.cache}/tianmu-bench)
  --only WORD   run only the benchmarks whose name contains WORD (e.g. import)
  --prepare-only  build and generate the data, run nothing, and print the data set's
                folder on stdout (used by profile_import.sh)
  --help        this text

The cached county of N parcels lives in DIR/p<N>-v<villages>-s<seed>/: county.gpkg, dem.tif,
the surveyor delivery (surveyor/cgcs2000/DLTB.shp and CJDCQ.shp, GBK, ...) and the
generator's log (step timings) in generate.log; delete that folder after changing the
generator. A folder made by an older run.sh with --project-only (no surveyor/) is generated
again in place.

The 'zonal statistics vs QGIS' benchmark needs qgis_process: when it is missing, the script
installs Debian's qgis package with apt-get (as root; leave it out with --only WORD).
EOF
}

parcels=1000000
runs=3
seed=20230615
data="${XDG_CACHE_HOME:-$HOME/.cache}/tianmu-bench"
only=""
prepareOnly=false

die() { echo "run.sh: $*" >&2; exit 2; }
isCount() { [[ $1 =~ ^[1-9][0-9]*$ ]]; }

while (($#)); do
    case $1 in
        --parcels) (($# >= 2)) || die "--parcels needs a value"; parcels=$2; shift 2 ;;
        --runs)    (($# >= 2)) || die "--runs needs a value"; runs=$2; shift 2 ;;
        --seed)    (($# >= 2)) || die "--seed needs a value"; seed=$2; shift 2 ;;
        --data)    (($# >= 2)) || die "--data needs a value"; data=$2; shift 2 ;;
        --only)    (($# >= 2)) || die "--only needs a value"; only=$2; shift 2 ;;
        --prepare-only) prepareOnly=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
isCount "$parcels" || die "--parcels must be a positive whole number"
isCount "$runs" || die "--runs must be a positive whole number"
[[ $seed =~ ^[0-9]+$ ]] || die "--seed must be a whole number"
((parcels >= 100)) || die "--parcels must be at least 100 (tianmu-sample's minimum)"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin="$root/build-release/bin"

# About a thousand parcels per village, as in the committed sample (4000 parcels, 4 villages),
# within the generator's limits.
villages=$((parcels / 1000))
((villages < 4)) && villages=4
((villages > 2000)) && villages=2000

# --- build -----------------------------------------------------------------------------------
echo "== building the release preset (build-release)" >&2
buildLog=$(mktemp)
if ! (cd "$root" && cmake --preset release && cmake --build --preset release) >"$buildLog" 2>&1; then
    tail -n 40 "$buildLog" >&2
    rm -f "$buildLog"
    die "build failed"
fi
rm -f "$buildLog"
# What was built: the report names it (other work may change the tree during a long run).
builtFrom="commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git -C "$root" diff --quiet HEAD 2>/dev/null; then
    builtFrom+=" with local changes (diff $(git -C "$root" diff HEAD 2>/dev/null | sha256sum | cut -c1-12))"
fi
builtFrom+=", tianmu $(sha256sum "$bin/tianmu" | cut -c1-12)"

# --- data ------------------------------------------------------------------------------------
mkdir -p "$data"
dataset="$data/p$parcels-v$villages-s$seed"
gpkg="$dataset/county.gpkg"
# The 'generate' benchmark writes only the project (--project-only); the cached data set also
# holds the surveyor delivery, which the 'import' benchmark reads.
sampleArgs=(--seed "$seed" --parcels "$parcels" --villages "$villages" --project-only)
dataArgs=(--seed "$seed" --parcels "$parcels" --villages "$villages")
surveyor="$dataset/surveyor/cgcs2000"
dltb="$surveyor/DLTB.shp"   # parcels as a surveyor delivers them: GBK attributes, EPSG:4525
cjdcq="$surveyor/CJDCQ.shp" # villages, likewise
generatorHash=$(sha256sum "$bin/tianmu-sample" | cut -d' ' -f1)

if [[ -f $gpkg && -f $dataset/generate.log && -f $dltb && -f $cjdcq ]]; then
    echo "== reusing $dataset" >&2
    if [[ $(cat "$dataset/generator.sha256" 2>/dev/null) != "$generatorHash" ]]; then
        echo "   note: made by a different tianmu-sample build; delete the folder to regenerate" >&2
    fi
else
    # Generate into a side folder and rename it when complete, so an interrupted run is
    # never mistaken for a cached data set. A folder from an older run.sh, made with
    # --project-only, lacks surveyor/ and is replaced the same way.
    if [[ -f $gpkg ]]; then
        echo "== $dataset has no surveyor delivery (made with --project-only); generating it again" >&2
    fi
    echo "== generating $parcels parcels into $dataset (takes minutes for 1M)" >&2
    partial="$dataset.partial"
    rm -rf "$partial"
    mkdir -p "$partial"
    if ! "$bin/tianmu-sample" --out "$partial" "${dataArgs[@]}" \
            >/dev/null 2> >(tee "$partial/generate.log" >&2); then
        die "tianmu-sample failed; its log is in $partial/generate.log"
    fi
    wait # for the tee above to flush the log
    echo "$generatorHash" >"$partial/generator.sha256"
    rm -rf "$dataset"
    mv "$partial" "$dataset"
fi

if $prepareOnly; then
    echo "$dataset"
    exit 0
fi

# Scratch space on the same file system as the cache, for commands that write.
scratch=$(mktemp -d "$data/scratch.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# --- timing ----------------------------------------------------------------------------------
# Peak memory comes from GNU time's %M (max RSS in KiB) when /usr/bin/time exists; otherwise
# from a "peak_rss_kib N" line the tianmu command prints itself, and none for the reference.
hasGnuTime=false
[[ -x /usr/bin/time ]] && hasGnuTime=true

now() { if [[ -n ${EPOCHREALTIME:-} ]]; then echo "$EPOCHREALTIME"; else date +%s.%N; fi; }

# timeOnce SIDE LOGBASE CMD...: runs CMD once, appends its wall time in seconds to
# LOGBASE.SIDE.times and its peak RSS in KiB (when known) to LOGBASE.SIDE.mem. The tianmu
# side's stdout is kept (tools report counts and memory there); the reference's is discarded
# so that a chatty tool like ogrinfo pays for formatting, not for disk writes.
timeOnce() {
    local side=$1 base=$2
    shift 2
    local out=/dev/null
    [[ $side == tianmu ]] && out="$base.$side.out"
    local memFile="$base.$side.maxrss" start end status=0
    start=$(now)
    if $hasGnuTime; then
        /usr/bin/time -f %M -o "$memFile" "$@" >"$out" 2>"$base.$side.err" || status=$?
    else
        "$@" >"$out" 2>"$base.$side.err" || status=$?
    fi
    end=$(now)
    if ((status != 0)); then
        echo "run.sh: $side command failed (exit $status): $*" >&2
        tail -n 20 "$base.$side.err" >&2
        exit 1
    fi
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f\n", e - s }' >>"$base.$side.times"
    if $hasGnuTime; then
        tail -n 1 "$memFile" >>"$base.$side.mem"
    elif [[ $side == tianmu ]]; then
        awk '$1 == "peak_rss_kib" { print $2 }' "$out" >>"$base.$side.mem"
    fi
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peakMib() { [[ -s $1 ]] && sort -g "$1" | tail -n 1 | awk '{ printf "%.0f", $1 / 1024 }' || echo "-"; }

results=()
notes=()

# wanted NAME: whether the benchmark NAME runs (all do unless --only leaves it out).
wanted() { [[ -z $only || $1 == *"$only"* ]]; }

# bench NAME [--setup CMD] [--note TEXT] -- TIANMU_CMD... -- REFERENCE_CMD...
# Runs both commands $runs times, alternating tianmu and reference, and records a table row.
# --setup CMD runs (untimed, through eval) before every tianmu run, e.g. to clear its output.
bench() {
    local name=$1 setup="" note=""
    shift
    while [[ $1 != -- ]]; do
        case $1 in
            --setup) setup=$2; shift 2 ;;
            --note) note=$2; shift 2 ;;
            *) die "bench $name: unexpected $1" ;;
        esac
    done
    shift
    local tianmu=() reference=()
    while (($#)) && [[ $1 != -- ]]; do tianmu+=("$1"); shift; done
    (($#)) || die "bench $name: missing '-- REFERENCE_CMD'"
    shift
    reference=("$@")
    ((${#tianmu[@]} && ${#reference[@]})) || die "bench $name: empty command"

    if ! wanted "$name"; then
        echo "== $name: skipped (--only $only)" >&2
        return 0
    fi
    local base="$scratch/bench$((${#results[@]} + 1))"
    echo "== $name" >&2
    for ((i = 1; i <= runs; ++i)); do
        [[ -n $setup ]] && eval "$setup"
        timeOnce tianmu "$base" "${tianmu[@]}"
        timeOnce reference "$base" "${reference[@]}"
        printf '   run %d: tianmu %.2f s, reference %.2f s\n' "$i" \
            "$(tail -n 1 "$base.tianmu.times")" "$(tail -n 1 "$base.reference.times")" >&2
    done
    local t r mark=""
    t=$(median "$base.tianmu.times")
    r=$(median "$base.reference.times")
    if [[ -n $note ]]; then
        notes+=("$note")
        mark=" [${#notes[@]}]"
    fi
    results+=("$(awk -v n="$name$mark" -v t="$t" -v r="$r" -v tm="$(peakMib "$base.tianmu.mem")" \
        -v rm="$(peakMib "$base.reference.mem" 2>/dev/null)" \
        'BEGIN { printf "%-30s %10.2f %12.2f %7.2f %12s %12s", n, t, r, t / r, tm, rm }')")
    [[ -s $base.tianmu.out ]] && sed 's/^/   tianmu reports: /' "$base.tianmu.out" >&2
    return 0
}

# --- benchmarks ------------------------------------------------------------------------------
bench "generate $parcels parcels" \
    --setup 'rm -rf "$scratch/generated"' \
    --note "'generate' times writing (tianmu-sample --project-only: build the county, write county.gpkg and dem.tif) against reading it back (ogrinfo -al -q): different work, a yardstick only." \
    -- "$bin/tianmu-sample" --out "$scratch/generated" "${sampleArgs[@]}" \
    -- ogrinfo -ro -al -q "$gpkg" parcels

bench "load parcels" \
    --note "ogrinfo -al -q formats every feature as text (about 0.9 KB a parcel) and most of its time goes to writing geometries as WKT; tianmu-bench-read keeps geometry and DLBM in memory." \
    -- "$bin/tianmu-bench-read" "$gpkg" \
    -- ogrinfo -ro -al -q "$gpkg" parcels

# import: a new project holding the villages (imported untimed by the setup, so that the
# outside-village check runs, as in a real project), then the timed parcel import with
# encoding detection and decoding, field mapping, validation and repair, duplicate, sliver,
# outside-village and overlap checks and areas. The reference converts the same shapefile
# to a GeoPackage (GDAL recodes the GBK attributes to UTF-8 from the DBF language byte).
# The setup also deletes the reference's output, which ogr2ogr refuses to overwrite.
prepareImport() {
    rm -f "$scratch/new.gpkg" "$scratch/new.gpkg.partial" "$scratch/ref.gpkg"
    if ! "$bin/tianmu" import --project "$scratch/new.gpkg" --as villages "$cjdcq" \
            >"$scratch/villages.out" 2>&1; then
        tail -n 20 "$scratch/villages.out" >&2
        die "importing the villages (setup of the import benchmark) failed"
    fi
}
bench "import $parcels parcels" \
    --setup prepareImport \
    --note "'import' times tianmu import --as parcels of surveyor/cgcs2000/DLTB.shp (GBK) into a project already holding the villages (imported untimed in the setup, so the outside-village check runs) against ogr2ogr -f GPKG of the same file into a new GeoPackage." \
    -- "$bin/tianmu" import --project "$scratch/new.gpkg" --as parcels "$dltb" \
    -- ogr2ogr -f GPKG "$scratch/ref.gpkg" "$dltb"

# classify: the whole classification of the county (terrain statistics over the project's DEM
# for every parcel, villages by location, river distances, the zone rules, idle three-assets,
# transfers, village profiles, and writing the result tables) with the default rule file. It
# writes into the project, so the setup (untimed) copies the cached county to a scratch file
# before every run. The reference is the floor under any per-parcel work: a bare GDAL read of
# the same parcels with OGR's planar areas (tianmu-bench-read-areas, no tianmu code).
classifyCopy="$scratch/classify.gpkg"
qgisOut="$scratch/qgis-zonal.gpkg"
dem="$dataset/dem.tif" # the generator's DEM: the same grid as the project's dem raster table
asOf=2026-06-30
prepareClassify() {
    rm -f "$classifyCopy" "$classifyCopy-wal" "$classifyCopy-shm" "$classifyCopy-journal" \
        "$qgisOut"
    cp "$gpkg" "$classifyCopy"
    sync "$classifyCopy" # write the copy out now, not during the timed run
}
bench "classify $parcels parcels" \
    --setup prepareClassify \
    --note "'classify' times tianmu classify --as-of $asOf (default rules; per-parcel DEM statistics, villages, rivers, zones, idle, transfers, village profiles, writing the results) on a fresh copy of county.gpkg (copied untimed) against tianmu-bench-read-areas: a bare GDAL read of the same parcels summing OGR planar areas. Target: at most 2x." \
    -- "$bin/tianmu" classify --project "$classifyCopy" --as-of "$asOf" \
    -- "$bin/tianmu-bench-read-areas" "$gpkg"

# zonal statistics vs QGIS: the same classify run against QGIS's feature-based zonal statistics
# (native:zonalstatisticsfb: count, mean, min and max of the DEM under every parcel, written
# with the parcels' attributes to a new GeoPackage) through qgis_process, headless. QGIS comes
# from Debian (package qgis, which also brings qgis-providers and python3-qgis); when
# qgis_process is missing and this benchmark runs, the script installs it with apt-get.
qgisBench="zonal statistics vs QGIS"
qgisProcess=""
qgisVersion=""
qgisHome="$scratch/qgis-home" # a throwaway profile: QGIS writes settings under HOME and XDG dirs
qgisEnv=(env QT_QPA_PLATFORM=offscreen HOME="$qgisHome" XDG_CONFIG_HOME="$qgisHome/config"
    XDG_DATA_HOME="$qgisHome/data" XDG_CACHE_HOME="$qgisHome/cache"
    XDG_RUNTIME_DIR="$qgisHome/runtime")
ensureQgis() {
    qgisProcess=$(command -v qgis_process || true)
    if [[ -z $qgisProcess ]]; then
        echo "== $qgisBench: qgis_process is missing; installing Debian's qgis package with apt-get" >&2
        echo "   (QGIS and its dependencies, several hundred MB, once; log in $data/apt-qgis.log)" >&2
        ((EUID == 0)) || die "installing qgis needs root: run 'apt-get install qgis' as root, or leave this benchmark out with --only"
        if ! { apt-get update &&
               DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends qgis; } \
                >"$data/apt-qgis.log" 2>&1; then
            tail -n 20 "$data/apt-qgis.log" >&2
            die "apt-get install qgis failed (log: $data/apt-qgis.log)"
        fi
        qgisProcess=$(command -v qgis_process ||
            dpkg -L qgis qgis-providers python3-qgis 2>/dev/null | grep -m 1 '/qgis_process$' || true)
        [[ -n $qgisProcess && -x $qgisProcess ]] ||
            die "qgis is installed but qgis_process was not found (see dpkg -L qgis)"
        echo "   installed: $qgisProcess" >&2
    fi
    # Debian's qgis_process is a shell wrapper that passes QGIS_OPTS from /etc/default/qgis
    # (--noversioncheck, an option of the desktop qgis) on to qgis_process.bin, which rejects
    # it ("Command --noversioncheck not known!") and does nothing. Run the binary itself.
    if [[ $(head -c 2 "$qgisProcess") == '#!' && -x $qgisProcess.bin ]]; then
        qgisProcess+=.bin
    fi
    mkdir -p "$qgisHome/config" "$qgisHome/data" "$qgisHome/cache" "$qgisHome/runtime"
    chmod 700 "$qgisHome/runtime"
    # Untimed warm-up: the first start creates the profile. Also checks the algorithm exists.
    if ! qgisVersion=$("${qgisEnv[@]}" "$qgisProcess" --version 2>"$scratch/qgis.err" |
            awk '/^QGIS [0-9]/ && !seen { print $1, $2; seen = 1 }') ||
       ! "${qgisEnv[@]}" "$qgisProcess" help native:zonalstatisticsfb >/dev/null 2>>"$scratch/qgis.err"; then
        tail -n 20 "$scratch/qgis.err" >&2
        die "qgis_process cannot run native:zonalstatisticsfb"
    fi
}
if wanted "$qgisBench"; then
    ensureQgis
    bench "$qgisBench" \
        --setup prepareClassify \
        --note "'$qgisBench': the same tianmu classify (its DEM statistics are exact per parcel: count, mean, min, max elevation and mean slope, plus all the rules) against ${qgisVersion:-QGIS} qgis_process run native:zonalstatisticsfb (headless) with INPUT county.gpkg|layername=parcels, INPUT_RASTER dem.tif (the same grid as the project's DEM), STATISTICS count, mean, min, max, OUTPUT a new GeoPackage." \
        -- "$bin/tianmu" classify --project "$classifyCopy" --as-of "$asOf" \
        -- "${qgisEnv[@]}" "$qgisProcess" run native:zonalstatisticsfb -- \
            "INPUT=$gpkg|layername=parcels" "INPUT_RASTER=$dem" RASTER_BAND=1 COLUMN_PREFIX=dem_ \
            STATISTICS=0,2,5,6 "OUTPUT=$qgisOut"
else
    echo "== $qgisBench: skipped (--only $only)" >&2
fi

# report: the transfer report (village × zone × mode, counts, 亩 and 公顷 on the ellipsoid,
# shares, subtotals) of the classified county, to CSV and to XLSX, against the issue's
# reference: one OGR SQL query (SQLite dialect) summing planar ST_Area by village, zone and mode
# over the same project. The classified project is made once (import of the surveyor delivery:
# villages, parcels, transfers, assets, funds, the DEM; classify as of $asOf) and cached as
# report-project.gpkg beside county.gpkg, so the ellipsoidal AREA_ELL comes from a real import.
reportProject="$dataset/report-project.gpkg"
prepareReportProject() {
    if [[ -f $reportProject ]]; then
        # Cached by a tianmu from before parcel_classes became a view over parcel_class_codes:
        # classified again, so that the report reads what classify writes today.
        if ogrinfo -ro -q -sql "SELECT type FROM sqlite_master WHERE name = 'parcel_classes'" \
            "$reportProject" | grep -q '= table'; then
            echo "== classifying the cached $reportProject again (written by an older tianmu)" >&2
            "$bin/tianmu" classify --project "$reportProject" --as-of "$asOf" >/dev/null ||
                die "classifying $reportProject again failed"
        fi
        return 0
    fi
    echo "== making the classified project $reportProject (import and classify, minutes for 1M)" >&2
    local partial="$dataset/report-project.partial.gpkg" log="$dataset/report-project.log"
    rm -f "$partial" "$partial.partial"
    {
        "$bin/tianmu" import --project "$partial" --as villages "$cjdcq" &&
        "$bin/tianmu" import --project "$partial" --as parcels "$dltb" &&
        "$bin/tianmu" import --project "$partial" --as transfers "$dataset/surveyor/transfers.csv" &&
        "$bin/tianmu" import --project "$partial" --as assets "$dataset/surveyor/assets.csv" &&
        "$bin/tianmu" import --project "$partial" --as funds "$dataset/surveyor/funds.csv" &&
        "$bin/tianmu" import --project "$partial" --as dem "$dem" &&
        "$bin/tianmu" classify --project "$partial" --as-of "$asOf"
    } >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "making the report project failed (log: $log)"; }
    mv "$partial" "$reportProject"
}
# The reference groups every parcel, as the report must (the shares need each village's whole
# land and cropland); restricted to the transferred parcels it is cheaper, see README.md.
reportSql="SELECT c.VILLAGE_CODE AS village, c.ZONE AS zone, c.LZFS AS mode, COUNT(*) AS parcels, SUM(ST_Area(p.geom)) AS area FROM parcel_classes c JOIN parcels p ON p.fid = c.PARCEL_FID GROUP BY 1, 2, 3"
if wanted "report transfer"; then
    prepareReportProject
    for format in csv xlsx; do
        bench "report transfer $format" \
            --setup "rm -f \"\$scratch/transfer.$format\"" \
            --note "'report transfer $format' times tianmu report --kind transfer --out transfer.$format (village within township × zone × mode; parcel counts, ellipsoidal 亩 and 公顷 from AREA_ELL, shares of cropland and total area, village and township subtotals, grand total) on the classified county (report-project.gpkg, made once by import and classify) against ogrinfo -ro -q -dialect SQLite -sql \"$reportSql\" (every parcel grouped, planar areas, no shares, no subtotals)." \
            -- "$bin/tianmu" report --project "$reportProject" --kind transfer --lang zh \
                --out "$scratch/transfer.$format" \
            -- ogrinfo -ro -q -dialect SQLite -sql "$reportSql" "$reportProject"
    done
else
    echo "== report transfer: skipped (--only $only)" >&2
fi

# --- report ----------------------------------------------------------------------------------
features=$(ogrinfo -ro -so "$gpkg" parcels | awk -F': ' '/^Feature Count/ { print $2 }')
echo
echo "tianmu benchmarks: $features parcels ($parcels requested, $villages villages, seed $seed), $runs runs each"
echo "data: $gpkg ($(du -h "$gpkg" | cut -f1))"
echo "      $dltb ($(ogrinfo -ro -so "$dltb" DLTB | awk -F': ' '/^Feature Count/ { print $2 }') records, .shp+.dbf $(du -ch "${dltb%.shp}.shp" "${dltb%.shp}.dbf" | tail -n 1 | cut -f1))"
echo "built from $builtFrom"
echo "$(ogrinfo --version | cut -d, -f1), $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
if $hasGnuTime; then
    echo "memory: max RSS from /usr/bin/time, largest over the runs"
else
    echo "memory: tianmu's own VmHWM report; not measured for references (/usr/bin/time missing)"
fi
echo
printf '%-30s %10s %12s %7s %12s %12s\n' benchmark "tianmu s" "reference s" ratio "tianmu MiB" "ref. MiB"
((${#results[@]})) && printf '%s\n' "${results[@]}"
for i in "${!notes[@]}"; do
    echo "[$((i + 1))] ${notes[$i]}"
done
echo "times are medians of wall time; ratio = tianmu / reference (below 1: tianmu is faster)"
