// Runs the TPC-H queries in DuckDB over the tables tpch_gen wrote, as
// tpch_run does in Lakestream: each table is a view over the same files
// (read_parquet, or read_csv with the types of tpch_schema.json).
//
// Usage: node bench/tpch/tpch_duckdb.mjs --data DIR --queries DIR [--query q1,q5]
//          [--repeat N] [--threads N] [--check RESULTS_DIR]
//   --repeat  timed runs per query after one untimed first run (default 0:
//             only the first run, timed).
//   --check   compares each first-run result with tpch_run's in RESULTS_DIR
//             (<query>.jsonl or <query>.error) and prints PASS/FAIL per query.
// Prints "RESULT <query> <median ms> <rows>" per query; with --check also
// "PASS|FAIL <query> ..." and a closing "N passed, M failed" line, and the
// exit status is 1 on any failure.
//
// Comparison (tests/duckdb/result_compare.mjs): column names must agree; rows
// compare as multisets and, where the query has an ORDER BY, the ORDER BY
// columns (kOrderBy) in order, so that ties may come in any order. Numbers
// compare by value with relative tolerance 1e-6 whatever their types: Spark's
// decimal arithmetic gives DECIMAL results (avg, division) where DuckDB gives
// DOUBLE, and a Spark DECIMAL(p, s) is rounded to s digits, so it may differ
// from DuckDB's DOUBLE by half a unit of its last digit. Differing types are
// printed as notes.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { canonical, compareResult, duckClass } from '../../tests/duckdb/result_compare.mjs';

// Output columns of each query's ORDER BY, in order (0-based); queries that
// return one row have none.
const kOrderBy = {
  q1: [0, 1], q2: [0, 2, 1, 3], q3: [1, 2], q4: [0], q5: [1], q7: [0, 1, 2], q8: [0], q9: [0, 1],
  q10: [2], q11: [1], q12: [0], q13: [1, 0], q15: [0], q16: [3, 0, 1, 2], q18: [4, 3], q20: [0],
  q21: [1, 0], q22: [0],
};
const kTolerance = { rel: 1e-6, abs: 1e-9, numeric: true };

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dataDir = flag('--data');
const queriesDir = flag('--queries');
const repeat = Number(flag('--repeat', '0'));
const threads = flag('--threads');
const checkDir = flag('--check');
if (!dataDir || !queriesDir) {
  console.error('usage: node tpch_duckdb.mjs --data DIR --queries DIR [--query q1,q5] [--repeat N] [--threads N] ' +
    '[--check RESULTS_DIR]');
  process.exit(2);
}
const names = flag('--query')?.split(',').filter(Boolean) ??
  fs.readdirSync(queriesDir).filter((f) => /^q\d+\.sql$/.test(f)).map((f) => f.slice(0, -4))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
const conn = await instance.connect();
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const duckType = (type) => ({ STRING: 'VARCHAR', INT: 'INTEGER' })[type] ?? type;
const schema = JSON.parse(fs.readFileSync(path.join(dataDir, 'tpch_schema.json'), 'utf8'));
for (const [table, columns] of Object.entries(schema)) {
  const dir = path.join(dataDir, table);
  if (fs.readdirSync(dir).some((f) => f.endsWith('.parquet'))) {
    await conn.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet(${quote(path.join(dir, '*.parquet'))})`);
  } else {
    const types = columns.map(([name, type]) => `${quote(name)}: ${quote(duckType(type))}`).join(', ');
    await conn.run(`CREATE VIEW ${table} AS SELECT * FROM read_csv(${quote(path.join(dir, '*.csv'))},
      header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
      dateformat = '%Y-%m-%d', columns = {${types}})`);
  }
}

function readOurs(name) {
  const err = path.join(checkDir, `${name}.error`);
  if (fs.existsSync(err)) return { error: fs.readFileSync(err, 'utf8').trim() };
  const file = path.join(checkDir, `${name}.jsonl`);
  if (!fs.existsSync(file)) return { error: 'no result written (did tpch_run crash?)' };
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length);
  const header = JSON.parse(lines[0]);
  return { columns: header.columns, types: header.types, rows: lines.slice(1).map((l) => JSON.parse(l)) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

let passed = 0;
let failed = 0;
for (const name of names) {
  const sql = fs.readFileSync(path.join(queriesDir, `${name}.sql`), 'utf8');
  let start = performance.now();
  const reader = await conn.runAndReadAll(sql);
  let times = [performance.now() - start];
  if (repeat > 0) times = [];
  for (let i = 0; i < repeat; i++) {
    start = performance.now();
    await conn.runAndReadAll(sql);
    times.push(performance.now() - start);
  }
  const theirs = {
    columns: reader.columnNames(),
    classes: reader.columnTypes().map(duckClass),
    typeNames: reader.columnTypes().map((t) => t.toString()),
    rows: reader.getRows().map((r) => r.map(canonical)),
  };
  console.log(`RESULT ${name} ${median(times).toFixed(1)} ${theirs.rows.length}`);
  if (!checkDir) continue;
  const ours = readOurs(name);
  const problems = ours.error ? [`lakestream error: ${ours.error}`]
    : compareResult(kOrderBy[name] ?? false, ours, theirs, kTolerance);
  if (problems.length) {
    failed++;
    console.log(`FAIL ${name}\n  ${problems.join('\n  ')}`);
    continue;
  }
  passed++;
  console.log(`PASS ${name} (${theirs.rows.length} rows)`);
  const typeNotes = ours.types.map((t, i) => (t.toUpperCase() === theirs.typeNames[i] ||
    (t === 'string' && theirs.typeNames[i] === 'VARCHAR') ? null : `${ours.columns[i]} ${t} / ${theirs.typeNames[i]}`))
    .filter(Boolean);
  if (typeNotes.length) console.log(`  note: types (lakestream / duckdb): ${typeNotes.join(', ')}`);
}
if (checkDir) {
  console.log(`tpch_compare: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
