// Files written by ParquetFileWriter read back by Lakestream's Parquet reader
// (the "parquet" FileFormat): every type, NULLs at every nesting level, every
// codec, several row groups and pages, dictionary fallback, the streaming
// writer, schema inference and column projection.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <limits>
#include <random>

#include "formats/parquet/parquet_format.h"
#include "formats/parquet/parquet_writer.h"
#include "unit/formats/format_test_fixture.h"
#include "unit/formats/parquet/written_parquet_file.h"

namespace lakestream::parquet {
namespace {

// Rows compared by their rendering, so that NaN equals NaN and -0.0 differs from 0.0.
void ExpectSameRows(const std::vector<Row>& actual, const std::vector<Row>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  int reported = 0;
  for (size_t r = 0; r < actual.size() && reported < 5; ++r) {
    if (actual[r].ToString() != expected[r].ToString()) {
      ADD_FAILURE() << "row " << r << ": got " << actual[r].ToString() << ", expected " << expected[r].ToString();
      ++reported;
    }
  }
}

int128_t Pow10(int n) {
  int128_t v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

class ParquetRoundTripTest : public FormatTest {
 protected:
  std::vector<Row> ReadSplit(const FileSplit& split, const SchemaPtr& schema) const {
    std::vector<RecordBatchPtr> batches;
    format_.Read(split, schema, {}, ctx_, [&](RecordBatchPtr b) {
      batches.push_back(std::move(b));
      return true;
    });
    return BatchesToRows(batches);
  }
  std::vector<Row> ReadFile(const std::string& path, const SchemaPtr& schema) const {
    return ReadSplit(FileSplit{path}, schema);
  }

  std::vector<Row> RoundTrip(const SchemaPtr& schema, const std::vector<Row>& rows, const FormatOptions& options = {},
                             int64_t batch_rows = 1000) {
    path_ = Path("rt.parquet");
    WriteParquetFile(path_, schema, RowsToBatches(schema, rows, batch_rows), options);
    return ReadFile(path_, schema);
  }

  // Random flat rows of `schema` (primitive columns only), 10% NULL.
  static std::vector<Row> RandomRows(const Schema& schema, int n, uint32_t seed) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng); };
    std::vector<Row> rows;
    for (int r = 0; r < n; ++r) {
      std::vector<Value> values;
      for (const Field& f : schema.fields()) {
        if (f.nullable && uniform(0, 9) == 0) {
          values.emplace_back();
          continue;
        }
        switch (f.type->id()) {
          case TypeId::kBoolean: values.emplace_back(uniform(0, 1) == 1); break;
          case TypeId::kInt: values.emplace_back(uniform(INT32_MIN, INT32_MAX)); break;
          case TypeId::kLong: values.emplace_back(uniform(-1000, 1000)); break;
          case TypeId::kDouble: values.emplace_back(static_cast<double>(uniform(-1000000, 1000000)) / 7); break;
          case TypeId::kString: values.emplace_back("s" + std::to_string(uniform(0, 5000))); break;
          case TypeId::kDecimal: values.push_back(Value::Decimal(uniform(INT64_MIN, INT64_MAX) * int128_t{1000})); break;
          default: ADD_FAILURE() << "no generator for " << f.type->ToString();
        }
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  ParquetFormat format_;
  std::string path_;
};

TEST_F(ParquetRoundTripTest, EveryPrimitiveTypeWithExtremesAndNulls) {
  auto schema = Ddl(
      "b BOOLEAN, t TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, d9 DECIMAL(9,2), d18 DECIMAL(18,4), "
      "d20 DECIMAL(20,0), d38 DECIMAL(38,6), str STRING, bin BINARY, dt DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ, "
      "req BIGINT NOT NULL");
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<Row> rows = {
      Row({Value(false), Value(-128), Value(-32768), Value(int64_t{INT32_MIN}), Value(INT64_MIN),
           Value(static_cast<double>(-FLT_MAX)), Value(-DBL_MAX), Value::Decimal(-(Pow10(9) - 1)),
           Value::Decimal(-(Pow10(18) - 1)), Value::Decimal(-(Pow10(20) - 1)), Value::Decimal(-(Pow10(38) - 1)),
           Value(""), Value(""), Value(-719162), Value(int64_t{-62135596800000000}), Value(INT64_MIN),
           Value(INT64_MIN)}),
      Row({Value(true), Value(127), Value(32767), Value(int64_t{INT32_MAX}), Value(INT64_MAX),
           Value(static_cast<double>(FLT_MAX)), Value(DBL_MAX), Value::Decimal(Pow10(9) - 1),
           Value::Decimal(Pow10(18) - 1), Value::Decimal(Pow10(20) - 1), Value::Decimal(Pow10(38) - 1),
           Value("héllo ✓ 𝄞"), Value(std::string("\x00\xFF", 2)), Value(2932896), Value(INT64_MAX),
           Value(INT64_MAX), Value(INT64_MAX)}),
      Row({Value(), Value(), Value(), Value(), Value(), Value(), Value(), Value(), Value(), Value(), Value(), Value(),
           Value(), Value(), Value(), Value(), Value(int64_t{0})}),
      Row({Value(true), Value(0), Value(0), Value(0), Value(int64_t{0}), Value(nan), Value(-0.0), Value::Decimal(0),
           Value::Decimal(-1), Value::Decimal(1), Value::Decimal(-5), Value(std::string(5000, 'x')),
           Value(std::string(1, '\0')), Value(0), Value(int64_t{-1}), Value(int64_t{1}), Value(int64_t{1})}),
      Row({Value(false), Value(-1), Value(-1), Value(-1), Value(int64_t{-1}), Value(-0.0), Value(inf),
           Value::Decimal(1), Value(), Value(), Value(), Value("tail"), Value("bin"), Value(-1), Value(), Value(),
           Value(int64_t{-1})}),
  };
  ExpectSameRows(RoundTrip(schema, rows), rows);
  ExpectSameRows(RoundTrip(schema, rows, {{"parquet.enable.dictionary", "false"}, {"compression", "none"}}), rows);
}

TEST_F(ParquetRoundTripTest, NestedTypesWithNullsAtEveryLevel) {
  auto schema = Ddl(
      "a ARRAY<INT>, aa ARRAY<ARRAY<STRING>>, m MAP<STRING, INT>, st STRUCT<x: INT, y: ARRAY<STRUCT<z: STRING>>>, "
      "mi MAP<INT, STRUCT<p: DOUBLE, q: DECIMAL(25,3)>>, deep ARRAY<MAP<STRING, ARRAY<BIGINT>>>");
  auto L = [](std::vector<Value> v) { return Value::List(std::move(v)); };
  std::vector<Row> rows = {
      Row({L({Value(1), Value(), Value(3)}), L({L({Value("a"), Value()}), L({}), Value()}),
           Value::Map({{Value("k1"), Value(1)}, {Value("k2"), Value()}}),
           L({Value(7), L({L({Value("z1")}), Value(), L({Value()})})}),
           Value::Map({{Value(1), L({Value(1.5), Value::Decimal(123456)})}, {Value(2), Value()}}),
           L({Value::Map({{Value("x"), L({Value(int64_t{1}), Value()})}, {Value("y"), Value()}}), Value(),
              Value::Map({})})}),
      Row({Value(), Value(), Value(), Value(), Value(), Value()}),
      Row({L({}), L({}), Value::Map({}), L({Value(), L({})}), Value::Map({}), L({})}),
      Row({L({Value()}), L({L({})}), Value::Map({{Value(""), Value(0)}}), L({Value(), Value()}),
           Value::Map({{Value(-1), L({Value(), Value()})}}), L({Value::Map({{Value("e"), L({})}})})}),
  };
  // Repeat so that pages (4 rows each) and batches (3 rows) split the data differently.
  std::vector<Row> many;
  for (int i = 0; i < 25; ++i) many.insert(many.end(), rows.begin(), rows.end());
  ExpectSameRows(RoundTrip(schema, many, {{"parquet.page.row.count.limit", "4"}}, 3), many);
}

TEST_F(ParquetRoundTripTest, RequiredNestedFields) {
  auto schema = std::make_shared<Schema>(std::vector<Field>{
      Field("a", DataType::Array(DataType::Int(), false), false),
      Field("m", DataType::Map(DataType::String(), DataType::Long(), false), false),
      Field("s", DataType::Struct({Field("x", DataType::Int(), false), Field("y", DataType::String())}), false)});
  std::vector<Row> rows = {
      Row({Value::List({Value(1), Value(2)}), Value::Map({{Value("a"), Value(int64_t{1})}}),
           Value::List({Value(1), Value("y")})}),
      Row({Value::List({}), Value::Map({}), Value::List({Value(2), Value()})}),
  };
  ExpectSameRows(RoundTrip(schema, rows), rows);
}

TEST_F(ParquetRoundTripTest, EveryCodec) {
  auto schema = Ddl("id BIGINT, name STRING, score DOUBLE, flag BOOLEAN, amount DECIMAL(30,3)");
  auto rows = RandomRows(*schema, 3000, 7);
  for (const char* codec : {"snappy", "gzip", "zstd", "lz4", "lz4_raw", "brotli", "none"}) {
    SCOPED_TRACE(codec);
    ExpectSameRows(RoundTrip(schema, rows, {{"compression", codec}}), rows);
  }
}

TEST_F(ParquetRoundTripTest, ManyRowGroupsAndPages) {
  auto schema = Ddl("id BIGINT, name STRING, flag BOOLEAN, i INT");
  auto rows = RandomRows(*schema, 5000, 11);
  ExpectSameRows(RoundTrip(schema, rows, {{"parquet.block.row.count.limit", "1000"}, {"parquet.page.row.count.limit", "64"}},
                           333),
                 rows);
  WrittenParquetFile file(path_);
  EXPECT_EQ(file.meta.row_groups.size(), 5u);
  EXPECT_EQ(file.OffsetIndexOf(4, 1).page_locations.size(), 16u);
  // Splits are row groups; reading them one by one gives the same rows.
  std::vector<Row> by_split;
  for (const FileSplit& split : format_.Split(path_, {})) {
    auto part = ReadSplit(split, schema);
    by_split.insert(by_split.end(), part.begin(), part.end());
  }
  ExpectSameRows(by_split, rows);
}

TEST_F(ParquetRoundTripTest, DictionaryFallbackMidChunk) {
  auto schema = Ddl("name STRING, low STRING");
  std::vector<Row> rows;
  for (int i = 0; i < 4000; ++i) {
    rows.push_back(Row({Value("distinct-value-" + std::to_string(i)), Value("v" + std::to_string(i % 4))}));
  }
  ExpectSameRows(RoundTrip(schema, rows, {{"parquet.dictionary.page.size", "2000"}, {"parquet.page.row.count.limit", "50"}}),
                 rows);
  WrittenParquetFile file(path_);
  const ColumnMetaData& name = file.Column(0, 0);
  ASSERT_EQ(name.encoding_stats.size(), 3u);
  EXPECT_EQ(name.encoding_stats[2].encoding, Encoding::kPlain);
  EXPECT_EQ(file.Column(0, 1).encoding_stats.size(), 2u);  // the dictionary page and RLE_DICTIONARY pages
}

TEST_F(ParquetRoundTripTest, StreamingWriterWithTinyAndEmptyBatches) {
  auto schema = Ddl("i INT, a ARRAY<STRING>");
  std::vector<Row> rows;
  ParquetFileWriter writer(Path("stream.parquet"), schema, FormatOptions{{"parquet.block.row.count.limit", "7"}});
  for (int i = 0; i < 50; ++i) {
    Row row({i % 5 == 0 ? Value() : Value(i), Value::List({Value(std::to_string(i)), Value()})});
    rows.push_back(row);
    writer.Write(*RowsToBatches(schema, {row})[0]);
    if (i % 10 == 0) writer.Write(*RecordBatch::Make(schema, {MakeArrayFromValues(DataType::Int(), {}),
                                                           MakeArrayFromValues(schema->field(1).type, {})}));
  }
  writer.Close();
  EXPECT_EQ(writer.metadata().row_groups.size(), 8u);
  ExpectSameRows(ReadFile(Path("stream.parquet"), schema), rows);
}

TEST_F(ParquetRoundTripTest, EmptyFileHasSchemaAndNoRows) {
  auto schema = Ddl("i INT, s STRUCT<x: STRING>");
  EXPECT_TRUE(RoundTrip(schema, {}).empty());
  EXPECT_EQ(format_.InferSchema({path_}, {}, ctx_)->ToString(), schema->ToString());
}

TEST_F(ParquetRoundTripTest, InferredSchemaIsTheWrittenOne) {
  auto schema = Ddl(
      "b BOOLEAN, t TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, d9 DECIMAL(9,2), d38 DECIMAL(38,6), "
      "str STRING, bin BINARY, dt DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ, a ARRAY<INT>, m MAP<STRING, ARRAY<INT>>, "
      "st STRUCT<x: INT, y: MAP<INT, STRING>>");
  RoundTrip(schema, {});
  EXPECT_EQ(format_.InferSchema({path_}, {}, ctx_)->ToString(), schema->ToString());
}

TEST_F(ParquetRoundTripTest, ProjectionReadsASubsetOfColumns) {
  auto schema = Ddl("id BIGINT, name STRING, st STRUCT<x: INT>");
  std::vector<Row> rows = {Row({Value(int64_t{1}), Value("one"), Value::List({Value(10)})}),
                           Row({Value(int64_t{2}), Value(), Value()})};
  RoundTrip(schema, rows);
  auto projected = Ddl("st STRUCT<x: INT>, name STRING");
  ExpectSameRows(ReadFile(path_, projected),
                 {Row({Value::List({Value(10)}), Value("one")}), Row({Value(), Value()})});
}

}  // namespace
}  // namespace lakestream::parquet
