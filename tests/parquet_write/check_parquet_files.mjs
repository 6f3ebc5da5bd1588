// Reads every Parquet file that write_parquet_cases wrote with DuckDB and with
// hyparquet and compares each value with the rows the tool says it wrote
// (<case>.json, canonical forms described in expected_rows.h). Also checks,
// per case (cases.json): the types DuckDB sees, the codec and row-group count,
// chunk statistics (null counts, min/max of integer and string columns), the
// page index (every page's bounds and null count against the rows it holds,
// page counts, offsets), dictionary fallback in the page encoding stats,
// Spark's schema in the footer, and range reads that skip pages through the
// page index (hyparquet) or row groups through statistics (DuckDB).
//
// Prints PASS/FAIL per case and reader (SKIP with a reason where hyparquet
// lacks a codec) and exits 1 on any failure.
// Usage: node check_parquet_files.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects, parquetSchema, readColumnIndex, readOffsetIndex } from 'hyparquet';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node check_parquet_files.mjs DIR');
  process.exit(2);
}
const kMaxReported = 5;

// ---- Spark types (from the expected file's schema JSON) ----

const kind = (t) => (typeof t === 'string' ? (t.startsWith('decimal') ? 'decimal' : t) : t.type);
const decimalScale = (t) => Number(/decimal\(\d+,(\d+)\)/.exec(t)[1]);

function duckTypeName(t) {
  switch (kind(t)) {
    case 'boolean': return 'BOOLEAN';
    case 'byte': return 'TINYINT';
    case 'short': return 'SMALLINT';
    case 'integer': return 'INTEGER';
    case 'long': return 'BIGINT';
    case 'float': return 'FLOAT';
    case 'double': return 'DOUBLE';
    case 'decimal': return t.toUpperCase();
    case 'string': return 'VARCHAR';
    case 'binary': return 'BLOB';
    case 'date': return 'DATE';
    case 'timestamp': return 'TIMESTAMP WITH TIME ZONE';
    case 'timestamp_ntz': return 'TIMESTAMP';
    case 'array': return `${duckTypeName(t.elementType)}[]`;
    case 'map': return `MAP(${duckTypeName(t.keyType)}, ${duckTypeName(t.valueType)})`;
    case 'struct': return `STRUCT(${t.fields.map((f) => `${f.name} ${duckTypeName(f.type)}`).join(', ')})`;
    default: throw new Error(`unknown type ${JSON.stringify(t)}`);
  }
}

// ---- canonical forms ----

const hex = (bytes) => Buffer.from(bytes).toString('hex');
function floatCanon(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}
const sortPairs = (pairs) => pairs.slice().sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1));

// DuckDB values (getRows) -> canonical.
function fromDuck(t, v) {
  if (v === null || v === undefined) return null;
  switch (kind(t)) {
    case 'boolean': return v;
    case 'byte': case 'short': case 'integer': return Number(v);
    case 'long': return v.toString();
    case 'float': case 'double': return floatCanon(v);
    case 'decimal': return v.value.toString();
    case 'string': return v;
    case 'binary': return hex(v.bytes);
    case 'date': return v.days;
    case 'timestamp': case 'timestamp_ntz': return v.micros.toString();
    case 'array': return v.items.map((x) => fromDuck(t.elementType, x));
    case 'map': return sortPairs(v.entries.map((e) => [fromDuck(t.keyType, e.key), fromDuck(t.valueType, e.value)]));
    case 'struct': return Object.fromEntries(t.fields.map((f) => [f.name, fromDuck(f.type, v.entries[f.name])]));
  }
  throw new Error(`unknown type ${JSON.stringify(t)}`);
}

// hyparquet values (with kHyparquetParsers, utf8: false) -> canonical.
// Decimals come back as JS numbers: kept as numbers and compared approximately.
function fromHyparquet(t, v) {
  if (v === null || v === undefined) return null;
  switch (kind(t)) {
    case 'boolean': return v;
    case 'byte': case 'short': case 'integer': case 'date': return Number(v);
    case 'long': case 'timestamp': case 'timestamp_ntz': return BigInt(v).toString();
    case 'float': case 'double': return floatCanon(v);
    case 'decimal': return v;
    case 'string': return v;
    case 'binary': return hex(v);
    case 'array': return Array.from(v, (x) => fromHyparquet(t.elementType, x));
    case 'map': {
      // Objects: keys became strings.
      const key = (k) => (kind(t.keyType) === 'string' ? k : fromHyparquet(t.keyType, kind(t.keyType) === 'long' ? BigInt(k) : Number(k)));
      return sortPairs(Object.entries(v).map(([k, x]) => [key(k), fromHyparquet(t.valueType, x)]));
    }
    case 'struct': return Object.fromEntries(t.fields.map((f) => [f.name, fromHyparquet(f.type, v[f.name])]));
  }
  throw new Error(`unknown type ${JSON.stringify(t)}`);
}

// Expected rows keep map entries in written order; readers are compared sorted.
function expectedCanon(t, v) {
  if (v === null) return null;
  switch (kind(t)) {
    case 'array': return v.map((x) => expectedCanon(t.elementType, x));
    case 'map': return sortPairs(v.map(([k, x]) => [expectedCanon(t.keyType, k), expectedCanon(t.valueType, x)]));
    case 'struct': return Object.fromEntries(t.fields.map((f) => [f.name, expectedCanon(f.type, v[f.name])]));
    default: return v;
  }
}

// Deep comparison by type; `approxDecimals` for hyparquet's numbers.
function same(t, want, got, approxDecimals) {
  if (want === null || got === null) return want === got;
  switch (kind(t)) {
    case 'decimal':
      if (!approxDecimals) return want === got;
      {
        const x = Number(want) * 10 ** -decimalScale(t);
        return Math.abs(x - got) <= 1e-12 * Math.max(1, Math.abs(x));
      }
    case 'float': case 'double': return Object.is(want, got);
    case 'array':
      return Array.isArray(got) && want.length === got.length && want.every((w, i) => same(t.elementType, w, got[i], approxDecimals));
    case 'map':
      return Array.isArray(got) && want.length === got.length &&
        want.every((w, i) => same(t.keyType, w[0], got[i][0], approxDecimals) && same(t.valueType, w[1], got[i][1], approxDecimals));
    case 'struct':
      return t.fields.every((f) => same(f.type, want[f.name], got[f.name], approxDecimals));
    default: return want === got;
  }
}

const show = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : Object.is(x, -0) ? '-0' : x));

// Compares row lists; returns failure messages.
function compareRows(fields, want, got, approxDecimals, label) {
  const errors = [];
  if (want.length !== got.length) errors.push(`${label}: ${got.length} rows, expected ${want.length}`);
  const n = Math.min(want.length, got.length);
  for (let r = 0; r < n && errors.length < kMaxReported; r++) {
    fields.forEach((f, c) => {
      if (!same(f.type, want[r][c], got[r][c], approxDecimals) && errors.length < kMaxReported) {
        errors.push(`${label}: row ${r} column ${f.name}: got ${show(got[r][c])}, expected ${show(want[r][c])}`);
      }
    });
  }
  return errors;
}

// ---- value order for statistics ----

const kOrdered = new Set(['boolean', 'byte', 'short', 'integer', 'long', 'date', 'timestamp', 'timestamp_ntz', 'string']);
function compareValues(t, a, b) {
  switch (kind(t)) {
    case 'string': return Buffer.compare(Buffer.from(a), Buffer.from(b));  // UTF-8 bytes, unsigned
    case 'long': case 'timestamp': case 'timestamp_ntz': { const x = BigInt(a), y = BigInt(b); return x < y ? -1 : x > y ? 1 : 0; }
    default: return Number(a) - Number(b);
  }
}
function bounds(t, values) {
  let lo = null, hi = null, nulls = 0;
  for (const v of values) {
    if (v === null) { nulls++; continue; }
    if (lo === null || compareValues(t, v, lo) < 0) lo = v;
    if (hi === null || compareValues(t, v, hi) > 0) hi = v;
  }
  return { lo, hi, nulls };
}

// ---- hyparquet setup ----

// Node's zlib has gzip and brotli (and zstd from Node 22.15); LZ4_RAW is
// decoded here (the LZ4 block format is small).
function lz4RawDecompress(input, outputLength) {
  const out = new Uint8Array(outputLength);
  let i = 0, o = 0;
  const length = () => { let n = 0, b; do { b = input[i++]; n += b; } while (b === 255); return n; };
  while (i < input.length) {
    const token = input[i++];
    let literals = token >> 4;
    if (literals === 15) literals += length();
    out.set(input.subarray(i, i + literals), o);
    i += literals; o += literals;
    if (i >= input.length) break;
    const offset = input[i] | (input[i + 1] << 8);
    i += 2;
    let match = token & 15;
    if (match === 15) match += length();
    match += 4;
    if (offset === 0 || offset > o) throw new Error('lz4: bad match offset');
    for (let k = 0; k < match; k++, o++) out[o] = out[o - offset];
  }
  if (o !== outputLength) throw new Error(`lz4: ${o} bytes, expected ${outputLength}`);
  return out;
}
const kCompressors = {
  GZIP: (input) => new Uint8Array(zlib.gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(zlib.brotliDecompressSync(input)),
  LZ4_RAW: lz4RawDecompress,
};
if (zlib.zstdDecompressSync) kCompressors.ZSTD = (input) => new Uint8Array(zlib.zstdDecompressSync(input));
const kHyparquetParsers = {
  timestampFromMicroseconds: (micros) => micros,
  dateFromDays: (days) => days,
};

async function readHyparquet(buffer, fields, extra = {}) {
  const rows = await parquetReadObjects({ file: buffer, compressors: kCompressors, parsers: kHyparquetParsers, utf8: false, ...extra });
  return rows.map((row) => fields.map((f) => fromHyparquet(f.type, row[f.name])));
}

// ---- checks ----

// Each check returns its failures and a note of what it compared.
async function checkDuckdb(connection, c, file, fields, rows) {
  const errors = [];
  let statistics = 0;
  const q = (sql) => connection.runAndReadAll(sql);
  const lit = `'${file.replaceAll("'", "''")}'`;
  const describe = (await q(`DESCRIBE SELECT * FROM read_parquet(${lit})`)).getRows();
  fields.forEach((f, i) => {
    const got = String(describe[i]?.[1]).replaceAll('"', '');
    if (got !== duckTypeName(f.type)) errors.push(`type of ${f.name}: ${got}, expected ${duckTypeName(f.type)}`);
  });
  const read = (await q(`SELECT * FROM read_parquet(${lit})`)).getRows();
  errors.push(...compareRows(fields, rows, read.map((r) => fields.map((f, i) => fromDuck(f.type, r[i]))), false, 'values'));

  const meta = (await q(`SELECT row_group_id, row_group_num_rows, path_in_schema, stats_null_count, stats_min_value,
      stats_max_value, compression FROM parquet_metadata(${lit}) ORDER BY row_group_id, column_id`)).getRowObjectsJS();
  const groups = [...new Set(meta.map((m) => Number(m.row_group_id)))];
  if (c.row_groups !== null && groups.length !== c.row_groups) errors.push(`${groups.length} row groups, expected ${c.row_groups}`);
  if (groups.length < c.min_row_groups) errors.push(`${groups.length} row groups, expected at least ${c.min_row_groups}`);
  for (const m of meta) if (m.compression !== c.codec) errors.push(`chunk ${m.path_in_schema} compressed with ${m.compression}`);
  // Chunk statistics of the top-level primitive columns, row group by row group.
  let start = 0;
  for (const g of groups) {
    const chunks = meta.filter((m) => Number(m.row_group_id) === g);
    const count = Number(chunks[0].row_group_num_rows);
    fields.forEach((f, i) => {
      if (typeof f.type !== 'string') return;
      const chunk = chunks.find((m) => m.path_in_schema === f.name);
      const b = bounds(f.type, rows.slice(start, start + count).map((r) => r[i]));
      if (Number(chunk.stats_null_count) !== b.nulls) errors.push(`rg ${g} ${f.name}: null_count ${chunk.stats_null_count}, expected ${b.nulls}`);
      statistics++;
      if (['byte', 'short', 'integer', 'long', 'string'].includes(kind(f.type)) && b.lo !== null) {
        statistics++;
        if (chunk.stats_min_value !== String(b.lo) || chunk.stats_max_value !== String(b.hi)) {
          errors.push(`rg ${g} ${f.name}: min/max ${show(chunk.stats_min_value)}/${show(chunk.stats_max_value)}, expected ${show(b.lo)}/${show(b.hi)}`);
        }
      }
    });
    start += count;
  }

  const kv = (await q(`SELECT key, value FROM parquet_kv_metadata(${lit})`)).getRows();
  const spark = kv.find(([k]) => Buffer.from(k.bytes).toString() === 'org.apache.spark.sql.parquet.row.metadata');
  if (!spark) errors.push('no Spark schema in the footer');
  else if (show(JSON.parse(Buffer.from(spark[1].bytes).toString())) !== show(c.schema)) errors.push('Spark schema differs');

  if (c.filter) {
    const { column, lo, hi } = c.filter;
    const at = fields.findIndex((f) => f.name === column);
    const want = rows.filter((r) => BigInt(r[at]) >= BigInt(lo) && BigInt(r[at]) < BigInt(hi));
    const got = (await q(`SELECT * FROM read_parquet(${lit}) WHERE ${column} >= ${lo} AND ${column} < ${hi}`)).getRows();
    errors.push(...compareRows(fields, want, got.map((r) => fields.map((f, i) => fromDuck(f.type, r[i]))), false, 'filtered'));
  }
  return { errors, note: `${rows.length} rows, ${groups.length} row groups, ${statistics} chunk statistics` };
}

async function checkHyparquet(c, buffer, fields, rows) {
  const errors = [];
  let pagesChecked = 0;
  errors.push(...compareRows(fields, rows, await readHyparquet(buffer, fields), true, 'values'));

  const metadata = parquetMetadata(buffer);
  const tree = parquetSchema(metadata);
  const view = (offset, length) => ({ view: new DataView(buffer, Number(offset), length), offset: 0 });
  let start = 0;
  metadata.row_groups.forEach((rg, g) => {
    const count = Number(rg.num_rows);
    for (const chunk of rg.columns) {
      const name = chunk.meta_data.path_in_schema.join('.');
      const stats = chunk.meta_data.encoding_stats ?? [];
      const dataPages = (encoding) => stats.some((s) => s.page_type === 'DATA_PAGE' && s.encoding === encoding && s.count > 0);
      if (c.mixed_dictionary.includes(name) && !(dataPages('RLE_DICTIONARY') && dataPages('PLAIN'))) {
        errors.push(`rg ${g} ${name}: expected RLE_DICTIONARY then PLAIN pages, got ${show(stats)}`);
      }
      if (chunk.offset_index_offset === undefined) { errors.push(`rg ${g} ${name}: no offset index`); continue; }
      const pages = readOffsetIndex(view(chunk.offset_index_offset, chunk.offset_index_length)).page_locations;
      if (Number(pages[0].first_row_index) !== 0) errors.push(`rg ${g} ${name}: first page starts at row ${pages[0].first_row_index}`);
      if (Number(pages[0].offset) !== Number(chunk.meta_data.data_page_offset)) errors.push(`rg ${g} ${name}: first page offset`);
      if (name === c.paged_column && pages.length < c.min_pages) errors.push(`${name}: ${pages.length} pages, expected at least ${c.min_pages}`);
      const f = fields.findIndex((x) => x.name === name);
      if (f < 0 || typeof fields[f].type !== 'string' || chunk.column_index_offset === undefined) continue;
      const type = fields[f].type;
      const element = tree.children.find((x) => x.element.name === name).element;
      const index = readColumnIndex(view(chunk.column_index_offset, chunk.column_index_length), element, kHyparquetParsers);
      pages.forEach((page, p) => {
        const first = start + Number(page.first_row_index);
        const end = start + (p + 1 < pages.length ? Number(pages[p + 1].first_row_index) : count);
        const b = bounds(type, rows.slice(first, end).map((r) => r[f]));
        pagesChecked++;
        if (Number(index.null_counts[p]) !== b.nulls) errors.push(`rg ${g} ${name} page ${p}: null count ${index.null_counts[p]}, expected ${b.nulls}`);
        if (index.null_pages[p] !== (b.lo === null)) errors.push(`rg ${g} ${name} page ${p}: null_pages is ${index.null_pages[p]}`);
        if (b.lo === null || !kOrdered.has(kind(type))) return;
        const lo = fromHyparquet(type, index.min_values[p]), hi = fromHyparquet(type, index.max_values[p]);
        if (compareValues(type, lo, b.lo) > 0 || compareValues(type, hi, b.hi) < 0) {
          errors.push(`rg ${g} ${name} page ${p}: bounds ${show(lo)}..${show(hi)} miss ${show(b.lo)}..${show(b.hi)}`);
        }
      });
    }
    start += count;
  });

  // A row range: the offset index's first_row_index must be right for
  // every column, repeated ones included, for the pages chosen to match.
  if (rows.length > 0) {
    const lo = Math.floor(rows.length / 3), hi = Math.floor((2 * rows.length) / 3) + 1;
    const slice = await readHyparquet(buffer, fields, { rowStart: lo, rowEnd: hi, useOffsetIndex: true });
    errors.push(...compareRows(fields, rows.slice(lo, hi), slice, true, `rows ${lo}..${hi}`));
  }
  if (c.filter) {
    const { column, lo, hi } = c.filter;
    const at = fields.findIndex((f) => f.name === column);
    const want = rows.filter((r) => BigInt(r[at]) >= BigInt(lo) && BigInt(r[at]) < BigInt(hi));
    const filter = { [column]: { $gte: BigInt(lo), $lt: BigInt(hi) } };
    const got = await readHyparquet(buffer, fields, { filter, usePageIndex: true, useOffsetIndex: true, rowFormat: 'object' });
    errors.push(...compareRows(fields, want, got, true, 'page-index filter'));
    const slice = await readHyparquet(buffer, fields, { rowStart: lo, rowEnd: hi, useOffsetIndex: true });
    errors.push(...compareRows(fields, rows.slice(lo, hi), slice, true, 'row range'));
  }
  return { errors, note: `${rows.length} rows, ${pagesChecked} pages checked against the page index` };
}

const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'));
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
let failed = 0;
const report = (status, reader, name, errors = [], note = '') => {
  console.log(`${status} ${reader} ${name}${note ? ` (${note})` : ''}${errors.length ? '\n  ' + errors.slice(0, kMaxReported * 2).join('\n  ') : ''}`);
  if (status === 'FAIL') failed++;
};
for (const c of cases) {
  const file = path.join(dir, c.file);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, c.expected), 'utf8'));
  c.schema = expected.schema;
  const fields = expected.schema.fields;
  const rows = expected.rows.map((r) => fields.map((f, i) => expectedCanon(f.type, r[i])));
  for (const [reader, check] of [['duckdb', () => checkDuckdb(connection, c, file, fields, rows)],
    ['hyparquet', async () => {
      if (!kCompressors[c.codec] && !['SNAPPY', 'UNCOMPRESSED'].includes(c.codec)) return `no ${c.codec} decompressor in this Node (${process.version})`;
      const bytes = fs.readFileSync(file);
      return checkHyparquet(c, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), fields, rows);
    }]]) {
    try {
      const result = await check();
      if (typeof result === 'string') report('SKIP', reader, c.name, [result]);
      else report(result.errors.length ? 'FAIL' : 'PASS', reader, c.name, result.errors, result.note);
    } catch (e) {
      report('FAIL', reader, c.name, [String(e.stack ?? e)]);
    }
  }
}
console.log(failed ? `${failed} check(s) failed` : 'all Parquet interoperability checks passed');
process.exit(failed ? 1 : 0);
