// Canonical result cells and result comparison shared by the DuckDB
// comparisons (compare.mjs here, bench/tpch/tpch_duckdb.mjs): DuckDB values in
// the canonical string form that tests/duckdb/result_writer.cc writes for
// Lakestream, and the comparison of two results.
import { DuckDBTypeId } from '@duckdb/node-api';

const kDiffRows = 5;  // mismatching rows shown per result

// ---- types ----

// Type class of a Spark simpleString (the Lakestream side).
export function sparkClass(t) {
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
export const duckClass = (type) => kDuckClass.get(type.typeId) ?? type.toString();

// Spark DDL type -> DuckDB type for read_csv's columns.
export const kDuckTypeOf = {
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
export function canonical(v) {
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

const kNumericClasses = new Set(['int', 'decimal', 'float']);

// Tolerance of a numeric cell: relative tol.rel or absolute tol.abs, and for
// a DECIMAL(p, s) of ours compared with another type half a unit of its last
// digit (Spark rounds decimal results to their scale; DuckDB may return a
// DOUBLE for the same expression).
function numericEqual(a, b, tol, halfUnit) {
  if (a === b) return true;
  const x = Number(a), y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  const slack = Math.max(tol.abs, tol.rel * Math.max(Math.abs(x), Math.abs(y)), halfUnit * (1 + 1e-9));
  return Math.abs(x - y) <= slack;
}

function cellEqual(a, b, cls, tol, halfUnit = 0) {
  if (a === null || b === null) return a === b;
  if (cls === 'array') {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length &&
      a.every((x, i) => cellEqual(x, b[i], 'value', tol));
  }
  if (cls === 'float' || cls === 'value' || cls === 'number') return numericEqual(a, b, tol, halfUnit);
  return a === b;
}

// Sort key for multiset comparison: doubles rounded so that values within the
// tolerance land on the same key.
function sortKey(row, classes) {
  return JSON.stringify(row.map((c, i) =>
    c !== null && classes[i] === 'float' && Number.isFinite(Number(c)) ? Number(c).toPrecision(8) : c));
}
function sortRows(rows, classes) {
  if (classes.includes('number')) {
    // Numbers of different types sort by value, so nearly equal cells stay side by side.
    const cmp = (x, y) => {
      for (let i = 0; i < classes.length; i++) {
        const a = x[i], b = y[i];
        if (a === b) continue;
        if (a === null || b === null) return a === null ? -1 : 1;
        const d = classes[i] === 'number' ? Number(a) - Number(b) : (a < b ? -1 : 1);
        if (d !== 0) return d;
      }
      return 0;
    };
    return [...rows].sort(cmp);
  }
  const keyed = rows.map((r) => [sortKey(r, classes), r]);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

function rowDiffs(a, b, label, equal) {
  const diffs = [];
  for (let i = 0; i < Math.max(a.length, b.length) && diffs.length < kDiffRows; i++) {
    const ra = a[i] ?? null, rb = b[i] ?? null;
    if (!(ra && rb && ra.length === rb.length && ra.every((c, j) => equal(c, rb[j], j)))) {
      diffs.push(`  row ${i}: lakestream ${JSON.stringify(ra)}\n  ${' '.repeat(String(i).length + 5)}duckdb    ${JSON.stringify(rb)}`);
    }
  }
  return diffs.length ? [`${label} differ, first mismatches:\n${diffs.join('\n')}`] : [];
}

// ours: {columns, types (Spark simpleStrings), rows}; theirs: {columns,
// classes, typeNames, rows}; rows of canonical cells.
// `ordered`: true compares rows in order, false as sorted multisets, and an
// array of column indices compares rows as multisets and the sequence of
// those columns (the ORDER BY keys) in order, so that ties may come in any
// order. Floating cells within the relative tolerance tol.rel (or absolute
// tol.abs) are equal; with tol.numeric, integer, decimal and floating
// columns compare by value whatever their types (numericEqual). Returns the
// list of problems (empty: equal).
export function compareResult(ordered, ours, theirs, tol) {
  const problems = [];
  const names = (xs) => xs.map((x) => x.toLowerCase()).join(', ');
  if (names(ours.columns) !== names(theirs.columns)) {
    problems.push(`column names differ: lakestream [${ours.columns}] duckdb [${theirs.columns}]`);
  }
  const numeric = (c) => tol.numeric && kNumericClasses.has(c);
  const classes = ours.types.map((t, i) => {
    const c = sparkClass(t);
    return numeric(c) && numeric(theirs.classes[i]) ? 'number' : c;
  });
  if (classes.length !== theirs.classes.length ||
      classes.some((c, i) => c !== theirs.classes[i] && c !== 'number')) {
    problems.push(`column types differ: lakestream [${ours.types}] duckdb [${theirs.typeNames}]`);
  }
  if (ours.rows.length !== theirs.rows.length) {
    problems.push(`row counts differ: lakestream ${ours.rows.length} duckdb ${theirs.rows.length}`);
  }
  if (classes.length !== theirs.classes.length) return problems;
  const halfUnits = ours.types.map((t, i) => {
    const m = /^decimal\((\d+),(\d+)\)$/.exec(t);
    return m && classes[i] === 'number' && theirs.typeNames[i] !== t.toUpperCase() ? 0.5 * 10 ** -Number(m[2]) : 0;
  });
  const equal = (x, y, j) => cellEqual(x, y, classes[j], tol, halfUnits[j]);
  if (ordered === true) return [...problems, ...rowDiffs(ours.rows, theirs.rows, 'ordered rows', equal)];
  problems.push(...rowDiffs(sortRows(ours.rows, classes), sortRows(theirs.rows, classes), 'sorted rows', equal));
  if (Array.isArray(ordered)) {
    const keys = (rows) => rows.map((r) => ordered.map((j) => r[j]));
    problems.push(...rowDiffs(keys(ours.rows), keys(theirs.rows), `ORDER BY columns ${ordered}`,
      (x, y, k) => equal(x, y, ordered[k])));
  }
  return problems;
}
