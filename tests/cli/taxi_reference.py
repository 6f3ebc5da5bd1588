#!/usr/bin/env python3
"""An independent oracle for the demo pipeline (examples/taxi/taxi_pipeline.cc).

Recomputes, in plain Python from examples/data, what the pipeline must produce:
the row counts at each step and the per-(borough, hour) result, and writes
them to tests/cli/expected/. demo_test.sh compares the demo's output against
these files, so the test checks the engine against code that shares nothing
with it. Run it again only when the data or the pipeline changes:

    python3 tests/cli/taxi_reference.py
"""

import csv
import datetime
import decimal
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "examples", "data")
EXPECTED = os.path.join(HERE, "expected")
NUM_FIELDS = 11


def spark_round(x, digits):
    """Spark's round(): HALF_UP on the double's shortest decimal form."""
    q = decimal.Decimal(1).scaleb(-digits)
    return float(decimal.Decimal(repr(x)).quantize(q, rounding=decimal.ROUND_HALF_UP))


def java_double(x):
    """Java's Double.toString for the magnitudes in this data (no exponents)."""
    text = repr(float(x))
    return text if "e" not in text else format(x, "f")


def parse_trip(fields):
    """The typed row, or None when PERMISSIVE mode would flag it as malformed."""
    if len(fields) != NUM_FIELDS:
        return None
    try:
        ts = lambda s: datetime.datetime.strptime(s, "%Y-%m-%d %H:%M:%S")
        return {
            "vendor_id": int(fields[1]),
            "pickup": ts(fields[2]),
            "dropoff": ts(fields[3]),
            "distance": float(fields[5]),
            "zone": int(fields[6]),
            "fare": float(fields[9]),
        }
    except ValueError:
        return None


def main():
    with open(os.path.join(DATA, "zones.csv")) as f:
        boroughs = {int(r["zone_id"]): r["borough"] for r in csv.DictReader(f)}
    with open(os.path.join(DATA, "trips.csv")) as f:
        rows = list(csv.reader(f))[1:]
    parsed = [parse_trip(r) for r in rows]
    good = [t for t in parsed if t is not None]
    clean = [t for t in good if t["distance"] > 0]
    groups = {}
    for t in clean:
        key = (boroughs.get(t["zone"], "Unknown"), t["pickup"].hour)
        groups.setdefault(key, []).append(t)

    os.makedirs(EXPECTED, exist_ok=True)
    with open(os.path.join(EXPECTED, "taxi_counts.txt"), "w") as f:
        f.write(f"raw_rows {len(rows)}\n")
        f.write(f"malformed_rows {len(rows) - len(good)}\n")
        f.write(f"clean_rows {len(clean)}\n")
        f.write(f"unknown_zone_rows {sum(1 for t in clean if t['zone'] not in boroughs)}\n")
        f.write(f"result_rows {len(groups)}\n")
    with open(os.path.join(EXPECTED, "taxi_by_borough_hour.csv"), "w") as f:
        f.write("borough,pickup_hour,trips,avg_fare,total_distance,avg_minutes,vendors\n")
        for (borough, hour), trips in sorted(groups.items()):
            minutes = [spark_round((t["dropoff"] - t["pickup"]).total_seconds() / 60.0, 1) for t in trips]
            f.write(",".join([
                borough, str(hour), str(len(trips)),
                java_double(spark_round(sum(t["fare"] for t in trips) / len(trips), 2)),
                java_double(spark_round(sum(t["distance"] for t in trips), 1)),
                java_double(spark_round(sum(minutes) / len(minutes), 1)),
                str(len({t["vendor_id"] for t in trips})),
            ]) + "\n")


if __name__ == "__main__":
    main()
