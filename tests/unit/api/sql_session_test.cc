#include <gtest/gtest.h>

#include <filesystem>

#include "lakestream/lakestream.h"

namespace lakestream {
namespace {

namespace fs = std::filesystem;

class SqlSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ls_sql_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    session_ = std::make_unique<Session>(
        Session::builder().threads(2).warehouseDir((dir_ / "warehouse").string()).getOrCreate());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> out;
    for (const auto& r : session_->sql(sql).collect()) out.push_back(r.ToString());
    return out;
  }
  std::string ErrorClass(const std::string& sql) {
    try {
      session_->sql(sql).collect();
    } catch (const UserError& e) {
      return e.error_class();
    }
    return "no error";
  }

  fs::path dir_;
  std::unique_ptr<Session> session_;
};

TEST_F(SqlSessionTest, CreateInsertSelectParquetTable) {
  session_->sql("CREATE TABLE t (a INT, b STRING)");
  session_->sql("INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, NULL)");
  session_->sql("INSERT INTO t SELECT a + 10, upper(b) FROM t WHERE a < 3");
  EXPECT_EQ(Rows("SELECT a, b FROM t ORDER BY a"),
            (std::vector<std::string>{"[1,x]", "[2,y]", "[3,null]", "[11,X]", "[12,Y]"}));
  EXPECT_EQ(Rows("SELECT count(*) FROM t WHERE b IS NOT NULL"), (std::vector<std::string>{"[4]"}));
  // The data is real Parquet in the warehouse.
  bool found = false;
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "warehouse" / "t")) {
    found |= e.path().extension() == ".parquet";
  }
  EXPECT_TRUE(found);
}

TEST_F(SqlSessionTest, TablesSurviveANewSession) {
  session_->sql("CREATE DATABASE sales; CREATE TABLE sales.orders (id BIGINT, amount DOUBLE) USING csv");
  session_->sql("INSERT INTO sales.orders VALUES (1, 2.5)");
  Session again = Session::builder().threads(1).warehouseDir((dir_ / "warehouse").string()).getOrCreate();
  EXPECT_EQ(again.sql("SELECT id, amount FROM sales.orders").collect()[0].ToString(), "[1,2.5]");
  std::vector<std::string> tables;
  for (const auto& r : again.sql("SHOW TABLES IN sales").collect()) tables.push_back(r.ToString());
  EXPECT_EQ(tables, (std::vector<std::string>{"[sales,orders,false]"}));
}

TEST_F(SqlSessionTest, DeleteAndUpdateRewriteTheTable) {
  session_->sql("CREATE TABLE t (k INT, v INT); INSERT INTO t VALUES (1, 10), (2, 20), (3, NULL)");
  session_->sql("DELETE FROM t WHERE v > 15");
  session_->sql("UPDATE t SET v = v + 1 WHERE k = 1");
  EXPECT_EQ(Rows("SELECT * FROM t ORDER BY k"), (std::vector<std::string>{"[1,11]", "[3,null]"}));
}

TEST_F(SqlSessionTest, ViewsAndTempViews) {
  session_->createDataFrame({Row{1, "a"}, Row{2, "b"}}, "id INT, s STRING").createOrReplaceTempView("src");
  session_->sql("CREATE VIEW v AS SELECT id * 2 AS d FROM range(3) AS r(id)");
  EXPECT_EQ(Rows("SELECT s FROM src WHERE id = 2"), (std::vector<std::string>{"[b]"}));
  EXPECT_EQ(Rows("SELECT sum(d) FROM v"), (std::vector<std::string>{"[6]"}));
  EXPECT_EQ(ErrorClass("DROP TABLE v"), "WRONG_COMMAND_FOR_OBJECT_TYPE");
  session_->sql("DROP VIEW v");
  EXPECT_EQ(ErrorClass("SELECT * FROM v"), "TABLE_OR_VIEW_NOT_FOUND");
}

TEST_F(SqlSessionTest, SubqueriesCorrelatedAndNot) {
  session_->sql("CREATE TABLE t1 (a INT, b INT); INSERT INTO t1 VALUES (1, 5), (2, 3), (3, 9), (4, NULL)");
  EXPECT_EQ(Rows("SELECT a, (SELECT count(*) FROM t1 AS x WHERE x.b < t1.b) FROM t1 ORDER BY a"),
            (std::vector<std::string>{"[1,1]", "[2,0]", "[3,2]", "[4,0]"}));
  EXPECT_EQ(Rows("SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t1 AS x WHERE x.b > t1.b) ORDER BY a"),
            (std::vector<std::string>{"[1]", "[2]"}));
  EXPECT_EQ(Rows("SELECT a FROM t1 WHERE b > (SELECT avg(b) FROM t1) ORDER BY a"), (std::vector<std::string>{"[3]"}));
  EXPECT_EQ(Rows("SELECT a FROM t1 WHERE a IN (SELECT b - 2 FROM t1) ORDER BY a"), (std::vector<std::string>{"[1]", "[3]"}));
  EXPECT_EQ(ErrorClass("SELECT (SELECT a FROM t1)"), "SCALAR_SUBQUERY_TOO_MANY_ROWS");
}

TEST_F(SqlSessionTest, HavingOrderByOrdinalsAndSetOperations) {
  session_->sql("CREATE TEMP VIEW s AS SELECT * FROM VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, NULL) AS s(n, g)");
  EXPECT_EQ(Rows("SELECT g, sum(n) FROM s GROUP BY 1 HAVING count(*) > 1 ORDER BY 2"), (std::vector<std::string>{"[a,3]"}));
  EXPECT_EQ(Rows("SELECT n FROM s ORDER BY g DESC NULLS LAST, n"), (std::vector<std::string>{"[3]", "[1]", "[2]", "[4]"}));
  EXPECT_EQ(Rows("SELECT g FROM s INTERSECT SELECT 'a'"), (std::vector<std::string>{"[a]"}));
  EXPECT_EQ(Rows("SELECT n FROM s EXCEPT SELECT n FROM s WHERE n < 4"), (std::vector<std::string>{"[4]"}));
}

TEST_F(SqlSessionTest, RollupCubeAndGroupingSets) {
  session_->sql("CREATE TEMP VIEW s AS SELECT * FROM VALUES ('a', 'x', 1), ('a', 'y', 2), ('b', 'x', 4) AS s(g, h, n)");
  EXPECT_EQ(Rows("SELECT g, sum(n), grouping(g) FROM s GROUP BY ROLLUP(g) ORDER BY 3, 1"),
            (std::vector<std::string>{"[a,3,0]", "[b,4,0]", "[null,7,1]"}));
  EXPECT_EQ(Rows("SELECT g, h, sum(n), grouping_id() FROM s GROUP BY CUBE(g, h) ORDER BY 4, 1, 2"),
            (std::vector<std::string>{"[a,x,1,0]", "[a,y,2,0]", "[b,x,4,0]", "[a,null,3,1]", "[b,null,4,1]",
                                      "[null,x,5,2]", "[null,y,2,2]", "[null,null,7,3]"}));
  EXPECT_EQ(Rows("SELECT h, count(*) FROM s GROUP BY GROUPING SETS ((h), ()) HAVING count(*) > 1 ORDER BY 1"),
            (std::vector<std::string>{"[null,3]", "[x,2]"}));
}

TEST_F(SqlSessionTest, StructFieldsAndSubscripts) {
  EXPECT_EQ(Rows("SELECT struct(1 AS x, 'a' AS y).x, named_struct('k', 5).k, array(10, 20)[1], map('a', 1)['a'], "
                 "map('a', 1)['z']"),
            (std::vector<std::string>{"[1,5,20,1,null]"}));
  auto schema = session_->sql("SELECT struct(id, id * 2 AS twice) AS s FROM range(1)").schema();
  EXPECT_EQ(schema.ToString(), "struct<s:struct<id:bigint,twice:bigint>>");
  EXPECT_EQ(ErrorClass("SELECT (1)[0]"), "INVALID_EXTRACT_BASE_FIELD_TYPE");
}

TEST_F(SqlSessionTest, TypedLiteralsAreNamedInTheirSqlForm) {
  auto names = session_->sql("SELECT DATE '2024-01-31', X'0A1b', TIMESTAMP_NTZ '2024-01-01 10:00:00', "
                             "DATE '2024-01-31' + INTERVAL '1' MONTH, 1.5, 'text'")
                   .columns();
  EXPECT_EQ(names, (std::vector<std::string>{"DATE '2024-01-31'", "X'0A1B'", "TIMESTAMP_NTZ '2024-01-01 10:00:00'",
                                             "(DATE '2024-01-31' + INTERVAL '1' MONTH)", "1.5", "text"}));
}

TEST_F(SqlSessionTest, CastFunctions) {
  auto df = session_->sql("SELECT int('12'), date('1970-01-02'), string(1.5), boolean('true'), decimal('3.7'), "
                          "bigint(2), double(1)");
  EXPECT_EQ(df.columns()[0], "int(12)");
  EXPECT_EQ(df.schema().ToString(),
            "struct<int(12):int,date(1970-01-02):date,string(1.5):string,boolean(true):boolean,"
            "decimal(3.7):decimal(10,0),bigint(2):bigint,double(1):double>");
  EXPECT_EQ(df.collect()[0].ToString(), "[12,1,1.5,true,4,2,1.0]");  // a DATE in a Row is its day number
  EXPECT_EQ(Rows("SELECT string(date('1970-01-02'))"), (std::vector<std::string>{"[1970-01-02]"}));
  EXPECT_EQ(ErrorClass("SELECT int(1, 2)"), "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
}

TEST_F(SqlSessionTest, SyntaxErrorsCarryACaret) {
  try {
    session_->sql("SELECT * FORM t");
    FAIL() << "expected a syntax error";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "PARSE_SYNTAX_ERROR");
    EXPECT_NE(std::string(e.what()).find("^^^"), std::string::npos) << e.what();
  }
}

TEST_F(SqlSessionTest, ExprAndSelectExprShareTheParser) {
  auto df = session_->range(5).selectExpr({"id * 2 AS twice", "id % 2 = 0 AS even"}).filter("twice > 2");
  EXPECT_EQ(df.columns(), (std::vector<std::string>{"twice", "even"}));
  EXPECT_EQ(df.count(), 3);
}

}  // namespace
}  // namespace lakestream
