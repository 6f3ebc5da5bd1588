#!/usr/bin/env bash
# Runs a command and checks its exit code and output; for the CLI's ctest tests.
#
#   expect.sh [--exit N] [--stdout-has TEXT]... [--stderr-has TEXT]...
#             [--stdout-is TEXT] [--stdout-file GOLDEN] [--stderr-file GOLDEN]
#             [--stdout-lacks TEXT]... [--stderr-lacks TEXT]... [--stdin FILE] -- COMMAND [ARGS]...
#
# TEXT is matched literally (grep -F). --stdout-file and --stderr-file compare
# the whole stream with a golden file and print the difference. --stdin feeds
# FILE to the command (default: /dev/null). Without --exit, 0 is expected.
set -uo pipefail

expected_exit=0
stdout_has=() stderr_has=() stdout_lacks=() stderr_lacks=()
stdout_is="" stdout_is_set=0 stdout_file="" stderr_file="" stdin_file=/dev/null
while [ $# -gt 0 ]; do
  case "$1" in
    --exit) expected_exit="$2"; shift 2 ;;
    --stdout-has) stdout_has+=("$2"); shift 2 ;;
    --stderr-has) stderr_has+=("$2"); shift 2 ;;
    --stdout-lacks) stdout_lacks+=("$2"); shift 2 ;;
    --stderr-lacks) stderr_lacks+=("$2"); shift 2 ;;
    --stdout-is) stdout_is="$2"; stdout_is_set=1; shift 2 ;;
    --stdout-file) stdout_file="$2"; shift 2 ;;
    --stderr-file) stderr_file="$2"; shift 2 ;;
    --stdin) stdin_file="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "expect.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$@" <"$stdin_file" >"$out" 2>"$err"
actual_exit=$?

failed=0
fail() { echo "FAIL: $*"; failed=1; }

[ "$actual_exit" = "$expected_exit" ] || fail "exit code $actual_exit, expected $expected_exit"
for text in "${stdout_has[@]+"${stdout_has[@]}"}"; do
  grep -qF -- "$text" "$out" || fail "stdout lacks: $text"
done
for text in "${stderr_has[@]+"${stderr_has[@]}"}"; do
  grep -qF -- "$text" "$err" || fail "stderr lacks: $text"
done
for text in "${stdout_lacks[@]+"${stdout_lacks[@]}"}"; do
  if grep -qF -- "$text" "$out"; then fail "stdout has: $text"; fi
done
for text in "${stderr_lacks[@]+"${stderr_lacks[@]}"}"; do
  if grep -qF -- "$text" "$err"; then fail "stderr has: $text"; fi
done
if [ "$stdout_is_set" = 1 ] && [ "$(cat "$out")" != "$stdout_is" ]; then
  fail "stdout is not: $stdout_is"
fi
if [ -n "$stdout_file" ] && ! diff -u "$stdout_file" "$out"; then
  fail "stdout differs from $stdout_file (diff above: - expected, + actual)"
fi
if [ -n "$stderr_file" ] && ! diff -u "$stderr_file" "$err"; then
  fail "stderr differs from $stderr_file (diff above: - expected, + actual)"
fi

if [ "$failed" = 1 ]; then
  echo "--- command: $*"
  echo "--- stdout:"; head -c 20000 "$out"
  echo "--- stderr:"; head -c 20000 "$err"
  exit 1
fi
exit 0
