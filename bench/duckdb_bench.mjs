// DuckDB side of the aggregation/join benchmark: the same data and queries as
// agg_join_bench.cc (see there), timed the same way (one warm-up, median of
// RUNS), with the same thread count.
//
// Usage: node duckdb_bench.mjs [--threads N] [--rows N] [--runs N]
// Prints one line per query: "RESULT <name> <median ms> <checksum>".
import os from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const threads = flag('--threads', os.cpus().length);
const rows = flag('--rows', 10_000_000);
const runs = flag('--runs', 5);

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const conn = await instance.connect();
const start = performance.now();
await conn.run(`CREATE TABLE fact AS
  SELECT range AS id, range * 2654435761 % 1000 AS k1k, range * 2654435761 % 1000000 AS k1m,
         range * 31 % 10007 AS v
  FROM range(${rows})`);
await conn.run(`CREATE TABLE dim AS SELECT range AS dk, range * 13 % 1000 AS w FROM range(1000000)`);
console.error(`duckdb_bench: built ${rows} + 1000000 rows in ${(performance.now() - start).toFixed(0)} ms, ` +
  `${threads} threads`);

const grouped = (key) => `
  SELECT count(*) AS groups, sum(s) AS sum_s, sum(c) AS sum_c
  FROM (SELECT ${key}, sum(v) AS s, count(v) AS c FROM fact GROUP BY ${key})`;
const queries = [
  ['agg_1k_groups', grouped('k1k')],
  ['agg_1m_groups', grouped('k1m')],
  ['join_1m_dim', 'SELECT count(*) AS rows, sum(d.w) AS sum_w FROM fact f JOIN dim d ON f.k1m = d.dk'],
];

const checksum = (reader) => reader.getRows().map((r) => r.map(String).join(',')).join(',');
for (const [name, sql] of queries) {
  let sum = checksum(await conn.runAndReadAll(sql));  // warm-up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const reader = await conn.runAndReadAll(sql);
    ms.push(performance.now() - t0);
    sum = checksum(reader);
  }
  ms.sort((a, b) => a - b);
  console.log(`RESULT ${name} ${ms[Math.floor(ms.length / 2)].toFixed(1)} ${sum}`);
}
