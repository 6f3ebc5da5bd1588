#include "api/session_catalog.h"

#include "api/file_relation.h"
#include "api/session_state.h"
#include "lakestream/error.h"
#include "sql/parser.h"

namespace lakestream {

Catalog& SessionCatalog::catalog() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!catalog_) catalog_ = std::make_unique<Catalog>(warehouse_dir_);
  return *catalog_;
}

std::string SessionCatalog::current_database() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_database_;
}

void SessionCatalog::SetCurrentDatabase(const std::string& name) {
  if (!catalog().DatabaseExists(name)) {
    throw UserError("SCHEMA_NOT_FOUND", "42704",
                    "The schema `" + name + "` cannot be found. Verify the spelling and correctness of the schema and "
                    "catalog.");
  }
  std::lock_guard<std::mutex> lock(mu_);
  current_database_ = NormalizeIdentifier(name);
}

void SessionCatalog::CreateTempView(const std::string& name, LogicalPlanPtr plan, bool replace) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string key = NormalizeIdentifier(name);
  if (!replace && temp_views_.count(key)) {
    throw UserError("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "42P07",
                    "Cannot create the temporary view `" + name + "` because it already exists.");
  }
  temp_views_[key] = std::move(plan);
}

bool SessionCatalog::DropTempView(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  return temp_views_.erase(NormalizeIdentifier(name)) > 0;
}

std::vector<std::string> SessionCatalog::TempViewNames() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  for (const auto& [name, plan] : temp_views_) out.push_back(name);
  return out;
}

bool SessionCatalog::IsTempView(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  return temp_views_.count(NormalizeIdentifier(name)) > 0;
}

std::pair<std::string, std::string> SessionCatalog::Qualify(const std::vector<std::string>& parts) const {
  if (parts.size() >= 2) return {NormalizeIdentifier(parts[parts.size() - 2]), NormalizeIdentifier(parts.back())};
  return {current_database(), NormalizeIdentifier(parts.back())};
}

LogicalPlanPtr SessionCatalog::TableScan(const CatalogTable& table) {
  FileScanSpec spec;
  spec.format = table.format;
  spec.paths = {table.location};
  spec.options = table.options;
  spec.schema = table.schema;
  return MakeFileScan(std::move(spec));
}

LogicalPlanPtr SessionCatalog::ResolveRelation(const std::vector<std::string>& parts, const SessionState& session) {
  if (parts.empty() || parts.size() > 3) return nullptr;
  if (parts.size() == 1) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = temp_views_.find(NormalizeIdentifier(parts[0]));
    if (it != temp_views_.end()) return MakeSubqueryAlias(it->second, parts[0]);
  }
  // spark_catalog.db.table
  std::vector<std::string> name = parts;
  if (name.size() == 3) {
    if (NormalizeIdentifier(name[0]) != "spark_catalog") return nullptr;
    name.erase(name.begin());
  }
  auto [db, table_name] = Qualify(name);
  if (auto table = catalog().GetTable(db, table_name)) {
    if (table->type == CatalogTable::Type::kView) {
      return MakeSubqueryAlias(sql::ParseQuery(table->view_text, session.MakeParserOptions()), table->name);
    }
    return MakeSubqueryAlias(TableScan(*table), table->name);
  }
  // format.`path`: Spark's "run SQL on files".
  if (name.size() == 2) {
    std::string format = NormalizeIdentifier(name[0]);
    if (format == "parquet" || format == "csv" || format == "json") {
      return MakeFileRelation(session, format, {name[1]}, {});
    }
  }
  return nullptr;
}

}  // namespace lakestream
