#!/usr/bin/env bash
# The TPC-H correctness test: generates SF 0.01 in FORMAT (csv or parquet)
# into WORK_DIR, runs the 22 queries through Session::sql (tpch_run) and
# compares every result with DuckDB's on the same files (tpch_duckdb.mjs
# --check). Exit status 0 when all 22 agree.
# Usage: tpch_test.sh TPCH_GEN TPCH_RUN WORK_DIR FORMAT
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
if [ $# -ne 4 ]; then
  echo "usage: tpch_test.sh TPCH_GEN TPCH_RUN WORK_DIR csv|parquet" >&2
  exit 2
fi
gen="$1" run="$2" work="$3" format="$4"
if ! command -v node >/dev/null || [ ! -d "$repo/node_modules/@duckdb/node-api" ]; then
  echo "tpch_test: node or @duckdb/node-api is missing; run 'make deps'" >&2
  exit 1
fi
rm -rf "$work/results"
mkdir -p "$work/results"
"$gen" --sf 0.01 --out "$work/data" --format "$format"
status=0
"$run" --data "$work/data" --queries "$here/queries" --out "$work/results" --threads 2 || status=$?
echo "tpch_run exited with status $status"
node "$here/tpch_duckdb.mjs" --data "$work/data" --queries "$here/queries" --check "$work/results" --threads 2
