#!/usr/bin/env bash
# Runs the demo pipeline and checks it against the independent Python oracle's
# results in tests/cli/expected/ (see taxi_reference.py): the row counts it
# reports, the CSV it writes, and the partitioned JSON it writes.
#
#   demo_test.sh OUTPUT_DIR -- COMMAND [ARGS]...   (COMMAND writes under OUTPUT_DIR)
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
output_dir="$1"; shift
[ "$1" = "--" ] && shift
rm -rf "$output_dir"

stdout=$(mktemp)
trap 'rm -f "$stdout"' EXIT
"$@" >"$stdout"
status=$?
failed=0
fail() { echo "FAIL: $*"; failed=1; }
[ "$status" = 0 ] || fail "exit code $status"

count() { awk -v key="$1" '$1 == key { print $2 }' "$here/expected/taxi_counts.txt"; }
for line in \
  "Read trips.csv (header, explicit schema, mode PERMISSIVE): $(count raw_rows) rows" \
  "Malformed rows kept in _corrupt_record: $(count malformed_rows);" \
  "derived duration_minutes, pickup_hour, fare_bucket: $(count clean_rows) rows" \
  "$(count unknown_zone_rows) in zones missing from zones.csv" \
  "pickup hour (count, avg, sum, count_distinct): $(count result_rows) groups" \
  "Read the CSV back (inferSchema): $(count result_rows) rows" \
  "Done in"; do
  grep -qF -- "$line" "$stdout" || fail "stdout lacks: $line"
done

csv_dir="$output_dir/trips_by_borough_hour_csv"
if ls "$csv_dir"/part-* >/dev/null 2>&1; then
  if ! diff -u <(tail -n +2 "$here/expected/taxi_by_borough_hour.csv" | sort) \
               <(cat "$csv_dir"/part-* | grep -v '^borough,' | sort); then
    fail "written CSV differs from expected/taxi_by_borough_hour.csv (- expected, + written)"
  fi
  [ -f "$csv_dir/_SUCCESS" ] || fail "no _SUCCESS in $csv_dir"
else
  fail "no part files in $csv_dir"
fi

json_dir="$output_dir/trips_by_borough_hour_json"
expected_folders=$(tail -n +2 "$here/expected/taxi_by_borough_hour.csv" | cut -d, -f1 | sort -u | sed 's/^/borough=/')
actual_folders=$(cd "$json_dir" 2>/dev/null && find . -mindepth 1 -maxdepth 1 -type d | sed 's|^\./||' | sort)
[ "$expected_folders" = "$actual_folders" ] || fail "JSON partition folders: got '$actual_folders'"
json_rows=$(cat "$json_dir"/borough=*/part-* 2>/dev/null | grep -c '^{')
[ "$json_rows" = "$(count result_rows)" ] || fail "JSON rows: $json_rows, expected $(count result_rows)"
if cat "$json_dir"/borough=*/part-* 2>/dev/null | grep -q '"borough"'; then
  fail "the partition column borough is written inside the JSON files"
fi

if [ "$failed" = 1 ]; then
  echo "--- command: $*"; echo "--- stdout:"; cat "$stdout"
  exit 1
fi
echo "demo output matches the reference"
