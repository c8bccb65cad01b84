#!/usr/bin/env bash
# Runs one command, stamps every line it writes on stderr with the wall-clock time, and prints
# how long each step took: a step lasts from its line to the next one (the last to the end of
# the command). For tianmu commands that report progress as "[ 10%] step" lines on stderr,
# e.g. tianmu classify and tianmu-sample. Peak memory from /usr/bin/time when it exists.
#
#   tests/bench/step_times.sh build-release/bin/tianmu classify --project copy.gpkg --as-of 2026-06-30
#
# The command's stdout goes to stdout; the table goes to stderr, after the command ends.
set -euo pipefail
export LC_ALL=C

if (($# == 0)) || [[ $1 == --help || $1 == -h ]]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi

stamps=$(mktemp)
rss=$(mktemp)
trap 'rm -f "$stamps" "$rss"' EXIT

timeCmd=()
[[ -x /usr/bin/time ]] && timeCmd=(/usr/bin/time -f %M -o "$rss")

start=$EPOCHREALTIME
status=0
"${timeCmd[@]}" "$@" 2> >(while IFS= read -r line; do
    printf '%s\t%s\n' "$EPOCHREALTIME" "$line"
done >"$stamps") || status=$?
end=$EPOCHREALTIME
wait # for the stamping loop to finish writing

awk -F'\t' -v start="$start" -v end="$end" '
    { t[NR] = $1; text[NR] = $2 }
    END {
        total = end - start
        printf "%9s %7s  %s\n", "seconds", "share", "step (stderr line)" > "/dev/stderr"
        if (NR > 0 && t[1] - start >= 0.005)
            printf "%9.2f %6.1f%%  %s\n", t[1] - start, 100 * (t[1] - start) / total, "(start-up, before the first line)" > "/dev/stderr"
        for (i = 1; i <= NR; ++i) {
            next_t = (i < NR) ? t[i + 1] : end
            printf "%9.2f %6.1f%%  %s\n", next_t - t[i], 100 * (next_t - t[i]) / total, text[i] > "/dev/stderr"
        }
        printf "%9.2f %6.1f%%  %s\n", total, 100, "total (wall)" > "/dev/stderr"
    }' "$stamps"
if [[ -s $rss ]]; then
    awk 'END { printf "peak memory: %.0f MiB (max RSS)\n", $1 / 1024 }' "$rss" >&2
fi
exit "$status"
