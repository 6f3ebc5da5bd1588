#!/usr/bin/env bash
# `lakestream sql --warehouse DIR` keeps tables across processes: one
# invocation creates and fills a table, a second one reads it back.
#
#   sql_warehouse_test.sh LAKESTREAM WORK_DIR
set -uo pipefail
lakestream="$1" work="$2"
rm -rf "$work"
mkdir -p "$work"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

"$lakestream" sql --warehouse "$work/warehouse" -e "
  CREATE TABLE trips (id INT, city STRING) USING parquet;
  INSERT INTO trips VALUES (1, 'Oslo'), (2, 'Lima'), (3, NULL)" >"$work/create.out" 2>"$work/create.err"
status=$?
[ "$status" = 0 ] || fail "CREATE and INSERT exited with $status: $(cat "$work/create.err")"
[ -s "$work/create.out" ] && fail "CREATE and INSERT printed rows: $(cat "$work/create.out")"

"$lakestream" sql --warehouse "$work/warehouse" --format csv \
  -e "SELECT id, city FROM trips ORDER BY id" >"$work/select.out" 2>"$work/select.err"
status=$?
[ "$status" = 0 ] || fail "SELECT in a second process exited with $status: $(cat "$work/select.err")"
expected=$'id,city\n1,Oslo\n2,Lima\n3,'
[ "$(cat "$work/select.out")" = "$expected" ] || fail "SELECT printed: $(cat "$work/select.out")"

# Another warehouse does not see the table.
"$lakestream" sql --warehouse "$work/other" -e "SELECT * FROM trips" >/dev/null 2>"$work/other.err"
status=$?
[ "$status" = 1 ] || fail "a table in another warehouse: exit $status"
grep -qF "Error: [TABLE_OR_VIEW_NOT_FOUND]" "$work/other.err" || fail "other warehouse: $(cat "$work/other.err")"

[ "$failed" = 0 ] && echo "tables persist in the warehouse"
exit "$failed"
