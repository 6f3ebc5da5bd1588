#!/usr/bin/env python3
"""Generates the demo's sample data: trips.csv (taxi-like rides) and zones.csv.

Run once; the output is committed. Deterministic: a fixed linear congruential
generator (not `random`, whose algorithms may change between Python versions),
so re-running reproduces the same bytes.

trips.csv deliberately holds a few malformed rows, one of each kind a CSV
reader must survive: a wrong field count, a non-numeric fare and a bad
timestamp. It also holds rows that parse but fail the pipeline's cleaning
(zero or negative distance) and pickups in zones missing from zones.csv.

Usage: python3 examples/data/generate_trips.py [OUTPUT_DIR]   (default: this folder)
"""

import os
import sys

NUM_TRIPS = 3000
# Every 97th row is broken, cycling through the kinds of damage below.
MALFORMED_EVERY = 97
# Zones 1..40 exist in zones.csv; pickups may also name 41 and 42, which do not.
NUM_ZONES = 40
UNKNOWN_ZONES = (41, 42)

BOROUGHS = ["Manhattan", "Brooklyn", "Queens", "Bronx", "Staten Island", "EWR"]
ZONE_WORDS = ["Park", "Heights", "Village", "Square", "Harbor", "Hill", "Point", "Gardens"]
ZONE_PREFIXES = ["East", "West", "North", "South", "Upper", "Lower", "Old", "New"]
PAYMENT_TYPES = ["card", "cash", "card", "card", "no_charge", "dispute"]


class Lcg:
    """Numerical Recipes' 32-bit LCG: small, portable, reproducible."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self):
        self.state = (1664525 * self.state + 1013904223) & 0xFFFFFFFF
        return self.state

    def uniform(self):
        return self.next() / 2**32

    def below(self, n):
        return self.next() % n


def zone_rows():
    rows = []
    for zone_id in range(1, NUM_ZONES + 1):
        # Zones spread evenly over the five boroughs; zone 1 is the airport (EWR).
        borough = "EWR" if zone_id == 1 else BOROUGHS[(zone_id * 7) % 5]
        name = f"{ZONE_PREFIXES[zone_id % 8]} {ZONE_WORDS[(zone_id // 8) % 8]} {zone_id}"
        rows.append(f"{zone_id},{borough},{name}")
    return rows


def timestamp(minutes_since_start):
    """2024-03-01 00:00:00 plus whole minutes, within March (31 days)."""
    day, rest = divmod(minutes_since_start, 24 * 60)
    hour, minute = divmod(rest, 60)
    return f"2024-03-{day + 1:02d} {hour:02d}:{minute:02d}:00"


def trip_row(rng, trip_id):
    vendor_id = 1 + rng.below(3)
    # Pickup hours follow a day shape: busier 7-10 and 16-20.
    day = rng.below(31)
    hour = rng.below(24)
    if hour in (2, 3, 4) and rng.below(2) == 0:
        hour += 6
    minute = rng.below(60)
    start = day * 24 * 60 + hour * 60 + minute
    distance = round(0.3 + rng.uniform() * 12.0, 2)
    if rng.below(60) == 0:
        distance = 0.0 if rng.below(2) == 0 else -1.5  # meter glitches, removed by cleaning
    duration = max(1, int(distance * 3.5 + rng.below(12)))
    end = min(start + duration, 31 * 24 * 60 - 1)
    passengers = 1 + rng.below(4)
    zone = 1 + rng.below(NUM_ZONES)
    if rng.below(50) == 0:
        zone = UNKNOWN_ZONES[rng.below(2)]
    dropoff_zone = 1 + rng.below(NUM_ZONES)
    fare = round(3.0 + max(distance, 0.0) * 2.5 + rng.below(400) / 100.0, 2)
    payment = PAYMENT_TYPES[rng.below(len(PAYMENT_TYPES))]
    tip = round(fare * 0.18, 2) if payment == "card" else 0.0
    return [str(trip_id), str(vendor_id), timestamp(start), timestamp(end), str(passengers),
            f"{distance:.2f}", str(zone), str(dropoff_zone), payment, f"{fare:.2f}", f"{tip:.2f}"]


def damage(fields, kind):
    """Breaks one row in the way named by `kind`."""
    if kind == 0:
        return fields[:-2]  # wrong field count: two fields short
    if kind == 1:
        fields[9] = "twelve"  # non-numeric fare
        return fields
    if kind == 2:
        fields[2] = "2024-03-32 25:61:00"  # bad timestamp
        return fields
    return fields + ["extra"]  # wrong field count: one field too many


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    rng = Lcg(20240301)
    header = ("trip_id,vendor_id,pickup_datetime,dropoff_datetime,passenger_count,trip_distance,"
              "pickup_zone_id,dropoff_zone_id,payment_type,fare_amount,tip_amount")
    lines = [header]
    malformed = 0
    for trip_id in range(1, NUM_TRIPS + 1):
        fields = trip_row(rng, trip_id)
        if trip_id % MALFORMED_EVERY == 0:
            fields = damage(fields, malformed % 4)
            malformed += 1
        lines.append(",".join(fields))
    with open(os.path.join(out_dir, "trips.csv"), "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out_dir, "zones.csv"), "w", newline="\n") as f:
        f.write("\n".join(["zone_id,borough,zone"] + zone_rows()) + "\n")
    print(f"wrote {NUM_TRIPS} trips ({malformed} malformed) and {NUM_ZONES} zones to {out_dir}")


if __name__ == "__main__":
    main()
