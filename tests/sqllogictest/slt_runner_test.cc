// The runner's own behaviour: record parsing, value rendering, hashing and the
// pass/fail decisions, on small scripts.
#include <gtest/gtest.h>

#include "sqllogictest/result_renderer.h"
#include "sqllogictest/script_runner.h"
#include "sqllogictest/slt_parser.h"

namespace lakestream::slt {
namespace {

TEST(SltParser, SplitsRecordsAndStripsCommentsAndCarriageReturns) {
  auto records = ParseScript(
      "hash-threshold 8\r\n\r\nstatement ok\r\nCREATE TABLE t(a INT)\r\n\r\n"
      "# a comment\nskipif mysql # why\nonlyif lakestream\nquery IT rowsort label-1\n"
      "SELECT 1,\n# inner\n'x'\n----\n1\nx\n\n"
      "statement error DIVIDE_BY_\nSELECT 1/0\n\nhalt\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[0].kind, Record::Kind::kHashThreshold);
  EXPECT_EQ(records[0].hash_threshold, 8);
  EXPECT_EQ(records[1].kind, Record::Kind::kStatement);
  EXPECT_EQ(records[1].sql, "CREATE TABLE t(a INT)");
  const Record& q = records[2];
  EXPECT_EQ(q.kind, Record::Kind::kQuery);
  ASSERT_EQ(q.conditions.size(), 2u);
  EXPECT_FALSE(q.conditions[0].only_if);
  EXPECT_EQ(q.conditions[0].engine, "mysql");
  EXPECT_TRUE(q.conditions[1].only_if);
  EXPECT_EQ(q.types, "IT");
  EXPECT_EQ(q.sort_mode, SortMode::kRowSort);
  EXPECT_EQ(q.label, "label-1");
  EXPECT_EQ(q.sql, "SELECT 1,\n'x'");
  EXPECT_EQ(q.expected, (std::vector<std::string>{"1", "x"}));
  EXPECT_TRUE(records[3].expect_error);
  EXPECT_EQ(records[3].error_regex, "DIVIDE_BY_");
  EXPECT_EQ(records[4].kind, Record::Kind::kHalt);
}

TEST(SltParser, DuckDbErrorFragmentIsMatchedLiterally) {
  auto records = ParseScript("statement error\nSELECT x\n----\ncannot (be) resolved\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].sql, "SELECT x");
  EXPECT_EQ(records[0].error_regex, "cannot \\(be\\) resolved");
}

TEST(SltRenderer, RendersByColumnLetter) {
  auto dbl = DataType::Double();
  EXPECT_EQ(RenderValue(Value(1.9), *dbl, 'I'), "1");
  EXPECT_EQ(RenderValue(Value(-1.9), *dbl, 'I'), "-1");
  EXPECT_EQ(RenderValue(Value(int64_t{3}), *DataType::Long(), 'R'), "3.000");
  EXPECT_EQ(RenderValue(Value::Decimal(12345), *DataType::Decimal(10, 2), 'R'), "123.450");
  EXPECT_EQ(RenderValue(Value::Decimal(-12345), *DataType::Decimal(10, 2), 'I'), "-123");
  EXPECT_EQ(RenderValue(Value(true), *DataType::Boolean(), 'I'), "1");
  EXPECT_EQ(RenderValue(Value(true), *DataType::Boolean(), 'T'), "true");
  EXPECT_EQ(RenderValue(Value(), *DataType::String(), 'T'), "NULL");
  EXPECT_EQ(RenderValue(Value(""), *DataType::String(), 'T'), "(empty)");
  EXPECT_EQ(RenderValue(Value("a\tb\xc3\xa9"), *DataType::String(), 'T'), "a@b@@");
  EXPECT_EQ(RenderValue(Value("12abc"), *DataType::String(), 'I'), "12");
}

TEST(SltRenderer, HashesValuesEachEndedByNewline) {
  // md5 of "1\n2\n"
  EXPECT_EQ(HashValues({"1", "2"}), "6ddb4095eb719e2a9f0a3f95677d24e0");
}

TEST(SltRunner, CountsPassedFailedAndSkippedRecords) {
  ScriptRunner runner(RunnerOptions{});
  ScriptResult r = runner.Run("inline",
                              "statement ok\nCREATE TABLE t(a INT) USING parquet\n\n"
                              "statement ok\nINSERT INTO t VALUES (3), (1), (2)\n\n"
                              "query I rowsort\nSELECT a FROM t\n----\n1\n2\n3\n\n"
                              "query I nosort\nSELECT 7 / 2\n----\n3\n\n"
                              "query I\nSELECT a FROM t WHERE a > 5\n----\n\n"
                              "statement error\nSELECT nope FROM t\n\n"
                              "statement error UNRESOLVED_COLUMN\nSELECT nope FROM t\n\n"
                              "query I\nSELECT 1\n----\n2\n\n"
                              "onlyif mysql\nquery I\nSELECT 1 DIV 2\n----\n0\n\n"
                              "skipif lakestream\nquery I\nSELECT 1\n----\n0\n\n"
                              "halt\n\nquery I\nSELECT 1\n----\n0\n");
  EXPECT_EQ(r.records, 11);
  EXPECT_EQ(r.passed, 7);
  EXPECT_EQ(r.failed, 1);
  EXPECT_EQ(r.skipped, 3);
}

TEST(SltRunner, HashesLargeResultsAndChecksLabels) {
  ScriptRunner runner(RunnerOptions{});
  ScriptResult r = runner.Run("inline",
                              "hash-threshold 2\n\n"
                              "query I valuesort label-a\nSELECT * FROM VALUES (2), (1), (3)\n----\n"
                              "3 values hashing to " + HashValues({"1", "2", "3"}) + "\n\n"
                              "query I rowsort label-a\nSELECT * FROM VALUES (3), (2), (1)\n----\n"
                              "3 values hashing to " + HashValues({"1", "2", "3"}) + "\n\n"
                              "query I nosort label-a\nSELECT 1\n----\n1\n\n"
                              "query II rowsort\nSELECT 1, 2\n----\n1\t2\n");
  EXPECT_EQ(r.passed, 3);
  EXPECT_EQ(r.failed, 1);  // the third query: same label, other result
}

}  // namespace
}  // namespace lakestream::slt
