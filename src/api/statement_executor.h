// StatementExecutor: runs parsed SQL statements (sql/statement.h) against a
// session — queries become DataFrames over the same plans the DataFrame API
// builds; commands act on the catalog or settings and return their output
// rows as a DataFrame (empty for DDL), with Spark's column names.
#pragma once

#include <memory>

#include "lakestream/dataframe.h"
#include "sql/statement.h"

namespace lakestream {

class SessionState;
struct CatalogTable;

class StatementExecutor {
 public:
  explicit StatementExecutor(std::shared_ptr<SessionState> session) : session_(std::move(session)) {}

  // Queries are lazy (run on an action); commands run now. Throws UserError.
  DataFrame Execute(const sql::Statement& statement);

 private:
  // statement_executor.cc
  DataFrame Rows(const std::string& ddl, const std::vector<Row>& rows) const;
  DataFrame Empty() const;
  DataFrame Query(const sql::QueryStatement& s);
  DataFrame Set(const sql::SetStatement& s);
  DataFrame Reset(const sql::ResetStatement& s);
  DataFrame Explain(const sql::ExplainStatement& s);
  DataFrame CreateIndex(const sql::CreateIndexStatement& s);
  DataFrame DropIndex(const sql::DropIndexStatement& s);

  // table_commands.cc
  DataFrame CreateDatabase(const sql::CreateDatabaseStatement& s);
  DataFrame DropDatabase(const sql::DropDatabaseStatement& s);
  DataFrame Use(const sql::UseStatement& s);
  DataFrame CreateTable(const sql::CreateTableStatement& s);
  DataFrame CreateView(const sql::CreateViewStatement& s);
  DataFrame DropTable(const sql::DropTableStatement& s);
  DataFrame DropView(const sql::DropViewStatement& s);
  DataFrame Insert(const sql::InsertStatement& s);
  DataFrame Delete(const sql::DeleteStatement& s);
  DataFrame Update(const sql::UpdateStatement& s);
  // The catalog table `name` names (TABLE_OR_VIEW_NOT_FOUND otherwise); views
  // are refused for writes (EXPECT_TABLE_NOT_VIEW).
  CatalogTable TableForWrite(const std::vector<std::string>& name, const char* statement) const;
  // Replaces a table's files with `rows` of its schema (DELETE and UPDATE on
  // file tables rewrite the table).
  void RewriteTable(const CatalogTable& table, const LogicalPlanPtr& rows);

  // show_commands.cc
  DataFrame ShowDatabases(const sql::ShowDatabasesStatement& s);
  DataFrame ShowTables(const sql::ShowTablesStatement& s);
  DataFrame ShowColumns(const sql::ShowColumnsStatement& s);
  DataFrame ShowFunctions(const sql::ShowFunctionsStatement& s);
  DataFrame DescribeTable(const sql::DescribeTableStatement& s);
  DataFrame DescribeDatabase(const sql::DescribeDatabaseStatement& s);
  DataFrame DescribeFunction(const sql::DescribeFunctionStatement& s);
  DataFrame DescribeQuery(const sql::DescribeQueryStatement& s);

  std::shared_ptr<SessionState> session_;
};

// Spark's SHOW ... LIKE pattern: '*' matches anything, '|' separates
// alternatives, case-insensitive.
bool MatchesShowPattern(const std::string& pattern, const std::string& name);

}  // namespace lakestream
