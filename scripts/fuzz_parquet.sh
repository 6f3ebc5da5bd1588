#!/usr/bin/env bash
# Fuzzes the Parquet reader for a bounded time with libFuzzer
# (tests/fuzz/parquet_reader_fuzzer.cc, built by `make fuzz` in build/fuzz).
#
# Seeds: the parquet-testing corpus (LAKESTREAM_PARQUET_CORPUS, default
# /work/shared/corpus/parquet; encrypted files left out, files up to 128 KiB),
# small files from Lakestream's own writer (parquet_fuzz_seeds) and every
# earlier finding. The growing corpus is kept in build/fuzz/corpus between
# runs. One fuzzing process (fork mode, one job) that goes on past a finding
# until the time is up; each crash, timeout or out-of-memory input is copied
# to tests/fuzz/regressions/parquet_reader/, where the unit test
# ParquetFuzzRegressionTest replays it in the normal build.
#
# Environment: FUZZ_SECONDS (default 60), BUILD_DIR (default build/fuzz),
# LAKESTREAM_PARQUET_CORPUS. Extra arguments go to libFuzzer.
# Exit status: 0 when nothing new was found, 1 when findings were saved.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build/fuzz}"
seconds="${FUZZ_SECONDS:-60}"
corpus_src="${LAKESTREAM_PARQUET_CORPUS:-/work/shared/corpus/parquet}"
fuzzer="$build_dir/parquet_reader_fuzzer"
regressions=tests/fuzz/regressions/parquet_reader

for bin in "$fuzzer" "$build_dir/parquet_fuzz_seeds"; do
  if [ ! -x "$bin" ]; then
    echo "fuzz_parquet.sh: $bin is missing; build it first (make fuzz)" >&2
    exit 2
  fi
done

work="$build_dir/fuzz_parquet"
seeds="$work/seeds"
corpus="$work/corpus"
artifacts="$work/artifacts"
rm -rf "$seeds" "$artifacts"
mkdir -p "$seeds" "$corpus" "$artifacts" "$regressions"
"$build_dir/parquet_fuzz_seeds" "$seeds/writer"
if [ -d "$corpus_src" ]; then
  mkdir -p "$seeds/corpus"
  find "$corpus_src" -name '*.parquet' -size -129k -print0 | while IFS= read -r -d '' f; do
    rel="${f#"$corpus_src"/}"
    cp "$f" "$seeds/corpus/${rel//\//_}"
  done
else
  echo "fuzz_parquet.sh: no corpus at $corpus_src; seeding with the writer's files only" >&2
fi

# detect_leaks: the reader owns everything through RAII, so a leak is a bug too.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
echo "fuzz_parquet.sh: fuzzing the Parquet reader for ${seconds}s"
set +e
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" \
  "$corpus" "$seeds/writer" "$seeds/corpus" "$regressions" 2>&1 | tee "$work/last_run.log" | tail -n 40
set -e

found=0
for f in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
  [ -e "$f" ] || continue
  name="$(basename "$f")"
  if [ ! -e "$regressions/$name" ]; then
    cp "$f" "$regressions/$name"
    echo "fuzz_parquet.sh: new finding $regressions/$name"
    found=1
  fi
done
if [ "$found" = 0 ]; then
  echo "fuzz_parquet.sh: no new findings (log: $work/last_run.log)"
else
  echo "fuzz_parquet.sh: replay one with $fuzzer FILE; the log is $work/last_run.log"
fi
exit "$found"
