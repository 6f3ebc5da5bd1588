#!/usr/bin/env bash
# Compares Lakestream's DataFrame results with DuckDB's on generated data.
# Usage: run_compare.sh COMPARE_QUERIES_BINARY WORK_DIR [--only NAME]
#   WORK_DIR/data     the CSV tables (gen_data.mjs, deterministic)
#   WORK_DIR/results  Lakestream's results (compare_queries)
# Then compare.mjs runs the same queries in DuckDB and judges; its exit status
# is this script's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
if [ $# -lt 2 ]; then
  echo "usage: run_compare.sh COMPARE_QUERIES_BINARY WORK_DIR [--only NAME]" >&2
  exit 2
fi
bin="$1"
work="$2"
only=()
[ "${3:-}" = "--only" ] && only=(--only "$4")

if ! command -v node >/dev/null; then
  echo "run_compare: node is not installed (make deps installs it)" >&2
  exit 1
fi
if [ ! -d "$repo/node_modules/@duckdb/node-api" ]; then
  echo "run_compare: @duckdb/node-api is missing; run 'make deps' (npm install) in $repo" >&2
  exit 1
fi

node "$here/gen_data.mjs" "$work/data"
rm -rf "$work/results"
mkdir -p "$work/results"

query_args=()
[ ${#only[@]} -gt 0 ] && query_args=(--query "${only[1]}")
status=0
"$bin" "$work/data" "$work/results" "${query_args[@]}" || status=$?
if [ "$status" -ne 0 ]; then
  # The run died part-way (a crash, not a query error): rerun each query
  # without a result on its own, so one crash does not hide the others.
  echo "run_compare: compare_queries exited with status $status; rerunning the remaining queries one by one"
  for name in $("$bin" --list); do
    [ ${#only[@]} -gt 0 ] && [ "$name" != "${only[1]}" ] && continue
    [ -e "$work/results/$name.jsonl" ] || [ -e "$work/results/$name.error" ] && continue
    qstatus=0
    "$bin" "$work/data" "$work/results" --query "$name" || qstatus=$?
    if [ ! -e "$work/results/$name.jsonl" ] && [ ! -e "$work/results/$name.error" ]; then
      echo "compare_queries exited with status $qstatus (crash) while running this query" > "$work/results/$name.error"
    fi
  done
fi

node "$here/compare.mjs" "$work/data" "$work/results" "${only[@]}"
