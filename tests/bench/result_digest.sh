#!/usr/bin/env bash
# Prints one sha256 per result table of a classified project: every row, sorted, with the
# storage class of every value (so 1 and 1.0 and '1' differ). Two projects classified from the
# same inputs must print the same lines: a speed change that alters any result shows here.
#
#   tests/bench/result_digest.sh classified.gpkg
set -euo pipefail
export LC_ALL=C

if (($# != 1)) || [[ $1 == --help || $1 == -h ]]; then
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
project=$1
for table in parcel_classes idle_items transfer_flags village_stats village_mismatches; do
    columns=$(sqlite3 "$project" "SELECT group_concat('quote(' || quote(name) || ') || typeof(' || quote(name) || ')', ' || ''|'' || ') FROM pragma_table_info('$table') WHERE name <> 'fid'")
    # quote(name) yields 'NAME' (a string literal); make it an identifier.
    columns=${columns//\'/\"}
    digest=$(sqlite3 "$project" "SELECT $columns FROM \"$table\"" | sort | sha256sum | cut -c1-16)
    rows=$(sqlite3 "$project" "SELECT count(*) FROM \"$table\"")
    printf '%-20s %9s rows  %s\n' "$table" "$rows" "$digest"
done
