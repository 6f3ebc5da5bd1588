#!/usr/bin/env bash
# TPC-H benchmark: the 22 queries on Lakestream (tpch_run) and DuckDB
# (tpch_duckdb.mjs) in the same run, over the same generated files, with the
# same thread count. Prints `query | lakestream ms | duckdb ms | ratio` with
# per-query medians and the geometric mean of the ratios, checks that every
# result equals DuckDB's, and appends the run to bench/RESULTS.md.
#
# Environment: BUILD_DIR (default build/release), SF (default 1), FORMAT
# (parquet or csv, default parquet), THREADS (default nproc), RUNS (timed runs
# per query after one untimed run, default 3), QUERIES (e.g. q1,q5; default
# all), DATA_DIR (default BUILD_DIR/tpch_data/sf<SF>_<FORMAT>; generated once
# and reused), RESULTS (default bench/RESULTS.md; RESULTS=none leaves it alone),
# GIT_REV (the revision named in RESULTS.md; default git rev-parse).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/compare_results.sh
build_dir="${BUILD_DIR:-build/release}"
sf="${SF:-1}"
format="${FORMAT:-parquet}"
threads="${THREADS:-$(nproc)}"
runs="${RUNS:-3}"
queries="${QUERIES:-}"
data="${DATA_DIR:-$build_dir/tpch_data/sf${sf}_${format}}"
results="${RESULTS:-bench/RESULTS.md}"

require_bench_tools run_tpch_bench "$build_dir" tpch_gen tpch_run

# The data depends only on SF and the format: generate it once.
stamp="$data/.tpch_bench_sf"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sf $format" ]; then
  rm -rf "$data"
  mkdir -p "$data"
  "$build_dir/tpch_gen" --sf "$sf" --out "$data" --format "$format" --threads "$threads"
  echo "$sf $format" > "$stamp"
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
command="BUILD_DIR=$build_dir SF=$sf FORMAT=$format THREADS=$threads RUNS=$runs${queries:+ QUERIES=$queries} bash bench/tpch/run_tpch_bench.sh"
echo "$command"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
if [ -n "$queries" ]; then
  names="${queries//,/ }"
else
  names="$(ls bench/tpch/queries | sed -n 's/^\(q[0-9]*\)\.sql$/\1/p' | sort -t q -k 2 -n)"
fi
# Query by query, Lakestream then DuckDB, so that both see the same load.
ours=""
theirs=""
for name in $names; do
  ours+="$("$build_dir/tpch_run" --data "$data" --queries bench/tpch/queries --threads "$threads" --repeat "$runs" \
    --out "$out" --query "$name" || true)"$'\n'
  theirs+="$(node bench/tpch/tpch_duckdb.mjs --data "$data" --queries bench/tpch/queries --threads "$threads" \
    --repeat "$runs" --check "$out" --query "$name" || true)"$'\n'
  echo "$name: lakestream $(grep "^[A-Z]* $name " <<<"$ours" | cut -d' ' -f3- | cut -c1-100);" \
    "duckdb $(grep "^RESULT $name " <<<"$theirs" | cut -d' ' -f3-)" >&2
done

table="| query | lakestream ms | duckdb ms | ratio (lakestream / duckdb) |
|---|---:|---:|---:|"
log_sum=0
count=0
mismatch=0
while read -r _ name dms _; do
  line="$(grep "^RESULT $name " <<<"$ours" || true)"
  note=""
  grep -q "^PASS $name " <<<"$theirs" || { note=" (result differs from DuckDB's)"; mismatch=1; }
  if [ -z "$line" ]; then
    error="$(grep "^ERROR $name " <<<"$ours" | cut -d' ' -f3- | cut -c1-120 || true)"
    table+=$'\n'"| $name | error: ${error:-no result} | $dms | - |"
    mismatch=1
    continue
  fi
  read -r _ _ ms _ <<<"$line"
  ratio="$(awk -v a="$ms" -v b="$dms" 'BEGIN { printf "%.2f", a / b }')"
  log_sum="$(awk -v s="$log_sum" -v r="$ratio" 'BEGIN { printf "%.9f", s + log(r) }')"
  count=$((count + 1))
  table+=$'\n'"| $name | $ms | $dms | $ratio$note |"
done < <(grep '^RESULT ' <<<"$theirs")
geomean="$(awk -v s="$log_sum" -v n="$count" 'BEGIN { printf "%.2f", n ? exp(s / n) : 0 }')"
table+=$'\n'"| geometric mean ($count queries) | | | $geomean |"
echo "$table"
[ "$mismatch" = 0 ] || grep -A3 '^FAIL' <<<"$theirs" >&2 || true

if [ "$results" != "none" ]; then
  cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  {
    echo
    echo "## TPC-H SF $sf ($format), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${cpu:-unknown CPU}"
    echo
    echo "Command: \`$command\` (git ${GIT_REV:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)})."
    echo "Load average before the run: $load_before (other processes share the machine)."
    echo
    echo "$table"
  } >> "$results"
  echo "run_tpch_bench: appended to $results"
fi
exit "$mismatch"
