#include <gtest/gtest.h>

#include "parse_results.h"

namespace lakestream::sql {
namespace {

template <typename T>
T Parsed(std::string_view sql) {
  StatementPtr s = ParseStatement(sql);
  const T* body = s->As<T>();
  if (!body) throw std::runtime_error("statement is another kind: " + std::string(sql));
  return *body;
}

using Names = std::vector<std::string>;

TEST(StatementParserTest, ScriptsSplitOnSemicolonsAndKeepTheirText) {
  auto statements = ParseStatements(";; SELECT 1;\n\n-- comment only\n;\nSELECT 'a;b' AS x ;  ");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0]->text, "SELECT 1");
  EXPECT_EQ(statements[0]->line, 1);
  EXPECT_EQ(statements[1]->text, "SELECT 'a;b' AS x");
  EXPECT_EQ(statements[1]->line, 5);
  ASSERT_NE(statements[1]->As<QueryStatement>(), nullptr);
  EXPECT_TRUE(ParseStatements("  -- nothing\n").empty());
  EXPECT_EQ(FailureOf([] { ParseStatement(" ; "); }).error_class, "PARSE_EMPTY_STATEMENT");
  auto two = FailureOf([] { ParseStatement("SELECT 1; SELECT 2"); });
  EXPECT_EQ(two.error_class, "PARSE_SYNTAX_ERROR");
  EXPECT_EQ(two.message.substr(0, 37), "Syntax error at or near 'SELECT'. SQL");
  EXPECT_EQ(ParseStatement("SELECT 1;;")->text, "SELECT 1");
}

TEST(StatementParserTest, Databases) {
  auto create = Parsed<CreateDatabaseStatement>(
      "CREATE SCHEMA IF NOT EXISTS sales COMMENT 'team' LOCATION '/w/sales' WITH DBPROPERTIES ('owner' = 'ana')");
  EXPECT_EQ(create.name, Names{"sales"});
  EXPECT_TRUE(create.if_not_exists);
  EXPECT_EQ(create.comment, "team");
  EXPECT_EQ(create.location, "/w/sales");
  EXPECT_EQ(create.properties.at("owner"), "ana");
  EXPECT_FALSE(Parsed<CreateDatabaseStatement>("CREATE DATABASE d").if_not_exists);
  auto drop = Parsed<DropDatabaseStatement>("DROP DATABASE IF EXISTS sales CASCADE");
  EXPECT_TRUE(drop.if_exists);
  EXPECT_TRUE(drop.cascade);
  EXPECT_FALSE(Parsed<DropDatabaseStatement>("DROP SCHEMA s RESTRICT").cascade);
  EXPECT_EQ(Parsed<UseStatement>("USE sales").name, Names{"sales"});
  EXPECT_EQ(Parsed<UseStatement>("USE DATABASE main.sales").name, (Names{"main", "sales"}));
}

TEST(StatementParserTest, CreateTableWithColumnsAndClauses) {
  auto t = Parsed<CreateTableStatement>(
      "CREATE TABLE IF NOT EXISTS db.events (\n"
      "  id BIGINT NOT NULL COMMENT 'key',\n"
      "  tags ARRAY<STRING>,\n"
      "  amount DECIMAL(10, 2) DEFAULT 0,\n"
      "  `day` DATE\n"
      ") USING delta PARTITIONED BY (day) LOCATION '/w/events' COMMENT 'all events'\n"
      "TBLPROPERTIES ('delta.appendOnly' = 'true', delta.minReaderVersion = 2) OPTIONS (mergeSchema true)");
  EXPECT_EQ(t.name, (Names{"db", "events"}));
  EXPECT_TRUE(t.if_not_exists);
  EXPECT_FALSE(t.or_replace);
  ASSERT_EQ(t.columns.size(), 4u);
  EXPECT_EQ(t.columns[0].name, "id");
  EXPECT_EQ(t.columns[0].type->ToString(), "bigint");
  EXPECT_FALSE(t.columns[0].nullable);
  EXPECT_EQ(t.columns[0].comment, "key");
  EXPECT_EQ(t.columns[1].type->ToString(), "array<string>");
  EXPECT_TRUE(t.columns[1].nullable);
  EXPECT_EQ(t.columns[2].type->ToString(), "decimal(10,2)");
  ASSERT_NE(t.columns[2].default_value, nullptr);
  EXPECT_EQ(t.columns[2].default_value->ToString(), "0");
  EXPECT_EQ(t.columns[3].name, "day");
  EXPECT_EQ(t.format, "delta");
  EXPECT_EQ(t.partition_columns, Names{"day"});
  EXPECT_EQ(t.location, "/w/events");
  EXPECT_EQ(t.comment, "all events");
  EXPECT_EQ(t.properties.at("delta.appendOnly"), "true");
  EXPECT_EQ(t.properties.at("delta.minReaderVersion"), "2");
  EXPECT_EQ(t.options.at("mergeSchema"), "true");
  EXPECT_EQ(t.query, nullptr);
}

TEST(StatementParserTest, CreateTableVariants) {
  auto ctas = Parsed<CreateTableStatement>("CREATE OR REPLACE TABLE t USING parquet AS SELECT a FROM s");
  EXPECT_TRUE(ctas.or_replace);
  EXPECT_EQ(ctas.format, "parquet");
  ASSERT_NE(ctas.query, nullptr);
  EXPECT_EQ(ctas.query->TreeString(), "Project [a]\n+- 'UnresolvedRelation [s]\n");
  EXPECT_NE(Parsed<CreateTableStatement>("CREATE TABLE t AS (SELECT 1)").query, nullptr);
  auto hive = Parsed<CreateTableStatement>("CREATE EXTERNAL TABLE t (a INT) PARTITIONED BY (p STRING) STORED AS parquet");
  EXPECT_TRUE(hive.external);
  EXPECT_EQ(hive.format, "parquet");
  ASSERT_EQ(hive.columns.size(), 2u);
  EXPECT_EQ(hive.columns[1].name, "p");
  EXPECT_EQ(hive.partition_columns, Names{"p"});
  // Scripts written for SQLite: informational primary keys, TEXT and VARCHAR types.
  auto sqlite = Parsed<CreateTableStatement>(
      "CREATE TABLE t1(a INTEGER PRIMARY KEY, b VARCHAR(30), c TEXT, d REAL, PRIMARY KEY (b))");
  EXPECT_EQ(sqlite.primary_key, (Names{"a", "b"}));
  EXPECT_FALSE(sqlite.columns[0].nullable);
  EXPECT_FALSE(sqlite.columns[1].nullable);
  EXPECT_EQ(sqlite.columns[2].type->ToString(), "string");
  EXPECT_EQ(sqlite.columns[3].type->ToString(), "float");
  auto bad = FailureOf([] { ParseStatement("CREATE TABLE t (a BLOB)"); });
  EXPECT_EQ(bad.error_class, "UNSUPPORTED_DATATYPE");
  EXPECT_EQ(FailureOf([] { ParseStatement("CREATE TABLE t (a INT GENERATED ALWAYS AS (1))"); }).error_class,
            "UNSUPPORTED_FEATURE.SQL_SYNTAX");
  EXPECT_EQ(FailureOf([] { ParseStatement("CREATE TABLE t LIKE s"); }).error_class, "UNSUPPORTED_FEATURE.SQL_STATEMENT");
}

TEST(StatementParserTest, Views) {
  const char* sql = "CREATE OR REPLACE TEMP VIEW v (x COMMENT 'the x', y) COMMENT 'view' AS\n  SELECT a, b FROM t WHERE a > 0";
  auto v = Parsed<CreateViewStatement>(sql);
  EXPECT_EQ(v.name, Names{"v"});
  EXPECT_TRUE(v.or_replace);
  EXPECT_TRUE(v.temporary);
  EXPECT_FALSE(v.global);
  EXPECT_EQ(v.column_names, (Names{"x", "y"}));
  EXPECT_EQ(v.column_comments[0], "the x");
  EXPECT_FALSE(v.column_comments[1].has_value());
  EXPECT_EQ(v.comment, "view");
  EXPECT_EQ(v.query_text, "SELECT a, b FROM t WHERE a > 0");
  EXPECT_EQ(v.query->TreeString(), ParseQuery(v.query_text)->TreeString());
  auto global = Parsed<CreateViewStatement>("CREATE GLOBAL TEMPORARY VIEW IF NOT EXISTS g AS VALUES 1");
  EXPECT_TRUE(global.global);
  EXPECT_TRUE(global.if_not_exists);
  EXPECT_EQ(global.query_text, "VALUES 1");
  auto drop = Parsed<DropViewStatement>("DROP VIEW IF EXISTS v");
  EXPECT_TRUE(drop.if_exists);
  EXPECT_EQ(drop.name, Names{"v"});
}

TEST(StatementParserTest, DropTable) {
  auto d = Parsed<DropTableStatement>("DROP TABLE IF EXISTS db.t PURGE");
  EXPECT_EQ(d.name, (Names{"db", "t"}));
  EXPECT_TRUE(d.if_exists);
  EXPECT_TRUE(d.purge);
  EXPECT_FALSE(Parsed<DropTableStatement>("DROP TABLE t").if_exists);
}

TEST(StatementParserTest, InsertInto) {
  auto values = Parsed<InsertStatement>("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
  EXPECT_EQ(values.table, Names{"t"});
  EXPECT_FALSE(values.overwrite);
  EXPECT_EQ(values.query->TreeString(),
            MakeValues({{IntLit(1), StrLit("a")}, {IntLit(2), StrLit("b")}})->TreeString());
  auto columns = Parsed<InsertStatement>("INSERT INTO TABLE db.t (b, a) SELECT x, y FROM s");
  EXPECT_EQ(columns.table, (Names{"db", "t"}));
  EXPECT_EQ(columns.columns, (Names{"b", "a"}));
  EXPECT_EQ(columns.query->TreeString(), "Project [x, y]\n+- 'UnresolvedRelation [s]\n");
  auto overwrite = Parsed<InsertStatement>("INSERT OVERWRITE t PARTITION (dt = '2024-01-01', hour) SELECT * FROM s");
  EXPECT_TRUE(overwrite.overwrite);
  ASSERT_EQ(overwrite.partition.size(), 2u);
  EXPECT_EQ(overwrite.partition[0].first, "dt");
  EXPECT_EQ(overwrite.partition[0].second->ToString(), "2024-01-01");
  EXPECT_EQ(overwrite.partition[1].second, nullptr);
  auto before = Parsed<InsertStatement>("INSERT INTO t (a) PARTITION (p = 1) VALUES (2)");
  EXPECT_EQ(before.columns, Names{"a"});
  EXPECT_EQ(before.partition.size(), 1u);
  EXPECT_TRUE(Parsed<InsertStatement>("INSERT INTO t BY NAME SELECT 1 AS a").by_name);
  EXPECT_TRUE(Parsed<InsertStatement>("INSERT INTO t (SELECT 1)").columns.empty());
  auto with = Parsed<InsertStatement>("WITH s AS (SELECT 1 AS a) INSERT INTO t SELECT a FROM s");
  EXPECT_EQ(with.query->TreeString(), ParseQuery("WITH s AS (SELECT 1 AS a) SELECT a FROM s")->TreeString());
}

TEST(StatementParserTest, DeleteAndUpdate) {
  auto del = Parsed<DeleteStatement>("DELETE FROM db.t AS x WHERE x.id = 3");
  EXPECT_EQ(del.table, (Names{"db", "t"}));
  EXPECT_EQ(del.alias, "x");
  EXPECT_EQ(del.condition->ToString(), "(id = 3)");
  auto all = Parsed<DeleteStatement>("DELETE FROM t");
  EXPECT_FALSE(all.alias.has_value());
  EXPECT_EQ(all.condition, nullptr);
  auto upd = Parsed<UpdateStatement>("UPDATE t u SET a = a + 1, u.s.f = 'x' WHERE id IN (1, 2)");
  EXPECT_EQ(upd.alias, "u");
  ASSERT_EQ(upd.assignments.size(), 2u);
  EXPECT_EQ(upd.assignments[0].first, Names{"a"});
  EXPECT_EQ(upd.assignments[0].second->ToString(), "(a + 1)");
  EXPECT_EQ(upd.assignments[1].first, (Names{"u", "s", "f"}));
  EXPECT_EQ(upd.condition->ToString(), "(id IN (1, 2))");
  EXPECT_EQ(Parsed<UpdateStatement>("UPDATE t SET a = 1").condition, nullptr);
}

TEST(StatementParserTest, ShowStatements) {
  EXPECT_FALSE(Parsed<ShowDatabasesStatement>("SHOW DATABASES").pattern.has_value());
  EXPECT_EQ(Parsed<ShowDatabasesStatement>("SHOW SCHEMAS LIKE 'sa*'").pattern, "sa*");
  EXPECT_EQ(Parsed<ShowDatabasesStatement>("SHOW NAMESPACES 'sa*'").pattern, "sa*");
  auto tables = Parsed<ShowTablesStatement>("SHOW TABLES IN sales LIKE 'ev*'");
  EXPECT_EQ(tables.database, Names{"sales"});
  EXPECT_EQ(tables.pattern, "ev*");
  EXPECT_TRUE(Parsed<ShowTablesStatement>("SHOW TABLES").database.empty());
  auto columns = Parsed<ShowColumnsStatement>("SHOW COLUMNS FROM t IN sales");
  EXPECT_EQ(columns.table, Names{"t"});
  EXPECT_EQ(columns.database, Names{"sales"});
  EXPECT_EQ(Parsed<ShowFunctionsStatement>("SHOW FUNCTIONS").scope, "all");
  auto functions = Parsed<ShowFunctionsStatement>("SHOW SYSTEM FUNCTIONS LIKE 'date*'");
  EXPECT_EQ(functions.scope, "system");
  EXPECT_EQ(functions.pattern, "date*");
  EXPECT_EQ(Parsed<ShowFunctionsStatement>("SHOW FUNCTIONS concat").pattern, "concat");
  EXPECT_EQ(FailureOf([] { ParseStatement("SHOW CREATE TABLE t"); }).error_class, "UNSUPPORTED_FEATURE.SQL_STATEMENT");
}

TEST(StatementParserTest, DescribeStatements) {
  auto table = Parsed<DescribeTableStatement>("DESCRIBE TABLE EXTENDED db.t");
  EXPECT_EQ(table.table, (Names{"db", "t"}));
  EXPECT_TRUE(table.extended);
  EXPECT_FALSE(Parsed<DescribeTableStatement>("DESC t").extended);
  EXPECT_TRUE(Parsed<DescribeTableStatement>("DESC FORMATTED t").extended);
  EXPECT_EQ(Parsed<DescribeTableStatement>("DESCRIBE t amount").column, Names{"amount"});
  auto fn = Parsed<DescribeFunctionStatement>("DESCRIBE FUNCTION EXTENDED upper");
  EXPECT_EQ(fn.name, "upper");
  EXPECT_TRUE(fn.extended);
  EXPECT_EQ(Parsed<DescribeFunctionStatement>("DESC FUNCTION 'date_add'").name, "date_add");
  EXPECT_EQ(Parsed<DescribeDatabaseStatement>("DESCRIBE DATABASE EXTENDED sales").name, Names{"sales"});
  EXPECT_EQ(Parsed<DescribeQueryStatement>("DESCRIBE QUERY SELECT 1").query->TreeString(), PlanOf("SELECT 1"));
  EXPECT_NE(Parsed<DescribeQueryStatement>("DESC SELECT a FROM t").query, nullptr);
  EXPECT_EQ(FailureOf([] { ParseStatement("DESCRIBE HISTORY t"); }).error_class, "UNSUPPORTED_FEATURE.SQL_STATEMENT");
}

TEST(StatementParserTest, SetAndResetKeepRawText) {
  auto list = Parsed<SetStatement>("SET");
  EXPECT_FALSE(list.key.has_value());
  EXPECT_EQ(Parsed<SetStatement>("SET -v").key, "-v");
  auto get = Parsed<SetStatement>("SET spark.sql.shuffle.partitions");
  EXPECT_EQ(get.key, "spark.sql.shuffle.partitions");
  EXPECT_FALSE(get.value.has_value());
  auto set = Parsed<SetStatement>("SET spark.sql.session.timeZone = America/New_York");
  EXPECT_EQ(set.key, "spark.sql.session.timeZone");
  EXPECT_EQ(set.value, "America/New_York");
  EXPECT_EQ(Parsed<SetStatement>("SET a.b=c d = e").value, "c d = e");
  EXPECT_EQ(Parsed<SetStatement>("SET `my key` = 'quoted'").key, "my key");
  EXPECT_EQ(Parsed<SetStatement>("SET `my key` = 'quoted'").value, "'quoted'");
  EXPECT_EQ(Parsed<SetStatement>("SET k =").value, "");
  auto script = ParseStatements("SET a.b = 1; SELECT 2");
  ASSERT_EQ(script.size(), 2u);
  EXPECT_EQ(script[0]->As<SetStatement>()->value, "1");
  auto tz = Parsed<SetStatement>("SET TIME ZONE 'UTC'");
  EXPECT_EQ(tz.key, "spark.sql.session.timeZone");
  EXPECT_EQ(tz.value, "UTC");
  EXPECT_EQ(Parsed<SetStatement>("SET TIME ZONE LOCAL").value, "LOCAL");
  EXPECT_FALSE(Parsed<ResetStatement>("RESET").key.has_value());
  EXPECT_EQ(Parsed<ResetStatement>("RESET spark.sql.ansi.enabled").key, "spark.sql.ansi.enabled");
}

TEST(StatementParserTest, Explain) {
  auto plain = Parsed<ExplainStatement>("EXPLAIN SELECT 1");
  EXPECT_EQ(plain.mode, "simple");
  ASSERT_NE(plain.statement->As<QueryStatement>(), nullptr);
  EXPECT_EQ(plain.statement->text, "SELECT 1");
  auto extended = Parsed<ExplainStatement>("EXPLAIN EXTENDED INSERT INTO t SELECT 1");
  EXPECT_EQ(extended.mode, "extended");
  EXPECT_NE(extended.statement->As<InsertStatement>(), nullptr);
  EXPECT_EQ(Parsed<ExplainStatement>("EXPLAIN FORMATTED SELECT 1").mode, "formatted");
  EXPECT_EQ(Parsed<ExplainStatement>("EXPLAIN CODEGEN SELECT 1").mode, "codegen");
  EXPECT_EQ(Parsed<ExplainStatement>("EXPLAIN COST SELECT 1").mode, "cost");
}

TEST(StatementParserTest, IndexesParseForScriptsFromOtherDatabases) {
  auto create = Parsed<CreateIndexStatement>("CREATE UNIQUE INDEX IF NOT EXISTS t1i0 ON t1 (a1 DESC, b1)");
  EXPECT_EQ(create.name, "t1i0");
  EXPECT_EQ(create.table, Names{"t1"});
  EXPECT_EQ(create.columns, (Names{"a1", "b1"}));
  EXPECT_TRUE(create.unique);
  EXPECT_TRUE(create.if_not_exists);
  EXPECT_FALSE(Parsed<CreateIndexStatement>("CREATE INDEX i ON t (a)").unique);
  auto drop = Parsed<DropIndexStatement>("DROP INDEX IF EXISTS i ON t");
  EXPECT_EQ(drop.name, "i");
  EXPECT_TRUE(drop.if_exists);
  EXPECT_EQ(drop.table, Names{"t"});
}

TEST(StatementParserTest, UnsupportedStatementsNameThemselves) {
  for (const char* sql : {"ALTER TABLE t ADD COLUMN c INT", "MERGE INTO t USING s ON t.k = s.k WHEN MATCHED THEN DELETE",
                          "CACHE TABLE t", "UNCACHE TABLE t", "TRUNCATE TABLE t", "OPTIMIZE t", "VACUUM t",
                          "REFRESH TABLE t", "CREATE FUNCTION f AS 'x'", "DROP FUNCTION f", "USE CATALOG main",
                          "SET VAR x = 1"}) {
    EXPECT_EQ(StatementFailure(sql).error_class, "UNSUPPORTED_FEATURE.SQL_STATEMENT") << sql;
  }
  auto alter = StatementFailure("ALTER TABLE t ADD COLUMN c INT");
  EXPECT_EQ(alter.sql_state, "0A000");
  EXPECT_EQ(alter.message,
            "The feature is not supported: the statement ALTER. SQLSTATE: 0A000 (line 1, pos 0)\n\n== SQL ==\n"
            "ALTER TABLE t ADD COLUMN c INT\n^^^");
  EXPECT_EQ(StatementFailure("SELEC 1").error_class, "PARSE_SYNTAX_ERROR");
}

}  // namespace
}  // namespace lakestream::sql
