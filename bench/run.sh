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
build_dir="${BUILD_DIR:-build/release}"
threads="${THREADS:-$(nproc)}"
rows="${ROWS:-10000000}"
runs="${RUNS:-5}"
results="${RESULTS:-bench/RESULTS.md}"
bin="$build_dir/bench_agg_join"

if [ ! -x "$bin" ]; then
  echo "run.sh: $bin is missing; build it first (make release)" >&2
  exit 1
fi
if [ ! -d node_modules/@duckdb/node-api ]; then
  echo "run.sh: @duckdb/node-api is missing; run 'make deps'" >&2
  exit 1
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
args=(--threads "$threads" --rows "$rows" --runs "$runs")
command="BUILD_DIR=$build_dir THREADS=$threads ROWS=$rows RUNS=$runs bash bench/run.sh"
echo "$command"
ours="$("$bin" "${args[@]}")"
theirs="$(node bench/duckdb_bench.mjs "${args[@]}")"

table="| query | lakestream ms | duckdb ms | ratio (lakestream / duckdb) |
|---|---:|---:|---:|"
mismatch=0
while read -r _ name ms sum; do
  line="$(grep "^RESULT $name " <<<"$theirs" || true)"
  if [ -z "$line" ]; then
    echo "run.sh: DuckDB has no result for $name" >&2
    exit 1
  fi
  read -r _ _ dms dsum <<<"$line"
  ratio="$(awk -v a="$ms" -v b="$dms" 'BEGIN { printf "%.2f", a / b }')"
  note=""
  if [ "$sum" != "$dsum" ]; then
    note=" (results differ: lakestream $sum, duckdb $dsum)"
    mismatch=1
  fi
  table+=$'\n'"| $name | $ms | $dms | $ratio$note |"
done <<<"$ours"
echo "$table"

if [ "$results" != "none" ]; then
  cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  {
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${cpu:-unknown CPU}"
    echo
    echo "Command: \`$command\` (git $(git rev-parse --short HEAD 2>/dev/null || echo unknown))."
    echo "Load average before the run: $load_before (other processes share the machine)."
    echo
    echo "$table"
  } >> "$results"
  echo "run.sh: appended to $results"
fi
exit "$mismatch"
