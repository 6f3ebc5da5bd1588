# Shared by the benchmark scripts (run.sh, run_parquet_bench.sh,
# tpch/run_tpch_bench.sh); source it from the repository root.
# Both engines print "RESULT <name> <median ms> <checksum>" lines.

# require_bench_tools SCRIPT BUILD_DIR BIN...: exits 1 with a hint when a
# benchmark binary in BUILD_DIR or the DuckDB npm package is missing.
require_bench_tools() {
  local script="$1" dir="$2" bin
  shift 2
  for bin in "$@"; do
    if [ ! -x "$dir/$bin" ]; then
      echo "$script: $dir/$bin is missing; build it first (make release)" >&2
      exit 1
    fi
  done
  if [ ! -d node_modules/@duckdb/node-api ]; then
    echo "$script: @duckdb/node-api is missing; run 'make deps'" >&2
    exit 1
  fi
}

# compare_results OURS THEIRS: sets `table` to the markdown table
# `query | lakestream ms | duckdb ms | ratio` (ratio below 1: Lakestream is
# faster) and prints it; sets `mismatch=1` when a checksum differs (noted in
# the row). Exits 1 when DuckDB has no result for a query. Call it directly,
# not in $(...), so that the variables reach the caller.
compare_results() {
  local ours="$1" theirs="$2" name ms sum line dms dsum ratio note
  table="| query | lakestream ms | duckdb ms | ratio (lakestream / duckdb) |
|---|---:|---:|---:|"
  mismatch=0
  while read -r _ name ms sum; do
    line="$(grep "^RESULT $name " <<<"$theirs" || true)"
    if [ -z "$line" ]; then
      echo "compare_results: DuckDB has no result for $name" >&2
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
}

# append_results FILE TITLE COMMAND LOAD_BEFORE TABLE: appends a dated
# section to FILE (nothing when FILE is "none").
append_results() {
  local file="$1" title="$2" command="$3" load="$4" table="$5" cpu
  [ "$file" = none ] && return 0
  cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  {
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), ${title}$(nproc) cores, ${cpu:-unknown CPU}"
    echo
    echo "Command: \`$command\` (git $(git rev-parse --short HEAD 2>/dev/null || echo unknown))."
    echo "Load average before the run: $load (other processes share the machine)."
    echo
    echo "$table"
  } >> "$file"
  echo "appended to $file"
}
