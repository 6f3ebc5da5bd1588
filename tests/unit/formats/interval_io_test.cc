// ANSI intervals in CSV and JSON files (Spark 3.3+): written as their display
// strings, read back with a user schema (display form or bare value);
// Parquet still refuses them.
#include "format_test_fixture.h"

namespace lakestream {
namespace {

using IntervalIoTest = FormatTest;

constexpr int64_t kHour = 3600LL * 1000000;

SchemaPtr IntervalSchema() {
  return Schema::ParseDdl("id INT, dt INTERVAL DAY TO SECOND, ym INTERVAL YEAR TO MONTH, h INTERVAL HOUR");
}

std::vector<Row> IntervalRows() {
  // 1 day 02:03:04.5, -14 months, 25 hours; then negatives and NULLs.
  return {Row{1, int64_t{26 * kHour + 184500000}, int64_t{-14}, int64_t{25 * kHour}},
          Row{2, int64_t{-kHour - 1}, int64_t{0}, Value()},
          Row{3, Value(), Value(), int64_t{-2 * kHour}}};
}

TEST_F(IntervalIoTest, CsvWritesDisplayStringsAndReadsThemBack) {
  auto schema = IntervalSchema();
  std::string path = Path("out.csv");
  FindFileFormat("csv").Write(path, schema, RowsToBatches(schema, IntervalRows()), {{"header", "true"}}, ctx_);
  EXPECT_EQ(ReadText(path),
            "id,dt,ym,h\n"
            "1,INTERVAL '1 02:03:04.5' DAY TO SECOND,INTERVAL '-1-2' YEAR TO MONTH,INTERVAL '25' HOUR\n"
            "2,INTERVAL '-0 01:00:00.000001' DAY TO SECOND,INTERVAL '0-0' YEAR TO MONTH,\n"
            "3,,,INTERVAL '-02' HOUR\n");
  EXPECT_ROWS(Read("csv", path, schema, {{"header", "true"}, {"mode", "FAILFAST"}}), IntervalRows());
}

TEST_F(IntervalIoTest, JsonWritesDisplayStringsAndReadsThemBack) {
  auto schema = IntervalSchema();
  std::string path = Path("out.json");
  FindFileFormat("json").Write(path, schema, RowsToBatches(schema, IntervalRows()), {}, ctx_);
  std::string text = ReadText(path);
  EXPECT_NE(text.find("\"dt\":\"INTERVAL '1 02:03:04.5' DAY TO SECOND\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"ym\":\"INTERVAL '-1-2' YEAR TO MONTH\""), std::string::npos) << text;
  EXPECT_ROWS(Read("json", path, schema, {{"mode", "FAILFAST"}}), IntervalRows());
}

TEST_F(IntervalIoTest, ReadersAcceptBareValues) {
  auto schema = Schema::ParseDdl("dt INTERVAL DAY TO MINUTE, ym INTERVAL YEAR TO MONTH");
  auto csv = WriteText("a.csv", "1 02:03,-1-2\n\"INTERVAL '3 00:00' DAY TO MINUTE\",0-11\n");
  EXPECT_ROWS(Read("csv", csv, schema, {{"mode", "FAILFAST"}}),
              {Row{int64_t{26 * kHour + 180000000}, int64_t{-14}}, Row{int64_t{72 * kHour}, int64_t{11}}});
  auto json = WriteText("a.json", "{\"dt\": \"-0 00:01\", \"ym\": \"INTERVAL '2-0' YEAR TO MONTH\"}\n");
  EXPECT_ROWS(Read("json", json, schema, {{"mode", "FAILFAST"}}), {Row{int64_t{-60000000}, int64_t{24}}});
}

TEST_F(IntervalIoTest, MalformedIntervalInCsvFollowsTheMode) {
  // A qualifier other than the column's, an out-of-range minute and a word are malformed.
  auto f = WriteText("bad.csv", "1,INTERVAL '1' DAY\n2,10:20\n3,10:75\n4,soon\n");
  auto schema = Schema::ParseDdl("id INT, hm INTERVAL HOUR TO MINUTE");
  EXPECT_ROWS(Read("csv", f, Schema::ParseDdl("id INT, hm INTERVAL HOUR TO MINUTE, _corrupt_record STRING")),
              {Row{1, Value(), "1,INTERVAL '1' DAY"}, Row{2, int64_t{10 * kHour + 1200000000}, Value()},
               Row{3, Value(), "3,10:75"}, Row{4, Value(), "4,soon"}});
  EXPECT_ROWS(Read("csv", f, schema, {{"mode", "DROPMALFORMED"}}), {Row{2, int64_t{10 * kHour + 1200000000}}});
  try {
    Read("csv", f, schema, {{"mode", "FAILFAST"}});
    FAIL() << "expected an error";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
    EXPECT_NE(e.message().find("INTERVAL '1' DAY"), std::string::npos) << e.message();
  }
}

TEST_F(IntervalIoTest, JsonNumbersAreNotIntervals) {
  auto f = WriteText("n.json", "{\"h\": 5}\n");
  EXPECT_ROWS(Read("json", f, Schema::ParseDdl("h INTERVAL HOUR, _corrupt_record STRING")),
              {Row{Value(), "{\"h\": 5}"}});
}

TEST_F(IntervalIoTest, OnlyCsvAndJsonStoreIntervals) {
  auto schema = Schema::ParseDdl("id INT, s STRUCT<iv: INTERVAL DAY>");
  EXPECT_NO_THROW(CheckWritableSchema(FindFileFormat("csv"), *IntervalSchema()));
  EXPECT_NO_THROW(CheckWritableSchema(FindFileFormat("json"), *schema));
  try {
    CheckWritableSchema(FindFileFormat("parquet"), *schema);
    FAIL() << "expected an error";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE");
    EXPECT_NE(e.message().find("Parquet datasource doesn't support the column `s`"), std::string::npos)
        << e.message();
    EXPECT_NE(e.message().find("Write CSV or JSON"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace lakestream
