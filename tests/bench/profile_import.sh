#!/usr/bin/env bash
# Profiles `tianmu import --as parcels` of the benchmark's surveyor DLTB.shp with perf and
# prints where the time goes, by import phase (perf_phases.py) and by function.
set -euo pipefail
export LC_ALL=C

usage() {
    cat <<'EOF'
Usage: tests/bench/profile_import.sh [options]

Builds and generates the data like run.sh (run.sh --prepare-only; the same cache), imports the
villages (CJDCQ.shp) into a new project, then records `tianmu import --as parcels DLTB.shp`
into it with `perf record -e cpu-clock --call-graph dwarf` and prints the share of samples per
import phase (tests/bench/perf_phases.py) and the functions with the most samples of their own.

Options:
  --parcels N   approximate number of parcels (default 200000)
  --seed N      generator seed (default 20230615)
  --data DIR    cache folder, as for run.sh
  --freq HZ     samples per second (default 99; each sample copies 64 KiB of stack)
  --keep DIR    keep perf.data and the perf script dump in DIR
  --help        this text

Needs a working `perf` (Debian package linux-perf) allowed to profile user code
(kernel.perf_event_paranoid <= 2); hardware counters are not needed (cpu-clock).
EOF
}

die() { echo "profile_import.sh: $*" >&2; exit 2; }

parcels=200000
seed=20230615
freq=99
keep=""
dataArgs=()
while (($#)); do
    case $1 in
        --parcels) (($# >= 2)) || die "--parcels needs a value"; parcels=$2; shift 2 ;;
        --seed)    (($# >= 2)) || die "--seed needs a value"; seed=$2; shift 2 ;;
        --data)    (($# >= 2)) || die "--data needs a value"; dataArgs=(--data "$2"); shift 2 ;;
        --freq)    (($# >= 2)) || die "--freq needs a value"; freq=$2; shift 2 ;;
        --keep)    (($# >= 2)) || die "--keep needs a value"; keep=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ $freq =~ ^[1-9][0-9]*$ ]] || die "--freq must be a positive whole number"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="$root/build-release/bin"

command -v perf >/dev/null || die "perf is not installed (Debian package linux-perf)"
perf record -q -e cpu-clock -o /dev/null -- true >/dev/null 2>&1 ||
    die "perf cannot record here (see /proc/sys/kernel/perf_event_paranoid)"

dataset=$("$here/run.sh" --prepare-only --parcels "$parcels" --seed "$seed" "${dataArgs[@]}")
[[ -f $dataset/surveyor/cgcs2000/DLTB.shp ]] || die "run.sh gave no data set ($dataset)"
surveyor="$dataset/surveyor/cgcs2000"

scratch=$(mktemp -d "$(dirname "$dataset")/profile.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
built="built from commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$root" diff --quiet HEAD 2>/dev/null ||
    built+=" with local changes (diff $(git -C "$root" diff HEAD 2>/dev/null | sha256sum | cut -c1-12))"
built+=", tianmu $(sha256sum "$bin/tianmu" | cut -c1-12)"
echo "== importing the villages (untimed)" >&2
"$bin/tianmu" import --project "$scratch/new.gpkg" --as villages "$surveyor/CJDCQ.shp" \
    >"$scratch/villages.out" 2>&1 || { cat "$scratch/villages.out" >&2; die "villages import failed"; }

echo "== perf record: tianmu import --as parcels $surveyor/DLTB.shp" >&2
start=$EPOCHREALTIME
perf record -q -F "$freq" -e cpu-clock --call-graph dwarf,65528 -o "$scratch/perf.data" -- \
    "$bin/tianmu" import --project "$scratch/new.gpkg" --as parcels "$surveyor/DLTB.shp" \
    >"$scratch/import.out" 2>"$scratch/import.err" ||
    { tail -n 20 "$scratch/import.err" >&2; die "the import failed"; }
end=$EPOCHREALTIME
sed 's/^/   tianmu reports: /' "$scratch/import.out" >&2

echo "== perf script (takes a while)" >&2
perf script -i "$scratch/perf.data" --no-inline -F ip,sym,dso >"$scratch/perf.txt" 2>/dev/null

echo
echo "tianmu import --as parcels of $surveyor/DLTB.shp"
echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }') s wall under perf (profiling slows it a little), cpu-clock at $freq Hz"
echo "$built"
echo
echo "-- by import phase"
python3 "$here/perf_phases.py" <"$scratch/perf.txt" || true
echo
echo "-- functions with the most samples of their own (top 25)"
# (head closes the pipe early: no pipefail here)
{ perf report -i "$scratch/perf.data" --no-children --sort dso,symbol --stdio -g none \
    --percent-limit 0.7 2>/dev/null || true; } | grep '%' | head -n 25 | cut -c1-160 || true

if [[ -n $keep ]]; then
    mkdir -p "$keep"
    mv "$scratch/perf.data" "$scratch/perf.txt" "$keep/"
    echo
    echo "kept $keep/perf.data and $keep/perf.txt"
fi
