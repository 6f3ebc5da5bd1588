#!/usr/bin/env bash
# Parquet scan and write benchmark on TPC-H lineitem, Lakestream against
# DuckDB in the same run on the same files (bench/parquet_bench.cc,
# bench/parquet_duckdb_bench.mjs). The lineitem Parquet files are generated
# once by tpch_gen and kept in $BUILD_DIR/tpch_sf$SF.
# Prints `query | lakestream ms | duckdb ms | ratio` and appends the run to
# bench/RESULTS.md.
#
# Environment: BUILD_DIR (default build/release), SF (default 1), THREADS
# (default nproc), RUNS (default 5), RESULTS (default bench/RESULTS.md;
# RESULTS=none leaves it alone).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/compare_results.sh
build_dir="${BUILD_DIR:-build/release}"
sf="${SF:-1}"
threads="${THREADS:-$(nproc)}"
runs="${RUNS:-5}"
results="${RESULTS:-bench/RESULTS.md}"

require_bench_tools run_parquet_bench.sh "$build_dir" bench_parquet tpch_gen

data="$build_dir/tpch_sf$sf"
if [ ! -e "$data/lineitem/_SUCCESS" ]; then
  echo "run_parquet_bench.sh: generating TPC-H SF $sf lineitem in $data"
  "$build_dir/tpch_gen" --sf "$sf" --out "$data" --format parquet --tables lineitem --threads "$threads"
fi
data="$(cd "$data/lineitem" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
args=(--data "$data" --threads "$threads" --runs "$runs")
command="BUILD_DIR=$build_dir SF=$sf THREADS=$threads RUNS=$runs bash bench/run_parquet_bench.sh"
echo "$command"
ours="$("$build_dir/bench_parquet" "${args[@]}" --out "$out/lakestream")"
theirs="$(node bench/parquet_duckdb_bench.mjs "${args[@]}" --out "$out/duckdb")"

compare_results "$ours" "$theirs"
append_results "$results" "Parquet, TPC-H SF $sf lineitem, " "$command" "$load_before" "$table"
exit "$mismatch"
