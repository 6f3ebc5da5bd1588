// Writes the CSV tables that compare_queries (Lakestream) and compare.mjs
// (DuckDB) both read, plus schemas.tsv: one line per table, "name<TAB>file<TAB>
// Spark DDL". The DDL is the single source of the column types for both sides.
//
// Deterministic: the same seed gives byte-identical files.
// Usage: node gen_data.mjs OUT_DIR [--rows N] [--seed S]
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
if (args.length < 1) {
  console.error('usage: node gen_data.mjs OUT_DIR [--rows N] [--seed S]');
  process.exit(2);
}
const outDir = args[0];
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const numTrips = flag('--rows', 50000);
let seed = flag('--seed', 20240601) >>> 0;

// mulberry32: small, fast, and identical on every platform.
function rand() {
  seed = (seed + 0x6D2B79F5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randInt = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));  // inclusive
const pick = (items) => items[Math.floor(rand() * items.length)];
const pad = (n, w = 2) => String(n).padStart(w, '0');

function csvField(v) {
  if (v === null || v === undefined) return '';  // NULL: an empty unquoted field
  const s = String(v);
  return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const tables = [];
function writeTable(name, ddl, header, rows) {
  const file = `${name}.csv`;
  const lines = [header.join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  fs.writeFileSync(path.join(outDir, file), lines.join('\n') + '\n');
  tables.push(`${name}\t${file}\t${ddl}`);
}

fs.mkdirSync(outDir, { recursive: true });

// trips: zone ids 1..265; zones below lacks multiples of 37 and 261..265, so
// some trips find no zone, and zones 300..305 find no trips.
{
  const vendors = ['CMT', 'CMT', 'VTS', 'VTS', 'VTS', 'DDS'];
  const payments = ['card', 'card', 'card', 'cash', 'cash', 'no_charge', 'dispute', 'unknown'];
  const start = Date.UTC(2023, 0, 1) / 1000;
  const span = 365 * 24 * 3600;
  const rows = [];
  for (let id = 1; id <= numTrips; id++) {
    const ts = new Date((start + randInt(0, span - 1)) * 1000);
    const pickup = `${ts.getUTCFullYear()}-${pad(ts.getUTCMonth() + 1)}-${pad(ts.getUTCDate())} ` +
      `${pad(ts.getUTCHours())}:${pad(ts.getUTCMinutes())}:${pad(ts.getUTCSeconds())}`;
    const cents = randInt(10, 3000);  // 0.10 .. 30.00 miles, never 0 (ANSI division)
    const distance = (cents / 100).toFixed(2);
    const fare = (3 + (cents / 100) * 2.5 + randInt(0, 500) / 100).toFixed(2);
    const passengers = rand() < 0.05 ? null : pick([1, 1, 1, 2, 2, 3, 4, 5, 6]);
    const payment = rand() < 0.03 ? null : pick(payments);
    const zone = rand() < 0.01 ? null : randInt(1, 265);
    rows.push([id, pick(vendors), pickup, passengers, distance, fare, payment, zone]);
  }
  writeTable('trips',
    'id BIGINT, vendor STRING, pickup_ts TIMESTAMP, passenger_count INT, distance DOUBLE, ' +
    'fare DOUBLE, payment_type STRING, zone_id INT',
    ['id', 'vendor', 'pickup_ts', 'passenger_count', 'distance', 'fare', 'payment_type', 'zone_id'],
    rows);
}

{
  const boroughs = ['Manhattan', 'Queens', 'Brooklyn', 'Bronx', 'Staten Island', 'EWR'];
  const rows = [];
  const ids = [];
  for (let z = 1; z <= 260; z++) if (z % 37 !== 0) ids.push(z);
  for (let z = 300; z <= 305; z++) ids.push(z);
  for (const z of ids) {
    // Every 40th name holds a comma, so the CSV quoting path is exercised.
    const name = z % 40 === 0 ? `Zone ${pad(z, 3)}, North` : `Zone ${pad(z, 3)}`;
    rows.push([z, pick(boroughs), name]);
  }
  writeTable('zones', 'zone_id INT, borough STRING, zone_name STRING',
    ['zone_id', 'borough', 'zone_name'], rows);
}

// Join edge cases: duplicate keys on both sides, NULL keys on both sides, keys
// present on one side only.
writeTable('edge_l', 'id INT, k INT, tag STRING, v INT', ['id', 'k', 'tag', 'v'], [
  [1, 1, 'a', 10], [2, 1, 'b', 20], [3, 2, 'c', 30], [4, 3, null, 40],
  [5, null, 'e', 50], [6, null, 'f', 60], [7, 5, 'g', 5], [8, 5, 'g', 15],
  [9, 5, null, 25], [10, 7, 'j', 70], [11, 9, 'k', 1], [12, 2, 'a', 2],
  [13, null, null, null], [14, 10, 'n', 100], [15, 1, 'a', 3], [16, 6, 'p', 60],
]);
writeTable('edge_r', 'id INT, k INT, label STRING, w INT', ['id', 'k', 'label', 'w'], [
  [101, 1, 'one', 1], [102, 2, 'two', 2], [103, 2, 'deux', 22], [104, 4, 'four', 4],
  [105, null, 'nil', 0], [106, 5, 'five', 5], [107, 5, 'cinq', 55], [108, 8, 'eight', 8],
  [109, null, null, 9], [110, 10, 'ten', null],
]);

fs.writeFileSync(path.join(outDir, 'schemas.tsv'), tables.join('\n') + '\n');
console.log(`gen_data: wrote ${tables.length} tables (${numTrips} trips) to ${outDir}`);
