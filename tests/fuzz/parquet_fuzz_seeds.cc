// parquet_fuzz_seeds DIR: writes small Parquet files with Lakestream's writer
// into DIR, seeds for parquet_reader_fuzzer beside the parquet-testing corpus.
// They cover what the writer can produce — every Spark type, NULLs at every
// nesting level, every codec, dictionary and PLAIN pages, several pages and
// row groups, the page index — in files of a few KiB, so that mutations reach
// the decoders quickly.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "formats/parquet/parquet_writer.h"

namespace lakestream::fuzz {
namespace {

const char* kSchema =
    "b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INT, i64 BIGINT, f FLOAT, d DOUBLE, dec9 DECIMAL(9,2), "
    "dec18 DECIMAL(18,4), dec38 DECIMAL(38,10), s STRING, bin BINARY, day DATE, ts TIMESTAMP, "
    "ntz TIMESTAMP_NTZ, arr ARRAY<INT>, m MAP<STRING,BIGINT>, st STRUCT<a: INT, b: ARRAY<STRING>>";

// Row r: a few repeated values (dictionary-friendly) and NULLs in every column.
Row MakeRow(int r) {
  auto null_every = [&](int n, Value v) { return r % n == n - 1 ? Value() : v; };
  int64_t k = r % 5;
  std::string text = "v" + std::to_string(k) + (r % 3 == 0 ? "" : "-long-text");
  return Row{null_every(7, Value(r % 2 == 0)),
             null_every(6, Value(int64_t{k - 2})),
             null_every(5, Value(int64_t{300 * k})),
             null_every(4, Value(int64_t{r * 1000 - 7})),
             null_every(3, Value(int64_t{k} << 40)),
             null_every(8, Value(0.5 * k)),
             null_every(9, Value(r == 3 ? -0.0 : 1e300 / (r + 1))),
             null_every(5, Value::Decimal(12345 * k)),
             null_every(6, Value::Decimal(-int128_t{1} << (40 + k))),
             null_every(7, Value::Decimal(int128_t{r} * 1000000000000000000LL * 1000)),
             null_every(4, Value(text)),
             null_every(5, Value(std::string("\0\xff", 2) + text)),
             null_every(6, Value(int64_t{18000 + k})),
             null_every(7, Value(int64_t{1700000000000000} + r)),
             null_every(8, Value(int64_t{-r})),
             null_every(5, Value::List({Value(r), Value(), Value(int64_t{k})})),
             null_every(6, Value::Map({{Value(text), Value(int64_t{r})}, {Value("z"), Value()}})),
             null_every(4, Value::List({Value(r), k == 0 ? Value() : Value::List({Value(text), Value()})}))};
}

void WriteSeed(const std::filesystem::path& dir, const std::string& name, int rows, const FormatOptions& options) {
  SchemaPtr schema = Schema::ParseDdl(kSchema);
  std::vector<Row> data;
  for (int r = 0; r < rows; ++r) data.push_back(MakeRow(r));
  parquet::WriteParquetFile((dir / (name + ".parquet")).string(), schema, RowsToBatches(schema, data, 16), options);
}

int Main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: parquet_fuzz_seeds DIR\n");
    return 2;
  }
  std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  for (const char* codec : {"none", "snappy", "gzip", "zstd", "lz4_raw", "brotli"}) {
    WriteSeed(dir, std::string("codec_") + codec, 12, {{"compression", codec}});
  }
  WriteSeed(dir, "plain", 12, {{"compression", "none"}, {"parquet.enable.dictionary", "false"}});
  WriteSeed(dir, "pages", 40, {{"compression", "none"}, {"parquet.page.row.count.limit", "6"}});
  WriteSeed(dir, "row_groups", 40, {{"compression", "none"}, {"parquet.block.row.count.limit", "9"}});
  WriteSeed(dir, "dictionary_fallback", 40, {{"compression", "none"}, {"parquet.dictionary.page.size", "40"}});
  WriteSeed(dir, "empty", 0, {{"compression", "none"}});
  return 0;
}

}  // namespace
}  // namespace lakestream::fuzz

int main(int argc, char** argv) {
  try {
    return lakestream::fuzz::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parquet_fuzz_seeds: %s\n", e.what());
    return 1;
  }
}
