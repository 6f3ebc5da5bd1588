#!/usr/bin/env python3
"""`lakestream sql` on a terminal (a pseudo-terminal driven like a user):
prompts, a statement spanning lines, Ctrl-C clearing the line being typed,
the progress bar of a long statement and Ctrl-C cancelling it while the shell
lives on, the timer, the history file, and Ctrl-D leaving.

    sql_terminal_test.py LAKESTREAM WORK_DIR

Timeouts are generous for a loaded two-core machine."""
import os
import pty
import select
import shutil
import sys
import time

TIMEOUT = 60
lakestream, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
history = os.path.join(work, "history")
env = dict(os.environ, LAKESTREAM_HISTORY=history, TERM="xterm", HOME=work)

pid, fd = pty.fork()
if pid == 0:
    os.chdir(work)
    os.execve(lakestream, [lakestream, "sql", "--threads", "2"], env)

output = b""  # everything the terminal showed
seen = 0      # how much of it earlier expectations consumed


def fail(message):
    print(f"FAIL: {message}\n--- terminal so far:\n{output.decode(errors='replace')}")
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    sys.exit(1)


def expect(text, timeout=TIMEOUT):
    """Waits until the terminal shows `text` after what was seen so far."""
    global output, seen
    deadline = time.time() + timeout
    while True:
        at = output.find(text.encode(), seen)
        if at >= 0:
            seen = at + len(text)
            return
        if time.time() > deadline:
            fail(f"no {text!r} within {timeout} s")
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                output += os.read(fd, 65536)
            except OSError:
                fail(f"the shell ended while waiting for {text!r}")


def send(keys):
    os.write(fd, keys.encode())


PROMPT, MORE = "lakestream> ", "         > "
expect(PROMPT)
send("SELECT 1\r")
expect(MORE)
send("  + 1 AS two;\r")
expect("|two|")
expect("|2  |")
expect(PROMPT)

# Ctrl-C while typing: the unfinished statement is dropped.
send("SELECT 'never")
expect("'never")
send("\x03")
expect(PROMPT)
send("SELECT 3 AS three;\r")
expect("|three|")
expect(PROMPT)

# A long statement: a progress bar after a second, then Ctrl-C cancels it.
send("SELECT count(*) FROM range(100000000000);\r")
expect(" rows | ")
expect(" splits | ")
send("\x03")
expect("Query cancelled.")
expect(PROMPT)

send(".timer on\r")
expect("Timer is on.")
send("SELECT 4 AS four;\r")
expect("|4   |")
expect("(1 row)")
expect("Time: ")
expect(PROMPT)

send("\x04")
deadline = time.time() + TIMEOUT
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    if time.time() > deadline:
        fail("still running after Ctrl-D")
    try:
        if select.select([fd], [], [], 0.1)[0]:
            output += os.read(fd, 65536)
    except OSError:
        time.sleep(0.1)
# The cancelled statement counts as a failed one.
if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 1:
    fail(f"exit status {status}, expected exit code 1")
if b"never" in output[output.find(b"'never") + 6:]:
    fail("the statement cleared by Ctrl-C ran")
if b"Error" in output:
    fail("an error was printed")

with open(history) as f:
    saved = f.read().replace("\\040", " ")  # libedit saves blanks vis(3)-encoded
for line in ["SELECT 3 AS three;", ".timer on"]:
    if line not in saved:
        fail(f"history lacks {line!r}:\n{saved}")
print("the shell works on a terminal")
