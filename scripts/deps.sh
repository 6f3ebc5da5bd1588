#!/usr/bin/env bash
# Installs the Debian packages Lakestream builds with, and the npm test peers;
# `deps.sh fuzz` adds clang and libFuzzer for the fuzz build (make fuzz).
# Idempotent: runs `apt-get update` once and only when a package is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config python3
  libzstd-dev liblz4-dev libsnappy-dev zlib1g-dev libbrotli-dev
  libre2-dev libsimdjson-dev nlohmann-json3-dev libxxhash-dev libfmt-dev libedit-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libmd-dev  # MD5 of results in the sqllogictest runner
)
if [ "${1:-}" = fuzz ]; then packages+=(clang libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from elsewhere than Debian (e.g. a preinstalled toolchain); only
# ask apt for it when the commands are missing.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "deps: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# DuckDB is a test and benchmark peer only; it lives in a local node_modules.
if [ ! -d node_modules/@duckdb/node-api ] || [ ! -d node_modules/hyparquet ]; then
  echo "deps: installing npm test peers"
  npm install --no-audit --no-fund --silent >/dev/null
fi
