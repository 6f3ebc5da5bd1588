// Reads every file of the parquet-testing corpus with Lakestream
// (parquet_dump) and compares the rows with DuckDB's reading of the same file,
// or checks the error Lakestream must raise (encrypted and broken files).
//
// Cells are compared in parquet_dump's canonical JSON form (see
// parquet_dump.cc); BINARY and STRING cells compare by their bytes, since the
// two engines map some byte-array columns differently (Spark's rules here,
// DuckDB's there). Files DuckDB cannot read compare with an expected result
// written below, and files with an *_expect.csv also compare with it.
//
// Usage: node compare_corpus.mjs PARQUET_DUMP [CORPUS_DIR] [--only NAME]
// Prints PASS/FAIL per file; exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DuckDBInstance, DuckDBTypeId } from '@duckdb/node-api';

const args = process.argv.slice(2);
if (args.length < 1) {
  console.error('usage: node compare_corpus.mjs PARQUET_DUMP [CORPUS_DIR] [--only NAME]');
  process.exit(2);
}
const dumpBinary = args[0];
const corpus = args[1] && !args[1].startsWith('--') ? args[1]
  : (process.env.LAKESTREAM_PARQUET_CORPUS ?? '/work/shared/corpus/parquet');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

const GiB = 1024 * 1024 * 1024;
const encrypted = { error: 'UNSUPPORTED_FEATURE.PARQUET', contains: 'encryption' };
const corrupt = (contains) => ({ error: 'PARQUET_CORRUPT_FILE', contains });

// What Lakestream must do with files where "same rows as DuckDB" is not the
// test. Everything else must match DuckDB row for row.
const kExpect = {
  // Broken on purpose: a clear error, never a crash.
  'bad_data/PARQUET-1481.parquet': corrupt('footer'),
  'bad_data/ARROW-RS-GH-6229-DICTHEADER.parquet': corrupt('page header'),
  'bad_data/ARROW-RS-GH-6229-LEVELS.parquet': corrupt('levels end'),
  // Fewer decoded levels than num_values; its value stream is broken too,
  // and whichever the reader meets first is reported.
  'bad_data/ARROW-GH-41321.parquet': corrupt(/column `int64`.*page 1/),
  // Columns of unequal length. Its footer also writes the encodings list with
  // I16 elements; a reader that accepts that must then find the short column.
  'bad_data/ARROW-GH-41317.parquet': corrupt(/row group has|footer does not decode/),
  'bad_data/ARROW-GH-45185.parquet': corrupt('first repetition level'),
  'bad_data/ARROW-GH-47662.parquet': corrupt(''),
  // Page CRCs are checked (DuckDB does not check them and reads these).
  'datapage_v1-corrupt-checksum.parquet': corrupt('CRC'),
  'rle-dict-uncompressed-corrupt-checksum.parquet': corrupt('CRC'),
  // A 2 GB string chunk under a 1 GiB limit: refused quickly and cleanly.
  'large_string_map.brotli.parquet': { error: 'MEMORY_LIMIT_EXCEEDED', contains: '', memoryLimit: GiB },
  // DuckDB reads only the PLAIN half of each column pair; the
  // BYTE_STREAM_SPLIT half must decode to the same values.
  'byte_stream_split_extended.gzip.parquet': {
    duckSql: (f) => `SELECT ${['float16', 'float', 'double', 'int32', 'int64', 'flba5', 'decimal']
      .map((t) => `${t}_plain, ${t}_plain AS ${t}_byte_stream_split`).join(', ')} FROM read_parquet('${f}')`,
  },
  // DuckDB has no legacy LZ4 codec; these hold the same rows as the LZ4_RAW files.
  'hadoop_lz4_compressed.parquet': { sameAs: 'lz4_raw_compressed.parquet' },
  'non_hadoop_lz4_compressed.parquet': { sameAs: 'lz4_raw_compressed.parquet' },
  'hadoop_lz4_compressed_larger.parquet': { sameAs: 'lz4_raw_compressed_larger.parquet' },
  // Row 5 was written by Spark from 290000-01-01 (µs near 2^63): its
  // Julian day wrapped on the way in and wraps back on the way out; DuckDB
  // and hyparquet decode it to other dates.
  'int96_from_spark.parquet': {
    rows: {
      columns: ['a'],
      types: ['timestamp'],
      rows: [[{ ts: '1704141296123456' }], [{ ts: '1704070800000000' }], [{ ts: '253402225200000000' }],
        [{ ts: '1735599600000000' }], [null], [{ ts: '9089380393200000000' }]],
    },
  },
  // DuckDB refuses a MAP without a value field; Lakestream reads the keys as
  // an ARRAY (see parquet_schema.h). Rows as hyparquet and the file's notes give them.
  'map_no_value.parquet': {
    rows: {
      columns: ['my_map', 'my_map_no_v', 'my_list'],
      types: ['map<int,int>', 'array<int>', 'array<int>'],
      rows: [1, 4, 7].map((k) => {
        const keys = [String(k), String(k + 1), String(k + 2)];
        return [{ map: keys.map((key) => [key, null]) }, keys, keys];
      }),
    },
  },
};

// ---- canonical cells for DuckDB values (the form parquet_dump prints) ----

function decimalText(value, scale) {
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return (negative ? '-' : '') + digits;
}

const hex = (bytes) => Buffer.from(bytes).toString('hex');

function floatCell(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

function floorDiv(a, b) {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function duckCell(v, type) {
  if (v === null || v === undefined) return null;
  const T = DuckDBTypeId;
  switch (type.typeId) {
    case T.BOOLEAN: return v;
    case T.TINYINT: case T.SMALLINT: case T.INTEGER: case T.BIGINT: case T.HUGEINT:
    case T.UTINYINT: case T.USMALLINT: case T.UINTEGER: case T.UBIGINT: case T.UHUGEINT:
      return String(v);
    case T.DECIMAL: return decimalText(v.value, v.scale);
    case T.FLOAT: case T.DOUBLE: return floatCell(v);
    case T.VARCHAR: return v;
    case T.BLOB: return { hex: hex(v.bytes) };
    case T.UUID: return v.toString();
    case T.GEOMETRY: return { hex: hex(v.bytes) };
    case T.DATE: return { date: v.days };
    case T.TIMESTAMP: case T.TIMESTAMP_TZ: return { ts: String(v.micros) };
    case T.TIMESTAMP_MS: return { ts: String(v.millis * 1000n) };
    case T.TIMESTAMP_S: return { ts: String(v.seconds * 1000000n) };
    case T.TIMESTAMP_NS: return { ts: String(floorDiv(v.nanos, 1000n)) };
    case T.TIME: return String(v.micros);
    case T.TIME_NS: return String(floorDiv(v.nanos, 1000n));
    case T.LIST: case T.ARRAY: return v.items.map((item) => duckCell(item, type.valueType));
    case T.STRUCT: {
      const out = {};
      type.entryNames.forEach((name, i) => { out[name] = duckCell(v.entries[name], type.entryTypes[i]); });
      return { struct: out };
    }
    case T.MAP:
      return { map: v.entries.map((e) => [duckCell(e.key, type.keyType), duckCell(e.value, type.valueType)]) };
    default:
      return { unsupported: type.toString() };
  }
}

async function duckRead(con, file, sql) {
  const quoted = file.replaceAll("'", "''");
  const result = await con.runAndReadAll(sql ? sql(quoted) : `SELECT * FROM read_parquet('${quoted}')`);
  const types = result.columnTypes();
  return {
    columns: result.columnNames(),
    types: types.map((t) => t.toString()),
    rows: result.getRows().map((row) => row.map((v, i) => duckCell(v, types[i]))),
  };
}

// ---- Lakestream's reading ----

function lakestreamRead(file, memoryLimit) {
  const extra = memoryLimit ? ['--memory-limit', String(memoryLimit)] : [];
  const started = Date.now();
  const run = spawnSync(dumpBinary, [file, ...extra], { maxBuffer: 1 << 30, timeout: 120000, encoding: 'utf8' });
  const seconds = (Date.now() - started) / 1000;
  if (run.error) return { crash: `${run.error.message}`, seconds };
  if (run.status !== 0 && run.status !== 3) {
    return { crash: `exit status ${run.status} signal ${run.signal}: ${run.stderr.slice(-2000)}`, seconds };
  }
  const lines = run.stdout.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
  if (run.status === 3) return { error: lines[0].error, seconds };
  return { columns: lines[0].columns, types: lines[0].types, rows: lines.slice(1), seconds };
}

// ---- comparison ----

const utf8Hex = (s) => Buffer.from(s, 'utf8').toString('hex');

// First difference between two canonical cells, or null.
function diff(a, b, where) {
  if (a === b) return null;
  if (a === null || b === null) return `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (typeof a === 'string' && b && typeof b === 'object' && 'hex' in b) return diff({ hex: utf8Hex(a) }, b, where);
  if (typeof b === 'string' && a && typeof a === 'object' && 'hex' in a) return diff(a, { hex: utf8Hex(b) }, where);
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) {
    return `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (typeof a !== 'object') return `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return `${where}: ${a.length} items vs ${b.length}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    for (let i = 0; i < a.length; ++i) {
      const d = diff(a[i], b[i], `${where}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.join() !== kb.join()) return `${where}: keys ${ka} vs ${kb}`;
  for (const k of ka) {
    const d = diff(a[k], b[k], `${where}.${k}`);
    if (d) return d;
  }
  return null;
}

function compareTables(ours, theirs) {
  if (ours.columns.join('\u0000') !== theirs.columns.join('\u0000')) {
    return `columns ${JSON.stringify(ours.columns)} vs ${JSON.stringify(theirs.columns)}`;
  }
  if (ours.rows.length !== theirs.rows.length) return `${ours.rows.length} rows vs ${theirs.rows.length}`;
  for (let r = 0; r < ours.rows.length; ++r) {
    const d = diff(ours.rows[r], theirs.rows[r], `row ${r}`);
    if (d) return d;
  }
  return null;
}

// One CSV line: fields split at commas outside quotes, "" inside quotes is a
// quote; an unquoted empty field is NULL.
function parseCsvLine(line) {
  const fields = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let text = '';
      ++i;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') text += '"', i += 2;
        else if (line[i] === '"') { ++i; break; } else text += line[i++];
      }
      fields.push(text);
      ++i;  // the comma
    } else {
      const end = line.indexOf(',', i) < 0 ? line.length : line.indexOf(',', i);
      const text = line.slice(i, end);
      fields.push(text === '' ? null : text);
      i = end + 1;
    }
  }
  return fields;
}

// *_expect.csv: a header, then one line per row; cells compared as text.
function compareCsv(ours, csvFile) {
  const lines = fs.readFileSync(csvFile, 'utf8').split('\n').filter((l) => l.length > 0);
  const width = parseCsvLine(lines[0]).length;
  if (width !== ours.columns.length) return `${ours.columns.length} columns vs ${width} in the csv`;
  if (lines.length - 1 !== ours.rows.length) return `${ours.rows.length} rows vs ${lines.length - 1} in the csv`;
  for (let r = 0; r < ours.rows.length; ++r) {
    const want = parseCsvLine(lines[r + 1]);
    for (let c = 0; c < width; ++c) {
      const cell = ours.rows[r][c];
      const text = cell === null ? null : typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
      if (text !== want[c]) return `csv row ${r} column ${ours.columns[c]}: ${text} vs ${want[c]}`;
    }
  }
  return null;
}

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.name.endsWith('.parquet') || entry.name.endsWith('.parquet.encrypted')) out.push(full);
  }
  return out.sort();
}

async function main() {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await con.run('SET threads = 1');  // file order
  let failures = 0;
  for (const file of listFiles(corpus)) {
    const name = path.relative(corpus, file);
    if (only && name !== only) continue;
    const expect = kExpect[name] ?? (name.endsWith('.encrypted') ? encrypted : {});
    const ours = lakestreamRead(file, expect.memoryLimit);
    let problem = null;
    if (ours.crash) {
      problem = `crashed: ${ours.crash}`;
    } else if (expect.error) {
      if (!ours.error) problem = `read ${ours.rows.length} rows, expected error ${expect.error}`;
      else if (ours.error.class !== expect.error || !ours.error.message.match(expect.contains)) {
        problem = `error [${ours.error.class}] ${ours.error.message}; expected [${expect.error}] containing "${expect.contains}"`;
      } else if (!ours.error.message.includes(path.basename(file)) && expect.error !== 'MEMORY_LIMIT_EXCEEDED') {
        problem = `error message does not name the file: ${ours.error.message}`;
      } else if (ours.seconds > 30) {
        problem = `took ${ours.seconds} s to fail`;
      }
    } else if (ours.error) {
      problem = `error [${ours.error.class}] ${ours.error.message}`;
    } else {
      let reference = expect.rows;
      try {
        reference ??= await duckRead(con, expect.sameAs ? path.join(corpus, expect.sameAs) : file, expect.duckSql);
        problem = compareTables(ours, reference);
      } catch (e) {
        problem = `DuckDB cannot read it (${e.message.split('\n')[0]}); give an expectation`;
      }
      const csv = file.replace(/\.parquet$/, '_expect.csv');
      if (!problem && fs.existsSync(csv)) problem = compareCsv(ours, csv);
    }
    if (problem) {
      ++failures;
      console.log(`FAIL ${name}: ${problem}`);
    } else {
      console.log(`PASS ${name}${ours.error ? ` (error: ${ours.error.class})` : ` (${ours.rows.length} rows)`}`);
    }
  }
  console.log(failures ? `${failures} file(s) failed` : 'all files passed');
  process.exit(failures ? 1 : 0);
}

await main();
