#!/usr/bin/env bash
# Times two or more builds of tianmu on the same classify, alternating their runs, and prints
# each build's mean and median wall time and mean user and system CPU, for changes too small
# to see through a shared machine's noise in separate runs (a tenth of a second in four).
#
#   tests/bench/compare_builds.sh [--runs N] [--county DIR] BINARY_A BINARY_B [BINARY…]
#
# Each run classifies a fresh copy of DIR/county.gpkg (default: the million-parcel county
# run.sh caches) as of 2026-06-30; the copy is made and synced untimed. Copy a build's
# binary aside (cp build-release/bin/tianmu /tmp/tianmu-before) before rebuilding.
set -euo pipefail
export LC_ALL=C

runs=6
county="${XDG_CACHE_HOME:-$HOME/.cache}/tianmu-bench/p1000000-v1000-s20230615"
while (($# > 0)); do
    case $1 in
    --runs) runs=$2; shift 2 ;;
    --county) county=$2; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    *) break ;;
    esac
done
if (($# < 2)); then
    echo "compare_builds.sh: give at least two tianmu binaries (--help)" >&2
    exit 2
fi
if [[ ! -f $county/county.gpkg ]]; then
    echo "compare_builds.sh: $county/county.gpkg not found; run tests/bench/run.sh --prepare-only first, or give --county DIR" >&2
    exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "compare_builds.sh: needs /usr/bin/time (Debian package time)" >&2
    exit 2
fi
for binary in "$@"; do
    [[ -x $binary ]] || { echo "compare_builds.sh: $binary is not an executable" >&2; exit 2; }
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
times="$scratch/times"
for ((r = 1; r <= runs; ++r)); do
    for binary in "$@"; do
        cp "$county/county.gpkg" "$scratch/copy.gpkg"
        sync "$scratch/copy.gpkg"
        if ! /usr/bin/time -f "%e %U %S" -o "$scratch/one" "$binary" classify \
            --project "$scratch/copy.gpkg" --as-of 2026-06-30 >/dev/null 2>"$scratch/stderr"; then
            echo "compare_builds.sh: $binary failed:" >&2
            tail -5 "$scratch/stderr" >&2
            exit 1
        fi
        printf '%s %s\n' "$binary" "$(tail -1 "$scratch/one")" >>"$times"
        rm -f "$scratch/copy.gpkg"
    done
done

echo "classify $(basename "$county"), $runs alternating runs each (wall and CPU seconds)"
printf '%-40s %8s %8s %8s %8s  %s\n' build "mean" median user system "runs"
for binary in "$@"; do
    awk -v b="$binary" '$1 == b { print $2, $3, $4 }' "$times" | sort -n | awk -v b="$binary" '
        { w[NR] = $1; all = all " " $1; wall += $1; user += $2; sys += $3 }
        END {
            median = NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2
            printf "%-40s %8.3f %8.3f %8.2f %8.2f %s\n", b, wall / NR, median, user / NR, sys / NR, all
        }'
done
