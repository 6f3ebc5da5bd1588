// DDL and DML on catalog objects: databases, tables, views, INSERT, DELETE
// and UPDATE. Until Delta Lake tables land, tables are directories of
// Parquet (the default, spark.sql.sources.default), CSV or JSON files;
// DELETE and UPDATE rewrite a table's files.
#include <filesystem>

#include "api/session_catalog.h"
#include "api/session_state.h"
#include "api/statement_executor.h"
#include "formats/file_format.h"
#include "lakestream/error.h"
#include "plan/logical_plan.h"

namespace lakestream {

namespace fs = std::filesystem;

namespace {

std::string JoinName(const std::vector<std::string>& parts) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) s += (i ? "." : "") + std::string("`") + parts[i] + "`";
  return s;
}

bool EqualsIgnoreCaseName(const std::string& a, const std::string& b) {
  return NormalizeIdentifier(a) == NormalizeIdentifier(b);
}

UserError NotFound(const std::vector<std::string>& name) {
  return UserError("TABLE_OR_VIEW_NOT_FOUND", "42P01",
                   "The table or view " + JoinName(name) +
                       " cannot be found. Verify the spelling and correctness of the schema and catalog.");
}

// Partition columns go last in a table's schema, as Spark orders them.
SchemaPtr WithPartitionsLast(const Schema& schema, const std::vector<std::string>& partitions) {
  std::vector<Field> data, parts;
  for (const auto& p : partitions) {
    int i = schema.FieldIndex(p);
    if (i < 0) {
      throw UserError("COLUMN_NOT_DEFINED_IN_TABLE", "42703",
                      "partition column `" + p + "` is not defined in table, defined table columns are: " +
                          schema.ToString() + ".");
    }
    parts.push_back(schema.field(i));
  }
  for (const auto& f : schema.fields()) {
    bool is_partition = false;
    for (const auto& p : parts) is_partition |= p.name == f.name;
    if (!is_partition) data.push_back(f);
  }
  data.insert(data.end(), parts.begin(), parts.end());
  return std::make_shared<Schema>(std::move(data));
}

bool DirectoryHasFiles(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) && !fs::is_empty(path, ec);
}

ExprPtr ColumnOf(const Field& f, int index) {
  auto e = std::make_shared<Expr>(*ColParts({f.name}));
  e->column_index = index;
  e->type = f.type;
  e->nullable = f.nullable;
  return e;
}

}  // namespace

DataFrame StatementExecutor::CreateDatabase(const sql::CreateDatabaseStatement& s) {
  session_->catalog().catalog().CreateDatabase({s.name.back(), s.location.value_or(""), s.comment.value_or("")},
                                               s.if_not_exists);
  return Empty();
}

DataFrame StatementExecutor::DropDatabase(const sql::DropDatabaseStatement& s) {
  std::string name = NormalizeIdentifier(s.name.back());
  if (name == session_->catalog().current_database()) session_->catalog().SetCurrentDatabase("default");
  session_->catalog().catalog().DropDatabase(name, s.if_exists, s.cascade);
  return Empty();
}

DataFrame StatementExecutor::Use(const sql::UseStatement& s) {
  session_->catalog().SetCurrentDatabase(s.name.back());
  return Empty();
}

DataFrame StatementExecutor::CreateTable(const sql::CreateTableStatement& s) {
  SessionCatalog& sc = session_->catalog();
  auto [db, name] = sc.Qualify(s.name);
  if (!sc.catalog().DatabaseExists(db)) {
    throw UserError("SCHEMA_NOT_FOUND", "42704", "The schema `" + db + "` cannot be found.");
  }
  if (s.if_not_exists && sc.catalog().GetTable(db, name)) return Empty();
  CatalogTable t;
  t.database = db;
  t.name = name;
  t.format = NormalizeIdentifier(s.format.value_or(session_->GetConf("spark.sql.sources.default", "parquet")));
  if (t.format == "delta") {
    throw UserError("UNSUPPORTED_FEATURE.DELTA_TABLES", "0A000",
                    "Delta Lake tables are not available yet; use USING parquet, csv or json.");
  }
  const FileFormat& format = FindFileFormat(t.format);
  t.options = s.options;
  t.properties = s.properties;
  t.comment = s.comment.value_or("");
  t.type = s.location ? CatalogTable::Type::kExternal : CatalogTable::Type::kManaged;
  t.location = s.location ? fs::absolute(*s.location).lexically_normal().string()
                          : sc.catalog().DefaultTableLocation(db, name);
  t.partition_columns = s.partition_columns;

  LogicalPlanPtr query;
  SchemaPtr schema;
  if (s.query) {
    if (!s.columns.empty()) {
      throw UserError("UNSUPPORTED_FEATURE.CREATE_TABLE_AS_SELECT_WITH_COLUMNS", "0A000",
                      "CREATE TABLE ... AS SELECT cannot also list columns.");
    }
    query = session_->Analyze(s.query);
    schema = query->schema;
  } else if (!s.columns.empty()) {
    std::vector<Field> fields;
    for (const auto& c : s.columns) {
      Field f(c.name, c.type, c.nullable);
      if (c.comment) f.metadata["comment"] = *c.comment;
      fields.push_back(f);
    }
    schema = std::make_shared<Schema>(std::move(fields));
  } else if (DirectoryHasFiles(t.location)) {
    // CREATE TABLE t USING parquet LOCATION '...' takes the files' schema.
    std::vector<std::string> data_files = ListDataFiles({t.location});
    schema = format.InferSchema(data_files, t.options, session_->MakeQueryContext().eval);
    auto partitions = InferPartitionSchema(data_files, t.location);
    std::vector<Field> fields = schema->fields();
    for (const auto& f : partitions->fields()) {
      if (schema->FieldIndex(f.name) < 0) fields.push_back(f);
    }
    schema = std::make_shared<Schema>(std::move(fields));
  } else {
    throw UserError("UNSPECIFIED_SCHEMA", "42K0I", "The table " + JoinName(s.name) + " needs columns or AS SELECT.");
  }
  t.schema = WithPartitionsLast(*schema, t.partition_columns);
  CheckWritableSchema(format, *t.schema);

  if (s.or_replace) {
    if (auto old = sc.catalog().GetTable(db, name)) {
      if (old->type == CatalogTable::Type::kView) {
        throw UserError("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", "42809", "'CREATE OR REPLACE TABLE' expects a table but " +
                                                                             JoinName(s.name) + " is a view.");
      }
      sc.catalog().DropTable(db, name, true);
    }
  } else if (sc.catalog().GetTable(db, name)) {
    sc.catalog().CreateTable(t, false, false);  // raises TABLE_OR_VIEW_ALREADY_EXISTS
  }
  if (t.type == CatalogTable::Type::kManaged && DirectoryHasFiles(t.location)) {
    throw UserError("LOCATION_ALREADY_EXISTS", "42710",
                    "Cannot name the managed table as " + JoinName(s.name) + ", as its associated location '" +
                        t.location + "' already exists. Please pick a different table name, or remove the existing "
                        "location first.");
  }
  if (query) {
    // The data columns in table order, partition columns last.
    std::vector<ExprPtr> ordered;
    for (const auto& f : t.schema->fields()) {
      int i = query->schema->FieldIndex(f.name);
      ordered.push_back(ColumnOf(query->schema->field(i), i));
    }
    auto plan = session_->Analyze(MakeProject(query, ordered));
    auto batches = session_->Execute(plan);
    WriteDataset(t.location, format, SaveMode::kAppend, t.partition_columns, t.schema, batches, t.options,
                 session_->MakeQueryContext().eval);
  } else {
    fs::create_directories(t.location);
  }
  sc.catalog().CreateTable(t, false, false);
  return Empty();
}

DataFrame StatementExecutor::CreateView(const sql::CreateViewStatement& s) {
  SessionCatalog& sc = session_->catalog();
  LogicalPlanPtr analyzed = session_->Analyze(s.query);
  LogicalPlanPtr plan = s.query;
  std::string text = s.query_text;
  if (!s.column_names.empty()) {
    if (s.column_names.size() != analyzed->schema->num_fields()) {
      throw UserError("CREATE_VIEW_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS", "21S01",
                      "Cannot create view " + JoinName(s.name) + ": the query returns " +
                          std::to_string(analyzed->schema->num_fields()) + " columns but " +
                          std::to_string(s.column_names.size()) + " names were given.");
    }
    std::vector<ExprPtr> renamed;
    std::string names;
    for (size_t i = 0; i < s.column_names.size(); ++i) {
      renamed.push_back(Alias(ColumnOf(analyzed->schema->field(i), static_cast<int>(i)), s.column_names[i]));
      names += (i ? ", " : "") + std::string("`") + s.column_names[i] + "`";
    }
    plan = session_->Analyze(MakeProject(analyzed, renamed));
    analyzed = plan;
    text = "SELECT * FROM (" + text + ") AS __view(" + names + ")";
  }
  if (s.temporary) {
    if (s.if_not_exists && sc.IsTempView(s.name.back())) return Empty();
    sc.CreateTempView(s.name.back(), plan, s.or_replace);
    return Empty();
  }
  auto [db, name] = sc.Qualify(s.name);
  if (auto old = sc.catalog().GetTable(db, name); old && old->type != CatalogTable::Type::kView && s.or_replace) {
    throw UserError("EXPECT_VIEW_NOT_TABLE.NO_ALTERNATIVE", "42809",
                    "'CREATE OR REPLACE VIEW' expects a view but " + JoinName(s.name) + " is a table.");
  }
  CatalogTable view;
  view.database = db;
  view.name = name;
  view.type = CatalogTable::Type::kView;
  view.schema = analyzed->schema;
  view.view_text = text;
  view.comment = s.comment.value_or("");
  view.properties = s.properties;
  sc.catalog().CreateTable(view, s.if_not_exists, s.or_replace);
  return Empty();
}

DataFrame StatementExecutor::DropTable(const sql::DropTableStatement& s) {
  SessionCatalog& sc = session_->catalog();
  if (s.name.size() == 1 && sc.DropTempView(s.name[0])) return Empty();
  auto [db, name] = sc.Qualify(s.name);
  auto table = sc.catalog().GetTable(db, name);
  if (table && table->type == CatalogTable::Type::kView) {
    throw UserError("WRONG_COMMAND_FOR_OBJECT_TYPE", "42809",
                    "The operation DROP TABLE requires a TABLE. But " + JoinName(s.name) + " is a VIEW. Use DROP VIEW instead.");
  }
  if (!table && !s.if_exists) throw NotFound(s.name);
  sc.catalog().DropTable(db, name, true);
  return Empty();
}

DataFrame StatementExecutor::DropView(const sql::DropViewStatement& s) {
  SessionCatalog& sc = session_->catalog();
  if (s.name.size() == 1 && sc.DropTempView(s.name[0])) return Empty();
  auto [db, name] = sc.Qualify(s.name);
  auto table = sc.catalog().GetTable(db, name);
  if (table && table->type != CatalogTable::Type::kView) {
    throw UserError("WRONG_COMMAND_FOR_OBJECT_TYPE", "42809",
                    "The operation DROP VIEW requires a VIEW. But " + JoinName(s.name) + " is a TABLE. Use DROP TABLE instead.");
  }
  if (!table && !s.if_exists) throw NotFound(s.name);
  sc.catalog().DropTable(db, name, true);
  return Empty();
}

CatalogTable StatementExecutor::TableForWrite(const std::vector<std::string>& name, const char* statement) const {
  SessionCatalog& sc = session_->catalog();
  auto [db, table_name] = sc.Qualify(name);
  auto table = sc.catalog().GetTable(db, table_name);
  if (!table) {
    if (name.size() == 1 && sc.IsTempView(name[0])) {
      throw UserError("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", "42809",
                      std::string("'") + statement + "' expects a table but " + JoinName(name) + " is a view.");
    }
    throw NotFound(name);
  }
  if (table->type == CatalogTable::Type::kView) {
    throw UserError("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", "42809",
                    std::string("'") + statement + "' expects a table but " + JoinName(name) + " is a view.");
  }
  return *table;
}

DataFrame StatementExecutor::Insert(const sql::InsertStatement& s) {
  CatalogTable t = TableForWrite(s.table, "INSERT");
  LogicalPlanPtr query = session_->Analyze(s.query);
  const Schema& table = *t.schema;
  const Schema& data = *query->schema;

  // Which query column feeds each table column (-1: NULL, or a static partition value).
  std::vector<ExprPtr> outputs(table.num_fields());
  std::vector<bool> is_static(table.num_fields(), false);
  for (const auto& [column, value] : s.partition) {
    int i = table.FieldIndex(column);
    if (i < 0) throw UserError("PARTITIONS_NOT_FOUND", "428FT", "Partition column `" + column + "` not found in " + JoinName(s.table) + ".");
    if (value) {
      outputs[i] = value;
      is_static[i] = true;
    }
  }
  std::vector<int> targets;  // table columns the query fills, in query order
  if (!s.columns.empty() || s.by_name) {
    std::vector<std::string> names = s.columns;
    if (s.by_name) names = data.FieldNames();
    for (const auto& n : names) {
      int i = table.FieldIndex(n);
      if (i < 0) {
        throw UserError("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
                        "A column `" + n + "` cannot be resolved in table " + JoinName(s.table) + ".");
      }
      targets.push_back(i);
    }
  } else {
    for (size_t i = 0; i < table.num_fields(); ++i) {
      if (!is_static[i]) targets.push_back(static_cast<int>(i));
    }
  }
  if (targets.size() != data.num_fields()) {
    throw UserError("INSERT_COLUMN_ARITY_MISMATCH." + std::string(data.num_fields() > targets.size() ? "TOO_MANY_DATA_COLUMNS" : "NOT_ENOUGH_DATA_COLUMNS"),
                    "21S01",
                    "Cannot write to " + JoinName(s.table) + ", the reason is " +
                        (data.num_fields() > targets.size() ? "too many" : "not enough") + " data columns: Table columns: " +
                        std::to_string(targets.size()) + ", Data columns: " + std::to_string(data.num_fields()) + ".");
  }
  for (size_t j = 0; j < targets.size(); ++j) outputs[targets[j]] = ColumnOf(data.field(j), static_cast<int>(j));
  // Spark's ANSI store assignment: values are cast to the column types, and a
  // value that does not fit is an error rather than a silent NULL.
  std::vector<ExprPtr> projected;
  for (size_t i = 0; i < table.num_fields(); ++i) {
    const Field& f = table.field(i);
    ExprPtr value = outputs[i] ? outputs[i] : Lit(Value(), DataType::Null());
    projected.push_back(Alias(CastTo(value, f.type), f.name));
  }
  auto rows = MakeProject(query, projected);
  if (s.overwrite) {
    // INSERT OVERWRITE replaces the table, or with static partition values
    // (PARTITION (k = v)) only the rows of that partition.
    ExprPtr in_partition;
    for (size_t i = 0; i < table.num_fields(); ++i) {
      if (!is_static[i]) continue;
      ExprPtr eq = Call("<=>", {ColumnOf(table.field(i), static_cast<int>(i)), CastTo(outputs[i], table.field(i).type)});
      in_partition = in_partition ? Call("and", {in_partition, eq}) : eq;
    }
    if (in_partition) {
      auto kept = MakeFilter(SessionCatalog::TableScan(t), Call("not", {in_partition}));
      rows = MakeUnion({kept, rows});
    }
    RewriteTable(t, rows);
    return Empty();
  }
  auto batches = session_->Execute(session_->Analyze(rows));
  WriteDataset(t.location, FindFileFormat(t.format), SaveMode::kAppend, t.partition_columns, t.schema, batches,
               t.options, session_->MakeQueryContext().eval);
  return Empty();
}

void StatementExecutor::RewriteTable(const CatalogTable& table, const LogicalPlanPtr& rows) {
  // Materialize first: the new rows may be computed from the old files.
  auto batches = session_->Execute(session_->Analyze(rows));
  std::vector<std::string> old_files;
  if (DirectoryHasFiles(table.location)) old_files = ListDataFiles({table.location});
  // New files land before old ones go, so a crash leaves both rather than neither.
  WriteDataset(table.location, FindFileFormat(table.format), SaveMode::kAppend, table.partition_columns, table.schema,
               batches, table.options, session_->MakeQueryContext().eval);
  for (const auto& f : old_files) fs::remove(f);
}

DataFrame StatementExecutor::Delete(const sql::DeleteStatement& s) {
  CatalogTable t = TableForWrite(s.table, "DELETE");
  LogicalPlanPtr scan = MakeSubqueryAlias(SessionCatalog::TableScan(t), s.alias.value_or(t.name));
  if (!s.condition) {
    RewriteTable(t, MakeLimit(scan, 0));
    return Empty();
  }
  // Rows where the condition is true go; false or NULL stay.
  RewriteTable(t, MakeFilter(scan, Call("not", {Call("coalesce", {s.condition, Lit(Value(false), DataType::Boolean())})})));
  return Empty();
}

DataFrame StatementExecutor::Update(const sql::UpdateStatement& s) {
  CatalogTable t = TableForWrite(s.table, "UPDATE");
  LogicalPlanPtr scan = MakeSubqueryAlias(SessionCatalog::TableScan(t), s.alias.value_or(t.name));
  std::vector<ExprPtr> assigned(t.schema->num_fields());
  for (const auto& [target, value] : s.assignments) {
    int i = t.schema->FieldIndex(target.back());
    if (i < 0 || (target.size() > 1 && !EqualsIgnoreCaseName(target[target.size() - 2], s.alias.value_or(t.name)))) {
      throw UserError("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
                      "A column `" + target.back() + "` cannot be resolved in table " + JoinName(s.table) + ".");
    }
    assigned[i] = CastTo(value, t.schema->field(i).type);
  }
  std::vector<ExprPtr> projected;
  for (size_t i = 0; i < t.schema->num_fields(); ++i) {
    const Field& f = t.schema->field(i);
    ExprPtr old_value = Col(f.name);
    ExprPtr v = !assigned[i] ? old_value
                : s.condition ? CaseWhen({s.condition, assigned[i]}, old_value)
                              : assigned[i];
    projected.push_back(Alias(v, f.name));
  }
  RewriteTable(t, MakeProject(scan, projected));
  return Empty();
}

}  // namespace lakestream
