// SessionCatalog: what names mean in one session — temporary views, the
// current database, and the persistent catalog in the warehouse directory
// (opened on first use, so sessions that never touch tables create nothing).
// Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "columnar/thread_annotations.h"
#include "plan/logical_plan.h"

namespace lakestream {

class SessionState;

class SessionCatalog {
 public:
  explicit SessionCatalog(std::string warehouse_dir) : warehouse_dir_(std::move(warehouse_dir)) {}

  Catalog& catalog();
  std::string current_database() const;
  // Throws SCHEMA_NOT_FOUND.
  void SetCurrentDatabase(const std::string& name);

  // Temporary views hold unanalyzed plans; they shadow tables of the same name.
  // Throws TEMP_TABLE_OR_VIEW_ALREADY_EXISTS when present and !replace.
  void CreateTempView(const std::string& name, LogicalPlanPtr plan, bool replace);
  bool DropTempView(const std::string& name);
  std::vector<std::string> TempViewNames() const;
  bool IsTempView(const std::string& name) const;

  // db and name of `parts` ([name] or [db, name]), db defaulting to the current one.
  std::pair<std::string, std::string> Qualify(const std::vector<std::string>& parts) const;

  // The unanalyzed plan a name refers to: a temporary view, a table or view of
  // the catalog, or `format`.`path` (parquet, csv, json) read directly.
  // Returns null when nothing matches.
  LogicalPlanPtr ResolveRelation(const std::vector<std::string>& parts, const SessionState& session);

  // The plan that scans a catalog table's files.
  static LogicalPlanPtr TableScan(const CatalogTable& table);

 private:
  const std::string warehouse_dir_;
  mutable std::mutex mu_;
  std::unique_ptr<Catalog> catalog_ GUARDED_BY(mu_);
  std::string current_database_ GUARDED_BY(mu_) = "default";
  std::map<std::string, LogicalPlanPtr> temp_views_ GUARDED_BY(mu_);
};

}  // namespace lakestream
