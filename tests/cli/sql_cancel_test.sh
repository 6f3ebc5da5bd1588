#!/usr/bin/env bash
# Ctrl-C (SIGINT) cancels the running statement of `lakestream sql`:
#  - with -e the script stops: "Query cancelled." and exit status 130;
#  - reading stdin the shell survives, says "Query cancelled." and runs the
#    next statement (exit status 1 at the end, as after any failed statement).
# The query counts 10^11 rows: minutes of work, so only cancellation ends it.
# Timeouts are generous for a loaded two-core machine.
#
#   sql_cancel_test.sh LAKESTREAM WORK_DIR
set -uo pipefail
lakestream="$1" work="$2"
rm -rf "$work"
mkdir -p "$work"
failed=0
fail() { echo "FAIL: $*"; failed=1; }
long_query="SELECT count(*) FROM range(100000000000)"

# wait_for FILE TEXT SECONDS: until FILE holds TEXT; false on timeout.
wait_for() {
  local deadline=$((SECONDS + $3))
  until grep -qF -- "$2" "$1" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}
# wait_exit PID SECONDS: until PID exits, then its status in $exit_status;
# kills it and returns false on timeout.
wait_exit() {
  local deadline=$((SECONDS + $2))
  while kill -0 "$1" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      kill -KILL "$1" 2>/dev/null
      wait "$1" 2>/dev/null
      return 1
    fi
    sleep 0.2
  done
  wait "$1"
  exit_status=$?
}

# ---- -e: the script stops ----
"$lakestream" sql --threads 2 -e "SELECT 1 AS started; $long_query; SELECT 2 AS never" \
  >"$work/e.out" 2>"$work/e.err" &
pid=$!
# "started" is printed once the SIGINT handler is in place.
if wait_for "$work/e.out" started 60; then
  sleep 1
  kill -INT "$pid"
  if wait_exit "$pid" 60; then
    [ "$exit_status" = 130 ] || fail "-e: exit status $exit_status, expected 130"
    grep -qxF "Query cancelled." "$work/e.err" || fail "-e: stderr lacks 'Query cancelled.': $(cat "$work/e.err")"
    grep -qF never "$work/e.out" && fail "-e: the statement after the cancelled one ran"
  else
    fail "-e: still running 60 s after SIGINT"
  fi
else
  fail "-e: the first statement printed nothing in 60 s: $(cat "$work/e.err")"
  kill -KILL "$pid" 2>/dev/null
fi

# ---- stdin: the shell goes on ----
mkfifo "$work/in"
"$lakestream" sql --threads 2 <"$work/in" >"$work/stdin.out" 2>"$work/stdin.err" &
pid=$!
exec 3>"$work/in"
printf 'SELECT 1 AS started;\n%s;\n' "$long_query" >&3
if wait_for "$work/stdin.out" started 60; then
  sleep 1
  kill -INT "$pid"
  if wait_for "$work/stdin.err" "Query cancelled." 60; then
    kill -0 "$pid" 2>/dev/null || fail "stdin: the shell ended after Ctrl-C"
    printf 'SELECT 42 AS after_cancel;\n' >&3
  else
    fail "stdin: no 'Query cancelled.' 60 s after SIGINT: $(cat "$work/stdin.err")"
  fi
else
  fail "stdin: the first statement printed nothing in 60 s: $(cat "$work/stdin.err")"
fi
exec 3>&-
if wait_exit "$pid" 60; then
  [ "$exit_status" = 1 ] || fail "stdin: exit status $exit_status, expected 1"
  grep -qF after_cancel "$work/stdin.out" || fail "stdin: the statement after Ctrl-C did not run: $(cat "$work/stdin.out")"
else
  fail "stdin: still running 60 s after the end of its input"
fi

if [ "$failed" = 1 ]; then
  for f in e.out e.err stdin.out stdin.err; do echo "--- $f:"; cat "$work/$f"; done
  exit 1
fi
echo "Ctrl-C cancels the running statement"
