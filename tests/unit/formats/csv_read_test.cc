// CSV reading: Spark's options, NULL handling and typed columns.
#include "format_test_fixture.h"

namespace lakestream {
namespace {

using CsvReadTest = FormatTest;

TEST_F(CsvReadTest, HeaderIsSkippedAndColumnsAreTyped) {
  auto f = WriteText("a.csv", "id,name,score\n1,alice,1.5\n2,bob,\n");
  EXPECT_ROWS(Read("csv", f, Ddl("id INT, name STRING, score DOUBLE"), {{"header", "true"}}),
              {Row{1, "alice", 1.5}, Row{2, "bob", Value()}});
}

TEST_F(CsvReadTest, WithoutHeaderTheFirstLineIsData) {
  auto f = WriteText("a.csv", "x,y\n1,2\n");
  EXPECT_ROWS(Read("csv", f, Ddl("_c0 STRING, _c1 STRING")), {Row{"x", "y"}, Row{"1", "2"}});
}

TEST_F(CsvReadTest, NullValueEmptyValueAndQuotedEmpty) {
  auto f = WriteText("a.csv", "a,\"\",NA\n");
  // Defaults: nullValue "" and emptyValue "" make both empty forms NULL.
  EXPECT_ROWS(Read("csv", f, Ddl("a STRING, b STRING, c STRING")), {Row{"a", Value(), "NA"}});
  EXPECT_ROWS(Read("csv", f, Ddl("a STRING, b STRING, c STRING"), {{"nullValue", "NA"}}),
              {Row{"a", "", Value()}});
  EXPECT_ROWS(Read("csv", f, Ddl("a STRING, b STRING, c STRING"), {{"nullvalue", "NA"}, {"emptyvalue", "E"}}),
              {Row{"a", "E", Value()}});
}

TEST_F(CsvReadTest, NanAndInfinityValues) {
  auto f = WriteText("a.csv", "NaN\nInf\n-Inf\nnan!\n2.5\n");
  auto rows = Read("csv", f, Ddl("d DOUBLE"), {{"nanvalue", "nan!"}});
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_TRUE(std::isnan(rows[0][0].as_double()));  // Java's own "NaN" spelling still parses
  EXPECT_EQ(rows[1][0].as_double(), HUGE_VAL);
  EXPECT_EQ(rows[2][0].as_double(), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(rows[3][0].as_double()));
  EXPECT_EQ(rows[4][0].as_double(), 2.5);
}

TEST_F(CsvReadTest, SeparatorQuoteAndEscape) {
  auto f = WriteText("a.csv", "1;'a;b';'it\\'s'\n");
  EXPECT_ROWS(Read("csv", f, Ddl("a INT, b STRING, c STRING"), {{"sep", ";"}, {"quote", "'"}}),
              {Row{1, "a;b", "it's"}});
  auto g = WriteText("b.csv", "1\t\"x\"\"y\"\n");
  EXPECT_ROWS(Read("csv", g, Ddl("a INT, b STRING"), {{"delimiter", "\t"}}), {Row{1, "x\"y"}});
  auto h = WriteText("c.csv", "1::2\n");
  EXPECT_ROWS(Read("csv", h, Ddl("a INT, b INT"), {{"sep", "::"}}), {Row{1, 2}});
}

TEST_F(CsvReadTest, CommentsLineSepAndWhiteSpace) {
  auto f = WriteText("a.csv", "#skip\n a , b \n");
  EXPECT_ROWS(Read("csv", f, Ddl("a STRING, b STRING"), {{"comment", "#"}}), {Row{" a ", " b "}});
  EXPECT_ROWS(Read("csv", f, Ddl("a STRING, b STRING"),
                   {{"comment", "#"}, {"ignoreLeadingWhiteSpace", "true"}, {"ignoreTrailingWhiteSpace", "true"}}),
              {Row{"a", "b"}});
  auto g = WriteText("b.csv", "1,2|3,4|");
  EXPECT_ROWS(Read("csv", g, Ddl("a INT, b INT"), {{"lineSep", "|"}}), {Row{1, 2}, Row{3, 4}});
  auto h = WriteText("c.csv", "1,2\r\n3,4\r\n");
  EXPECT_ROWS(Read("csv", h, Ddl("a INT, b INT")), {Row{1, 2}, Row{3, 4}});
}

TEST_F(CsvReadTest, MultiLineQuotedValues) {
  auto f = WriteText("a.csv", "id,text\n1,\"line one\nline two\"\n2,x\n");
  EXPECT_ROWS(Read("csv", f, Ddl("id INT, text STRING"), {{"header", "true"}, {"multiLine", "true"}}),
              {Row{1, "line one\nline two"}, Row{2, "x"}});
}

TEST_F(CsvReadTest, AllScalarTypes) {
  auto f = WriteText("a.csv", "true,1,2,3,4,1.5,2.25,12.345,2024-02-29,2024-01-02 03:04:05,abc\n");
  auto rows = Read("csv", f,
                   Ddl("b BOOLEAN, t TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, "
                       "m DECIMAL(10,2), dt DATE, ts TIMESTAMP, str STRING"));
  ASSERT_EQ(rows.size(), 1u);
  const Row& r = rows[0];
  EXPECT_EQ(r[0], Value(true));
  EXPECT_EQ(r[1], Value(1));
  EXPECT_EQ(r[4], Value(4));
  EXPECT_EQ(r[5], Value(1.5));
  EXPECT_EQ(r[7], Value::Decimal(1235));  // HALF_UP to the column scale
  EXPECT_EQ(r[8], Value(int64_t{19782}));
  EXPECT_EQ(r[9], Value(int64_t{1704164645000000}));
  EXPECT_EQ(r[10], Value("abc"));
}

TEST_F(CsvReadTest, DateAndTimestampFormats) {
  auto f = WriteText("a.csv", "02/01/2024,2024/01/02 03:04\n");
  auto rows = Read("csv", f, Ddl("d DATE, ts TIMESTAMP"),
                   {{"dateFormat", "dd/MM/yyyy"}, {"timestampFormat", "yyyy/MM/dd HH:mm"}});
  EXPECT_ROWS(rows, {Row{int64_t{19724}, int64_t{1704164640000000}}});
  // The session zone applies to timestamps without an offset.
  auto g = WriteText("b.csv", "2024-01-02 00:00:00\n");
  auto la = Read("csv", g, Ddl("ts TIMESTAMP"), {{"timeZone", "America/Los_Angeles"}});
  EXPECT_ROWS(la, {Row{int64_t{1704182400000000}}});
}

TEST_F(CsvReadTest, Utf8ByteOrderMarkIsSkipped) {
  auto f = WriteText("a.csv", "\xEF\xBB\xBFid\n7\n");
  EXPECT_ROWS(Read("csv", f, Ddl("id INT"), {{"header", "true"}}), {Row{7}});
}

TEST_F(CsvReadTest, OnlyUtf8Encoding) {
  auto f = WriteText("a.csv", "x\n");
  try {
    Read("csv", f, Ddl("a STRING"), {{"encoding", "UTF-16"}});
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "INVALID_OPTION_VALUE");
    EXPECT_NE(e.message().find("UTF-8"), std::string::npos);
  }
  EXPECT_ROWS(Read("csv", f, Ddl("a STRING"), {{"encoding", "utf8"}}), {Row{"x"}});
}

TEST_F(CsvReadTest, EnforceSchemaFalseChecksTheHeader) {
  auto f = WriteText("a.csv", "a,b\n1,2\n");
  EXPECT_ROWS(Read("csv", f, Ddl("A INT, b INT"), {{"header", "true"}, {"enforceSchema", "false"}}), {Row{1, 2}});
  try {
    Read("csv", f, Ddl("x INT, b INT"), {{"header", "true"}, {"enforceSchema", "false"}});
    FAIL();
  } catch (const UserError& e) {
    EXPECT_NE(e.message().find("does not conform"), std::string::npos);
  }
  // Enforced (default): the header names are ignored.
  EXPECT_ROWS(Read("csv", f, Ddl("x INT, y INT"), {{"header", "true"}}), {Row{1, 2}});
}

TEST_F(CsvReadTest, BooleanSpellingsAndBadOptions) {
  auto f = WriteText("a.csv", "TRUE\nFalse\n");
  EXPECT_ROWS(Read("csv", f, Ddl("b BOOLEAN")), {Row{true}, Row{false}});
  EXPECT_THROW(Read("csv", f, Ddl("b BOOLEAN"), {{"header", "yes"}}), UserError);
  EXPECT_THROW(Read("csv", f, Ddl("b BOOLEAN"), {{"mode", "LENIENT"}}), UserError);
  EXPECT_THROW(Read("csv", f, Ddl("b BOOLEAN"), {{"quote", "ab"}}), UserError);
}

TEST_F(CsvReadTest, ManyRowsSpanSeveralBatches) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += std::to_string(i) + ",v" + std::to_string(i) + "\n";
  auto f = WriteText("a.csv", text);
  auto rows = Read("csv", f, Ddl("i INT, s STRING"));
  ASSERT_EQ(rows.size(), 10000u);
  EXPECT_EQ(rows[9999], (Row{9999, "v9999"}));
}

TEST_F(CsvReadTest, NestedTypesAreRejected) {
  auto f = WriteText("a.csv", "1\n");
  EXPECT_THROW(Read("csv", f, Ddl("a ARRAY<INT>")), UserError);
}

}  // namespace
}  // namespace lakestream
