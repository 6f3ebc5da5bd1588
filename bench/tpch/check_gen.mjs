// Checks tpch_gen's output against the TPC-H specification (v3.0.1, clause
// 4.2) with DuckDB as the reader: loads DIR/<table>/*.csv with the types of
// DIR/tpch_schema.json (or DIR/<table>/*.parquet, whose column types must be
// those), checks each table's row count against the cardinality for the
// scale factor (lineitem: within 1% of 6,000,000 * SF), checks the population
// rules that tie columns and tables together (each invariant query below must
// count zero violations), then runs queries/q1.sql .. q22.sql and requires at
// least one row from each.
//
// Usage: node bench/tpch/check_gen.mjs --dir DIR [--sf 0.01] [--gen PATH/tpch_gen [--format csv|parquet]]
//   --gen: first run that tpch_gen to (re)write DIR at SF, in --format.
// Prints one line per check and per query ("ok   q9: 175 rows, 12.3 ms; first:
// ..."); exits 1 if any check fails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dir = flag('--dir');
const sf = Number(flag('--sf', '0.01'));
const gen = flag('--gen');
const format = flag('--format', 'csv');
if (!dir) {
  console.error('usage: node check_gen.mjs --dir DIR [--sf 0.01] [--gen PATH/tpch_gen [--format csv|parquet]]');
  process.exit(2);
}
if (gen) {
  execFileSync(gen, ['--sf', String(sf), '--out', dir, '--format', format], { stdio: 'inherit' });
}

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(fs.readFileSync(path.join(dir, 'tpch_schema.json'), 'utf8'));
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

let failures = 0;
const check = (ok, line) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (!ok) failures++;
};
const scalar = async (sql) => (await conn.runAndReadAll(sql)).getRows()[0][0];

// The schema's Spark type names as DuckDB reports them.
const duckType = (type) => ({ STRING: 'VARCHAR', INT: 'INTEGER' })[type] ?? type;
for (const [table, columns] of Object.entries(schema)) {
  const files = fs.readdirSync(path.join(dir, table));
  if (files.some((f) => f.endsWith('.parquet'))) {
    await conn.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet(${quote(path.join(dir, table, '*.parquet'))})`);
    const described = (await conn.runAndReadAll(`DESCRIBE ${table}`)).getRows().map((r) => `${r[0]} ${r[1]}`);
    const wanted = columns.map(([name, type]) => `${name} ${duckType(type)}`);
    check(described.join(', ') === wanted.join(', '), `${table}: parquet columns ${described.join(', ')}`);
  } else {
    const types = columns.map(([name, type]) => `${quote(name)}: ${quote(type)}`).join(', ');
    await conn.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${quote(path.join(dir, table, '*.csv'))},
      header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
      dateformat = '%Y-%m-%d', columns = {${types}})`);
  }
}

// Cardinalities (4.2.5.1); the generator rounds SF * base to the nearest row.
const expected = {
  nation: 25, region: 5, part: 200000 * sf, supplier: 10000 * sf, partsupp: 800000 * sf,
  customer: 150000 * sf, orders: 1500000 * sf,
};
for (const table of Object.keys(schema)) {
  const rows = Number(await scalar(`SELECT count(*) FROM ${table}`));
  if (table === 'lineitem') {
    const target = 6000000 * sf;
    check(Math.abs(rows - target) <= 0.01 * target, `lineitem: ${rows} rows (about ${target})`);
  } else {
    const target = Math.round(expected[table]);
    check(rows === target, `${table}: ${rows} rows (${target})`);
  }
}

// Each query counts the rows that break one population rule of 4.2.3.
const invariants = {
  'order keys use only the first 8 of every 32': `SELECT count(*) FROM orders WHERE (o_orderkey - 1) % 32 >= 8`,
  'no customer with c_custkey % 3 = 0 orders': `SELECT count(*) FROM orders WHERE o_custkey % 3 = 0`,
  'o_custkey refers to a customer': `SELECT count(*) FROM orders WHERE o_custkey NOT IN (SELECT c_custkey FROM customer)`,
  'every order has 1..7 lineitems numbered 1..n': `SELECT count(*) FROM (SELECT l_orderkey, count(*) n,
      max(l_linenumber) m FROM lineitem GROUP BY l_orderkey) WHERE n NOT BETWEEN 1 AND 7 OR m <> n`,
  'every order has lineitems': `SELECT count(*) FROM orders WHERE o_orderkey NOT IN (SELECT l_orderkey FROM lineitem)`,
  'o_totalprice = sum(extendedprice * (1 + tax) * (1 - discount))': `SELECT count(*) FROM orders JOIN
      (SELECT l_orderkey, sum(l_extendedprice * (1 + l_tax) * (1 - l_discount)) t FROM lineitem GROUP BY l_orderkey)
      ON o_orderkey = l_orderkey WHERE abs(o_totalprice - t) > 0.005`,
  'o_orderstatus follows the line statuses': `SELECT count(*) FROM orders JOIN (SELECT l_orderkey,
      CASE WHEN bool_and(l_linestatus = 'F') THEN 'F' WHEN bool_and(l_linestatus = 'O') THEN 'O' ELSE 'P' END s
      FROM lineitem GROUP BY l_orderkey) ON o_orderkey = l_orderkey WHERE o_orderstatus <> s`,
  'o_orderdate within STARTDATE .. ENDDATE - 151': `SELECT count(*) FROM orders
      WHERE o_orderdate NOT BETWEEN DATE '1992-01-01' AND DATE '1998-12-31' - INTERVAL 151 DAY`,
  'ship/commit/receipt dates follow the order date': `SELECT count(*) FROM lineitem JOIN orders ON l_orderkey = o_orderkey
      WHERE l_shipdate - o_orderdate NOT BETWEEN 1 AND 121 OR l_commitdate - o_orderdate NOT BETWEEN 30 AND 90
         OR l_receiptdate - l_shipdate NOT BETWEEN 1 AND 30`,
  'l_returnflag R/A iff received by 1995-06-17, else N': `SELECT count(*) FROM lineitem WHERE
      (l_receiptdate <= DATE '1995-06-17') <> (l_returnflag IN ('R', 'A')) OR l_returnflag NOT IN ('R', 'A', 'N')`,
  'l_linestatus O iff shipped after 1995-06-17': `SELECT count(*) FROM lineitem
      WHERE (l_shipdate > DATE '1995-06-17') <> (l_linestatus = 'O')`,
  'l_extendedprice = l_quantity * p_retailprice': `SELECT count(*) FROM lineitem JOIN part ON l_partkey = p_partkey
      WHERE l_extendedprice <> l_quantity * p_retailprice`,
  'l_quantity, l_discount, l_tax in range': `SELECT count(*) FROM lineitem WHERE l_quantity NOT BETWEEN 1 AND 50
      OR l_discount NOT BETWEEN 0 AND 0.10 OR l_tax NOT BETWEEN 0 AND 0.08`,
  'every lineitem (partkey, suppkey) is a partsupp row': `SELECT count(*) FROM lineitem
      WHERE (l_partkey, l_suppkey) NOT IN (SELECT (ps_partkey, ps_suppkey) FROM partsupp)`,
  'every part has 4 distinct suppliers': `SELECT count(*) FROM (SELECT ps_partkey FROM partsupp GROUP BY ps_partkey
      HAVING count(DISTINCT ps_suppkey) <> 4) UNION ALL SELECT count(*) FROM part WHERE p_partkey NOT IN
      (SELECT ps_partkey FROM partsupp)`,
  'p_retailprice formula': `SELECT count(*) FROM part WHERE p_retailprice * 100 <>
      90000 + (p_partkey // 10) % 20001 + 100 * (p_partkey % 1000)`,
  'p_name is five distinct colors': `SELECT count(*) FROM part WHERE len(string_split(p_name, ' ')) <> 5
      OR len(list_distinct(string_split(p_name, ' '))) <> 5`,
  'p_mfgr and p_brand agree': `SELECT count(*) FROM part WHERE NOT regexp_full_match(p_mfgr, 'Manufacturer#[1-5]')
      OR p_brand <> 'Brand#' || right(p_mfgr, 1) || substring(p_brand, 8, 1) OR substring(p_brand, 8, 1) NOT IN ('1','2','3','4','5')`,
  'phone country code is nation key + 10': `SELECT count(*) FROM (SELECT c_phone p, c_nationkey n FROM customer
      UNION ALL SELECT s_phone, s_nationkey FROM supplier)
      WHERE NOT regexp_full_match(p, '[0-9]{2}-[0-9]{3}-[0-9]{3}-[0-9]{4}') OR substring(p, 1, 2)::INT <> n + 10`,
  'acctbal within -999.99 .. 9999.99': `SELECT count(*) FROM (SELECT c_acctbal a FROM customer UNION ALL
      SELECT s_acctbal FROM supplier) WHERE a NOT BETWEEN -999.99 AND 9999.99`,
  'nation keys and regions': `SELECT count(*) FROM nation WHERE n_regionkey NOT IN (SELECT r_regionkey FROM region)`,
  'comments have no leading or trailing blanks': `SELECT count(*) FROM (SELECT o_comment c FROM orders UNION ALL
      SELECT l_comment FROM lineitem UNION ALL SELECT ps_comment FROM partsupp UNION ALL SELECT s_comment FROM supplier)
      WHERE c <> trim(c) OR c = ''`,
  'some suppliers have Customer...Complaints, some Customer...Recommends': `SELECT (count(*) FILTER
      (WHERE s_comment LIKE '%Customer%Complaints%') = 0)::INT + (count(*) FILTER
      (WHERE s_comment LIKE '%Customer%Recommends%') = 0)::INT FROM supplier`,
};
for (const [name, sql] of Object.entries(invariants)) {
  const violations = Number(await scalar(sql));
  check(violations === 0, `${name}${violations ? `: ${violations} violations` : ''}`);
}

// Facts the queries depend on, reported rather than asserted.
const facts = {
  'customers with no orders': `SELECT count(*) FROM customer WHERE c_custkey NOT IN (SELECT o_custkey FROM orders)`,
  "orders with '%special%requests%' comments": `SELECT count(*) FROM orders WHERE o_comment LIKE '%special%requests%'`,
  "parts named '%green%'": `SELECT count(*) FROM part WHERE p_name LIKE '%green%'`,
  "parts named 'forest%'": `SELECT count(*) FROM part WHERE p_name LIKE 'forest%'`,
  "parts 'Brand#23' in 'MED BOX'": `SELECT count(*) FROM part WHERE p_brand = 'Brand#23' AND p_container = 'MED BOX'`,
  "parts of size 15 and type '%BRASS'": `SELECT count(*) FROM part WHERE p_size = 15 AND p_type LIKE '%BRASS'`,
  "parts of type 'PROMO%'": `SELECT count(*) FROM part WHERE p_type LIKE 'PROMO%'`,
  'orders by status (F, O, P)': `SELECT string_agg(o_orderstatus || '=' || n, ' ' ORDER BY o_orderstatus)
      FROM (SELECT o_orderstatus, count(*) n FROM orders GROUP BY ALL)`,
};
for (const [name, sql] of Object.entries(facts)) {
  console.log(`info ${name}: ${await scalar(sql)}`);
}

for (let q = 1; q <= 22; q++) {
  const sql = fs.readFileSync(path.join(here, 'queries', `q${q}.sql`), 'utf8');
  const t0 = performance.now();
  const rows = (await conn.runAndReadAll(sql)).getRows();
  const ms = (performance.now() - t0).toFixed(1);
  const first = rows.length ? ` first: ${rows[0].map(String).join(' | ')}` : '';
  check(rows.length > 0, `q${q}: ${rows.length} rows, ${ms} ms;${first}`);
}

console.log(failures ? `check_gen: ${failures} check(s) failed` : 'check_gen: all checks passed');
process.exit(failures ? 1 : 0);
