#include "api/statement_executor.h"

#include <cctype>
#include <map>
#include <tuple>

#include "api/session_catalog.h"
#include "api/session_state.h"
#include "columnar/record_batch.h"
#include "lakestream/error.h"
#include "plan/logical_plan.h"

namespace lakestream {

bool MatchesShowPattern(const std::string& pattern, const std::string& name) {
  // Each '|' alternative is a glob where '*' matches any run of characters.
  size_t start = 0;
  while (start <= pattern.size()) {
    size_t end = pattern.find('|', start);
    if (end == std::string::npos) end = pattern.size();
    std::string alt = pattern.substr(start, end - start);
    while (!alt.empty() && alt.front() == ' ') alt.erase(alt.begin());
    while (!alt.empty() && alt.back() == ' ') alt.pop_back();
    // Classic two-pointer glob match with backtracking on '*'.
    size_t p = 0, n = 0, star = std::string::npos, mark = 0;
    while (n < name.size()) {
      if (p < alt.size() && alt[p] != '*' &&
          std::tolower(static_cast<unsigned char>(alt[p])) == std::tolower(static_cast<unsigned char>(name[n]))) {
        ++p;
        ++n;
      } else if (p < alt.size() && alt[p] == '*') {
        star = p++;
        mark = n;
      } else if (star != std::string::npos) {
        p = star + 1;
        n = ++mark;
      } else {
        break;
      }
    }
    while (p < alt.size() && alt[p] == '*') ++p;
    if (n == name.size() && p == alt.size()) return true;
    start = end + 1;
  }
  return false;
}

DataFrame StatementExecutor::Rows(const std::string& ddl, const std::vector<Row>& rows) const {
  auto schema = Schema::ParseDdl(ddl);
  return DataFrame(session_, MakeLocalRelation(schema, RowsToBatches(schema, rows)));
}

DataFrame StatementExecutor::Empty() const {
  auto schema = std::make_shared<Schema>();
  return DataFrame(session_, MakeLocalRelation(schema, {}));
}

DataFrame StatementExecutor::Execute(const sql::Statement& statement) {
  return std::visit(
      [&](const auto& s) -> DataFrame {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, sql::QueryStatement>) return Query(s);
        else if constexpr (std::is_same_v<T, sql::CreateDatabaseStatement>) return CreateDatabase(s);
        else if constexpr (std::is_same_v<T, sql::DropDatabaseStatement>) return DropDatabase(s);
        else if constexpr (std::is_same_v<T, sql::UseStatement>) return Use(s);
        else if constexpr (std::is_same_v<T, sql::CreateTableStatement>) return CreateTable(s);
        else if constexpr (std::is_same_v<T, sql::CreateViewStatement>) return CreateView(s);
        else if constexpr (std::is_same_v<T, sql::DropTableStatement>) return DropTable(s);
        else if constexpr (std::is_same_v<T, sql::DropViewStatement>) return DropView(s);
        else if constexpr (std::is_same_v<T, sql::InsertStatement>) return Insert(s);
        else if constexpr (std::is_same_v<T, sql::DeleteStatement>) return Delete(s);
        else if constexpr (std::is_same_v<T, sql::UpdateStatement>) return Update(s);
        else if constexpr (std::is_same_v<T, sql::ShowDatabasesStatement>) return ShowDatabases(s);
        else if constexpr (std::is_same_v<T, sql::ShowTablesStatement>) return ShowTables(s);
        else if constexpr (std::is_same_v<T, sql::ShowColumnsStatement>) return ShowColumns(s);
        else if constexpr (std::is_same_v<T, sql::ShowFunctionsStatement>) return ShowFunctions(s);
        else if constexpr (std::is_same_v<T, sql::DescribeTableStatement>) return DescribeTable(s);
        else if constexpr (std::is_same_v<T, sql::DescribeDatabaseStatement>) return DescribeDatabase(s);
        else if constexpr (std::is_same_v<T, sql::DescribeFunctionStatement>) return DescribeFunction(s);
        else if constexpr (std::is_same_v<T, sql::DescribeQueryStatement>) return DescribeQuery(s);
        else if constexpr (std::is_same_v<T, sql::SetStatement>) return Set(s);
        else if constexpr (std::is_same_v<T, sql::ResetStatement>) return Reset(s);
        else if constexpr (std::is_same_v<T, sql::ExplainStatement>) return Explain(s);
        else if constexpr (std::is_same_v<T, sql::CreateIndexStatement>) return CreateIndex(s);
        else return DropIndex(s);
      },
      statement.body);
}

DataFrame StatementExecutor::Query(const sql::QueryStatement& s) {
  DataFrame df(session_, s.plan);
  df.schema();  // analyze now: as in Spark, a bad query fails in sql(), not at the first action
  return df;
}

DataFrame StatementExecutor::Set(const sql::SetStatement& s) {
  if (!s.key || *s.key == "-v") {
    std::vector<Row> rows;
    for (const auto& [k, v] : session_->AllConf()) rows.push_back(Row{Value(k), Value(v)});
    return Rows("key STRING, value STRING", rows);
  }
  if (!s.value) {
    // Settings never set show their default, as Spark's SET key does.
    static const std::map<std::string, std::string> kDefaults = {
        {"spark.sql.ansi.enabled", "true"},
        {"spark.sql.sources.default", "parquet"},
        {"lakestream.sql.legacyIntegerDivision", "false"},
        {"lakestream.sql.legacyBareColumnsInAggregate", "false"},
        {"lakestream.sql.legacyUnaryPlus", "false"},
        {"lakestream.sql.legacyEmptyInList", "false"},
    };
    auto d = kDefaults.find(*s.key);
    std::string v = session_->GetConf(*s.key, d != kDefaults.end() ? d->second : "<undefined>");
    return Rows("key STRING, value STRING", {Row{Value(*s.key), Value(v)}});
  }
  session_->SetConf(*s.key, *s.value);
  return Rows("key STRING, value STRING", {Row{Value(*s.key), Value(*s.value)}});
}

DataFrame StatementExecutor::Reset(const sql::ResetStatement& s) {
  if (s.key) {
    session_->UnsetConf(*s.key);
  } else {
    for (const auto& [k, v] : session_->AllConf()) session_->UnsetConf(k);
  }
  return Empty();
}

DataFrame StatementExecutor::Explain(const sql::ExplainStatement& s) {
  const auto* query = s.statement->As<sql::QueryStatement>();
  if (!query) {
    throw UserError("UNSUPPORTED_FEATURE", "0A000", "EXPLAIN is supported for queries only.");
  }
  DataFrame df(session_, query->plan);
  return Rows("plan STRING", {Row{Value(df.explainString(s.mode != "simple"))}});
}

DataFrame StatementExecutor::CreateIndex(const sql::CreateIndexStatement& s) {
  // Lakestream keeps no secondary indexes: the catalog records only the
  // index's name and columns, so that DROP INDEX can tell which exist.
  CatalogTable t = TableForWrite(s.table, "CREATE INDEX");
  for (const auto& c : s.columns) {
    bool found = false;
    for (const auto& f : t.schema->fields()) found = found || NormalizeIdentifier(f.name) == NormalizeIdentifier(c);
    if (!found) {
      throw UserError("COLUMN_NOT_FOUND", "42703",
                      "The column `" + c + "` cannot be found. Verify the spelling and correctness of the column name "
                      "according to the SQL config spark.sql.caseSensitive.");
    }
  }
  session_->catalog().catalog().CreateIndex(t.database, t.name, s.name, s.columns, s.if_not_exists);
  return Empty();
}

DataFrame StatementExecutor::DropIndex(const sql::DropIndexStatement& s) {
  SessionCatalog& sc = session_->catalog();
  std::string db = sc.current_database(), table;
  if (!s.table.empty()) std::tie(db, table) = sc.Qualify(s.table);
  sc.catalog().DropIndex(db, table, s.name, s.if_exists);
  return Empty();
}

}  // namespace lakestream
