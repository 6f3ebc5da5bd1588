// Errors in Spark's shape: error class, SQLSTATE, "(line L, pos P)" and the
// "== SQL ==" block with a caret under the offending token.
#include <gtest/gtest.h>

#include "parse_results.h"

namespace lakestream::sql {
namespace {

std::string What(std::string_view sql) {
  try {
    ParseStatements(sql);
  } catch (const UserError& e) {
    return e.what();
  }
  return "no error";
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(ParseErrorTest, SparkShapedSyntaxError) {
  EXPECT_EQ(What("SELECT * FORM t"),
            "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'. SQLSTATE: 42601 (line 1, pos 9)\n\n"
            "== SQL ==\n"
            "SELECT * FORM t\n"
            "---------^^^");
  auto failure = StatementFailure("SELECT * FORM t");
  EXPECT_EQ(failure.error_class, "PARSE_SYNTAX_ERROR");
  EXPECT_EQ(failure.sql_state, "42601");
}

TEST(ParseErrorTest, CaretUnderTheRightLineOfAMultiLineStatement) {
  EXPECT_EQ(What("SELECT a,\n       b\nFROM t\nWHERE a >\nORDER BY a"),
            "[PARSE_SYNTAX_ERROR] Syntax error at or near 'ORDER'. SQLSTATE: 42601 (line 5, pos 0)\n\n"
            "== SQL ==\n"
            "SELECT a,\n"
            "       b\n"
            "FROM t\n"
            "WHERE a >\n"
            "ORDER BY a\n"
            "^^^");
  // b FORM reads as "b AS FORM", so t is the first token that cannot fit.
  EXPECT_EQ(What("SELECT a,\n       b\nFORM t\nWHERE a > 1"),
            "[PARSE_SYNTAX_ERROR] Syntax error at or near 't'. SQLSTATE: 42601 (line 3, pos 5)\n\n"
            "== SQL ==\n"
            "SELECT a,\n"
            "       b\n"
            "FORM t\n"
            "-----^^^\n"
            "WHERE a > 1");
  EXPECT_EQ(What("SELECT a\nFROM t WHERE (a > 1"),
            "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing ')'. SQLSTATE: 42601 (line 2, pos 19)\n\n"
            "== SQL ==\n"
            "SELECT a\n"
            "FROM t WHERE (a > 1\n"
            "-------------------^^^");
}

TEST(ParseErrorTest, ScriptErrorsShowOnlyTheFailingStatement) {
  EXPECT_EQ(What("SELECT 1;\nSELECT (2;\nSELECT 3;"),
            "[PARSE_SYNTAX_ERROR] Syntax error at or near ';': missing ')'. SQLSTATE: 42601 (line 2, pos 9)\n\n"
            "== SQL ==\n"
            "SELECT (2;\n"
            "---------^^^");
  EXPECT_EQ(What("CREATE TABLE t (a INT);\nINSERT INTO t\nVALUES (1,);"),
            "[PARSE_SYNTAX_ERROR] Syntax error at or near ')'. SQLSTATE: 42601 (line 3, pos 10)\n\n"
            "== SQL ==\n"
            "INSERT INTO t\n"
            "VALUES (1,);\n"
            "----------^^^");
}

TEST(ParseErrorTest, MissingKeywordsAreNamed) {
  EXPECT_EQ(StatementFailure("SELECT CASE WHEN a THEN 1").message.substr(0, 54),
            "Syntax error at or near end of input: missing 'END'. S");
  EXPECT_EQ(StatementFailure("SELECT CAST(a INT)").message.substr(0, 45), "Syntax error at or near 'INT': missing 'AS'. ");
  EXPECT_EQ(StatementFailure("SELECT * FROM a NATURAL b").message.substr(0, 46),
            "Syntax error at or near 'b': missing 'JOIN'. S");
}

TEST(ParseErrorTest, ReservedWordsNeedQuotesAsNames) {
  EXPECT_EQ(StatementFailure("SELECT select FROM t").error_class, "PARSE_SYNTAX_ERROR");
  EXPECT_EQ(StatementFailure("SELECT a FROM where").error_class, "PARSE_SYNTAX_ERROR");
  EXPECT_EQ(StatementFailure("SELECT `select` FROM `where`").error_class, "no error");
  EXPECT_EQ(StatementFailure("SELECT offset, limit, timestamp, date, user FROM t").error_class, "no error")
      << "keywords Spark does not reserve stay usable as names";
}

TEST(ParseErrorTest, UnsupportedFeaturesPointAtTheSyntax) {
  auto failure = StatementFailure("SELECT a\nFROM t\nTABLESAMPLE (10 PERCENT)");
  EXPECT_EQ(failure.error_class, "UNSUPPORTED_FEATURE.SQL_SYNTAX");
  EXPECT_EQ(failure.sql_state, "0A000");
  EXPECT_EQ(failure.message,
            "The feature is not supported: TABLESAMPLE. SQLSTATE: 0A000 (line 3, pos 0)\n\n"
            "== SQL ==\n"
            "SELECT a\n"
            "FROM t\n"
            "TABLESAMPLE (10 PERCENT)\n"
            "^^^");
  for (const char* sql : {"SELECT * EXCEPT (a) FROM t", "SELECT a FROM t SORT BY a", "SELECT a FROM t CLUSTER BY a",
                          "SELECT a FROM t DISTRIBUTE BY a", "WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r",
                          "FROM t SELECT a", "SELECT a FROM t UNION BY NAME SELECT a FROM u"}) {
    EXPECT_EQ(StatementFailure(sql).error_class, "UNSUPPORTED_FEATURE.SQL_SYNTAX") << sql;
  }
}

TEST(ParseErrorTest, DeepNestingIsAClearErrorNotACrash) {
  for (const std::string& sql : {"SELECT " + Repeat("(", 10000) + "1" + Repeat(")", 10000),
                                 "SELECT " + Repeat("(", 10000),
                                 "SELECT * FROM " + Repeat("(", 10000) + "t" + Repeat(")", 10000),
                                 Repeat("(", 10000) + "SELECT 1" + Repeat(")", 10000),
                                 "SELECT " + Repeat("f(", 5000) + "1" + Repeat(")", 5000),
                                 "SELECT " + Repeat("a[", 5000) + "1" + Repeat("]", 5000),
                                 "SELECT " + Repeat("(SELECT ", 5000) + "1" + Repeat(")", 5000),
                                 "SELECT " + Repeat("CASE WHEN a THEN ", 5000) + "1" + Repeat(" END", 5000),
                                 "SELECT 1 FROM t WHERE " + Repeat("a IN (SELECT b FROM u WHERE ", 3000) + "true" +
                                     Repeat(")", 3000)}) {
    auto failure = StatementFailure(sql);
    EXPECT_EQ(failure.error_class, "FAILED_TO_PARSE_TOO_COMPLEX") << sql.substr(0, 40);
    EXPECT_EQ(failure.sql_state, "54001");
  }
  auto failure = StatementFailure("SELECT " + Repeat("(", 300) + "1" + Repeat(")", 300));
  EXPECT_EQ(failure.message.substr(0, 60), "The statement, including potential SQL functions and referen");
  EXPECT_NE(failure.message.find("(more than 200 nested levels)"), std::string::npos);
  EXPECT_EQ(StatementFailure("SELECT " + Repeat("(", 150) + "1" + Repeat(")", 150)).error_class, "no error");
}

TEST(ParseErrorTest, VeryLongChainsAreCapped) {
  for (const std::string& sql : {"SELECT " + Repeat("NOT ", 20000) + "a", "SELECT " + Repeat("- ", 20000) + "a",
                                 "SELECT 1" + Repeat(" + 1", 20000), "SELECT a FROM t WHERE a" + Repeat(" AND a", 20000),
                                 "SELECT 1" + Repeat(" UNION ALL SELECT 1", 20000),
                                 "SELECT * FROM t" + Repeat(" JOIN t", 20000)}) {
    EXPECT_EQ(StatementFailure(sql).error_class, "FAILED_TO_PARSE_TOO_COMPLEX") << sql.substr(0, 40);
  }
  EXPECT_EQ(StatementFailure("SELECT 1" + Repeat(" + 1", 1500)).error_class, "no error");
  EXPECT_NE(StatementFailure("SELECT 1" + Repeat(" + 1", 2500)).message.find("(more than 2000 operands in one chain)"),
            std::string::npos);
  EXPECT_EQ(StatementFailure("SELECT a FROM t WHERE a IN (" + Repeat("1, ", 50000) + "1)").error_class, "no error")
      << "long flat lists are fine";
}

}  // namespace
}  // namespace lakestream::sql
