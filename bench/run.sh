#!/usr/bin/env bash
# Aggregation/join benchmark, Lakestream against DuckDB in the same run on the
# same data (bench/agg_join_bench.cc, bench/duckdb_bench.mjs).
# Prints `query | lakestream ms | duckdb ms | ratio` and appends the run to
# bench/RESULTS.md.
#
# Environment: BUILD_DIR (default build/release), THREADS (default nproc),
# ROWS (default 10000000), RUNS (default 5), RESULTS (default bench/RESULTS.md;
# RESULTS=none leaves it alone).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/compare_results.sh
build_dir="${BUILD_DIR:-build/release}"
threads="${THREADS:-$(nproc)}"
rows="${ROWS:-10000000}"
runs="${RUNS:-5}"
results="${RESULTS:-bench/RESULTS.md}"
bin="$build_dir/bench_agg_join"

require_bench_tools run.sh "$build_dir" bench_agg_join

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
args=(--threads "$threads" --rows "$rows" --runs "$runs")
command="BUILD_DIR=$build_dir THREADS=$threads ROWS=$rows RUNS=$runs bash bench/run.sh"
echo "$command"
ours="$("$bin" "${args[@]}")"
theirs="$(node bench/duckdb_bench.mjs "${args[@]}")"

compare_results "$ours" "$theirs"
append_results "$results" "" "$command" "$load_before" "$table"
exit "$mismatch"
