// Bad input never crashes the parser: every truncation and many random
// mutations of valid statements either parse or throw UserError.
#include <gtest/gtest.h>

#include <random>

#include "parse_results.h"

namespace lakestream::sql {
namespace {

const char* const kStatements[] = {
    "SELECT a, b + 1 AS c FROM t WHERE a > 1 AND b IS NOT NULL",
    "SELECT DISTINCT k, count(*) AS n FROM db.t GROUP BY k HAVING count(*) > 1 ORDER BY n DESC NULLS FIRST LIMIT 10",
    "SELECT * FROM a LEFT JOIN b USING (k) NATURAL JOIN c CROSS JOIN d ANTI JOIN e ON a.x = e.x, f",
    "WITH x AS (SELECT 1 AS a), y(b) AS (SELECT a FROM x) SELECT * FROM y JOIN x ON x.a = y.b",
    "SELECT x FROM t LATERAL VIEW OUTER explode(arr) e AS x WHERE x > 0",
    "SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(x, y)",
    "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4 MINUS SELECT 5",
    "SELECT a, sum(b) FROM t GROUP BY ROLLUP(a, c), CUBE(d), GROUPING SETS ((a), ())",
    "SELECT a, rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b) QUALIFY rank() OVER w = 1",
    "SELECT sum(x) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING) FROM t",
    "SELECT CASE WHEN a THEN 'x' WHEN b THEN \"y\" ELSE NULL END, CASE c WHEN 1 THEN 2 END FROM t",
    "SELECT CAST(a AS DECIMAL(10, 2)), TRY_CAST(b AS ARRAY<MAP<STRING, STRUCT<x: INT>>>), c::BIGINT FROM t",
    "SELECT -5, 2147483648, 1.50, 1e3, 10L, 10S, 10Y, 1.5D, 2F, 3BD, X'0AFF', DATE '2024-01-02', TIMESTAMP_NTZ '2024-01-02'",
    "SELECT a.b.c[0].d, m['k'], f(x).y, t.* FROM t",
    "SELECT d + INTERVAL 3 DAYS, d - INTERVAL '1' MONTH FROM t WHERE d > current_date - INTERVAL 7 DAYS",
    "SELECT count(DISTINCT a), sum(b) FILTER (WHERE b > 0), first(c) IGNORE NULLS, read(x => 1) FROM t",
    "SELECT x FROM t WHERE y IN (SELECT y FROM u) AND EXISTS (SELECT 1 FROM v WHERE v.k = t.k) AND z = (SELECT 1)",
    "SELECT s LIKE 'a%' ESCAPE '!', s NOT ILIKE ANY ('a', 'b'), s RLIKE '^x', a BETWEEN 1 AND 2 FROM t",
    "SELECT a IS TRUE, b IS NOT DISTINCT FROM c, a <=> b, a <> b, a != b, a == b, ~a & b | c ^ d, a << 2, a DIV 2",
    "SELECT EXTRACT(YEAR FROM d), SUBSTRING(s FROM 2 FOR 3), TRIM(BOTH 'x' FROM s), POSITION('a' IN s) FROM t",
    "SELECT * FROM range(1, 10, 2) r JOIN read_files('/p', format => 'csv') f ON r.id = f.id",
    "SELECT * FROM parquet.`/data/x` AS p LIMIT ALL OFFSET 3",
    "CREATE TABLE IF NOT EXISTS db.t (id BIGINT NOT NULL COMMENT 'k', tags ARRAY<STRING>, v DECIMAL(10,2) DEFAULT 0) "
    "USING delta PARTITIONED BY (id) LOCATION '/w' TBLPROPERTIES ('a' = 'b') OPTIONS (x 1)",
    "CREATE OR REPLACE TABLE t USING parquet AS SELECT a FROM s",
    "CREATE OR REPLACE TEMP VIEW v (x COMMENT 'c', y) AS SELECT a, b FROM t",
    "CREATE DATABASE IF NOT EXISTS d COMMENT 'c' LOCATION '/l' WITH DBPROPERTIES ('k' = 'v')",
    "DROP DATABASE IF EXISTS d CASCADE",
    "DROP TABLE IF EXISTS db.t PURGE",
    "DROP VIEW v",
    "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
    "INSERT OVERWRITE TABLE t PARTITION (dt = '2024', h) (a, b) SELECT * FROM s",
    "WITH s AS (SELECT 1) INSERT INTO t SELECT * FROM s",
    "DELETE FROM t AS x WHERE x.id = 3",
    "UPDATE t SET a = a + 1, b = 'x' WHERE id IN (1, 2)",
    "SHOW TABLES IN db LIKE 'a*'",
    "SHOW COLUMNS FROM t IN db",
    "SHOW USER FUNCTIONS LIKE 'f*'",
    "SHOW DATABASES",
    "DESCRIBE TABLE EXTENDED db.t",
    "DESCRIBE FUNCTION EXTENDED upper",
    "DESCRIBE QUERY SELECT 1",
    "SET spark.sql.shuffle.partitions = 4",
    "SET TIME ZONE 'UTC'",
    "RESET spark.sql.ansi.enabled",
    "EXPLAIN EXTENDED SELECT * FROM t",
    "CREATE UNIQUE INDEX IF NOT EXISTS i ON t (a DESC, b)",
    "DROP INDEX IF EXISTS i ON t",
    "USE DATABASE db",
    "SELECT `select`, 'it\\'s', r'raw\\n', \"dq\" FROM `from` -- comment\n /* block /* nested */ */",
    "SELECT 1; SELECT 2;; SELECT 3",
};

// Fragments that make near-miss SQL when spliced in.
const char* const kFragments[] = {"(", ")", ",", ".", ";", "'", "\"", "`", "*", "-", "--", "/*", "*/", "::", "[", "]",
                                  "=>", "->", "SELECT", "FROM", "WHERE", "JOIN", "ON", "AS", "OVER", "INTERVAL", "CASE",
                                  "END", "NOT", "IN", "BETWEEN", "AND", "WITH", "VALUES", "1e999", "1.", "X'",
                                  "2147483648Y", "LATERAL VIEW", "GROUP BY", "ORDER BY", "LIMIT", "?", "$", "\\", "\n"};

// The one outcome that is not allowed is anything but success or UserError.
void ParseOrUserError(const std::string& sql) {
  try {
    ParseStatements(sql);
  } catch (const UserError&) {
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a UserError: " << e.what() << "\nfor: " << sql;
  }
}

TEST(ParserRobustnessTest, TheCorpusParses) {
  for (const char* sql : kStatements) EXPECT_NO_THROW(ParseStatements(sql)) << sql;
}

TEST(ParserRobustnessTest, EveryTruncationParsesOrThrowsUserError) {
  for (const char* sql : kStatements) {
    std::string s(sql);
    for (size_t n = 0; n < s.size(); ++n) ParseOrUserError(s.substr(0, n));
  }
}

TEST(ParserRobustnessTest, RandomMutationsParseOrThrowUserError) {
  std::mt19937 rng(20240611);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  size_t cases = 0;
  for (const char* sql : kStatements) {
    const std::string original(sql);
    for (int i = 0; i < 150; ++i) {
      std::string s = original;
      int edits = 1 + static_cast<int>(pick(3));
      for (int e = 0; e < edits; ++e) {
        size_t at = pick(s.size() + 1);
        switch (pick(4)) {
          case 0: s.insert(at, std::string(" ") + kFragments[pick(std::size(kFragments))] + " "); break;
          case 1: if (at < s.size()) s.erase(at, 1 + pick(6)); break;
          case 2: if (at < s.size()) s[at] = static_cast<char>(pick(256)); break;
          default: s.insert(at, s.substr(pick(s.size()), pick(20))); break;
        }
      }
      ParseOrUserError(s);
      ++cases;
    }
  }
  EXPECT_GE(cases, 7000u);
}

}  // namespace
}  // namespace lakestream::sql
