# Lakestream's front door. `make demo` runs the main job, `make test` runs every test.
# Both install missing Debian packages first and build what is needed.
.PHONY: all deps release debug asan demo test bench bench-tpch fuzz clean

JOBS ?= $(shell nproc)
# Let ccache share objects between clones of the repository (CI builds a fresh clone).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
CMAKE_GEN = -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

all: release

deps:
	@bash scripts/deps.sh

build/release/build.ninja:
	cmake -S . -B build/release $(CMAKE_GEN) -DLAKESTREAM_WERROR=ON

release: deps build/release/build.ninja
	ninja -C build/release -j $(JOBS)

build/asan/build.ninja:
	cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLAKESTREAM_SANITIZE=ON -DLAKESTREAM_BUILD_BENCH=OFF

# Sanitizer build: ASan + UBSan over the unit tests.
asan: deps build/asan/build.ninja
	ninja -C build/asan -j $(JOBS)
	cd build/asan && ctest --output-on-failure -j $(JOBS) -E 'duckdb|^cli\.'

build/fuzz/build.ninja:
	CC=clang CXX=clang++ cmake -S . -B build/fuzz $(CMAKE_GEN) -DLAKESTREAM_FUZZ=ON -DLAKESTREAM_BUILD_TESTS=OFF -DLAKESTREAM_BUILD_BENCH=OFF

# libFuzzer targets (clang, ASan + UBSan) in build/fuzz, then the Parquet reader
# fuzzed for FUZZ_SECONDS (default 60); findings land in tests/fuzz/regressions/.
fuzz:
	@bash scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory build/fuzz/build.ninja
	ninja -C build/fuzz -j $(JOBS) parquet_reader_fuzzer parquet_fuzz_seeds
	bash scripts/fuzz_parquet.sh

demo: release
	./build/release/lakestream demo

test: release
	cd build/release && ctest --output-on-failure -j $(JOBS)


# The whole sqllogictest corpus against its baseline (`make test` runs the
# faster part of it); prints a per-script table.
SLT_CORPUS ?= $(or $(LAKESTREAM_SLT_CORPUS),$(CURDIR)/../shared/corpus/sqllogictest)
slt: release
	./build/release/slt_runner --dialect sqlite --corpus $(SLT_CORPUS) --baseline tests/sqllogictest/baseline.txt

bench: release
	bash bench/run.sh
	bash bench/run_parquet_bench.sh

# TPC-H's 22 queries at SF 1 on Lakestream and DuckDB (bench/tpch/run_tpch_bench.sh).
bench-tpch: release
	bash bench/tpch/run_tpch_bench.sh

clean:
	rm -rf build
