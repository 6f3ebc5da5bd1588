#!/usr/bin/env bash
# Writes the Parquet interoperability files with Lakestream and checks them
# with DuckDB and hyparquet (see README.md).
# Usage: run_parquet_write.sh WRITE_PARQUET_CASES_BINARY WORK_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
if [ $# -ne 2 ]; then
  echo "usage: run_parquet_write.sh WRITE_PARQUET_CASES_BINARY WORK_DIR" >&2
  exit 2
fi
if ! command -v node >/dev/null; then
  echo "run_parquet_write: node is not installed (make deps installs it)" >&2
  exit 1
fi
for module in @duckdb/node-api hyparquet; do
  if [ ! -d "$repo/node_modules/$module" ]; then
    echo "run_parquet_write: $module is missing; run 'make deps' (npm install) in $repo" >&2
    exit 1
  fi
done
rm -rf "$2"
"$1" "$2"
node "$here/check_parquet_files.mjs" "$2"
