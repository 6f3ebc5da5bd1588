// Writes the Parquet interoperability files with Lakestream's writer, and for
// each one OUT_DIR/<case>.json with the rows it holds (expected_rows.h), then
// OUT_DIR/cases.json describing every case for check_parquet_files.mjs:
//   {"name", "file", "expected", "codec" (parquet-format name),
//    "row_groups" (exact count, or null), "min_row_groups", "min_pages" (per
//    chunk of `paged_column`), "paged_column", "mixed_dictionary" (columns
//    whose chunks must hold RLE_DICTIONARY and PLAIN pages), "filter"
//    ({column, lo, hi}: a range over a sorted BIGINT column)}.
//
// Usage: write_parquet_cases OUT_DIR
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "expected_rows.h"
#include "formats/json_writer.h"
#include "formats/parquet/parquet_writer.h"
#include "random_rows.h"

namespace lakestream::parquet_write {
namespace {

namespace fs = std::filesystem;

struct Case {
  Case(std::string name, SchemaPtr schema, std::vector<Row> rows = {}, FormatOptions options = {},
       std::string codec = "SNAPPY")
      : name(std::move(name)), schema(std::move(schema)), rows(std::move(rows)), options(std::move(options)),
        codec(std::move(codec)) {}

  std::string name;
  SchemaPtr schema;
  std::vector<Row> rows;
  FormatOptions options;
  std::string codec;
  int row_groups = -1;  // exact, when known
  int min_row_groups = 1;
  int min_pages = 1;
  std::string paged_column;
  std::vector<std::string> mixed_dictionary;
  std::string filter_column;
  int64_t filter_lo = 0, filter_hi = 0;
};

int128_t Pow10(int n) {
  int128_t v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

SchemaPtr AllTypesSchema() {
  return Schema::ParseDdl(
      "b BOOLEAN, t TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, d9 DECIMAL(9,2), d18 DECIMAL(18,4), "
      "d20 DECIMAL(20,0), d38 DECIMAL(38,6), str STRING, bin BINARY, dt DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ, "
      "req INT NOT NULL, req_str STRING NOT NULL");
}

// Extremes, NULLs, NaN, infinities, signed zeros and awkward text, ahead of random rows.
std::vector<Row> EdgeRows() {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  const int64_t first_ts = -62135596800000000LL, last_ts = 253402300799999999LL;
  std::vector<Row> rows;
  rows.push_back(Row({Value(false), Value(-128), Value(-32768), Value(int64_t{INT32_MIN}), Value(INT64_MIN),
                      Value(static_cast<double>(-FLT_MAX)), Value(-DBL_MAX), Value::Decimal(-(Pow10(9) - 1)),
                      Value::Decimal(-(Pow10(18) - 1)), Value::Decimal(-(Pow10(20) - 1)),
                      Value::Decimal(-(Pow10(38) - 1)), Value(""), Value(""), Value(-719162), Value(first_ts),
                      Value(first_ts), Value(int64_t{INT32_MIN}), Value("")}));
  rows.push_back(Row({Value(true), Value(127), Value(32767), Value(int64_t{INT32_MAX}), Value(INT64_MAX),
                      Value(static_cast<double>(FLT_MAX)), Value(DBL_MAX), Value::Decimal(Pow10(9) - 1),
                      Value::Decimal(Pow10(18) - 1), Value::Decimal(Pow10(20) - 1), Value::Decimal(Pow10(38) - 1),
                      Value("\xF4\x8F\xBF\xBF"), Value(std::string("\xFF\xFF\x00", 3)), Value(2932896),
                      Value(last_ts), Value(last_ts), Value(int64_t{INT32_MAX}), Value("\xF4\x8F\xBF\xBF")}));
  std::vector<Value> nulls(18);
  nulls[16] = Value(0);
  nulls[17] = Value("not null");
  rows.push_back(Row(nulls));
  rows.push_back(Row({Value(true), Value(0), Value(0), Value(0), Value(int64_t{0}), Value(nan), Value(-0.0),
                      Value::Decimal(0), Value::Decimal(-1), Value::Decimal(1), Value::Decimal(-5),
                      Value("héllo wörld ✓ 𝄞 \"q\" \\ \n\t end"), Value(std::string("\x00", 1)), Value(0),
                      Value(int64_t{-1}), Value(int64_t{1}), Value(0), Value("x")}));
  rows.push_back(Row({Value(false), Value(-1), Value(-1), Value(-1), Value(int64_t{-1}), Value(inf), Value(-inf),
                      Value::Decimal(1), Value::Decimal(12345), Value::Decimal(-12345), Value::Decimal(Pow10(37)),
                      Value(std::string(300, 'L')), Value(std::string(300, '\xAB')), Value(-1),
                      Value(int64_t{1700000000123456}), Value(int64_t{-1700000000123456}), Value(-1), Value("")}));
  rows.push_back(Row({Value(true), Value(1), Value(1), Value(1), Value(int64_t{1}), Value(-0.0), Value(nan),
                      Value::Decimal(-1), Value(), Value(), Value(), Value(), Value(), Value(), Value(), Value(),
                      Value(1), Value("y")}));
  return rows;
}

std::vector<Case> Cases() {
  std::vector<Case> cases;
  RandomRows random(20240611);

  {
    Case c{"all_types", AllTypesSchema()};
    c.rows = EdgeRows();
    auto more = random.Rows(*c.schema, 3000);
    c.rows.insert(c.rows.end(), more.begin(), more.end());
    c.options = {{"parquet.page.row.count.limit", "700"}};
    c.row_groups = 1;
    c.min_pages = 5;
    c.paged_column = "l";
    cases.push_back(std::move(c));
  }
  {
    auto key_struct = DataType::Struct({Field("p", DataType::Boolean()), Field("q", DataType::Timestamp())});
    std::vector<Field> fields = {
        Field("a", DataType::Parse("array<int>")),
        Field("aa", DataType::Parse("array<array<string>>")),
        Field("m", DataType::Parse("map<string,int>")),
        Field("mi", DataType::Parse("map<int,array<bigint>>")),
        Field("s", DataType::Parse("struct<x:int,y:string,z:struct<w:double,v:array<date>>>")),
        Field("sa", DataType::Parse("array<struct<k:string,v:decimal(10,2)>>")),
        Field("ms", DataType::Map(DataType::String(), key_struct)),
        Field("ra", DataType::Array(DataType::Int(), false), false),
        Field("rm", DataType::Map(DataType::String(), DataType::Long(), false), false),
        Field("rs", DataType::Struct({Field("x", DataType::Int(), false), Field("y", DataType::Binary())}), false),
        Field("deep", DataType::Parse("array<map<string,array<struct<n:int>>>>")),
    };
    Case c{"nested", std::make_shared<Schema>(fields)};
    c.rows = random.Rows(*c.schema, 2000);
    c.options = {{"parquet.page.row.count.limit", "300"}};
    c.row_groups = 1;
    c.min_pages = 6;
    c.paged_column = "a.list.element";
    cases.push_back(std::move(c));
  }
  auto codec_schema = Schema::ParseDdl("id BIGINT, name STRING, score DOUBLE, tags ARRAY<STRING>, "
                                       "st STRUCT<k: INT, at_time: TIMESTAMP>");
  auto codec_rows = random.Rows(*codec_schema, 5000);
  for (const auto& [option, codec] : std::vector<std::pair<std::string, std::string>>{
           {"snappy", "SNAPPY"}, {"gzip", "GZIP"}, {"zstd", "ZSTD"}, {"lz4", "LZ4_RAW"}, {"lz4_raw", "LZ4_RAW"},
           {"brotli", "BROTLI"}, {"none", "UNCOMPRESSED"}}) {
    Case c{"codec_" + option, codec_schema, codec_rows, {{"compression", option}}, codec};
    c.row_groups = 1;
    cases.push_back(std::move(c));
  }
  auto sorted_schema = Schema::ParseDdl("id BIGINT NOT NULL, name STRING, v INT, grp STRING");
  auto sorted_rows = [&](int64_t n) {
    std::vector<Row> rows;
    char name[32];
    for (int64_t i = 0; i < n; ++i) {
      std::snprintf(name, sizeof name, "name-%07lld", static_cast<long long>(i));
      rows.push_back(Row({Value(i), i % 97 == 0 ? Value() : Value(name), Value(static_cast<int64_t>((i * 7919) % 100003)),
                          Value("g" + std::to_string(i % 5))}));
    }
    return rows;
  };
  {
    Case c{"multi_row_group", sorted_schema, sorted_rows(100000), {{"parquet.block.row.count.limit", "30000"}}};
    c.row_groups = 4;
    c.filter_column = "id";
    c.filter_lo = 29990;
    c.filter_hi = 60010;
    cases.push_back(std::move(c));
  }
  {
    Case c{"row_group_bytes", sorted_schema, sorted_rows(100000), {{"parquet.block.size", "262144"}}};
    c.min_row_groups = 4;
    cases.push_back(std::move(c));
  }
  {
    Case c{"multi_page", sorted_schema, sorted_rows(60000), {{"parquet.page.row.count.limit", "2500"}}};
    c.row_groups = 1;
    c.min_pages = 24;
    c.paged_column = "id";
    c.filter_column = "id";
    c.filter_lo = 31000;
    c.filter_hi = 33500;
    cases.push_back(std::move(c));
  }
  {
    Case c{"page_size", sorted_schema, sorted_rows(40000), {{"parquet.page.size", "16384"}}};
    c.min_pages = 10;
    c.paged_column = "name";
    cases.push_back(std::move(c));
  }
  {
    Case c{"dictionary_fallback", sorted_schema, sorted_rows(30000),
           {{"parquet.dictionary.page.size", "32768"}, {"parquet.page.row.count.limit", "1000"}}};
    c.mixed_dictionary = {"name"};
    c.min_pages = 30;
    c.paged_column = "name";
    cases.push_back(std::move(c));
  }
  {
    Case c{"no_dictionary", AllTypesSchema(), random.Rows(*AllTypesSchema(), 500),
           {{"parquet.enable.dictionary", "false"}}};
    cases.push_back(std::move(c));
  }
  {
    Case c{"empty", AllTypesSchema()};
    c.row_groups = 0;
    c.min_row_groups = 0;
    cases.push_back(std::move(c));
  }
  {
    auto schema = Schema::ParseDdl("i INT, s STRING, d DOUBLE, a ARRAY<INT>, m MAP<STRING,INT>, st STRUCT<x: INT>");
    std::vector<Row> rows(100, Row(std::vector<Value>(6)));
    Case c{"all_null", schema, rows};
    cases.push_back(std::move(c));
  }
  return cases;
}

void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string Quoted(const std::string& s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

std::string ManifestEntry(const Case& c) {
  std::string out = "{\"name\":" + Quoted(c.name) + ",\"file\":" + Quoted(c.name + ".parquet") +
                    ",\"expected\":" + Quoted(c.name + ".json") + ",\"codec\":" + Quoted(c.codec) +
                    ",\"row_groups\":" + (c.row_groups < 0 ? "null" : std::to_string(c.row_groups)) +
                    ",\"min_row_groups\":" + std::to_string(c.min_row_groups) +
                    ",\"min_pages\":" + std::to_string(c.min_pages) + ",\"paged_column\":" + Quoted(c.paged_column) +
                    ",\"mixed_dictionary\":[";
  for (size_t i = 0; i < c.mixed_dictionary.size(); ++i) out += (i ? "," : "") + Quoted(c.mixed_dictionary[i]);
  out += "],\"filter\":";
  if (c.filter_column.empty()) {
    out += "null";
  } else {
    out += "{\"column\":" + Quoted(c.filter_column) + ",\"lo\":" + std::to_string(c.filter_lo) +
           ",\"hi\":" + std::to_string(c.filter_hi) + "}";
  }
  return out + "}";
}

int Run(const fs::path& out_dir) {
  fs::create_directories(out_dir);
  std::string manifest = "[\n";
  auto cases = Cases();
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    // Several batches per file, so the streaming path is what gets tested.
    parquet::WriteParquetFile((out_dir / (c.name + ".parquet")).string(), c.schema,
                              RowsToBatches(c.schema, c.rows, 777), c.options);
    WriteText(out_dir / (c.name + ".json"), ExpectedRowsJson(*c.schema, c.rows));
    manifest += ManifestEntry(c) + (i + 1 < cases.size() ? ",\n" : "\n");
  }
  WriteText(out_dir / "cases.json", manifest + "]\n");
  std::cout << "wrote " << cases.size() << " Parquet files to " << out_dir.string() << "\n";
  return 0;
}

}  // namespace
}  // namespace lakestream::parquet_write

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_parquet_cases OUT_DIR\n";
    return 2;
  }
  try {
    return lakestream::parquet_write::Run(argv[1]);
  } catch (const std::exception& e) {
    std::cerr << "write_parquet_cases: " << e.what() << "\n";
    return 1;
  }
}
