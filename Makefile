# Lakestream's front door. `make demo` runs the main job, `make test` runs every test.
# Both install missing Debian packages first and build what is needed.
.PHONY: all deps release debug asan demo test bench clean

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

demo: release
	./build/release/lakestream demo

test: release
	cd build/release && ctest --output-on-failure -j $(JOBS)

bench: release
	bash bench/run.sh

clean:
	rm -rf build
