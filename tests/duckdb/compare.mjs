// Runs every query of queries.mjs in DuckDB over the CSV tables that
// gen_data.mjs wrote and compares the result with Lakestream's, as written by
// compare_queries into RESULTS_DIR (<name>.jsonl or <name>.error).
//
// Result files: the first line is {"columns": [...], "types": [Spark
// simpleString...]}, then one JSON array per row whose cells are canonical
// strings (see canonical() below) or null; ARRAY cells are JSON arrays.
//
// Comparison: column names (case-insensitive) and type classes must agree;
// rows are compared in order where the query's ORDER BY is a total order and
// as multisets otherwise; doubles with relative tolerance 1e-9; NULL equals
// NULL. Prints PASS/FAIL per query and exits 1 on any failure.
//
// Usage: node compare.mjs DATA_DIR RESULTS_DIR [--only NAME] [--list]
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, DuckDBTypeId } from '@duckdb/node-api';
import { QUERIES } from './queries.mjs';

const kRelTol = 1e-9;
const kAbsTol = 1e-12;
const kDiffRows = 5;

const args = process.argv.slice(2);
if (args.includes('--list')) {
  for (const q of QUERIES) console.log(q.name);
  process.exit(0);
}
if (args.length < 2) {
  console.error('usage: node compare.mjs DATA_DIR RESULTS_DIR [--only NAME] [--list]');
  process.exit(2);
}
const [dataDir, resultsDir] = args;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

// ---- types ----

// Type class of a Spark simpleString (the Lakestream side).
function sparkClass(t) {
  if (/^(tinyint|smallint|int|bigint|byte|short|integer|long)$/.test(t)) return 'int';
  if (/^(float|double)$/.test(t)) return 'float';
  if (t.startsWith('decimal')) return 'decimal';
  if (t === 'string' || t.startsWith('varchar') || t.startsWith('char')) return 'string';
  if (t === 'boolean') return 'bool';
  if (t === 'date') return 'date';
  if (t === 'timestamp' || t === 'timestamp_ntz') return 'timestamp';
  if (t.startsWith('array')) return 'array';
  return t;
}

const kDuckClass = new Map([
  [DuckDBTypeId.TINYINT, 'int'], [DuckDBTypeId.SMALLINT, 'int'], [DuckDBTypeId.INTEGER, 'int'],
  [DuckDBTypeId.BIGINT, 'int'], [DuckDBTypeId.HUGEINT, 'int'], [DuckDBTypeId.UTINYINT, 'int'],
  [DuckDBTypeId.USMALLINT, 'int'], [DuckDBTypeId.UINTEGER, 'int'], [DuckDBTypeId.UBIGINT, 'int'],
  [DuckDBTypeId.UHUGEINT, 'int'], [DuckDBTypeId.FLOAT, 'float'], [DuckDBTypeId.DOUBLE, 'float'],
  [DuckDBTypeId.DECIMAL, 'decimal'], [DuckDBTypeId.VARCHAR, 'string'], [DuckDBTypeId.BOOLEAN, 'bool'],
  [DuckDBTypeId.DATE, 'date'], [DuckDBTypeId.TIMESTAMP, 'timestamp'], [DuckDBTypeId.LIST, 'array'],
]);
const duckClass = (type) => kDuckClass.get(type.typeId) ?? type.toString();

// Spark DDL type -> DuckDB type for read_csv's columns.
const kDuckTypeOf = {
  BOOLEAN: 'BOOLEAN', TINYINT: 'TINYINT', SMALLINT: 'SMALLINT', INT: 'INTEGER', INTEGER: 'INTEGER',
  BIGINT: 'BIGINT', FLOAT: 'FLOAT', DOUBLE: 'DOUBLE', STRING: 'VARCHAR', DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP', TIMESTAMP_NTZ: 'TIMESTAMP',
};

// ---- canonical cell forms (the same as compare_queries.cc writes) ----

const pad = (n, w) => String(n).padStart(w, '0');
function formatMicros(micros) {  // BigInt µs since the epoch -> 'YYYY-MM-DD HH:MM:SS.ffffff'
  let ms = micros / 1000n;
  if (ms * 1000n > micros) ms -= 1n;  // floor for negative values
  const frac = (micros - ms * 1000n) + (((ms % 1000n) + 1000n) % 1000n) * 1000n;
  const iso = new Date(Number(ms)).toISOString();  // YYYY-MM-DDTHH:MM:SS.mmmZ
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${pad(frac, 6)}`;
}
function formatDays(days) {
  return new Date(days * 86400000).toISOString().slice(0, 10);
}
function formatDouble(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return String(x);
}
function formatDecimal(value, scale) {  // BigInt unscaled
  const neg = value < 0n;
  let s = (neg ? -value : value).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  }
  return neg ? `-${s}` : s;
}
function canonical(v) {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'bigint': return v.toString();
    case 'number': return Number.isInteger(v) && !Object.is(v, -0) ? String(v) : formatDouble(v);
    case 'string': return v;
    case 'boolean': return v ? 'true' : 'false';
  }
  const kind = v.constructor?.name;
  if (kind === 'DuckDBTimestampValue') return formatMicros(v.micros);
  if (kind === 'DuckDBDateValue') return formatDays(v.days);
  if (kind === 'DuckDBDecimalValue') return formatDecimal(v.value, v.scale);
  if (kind === 'DuckDBListValue') return v.items.map(canonical);
  throw new Error(`no canonical form for DuckDB value ${kind}`);
}

// ---- comparison ----

function cellEqual(a, b, cls) {
  if (a === null || b === null) return a === b;
  if (cls === 'array') {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length &&
      a.every((x, i) => cellEqual(x, b[i], 'value'));
  }
  if (cls === 'float' || cls === 'value') {
    if (a === b) return true;
    const x = Number(a), y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
    return Math.abs(x - y) <= Math.max(kAbsTol, kRelTol * Math.max(Math.abs(x), Math.abs(y)));
  }
  return a === b;
}

// Sort key for multiset comparison: doubles rounded so that values within the
// tolerance land on the same key.
function sortKey(row, classes) {
  return JSON.stringify(row.map((c, i) =>
    c !== null && classes[i] === 'float' && Number.isFinite(Number(c)) ? Number(c).toPrecision(8) : c));
}
function sortRows(rows, classes) {
  const keyed = rows.map((r) => [sortKey(r, classes), r]);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

function compareResult(q, ours, theirs) {
  const problems = [];
  const names = (xs) => xs.map((x) => x.toLowerCase()).join(', ');
  if (names(ours.columns) !== names(theirs.columns)) {
    problems.push(`column names differ: lakestream [${ours.columns}] duckdb [${theirs.columns}]`);
  }
  const classes = ours.types.map(sparkClass);
  if (classes.length !== theirs.classes.length || classes.some((c, i) => c !== theirs.classes[i])) {
    problems.push(`column types differ: lakestream [${ours.types}] duckdb [${theirs.typeNames}]`);
  }
  if (ours.rows.length !== theirs.rows.length) {
    problems.push(`row counts differ: lakestream ${ours.rows.length} duckdb ${theirs.rows.length}`);
  }
  if (classes.length !== theirs.classes.length) return problems;
  const a = q.ordered ? ours.rows : sortRows(ours.rows, classes);
  const b = q.ordered ? theirs.rows : sortRows(theirs.rows, classes);
  const diffs = [];
  for (let i = 0; i < Math.max(a.length, b.length) && diffs.length < kDiffRows; i++) {
    const ra = a[i] ?? null, rb = b[i] ?? null;
    const same = ra && rb && ra.length === rb.length && ra.every((c, j) => cellEqual(c, rb[j], classes[j]));
    if (!same) diffs.push(`  row ${i}: lakestream ${JSON.stringify(ra)}\n  ${' '.repeat(String(i).length + 5)}duckdb    ${JSON.stringify(rb)}`);
  }
  if (diffs.length) problems.push(`${q.ordered ? 'ordered' : 'sorted'} rows differ, first mismatches:\n${diffs.join('\n')}`);
  return problems;
}

function readOurs(name) {
  const err = path.join(resultsDir, `${name}.error`);
  if (fs.existsSync(err)) return { error: fs.readFileSync(err, 'utf8').trim() };
  const file = path.join(resultsDir, `${name}.jsonl`);
  if (!fs.existsSync(file)) return { error: 'no result written (did compare_queries crash?)' };
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length);
  const header = JSON.parse(lines[0]);
  return { columns: header.columns, types: header.types, rows: lines.slice(1).map((l) => JSON.parse(l)) };
}

// ---- main ----

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const conn = await instance.connect();
for (const line of fs.readFileSync(path.join(dataDir, 'schemas.tsv'), 'utf8').split('\n')) {
  if (!line) continue;
  const [table, file, ddl] = line.split('\t');
  const cols = ddl.split(',').map((c) => {
    const [name, type] = c.trim().split(/\s+/);
    const duck = kDuckTypeOf[type.toUpperCase()];
    if (!duck) throw new Error(`schemas.tsv: no DuckDB type for ${type}`);
    return `'${name}': '${duck}'`;
  });
  const csv = path.join(dataDir, file).replace(/'/g, "''");
  await conn.run(`CREATE VIEW ${table} AS SELECT * FROM read_csv('${csv}', header = true,
    auto_detect = false, delim = ',', quote = '"', columns = {${cols.join(', ')}})`);
}

let failures = 0;
const ourNamesFile = path.join(resultsDir, 'queries.txt');
if (!only && fs.existsSync(ourNamesFile)) {
  const ourNames = new Set(fs.readFileSync(ourNamesFile, 'utf8').split('\n').filter(Boolean));
  const duckNames = new Set(QUERIES.map((q) => q.name));
  const onlyOurs = [...ourNames].filter((n) => !duckNames.has(n));
  const onlyDuck = [...duckNames].filter((n) => !ourNames.has(n));
  if (onlyOurs.length || onlyDuck.length) {
    console.log(`FAIL query lists differ: only in dataframe_queries.cc [${onlyOurs}], only in queries.mjs [${onlyDuck}]`);
    failures++;
  }
}

let passed = 0;
for (const q of QUERIES) {
  if (only && q.name !== only) continue;
  const reader = await conn.runAndReadAll(q.sql);
  const theirs = {
    columns: reader.columnNames(),
    classes: reader.columnTypes().map(duckClass),
    typeNames: reader.columnTypes().map((t) => t.toString()),
    rows: reader.getRows().map((r) => r.map(canonical)),
  };
  const ours = readOurs(q.name);
  const problems = ours.error ? [`lakestream error: ${ours.error}`] : compareResult(q, ours, theirs);
  if (problems.length) {
    failures++;
    console.log(`FAIL ${q.name}\n  ${problems.join('\n  ')}`);
  } else {
    passed++;
    console.log(`PASS ${q.name} (${theirs.rows.length} rows)`);
  }
}
console.log(`duckdb_compare: ${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
