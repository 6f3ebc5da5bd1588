// JSON lines writing (Spark's JacksonGenerator output) and round trips.
#include "format_test_fixture.h"

namespace lakestream {
namespace {

using JsonWriteTest = FormatTest;

TEST_F(JsonWriteTest, WritesSparkStyleLines) {
  auto schema = Ddl("i INT, s STRING, d DOUBLE, dt DATE, ts TIMESTAMP, b BINARY, m DECIMAL(4,2)");
  auto batches = RowsToBatches(schema, {Row{1, "q\"\n\x01", 1.5, int64_t{19724}, int64_t{1704164645000000}, "hi",
                                            Value::Decimal(150)},
                                        Row{Value(), Value(), Value(), Value(), Value(), Value(), Value()}});
  std::string path = Path("out.json");
  FindFileFormat("json").Write(path, schema, batches, {}, ctx_);
  EXPECT_EQ(ReadText(path),
            "{\"i\":1,\"s\":\"q\\\"\\n\\u0001\",\"d\":1.5,\"dt\":\"2024-01-02\",\"ts\":\"2024-01-02T03:04:05.000Z\","
            "\"b\":\"aGk=\",\"m\":1.50}\n"
            "{}\n");
}

TEST_F(JsonWriteTest, IgnoreNullFieldsFalseWritesNulls) {
  auto schema = Ddl("a INT, b STRING");
  std::string path = Path("out.json");
  FindFileFormat("json").Write(path, schema, RowsToBatches(schema, {Row{Value(), "x"}}),
                               {{"ignoreNullFields", "false"}}, ctx_);
  EXPECT_EQ(ReadText(path), "{\"a\":null,\"b\":\"x\"}\n");
}

TEST_F(JsonWriteTest, NestedValuesAndTimeZones) {
  auto schema = Ddl("a ARRAY<INT>, s STRUCT<x: INT, y: STRING>, m MAP<STRING, INT>, ts TIMESTAMP");
  auto batches = RowsToBatches(
      schema, {Row{Value::List({1, Value(), 3}), Value::List({Value(), "z"}), Value::Map({{Value("k"), Value(1)}}),
                   int64_t{0}}});
  std::string path = Path("out.json");
  FindFileFormat("json").Write(path, schema, batches, {{"timeZone", "+05:30"}}, ctx_);
  EXPECT_EQ(ReadText(path),
            "{\"a\":[1,null,3],\"s\":{\"y\":\"z\"},\"m\":{\"k\":1},\"ts\":\"1970-01-01T05:30:00.000+05:30\"}\n");
}

TEST_F(JsonWriteTest, NonFiniteDoublesAreQuoted) {
  auto schema = Ddl("d DOUBLE");
  std::string path = Path("out.json");
  FindFileFormat("json").Write(path, schema, RowsToBatches(schema, {Row{HUGE_VAL}}), {}, ctx_);
  EXPECT_EQ(ReadText(path), "{\"d\":\"Infinity\"}\n");
  auto rows = Read("json", path, schema);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].as_double(), HUGE_VAL);
}

TEST_F(JsonWriteTest, RoundTripThroughInference) {
  auto schema = Ddl("a BIGINT, b STRING, c ARRAY<STRUCT<k: STRING, v: DOUBLE>>");
  std::vector<Row> rows = {
      Row{int64_t{1}, "x", Value::List({Value::List({"p", 0.5})})},
      Row{Value(), "y\u00e9\"", Value::List({})},
  };
  std::string path = Path("rt.json");
  FindFileFormat("json").Write(path, schema, RowsToBatches(schema, rows), {}, ctx_);
  auto inferred = FindFileFormat("json").InferSchema({path}, {}, ctx_);
  EXPECT_EQ(inferred->ToString(), schema->ToString());
  EXPECT_ROWS(Read("json", path, schema), rows);
}

}  // namespace
}  // namespace lakestream
