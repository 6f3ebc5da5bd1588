// JSON lines reading: conversions, nesting, multiLine and parse modes.
#include "format_test_fixture.h"

namespace lakestream {
namespace {

using JsonReadTest = FormatTest;

TEST_F(JsonReadTest, ReadsObjectsByFieldName) {
  auto f = WriteText("a.json", "{\"b\":\"x\",\"a\":1}\n\n{\"a\":2}\n   \n{\"a\":null,\"c\":true}\n");
  EXPECT_ROWS(Read("json", f, Ddl("a BIGINT, b STRING")),
              {Row{int64_t{1}, "x"}, Row{int64_t{2}, Value()}, Row{Value(), Value()}});
}

TEST_F(JsonReadTest, FieldNamesAreCaseSensitive) {
  auto f = WriteText("a.json", "{\"A\":1,\"a\":2}\n");
  EXPECT_ROWS(Read("json", f, Ddl("a BIGINT")), {Row{int64_t{2}}});
}

TEST_F(JsonReadTest, NonStringValuesInStringColumnsKeepTheirJsonText) {
  auto f = WriteText("a.json", "{\"s\":{\"x\":[1,2]},\"t\":12,\"u\":true}\n");
  EXPECT_ROWS(Read("json", f, Ddl("s STRING, t STRING, u STRING")), {Row{"{\"x\":[1,2]}", "12", "true"}});
}

TEST_F(JsonReadTest, ScalarConversions) {
  auto f = WriteText("a.json",
                     "{\"i\":7,\"d\":1,\"f\":\"NaN\",\"m\":\"1.005\",\"n\":0.1,\"dt\":\"2024-01-02\","
                     "\"ts\":\"2024-01-02T03:04:05Z\",\"te\":10,\"b\":false}\n");
  auto rows = Read("json", f,
                   Ddl("i INT, d DOUBLE, f DOUBLE, m DECIMAL(5,2), n DECIMAL(3,2), dt DATE, ts TIMESTAMP, "
                       "te TIMESTAMP, b BOOLEAN"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], Value(7));
  EXPECT_EQ(rows[0][1], Value(1.0));
  EXPECT_TRUE(std::isnan(rows[0][2].as_double()));
  EXPECT_EQ(rows[0][3], Value::Decimal(101));
  EXPECT_EQ(rows[0][4], Value::Decimal(10));
  EXPECT_EQ(rows[0][5], Value(int64_t{19724}));
  EXPECT_EQ(rows[0][6], Value(int64_t{1704164645000000}));
  EXPECT_EQ(rows[0][7], Value(int64_t{10000000}));
  EXPECT_EQ(rows[0][8], Value(false));
}

TEST_F(JsonReadTest, NestedStructsArraysAndMaps) {
  auto f = WriteText("a.json", "{\"s\":{\"y\":\"b\",\"x\":1},\"a\":[1,null,3],\"m\":{\"k\":1.5}}\n{\"a\":[]}\n");
  auto schema = Ddl("s STRUCT<x: BIGINT, y: STRING>, a ARRAY<BIGINT>, m MAP<STRING, DOUBLE>");
  EXPECT_ROWS(Read("json", f, schema),
              {Row{Value::List({int64_t{1}, "b"}), Value::List({int64_t{1}, Value(), int64_t{3}}),
                   Value::Map({{Value("k"), Value(1.5)}})},
               Row{Value(), Value::List({}), Value()}});
}

TEST_F(JsonReadTest, TopLevelArraysGiveOneRowPerObject) {
  auto f = WriteText("a.json", "[{\"a\":1},{\"a\":2}]\n[]\n");
  EXPECT_ROWS(Read("json", f, Ddl("a BIGINT")), {Row{int64_t{1}}, Row{int64_t{2}}});
}

TEST_F(JsonReadTest, MultiLineReadsOneDocument) {
  auto f = WriteText("a.json", "[\n  {\"a\": 1,\n   \"b\": \"x\"},\n  {\"a\": 2}\n]\n");
  EXPECT_ROWS(Read("json", f, Ddl("a BIGINT, b STRING"), {{"multiLine", "true"}}),
              {Row{int64_t{1}, "x"}, Row{int64_t{2}, Value()}});
  auto g = WriteText("b.json", "{\n\"a\": 5\n}");
  EXPECT_ROWS(Read("json", g, Ddl("a BIGINT"), {{"multiline", "true"}}), {Row{int64_t{5}}});
}

TEST_F(JsonReadTest, LineSepAndCrLf) {
  auto f = WriteText("a.json", "{\"a\":1}|{\"a\":2}|");
  EXPECT_ROWS(Read("json", f, Ddl("a BIGINT"), {{"lineSep", "|"}}), {Row{int64_t{1}}, Row{int64_t{2}}});
  auto g = WriteText("b.json", "{\"a\":1}\r\n{\"a\":2}\r\n");
  EXPECT_ROWS(Read("json", g, Ddl("a BIGINT")), {Row{int64_t{1}}, Row{int64_t{2}}});
}

constexpr const char* kMalformed =
    "{\"a\":1,\"b\":\"x\"}\n"
    "{\"a\":\n"
    "{\"a\":\"nope\",\"b\":\"y\"}\n"
    "42\n"
    "{\"a\":3}\n";

TEST_F(JsonReadTest, PermissiveKeepsConvertedFieldsAndTheRecordText) {
  auto f = WriteText("a.json", kMalformed);
  EXPECT_ROWS(Read("json", f, Ddl("a BIGINT, b STRING, _corrupt_record STRING")),
              {Row{int64_t{1}, "x", Value()}, Row{Value(), Value(), "{\"a\":"},
               Row{Value(), "y", "{\"a\":\"nope\",\"b\":\"y\"}"}, Row{Value(), Value(), "42"},
               Row{int64_t{3}, Value(), Value()}});
  EXPECT_ROWS(Read("json", f, Ddl("a BIGINT")),
              {Row{int64_t{1}}, Row{Value()}, Row{Value()}, Row{Value()}, Row{int64_t{3}}});
}

TEST_F(JsonReadTest, DropMalformedAndFailFast) {
  auto f = WriteText("a.json", kMalformed);
  EXPECT_ROWS(Read("json", f, Ddl("a BIGINT, b STRING"), {{"mode", "DROPMALFORMED"}}),
              {Row{int64_t{1}, "x"}, Row{int64_t{3}, Value()}});
  try {
    Read("json", f, Ddl("a BIGINT, b STRING"), {{"mode", "FAILFAST"}});
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
    EXPECT_NE(e.message().find("a.json"), std::string::npos);
    EXPECT_NE(e.message().find("{\"a\":"), std::string::npos);
  }
}

TEST_F(JsonReadTest, EmptyStringIsMalformedForNumbers) {
  auto f = WriteText("a.json", "{\"a\":\"\"}\n");
  EXPECT_ROWS(Read("json", f, Ddl("a INT, _corrupt_record STRING")), {Row{Value(), "{\"a\":\"\"}"}});
}

}  // namespace
}  // namespace lakestream
