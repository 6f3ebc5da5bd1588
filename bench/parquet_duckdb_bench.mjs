// DuckDB side of the Parquet benchmark: the same queries as parquet_bench.cc
// (see there) over the same lineitem Parquet files, timed the same way (one
// warm-up, median of RUNS), with the same thread count.
//
// Usage: node parquet_duckdb_bench.mjs --data DIR [--out DIR] [--threads N] [--runs N]
// Prints one line per query: "RESULT <name> <median ms> <checksum>".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const threads = Number(flag('--threads', os.cpus().length));
const runs = Number(flag('--runs', 5));
const data = flag('--data', '');
const out = flag('--out', path.join(os.tmpdir(), 'duckdb_parquet_bench'));
if (!data) {
  console.error('usage: node parquet_duckdb_bench.mjs --data DIR [--out DIR] [--threads N] [--runs N]');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const conn = await instance.connect();
await conn.run(`CREATE VIEW lineitem AS SELECT * FROM read_parquet('${data}/*.parquet')`);

const days = (column) => `(${column} - DATE '1970-01-01')`;
const queries = [
  ['scan_all_columns', `SELECT count(*), sum(l_orderkey), sum(l_partkey), sum(l_suppkey), sum(l_linenumber),
     sum(l_quantity), sum(l_extendedprice), sum(l_discount), sum(l_tax), sum(length(l_returnflag)),
     sum(length(l_linestatus)), sum(${days('l_shipdate')}), sum(${days('l_commitdate')}),
     sum(${days('l_receiptdate')}), sum(length(l_shipinstruct)), sum(length(l_shipmode)),
     sum(length(l_comment)) FROM lineitem`],
  ['scan_two_columns', `SELECT sum(l_extendedprice), sum(${days('l_shipdate')}) FROM lineitem`],
  ['filter_orderkey', `SELECT count(*), sum(l_extendedprice), sum(length(l_comment)) FROM lineitem
     WHERE l_orderkey BETWEEN 3000000 AND 3001000`],
];

const checksum = (reader) => reader.getRows().map((r) => r.map(String).join(',')).join(',');
const measure = async (run) => {
  let sum = await run();  // warm-up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sum = await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return [ms[Math.floor(ms.length / 2)].toFixed(1), sum];
};

for (const [name, sql] of queries) {
  const [ms, sum] = await measure(async () => checksum(await conn.runAndReadAll(sql)));
  console.log(`RESULT ${name} ${ms} ${sum}`);
}
fs.mkdirSync(out, { recursive: true });
const target = path.join(out, 'lineitem.parquet');
const [ms] = await measure(async () => {
  await conn.run(`COPY (SELECT * FROM lineitem) TO '${target}' (FORMAT parquet, COMPRESSION snappy)`);
  return '';
});
const rows = checksum(await conn.runAndReadAll(`SELECT count(*) FROM read_parquet('${target}')`));
console.log(`RESULT write_snappy ${ms} ${rows}`);
fs.rmSync(out, { recursive: true, force: true });
