// Statement: one parsed SQL statement. Queries carry an unresolved logical
// plan (the same plan the DataFrame API builds); commands carry their
// arguments for the catalog and session to execute. Immutable once parsed.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "expr/expression.h"
#include "plan/logical_plan.h"

namespace lakestream::sql {

struct Statement;
using StatementPtr = std::shared_ptr<const Statement>;

// A multi-part name as written: {"db", "t"}; {"parquet", "/data/x"} for parquet.`/data/x`.
using Name = std::vector<std::string>;
// OPTIONS / TBLPROPERTIES / DBPROPERTIES: keys and values as written, unquoted.
using Properties = std::map<std::string, std::string>;

// SELECT ..., VALUES ..., WITH ... SELECT, TABLE t.
struct QueryStatement {
  LogicalPlanPtr plan;
};

// CREATE {DATABASE|SCHEMA} [IF NOT EXISTS] name [COMMENT c] [LOCATION p] [WITH DBPROPERTIES (...)]
struct CreateDatabaseStatement {
  Name name;
  bool if_not_exists = false;
  std::optional<std::string> comment, location;
  Properties properties;
};

// DROP {DATABASE|SCHEMA} [IF EXISTS] name [RESTRICT|CASCADE]
struct DropDatabaseStatement {
  Name name;
  bool if_exists = false;
  bool cascade = false;
};

// USE [DATABASE|SCHEMA|NAMESPACE] name
struct UseStatement {
  Name name;
};

// One column of CREATE TABLE: name type [NOT NULL] [PRIMARY KEY] [DEFAULT e] [COMMENT c].
struct ColumnDefinition {
  std::string name;
  DataTypePtr type;
  bool nullable = true;
  std::optional<std::string> comment;
  ExprPtr default_value;  // null without DEFAULT
};

// CREATE [OR REPLACE] [EXTERNAL] TABLE [IF NOT EXISTS] name [(columns)] [USING fmt | STORED AS fmt]
//   [OPTIONS (...)] [PARTITIONED BY (...)] [LOCATION p] [COMMENT c] [TBLPROPERTIES (...)] [AS query]
struct CreateTableStatement {
  Name name;
  bool or_replace = false;
  bool if_not_exists = false;
  bool external = false;
  std::vector<ColumnDefinition> columns;
  std::vector<std::string> primary_key;  // informational, as Databricks' constraints
  std::optional<std::string> format;     // USING delta / parquet / csv ...
  std::vector<std::string> partition_columns;
  std::optional<std::string> location, comment;
  Properties options, properties;
  LogicalPlanPtr query;  // CREATE TABLE ... AS SELECT; null otherwise
};

// CREATE [OR REPLACE] [[GLOBAL] TEMP[ORARY]] VIEW [IF NOT EXISTS] name [(c [COMMENT x], ...)]
//   [COMMENT c] [TBLPROPERTIES (...)] AS query
struct CreateViewStatement {
  Name name;
  bool or_replace = false;
  bool temporary = false;
  bool global = false;
  bool if_not_exists = false;
  std::vector<std::string> column_names;  // empty: the query's names
  std::vector<std::optional<std::string>> column_comments;  // parallel to column_names
  std::optional<std::string> comment;
  Properties properties;
  LogicalPlanPtr query;
  std::string query_text;  // the query's SQL as written, to store in the catalog
};

// DROP TABLE [IF EXISTS] name [PURGE]
struct DropTableStatement {
  Name name;
  bool if_exists = false;
  bool purge = false;
};

// DROP VIEW [IF EXISTS] name
struct DropViewStatement {
  Name name;
  bool if_exists = false;
};

// INSERT {INTO|OVERWRITE} [TABLE] name [PARTITION (k = v, k2)] [(cols) | BY NAME] query
struct InsertStatement {
  Name table;
  bool overwrite = false;
  bool by_name = false;
  std::vector<std::string> columns;  // empty: by position
  // Static partition values (ExprPtr set) and dynamic partition columns (null).
  std::vector<std::pair<std::string, ExprPtr>> partition;
  LogicalPlanPtr query;  // VALUES rows arrive as a kValues plan
};

// DELETE FROM name [[AS] alias] [WHERE condition]
struct DeleteStatement {
  Name table;
  std::optional<std::string> alias;
  ExprPtr condition;  // null: every row
};

// UPDATE name [[AS] alias] SET col = expr, ... [WHERE condition]
struct UpdateStatement {
  Name table;
  std::optional<std::string> alias;
  std::vector<std::pair<Name, ExprPtr>> assignments;  // target column (maybe qualified, or a struct field path)
  ExprPtr condition;  // null: every row
};

// SHOW {DATABASES|SCHEMAS|NAMESPACES} [[LIKE] 'pattern']
struct ShowDatabasesStatement {
  std::optional<std::string> pattern;
};

// SHOW TABLES [{FROM|IN} db] [[LIKE] 'pattern']
struct ShowTablesStatement {
  Name database;  // empty: the current database
  std::optional<std::string> pattern;
};

// SHOW COLUMNS {FROM|IN} table [{FROM|IN} db]
struct ShowColumnsStatement {
  Name table;
  Name database;
};

// SHOW [USER|SYSTEM|ALL] FUNCTIONS [[LIKE] pattern]
struct ShowFunctionsStatement {
  std::string scope = "all";  // "user", "system" or "all"
  std::optional<std::string> pattern;
};

// {DESC|DESCRIBE} [TABLE] [EXTENDED|FORMATTED] name [column]
struct DescribeTableStatement {
  Name table;
  bool extended = false;  // EXTENDED or FORMATTED
  Name column;            // empty: the whole table
};

// {DESC|DESCRIBE} {DATABASE|SCHEMA} [EXTENDED] name
struct DescribeDatabaseStatement {
  Name name;
  bool extended = false;
};

// {DESC|DESCRIBE} FUNCTION [EXTENDED] name
struct DescribeFunctionStatement {
  std::string name;
  bool extended = false;
};

// {DESC|DESCRIBE} [QUERY] query: the query's output columns.
struct DescribeQueryStatement {
  LogicalPlanPtr query;
};

// SET: list all; SET -v: list with docs; SET key: show one; SET key = value.
// SET TIME ZONE 'tz' | LOCAL sets spark.sql.session.timeZone.
struct SetStatement {
  std::optional<std::string> key;    // as written, e.g. "spark.sql.shuffle.partitions"; "-v"
  std::optional<std::string> value;  // the raw text after '=' to the end of the statement, trimmed
};

// RESET [key]
struct ResetStatement {
  std::optional<std::string> key;
};

// EXPLAIN [EXTENDED|FORMATTED|CODEGEN|COST|LOGICAL] statement
struct ExplainStatement {
  std::string mode = "simple";  // lower-case
  StatementPtr statement;
};

// CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (col [ASC|DESC], ...):
// accepted so SQLite-derived scripts run; the catalog records only the name
// and columns (no index structure), so DROP INDEX knows which exist.
struct CreateIndexStatement {
  std::string name;
  Name table;
  std::vector<std::string> columns;
  bool unique = false;
  bool if_not_exists = false;
};

// DROP INDEX [IF EXISTS] name [ON table]
struct DropIndexStatement {
  std::string name;
  Name table;
  bool if_exists = false;
};

using StatementBody =
    std::variant<QueryStatement, CreateDatabaseStatement, DropDatabaseStatement, UseStatement, CreateTableStatement,
                 CreateViewStatement, DropTableStatement, DropViewStatement, InsertStatement, DeleteStatement,
                 UpdateStatement, ShowDatabasesStatement, ShowTablesStatement, ShowColumnsStatement,
                 ShowFunctionsStatement, DescribeTableStatement, DescribeDatabaseStatement, DescribeFunctionStatement,
                 DescribeQueryStatement, SetStatement, ResetStatement, ExplainStatement, CreateIndexStatement,
                 DropIndexStatement>;

struct Statement {
  StatementBody body;
  std::string text;  // the statement's SQL as written, without the ';'
  int line = 1;      // its first line in the parsed input

  // The body if it is a T, else null: `if (auto* q = s.As<QueryStatement>()) ...`
  template <typename T>
  const T* As() const {
    return std::get_if<T>(&body);
  }
};

}  // namespace lakestream::sql
