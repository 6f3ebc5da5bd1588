// Runs every query of queries.mjs in DuckDB over the CSV tables that
// gen_data.mjs wrote and compares the result with Lakestream's, as written by
// compare_queries into RESULTS_DIR (<name>.jsonl or <name>.error).
//
// Result files: the first line is {"columns": [...], "types": [Spark
// simpleString...]}, then one JSON array per row whose cells are canonical
// strings (canonical() in result_compare.mjs) or null; ARRAY cells are JSON arrays.
//
// Comparison: column names (case-insensitive) and type classes must agree;
// rows are compared in order where the query's ORDER BY is a total order and
// as multisets otherwise; doubles with relative tolerance 1e-9; NULL equals
// NULL. Prints PASS/FAIL per query and exits 1 on any failure.
//
// Usage: node compare.mjs DATA_DIR RESULTS_DIR [--only NAME] [--list]
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { canonical, compareResult, duckClass, kDuckTypeOf } from './result_compare.mjs';
import { QUERIES } from './queries.mjs';

const kRelTol = 1e-9;
const kAbsTol = 1e-12;

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
  const problems = ours.error ? [`lakestream error: ${ours.error}`] : compareResult(q.ordered, ours, theirs, { rel: kRelTol, abs: kAbsTol });
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
