#!/usr/bin/env python3
"""Every example in docs/functions.md (`SELECT ...; -- result`) runs and gives
the result it states. The stated results are written the way spark-sql prints
them (arrays [1,2], strings inside collections quoted, maps {k:v}); the shell's
JSON output is turned into that form to compare.

    function_examples_test.py LAKESTREAM FUNCTIONS_MD"""
import csv
import io
import json
import re
import subprocess
import sys

lakestream, doc = sys.argv[1], sys.argv[2]

# Examples whose result depends on the clock or the machine's time zone, and
# window examples that state several rows.
SKIP = {"current_date", "current_timestamp", "localtimestamp", "now", "current_timezone",
        "curdate", "unix_timestamp"}


def hive(value, nested=False):
    """A JSON value as spark-sql prints it."""
    if value is None:
        return "null" if nested else "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value) if nested else value
    if isinstance(value, list):
        return "[" + ",".join(hive(v, True) for v in value) + "]"
    if isinstance(value, dict):
        def key(k):
            return k if re.fullmatch(r"-?[0-9.]+", k) else json.dumps(k)
        return "{" + ",".join(key(k) + ":" + hive(v, True) for k, v in value.items()) + "}"
    return repr(value) if isinstance(value, float) else str(value)


examples = []
for line in open(doc, encoding="utf-8"):
    if not line.startswith("| `"):
        continue
    cells = re.split(r"(?<!\\)\|", line)
    if len(cells) < 4:
        continue
    name, example = cells[1].strip().strip("`"), cells[3].strip()
    match = re.fullmatch(r"`(SELECT .*?);\s*--\s*(.*?)(?: \(session time zone UTC\))?`", example.replace("\\|", "|"))
    if not match or name in SKIP or "; " in match.group(2):
        continue
    examples.append((name, match.group(1), match.group(2)))

def run(sql, output_format):
    done = subprocess.run([lakestream, "sql", "--format", output_format, "-e", sql], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[0] if done.stderr else str(done.returncode))
    return done.stdout


failures = []
for name, sql, expected in examples:
    try:
        row = json.loads(run(sql, "json").splitlines()[0])
        values = list(row.values())
        if len(values) == 1 and not isinstance(values[0], (list, dict)):
            # A scalar prints as CAST(x AS STRING) gives it (timestamps, binary):
            # the CSV output's second line, unquoted.
            got = next(csv.reader(io.StringIO(run(sql, "csv").splitlines()[1])))[0]
        else:
            got = " ".join(hive(v) for v in values) if values else "NULL"
    except (RuntimeError, IndexError, StopIteration) as error:
        failures.append(f"{name}: {sql}\n  error: {error}")
        continue
    if got != expected.strip("'") and got != expected:
        failures.append(f"{name}: {sql}\n  expected {expected}\n  got      {got}")

for f in failures:
    print("FAIL " + f)
print(f"{len(examples) - len(failures)} of {len(examples)} documented examples give their stated result")
sys.exit(1 if failures else 0)
