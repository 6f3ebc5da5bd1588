#!/usr/bin/env bash
# Runs `LAKESTREAM sql ARGS... -e "<contents of FILE>"`: a multi-statement -e
# argument, which CMake cannot pass (it splits arguments at ';').
#
#   run_sql_e.sh LAKESTREAM FILE [ARGS]...
set -uo pipefail
lakestream="$1" file="$2"
shift 2
exec "$lakestream" sql "$@" -e "$(cat "$file")"
