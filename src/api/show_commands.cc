// SHOW and DESCRIBE: catalog and function metadata as rows, with Spark's
// output columns.
#include "api/session_catalog.h"
#include "api/session_state.h"
#include "api/statement_executor.h"
#include "expr/function_registry.h"
#include "lakestream/error.h"

namespace lakestream {

DataFrame StatementExecutor::ShowDatabases(const sql::ShowDatabasesStatement& s) {
  std::vector<Row> rows;
  for (const auto& db : session_->catalog().catalog().ListDatabases()) {
    if (!s.pattern || MatchesShowPattern(*s.pattern, db)) rows.push_back(Row{Value(db)});
  }
  return Rows("namespace STRING", rows);
}

DataFrame StatementExecutor::ShowTables(const sql::ShowTablesStatement& s) {
  SessionCatalog& sc = session_->catalog();
  std::string db = s.database.empty() ? sc.current_database() : NormalizeIdentifier(s.database.back());
  std::vector<Row> rows;
  for (const auto& t : sc.catalog().ListTables(db)) {
    if (!s.pattern || MatchesShowPattern(*s.pattern, t.name)) rows.push_back(Row{Value(db), Value(t.name), Value(false)});
  }
  for (const auto& v : sc.TempViewNames()) {
    if (!s.pattern || MatchesShowPattern(*s.pattern, v)) rows.push_back(Row{Value(""), Value(v), Value(true)});
  }
  return Rows("namespace STRING, tableName STRING, isTemporary BOOLEAN", rows);
}

DataFrame StatementExecutor::ShowColumns(const sql::ShowColumnsStatement& s) {
  std::vector<std::string> name = s.table;
  if (!s.database.empty()) name.insert(name.begin(), s.database.back());
  auto plan = session_->Analyze(MakeUnresolvedRelation(name));
  std::vector<Row> rows;
  for (const auto& f : plan->schema->fields()) rows.push_back(Row{Value(f.name)});
  return Rows("col_name STRING", rows);
}

DataFrame StatementExecutor::ShowFunctions(const sql::ShowFunctionsStatement& s) {
  std::vector<Row> rows;
  if (s.scope != "user") {
    for (const auto& n : FunctionRegistry::Default().Names()) {
      if (!s.pattern || MatchesShowPattern(*s.pattern, n)) rows.push_back(Row{Value(n)});
    }
  }
  return Rows("function STRING", rows);
}

DataFrame StatementExecutor::DescribeTable(const sql::DescribeTableStatement& s) {
  SessionCatalog& sc = session_->catalog();
  auto plan = session_->Analyze(MakeUnresolvedRelation(s.table));
  const std::string ddl = "col_name STRING, data_type STRING, comment STRING";
  std::optional<CatalogTable> table;
  if (!(s.table.size() == 1 && sc.IsTempView(s.table[0]))) {
    auto [db, name] = sc.Qualify(s.table);
    table = sc.catalog().GetTable(db, name);
  }
  auto comment_of = [](const Field& f) {
    auto it = f.metadata.find("comment");
    return it == f.metadata.end() ? Value() : Value(it->second);
  };
  std::vector<Row> rows;
  if (!s.column.empty()) {
    int i = plan->schema->FieldIndex(s.column.back());
    if (i < 0) {
      throw UserError("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "42703",
                      "A column `" + s.column.back() + "` cannot be resolved.");
    }
    const Field& f = plan->schema->field(i);
    rows = {Row{Value("col_name"), Value(f.name)}, Row{Value("data_type"), Value(f.type->ToSql())},
            Row{Value("comment"), comment_of(f).is_null() ? Value("NULL") : comment_of(f)}};
    return Rows("info_name STRING, info_value STRING", rows);
  }
  for (const auto& f : plan->schema->fields()) rows.push_back(Row{Value(f.name), Value(f.type->ToSql()), comment_of(f)});
  if (table && !table->partition_columns.empty()) {
    rows.push_back(Row{Value("# Partition Information"), Value(""), Value("")});
    rows.push_back(Row{Value("# col_name"), Value("data_type"), Value("comment")});
    for (const auto& p : table->partition_columns) {
      const Field& f = table->schema->field(table->schema->FieldIndex(p));
      rows.push_back(Row{Value(f.name), Value(f.type->ToSql()), comment_of(f)});
    }
  }
  if (s.extended && table) {
    const char* type = table->type == CatalogTable::Type::kManaged    ? "MANAGED"
                       : table->type == CatalogTable::Type::kExternal ? "EXTERNAL"
                                                                      : "VIEW";
    rows.push_back(Row{Value(""), Value(""), Value("")});
    rows.push_back(Row{Value("# Detailed Table Information"), Value(""), Value("")});
    rows.push_back(Row{Value("Catalog"), Value("spark_catalog"), Value("")});
    rows.push_back(Row{Value("Database"), Value(table->database), Value("")});
    rows.push_back(Row{Value("Table"), Value(table->name), Value("")});
    rows.push_back(Row{Value("Type"), Value(type), Value("")});
    if (!table->comment.empty()) rows.push_back(Row{Value("Comment"), Value(table->comment), Value("")});
    if (table->type == CatalogTable::Type::kView) {
      rows.push_back(Row{Value("View Text"), Value(table->view_text), Value("")});
    } else {
      rows.push_back(Row{Value("Provider"), Value(table->format), Value("")});
      rows.push_back(Row{Value("Location"), Value("file:" + table->location), Value("")});
    }
  }
  return Rows(ddl, rows);
}

DataFrame StatementExecutor::DescribeDatabase(const sql::DescribeDatabaseStatement& s) {
  auto db = session_->catalog().catalog().GetDatabase(s.name.back());
  if (!db) {
    throw UserError("SCHEMA_NOT_FOUND", "42704", "The schema `" + s.name.back() + "` cannot be found.");
  }
  return Rows("info_name STRING, info_value STRING",
              {Row{Value("Catalog Name"), Value("spark_catalog")}, Row{Value("Namespace Name"), Value(db->name)},
               Row{Value("Comment"), Value(db->comment)}, Row{Value("Location"), Value("file:" + db->location)}});
}

DataFrame StatementExecutor::DescribeFunction(const sql::DescribeFunctionStatement& s) {
  const FunctionRegistry& registry = FunctionRegistry::Default();
  std::string name = NormalizeIdentifier(s.name);
  const FunctionDoc* doc = nullptr;
  if (const auto* f = registry.FindScalar(name)) doc = &f->doc;
  else if (const auto* a = registry.FindAggregate(name)) doc = &a->doc;
  if (!doc) {
    throw UserError("UNRESOLVED_ROUTINE", "42883",
                    "Cannot resolve routine `" + s.name + "` on search path [`system`.`builtin`, `system`.`session`].");
  }
  std::vector<Row> rows = {Row{Value("Function: " + name)}, Row{Value("Usage: " + doc->usage)}};
  if (s.extended && !doc->example.empty()) rows.push_back(Row{Value("Extended Usage:\n    Examples:\n      > " + doc->example)});
  return Rows("function_desc STRING", rows);
}

DataFrame StatementExecutor::DescribeQuery(const sql::DescribeQueryStatement& s) {
  auto plan = session_->Analyze(s.query);
  std::vector<Row> rows;
  for (const auto& f : plan->schema->fields()) rows.push_back(Row{Value(f.name), Value(f.type->ToSql()), Value()});
  return Rows("col_name STRING, data_type STRING, comment STRING", rows);
}

}  // namespace lakestream
