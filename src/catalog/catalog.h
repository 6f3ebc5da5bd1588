// Catalog: databases, tables and persistent views, stored in the warehouse
// directory so that a new session over the same warehouse sees them (Spark's
// session catalog without a Hive metastore).
//
// Layout: <warehouse>/_catalog/<db>.json holds a database and its tables and
// views (rewritten atomically on every change); managed table data lives in
// <warehouse>/<table> for `default` and <warehouse>/<db>.db/<table> otherwise,
// as in Spark. Names are case-insensitive and stored lower-cased. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "columnar/thread_annotations.h"
#include "lakestream/types.h"

namespace lakestream {

struct TableIdentifier {
  std::string database;  // empty: the current database
  std::string name;
  std::string ToString() const;  // `db`.`name` as Spark prints it: spark_catalog.db.name
};

struct CatalogTable {
  std::string database, name;
  enum class Type { kManaged, kExternal, kView } type = Type::kManaged;
  std::string format;    // "parquet", "csv", "json", "delta"; empty for views
  std::string location;  // data directory; empty for views
  SchemaPtr schema;      // data columns followed by partition columns
  std::vector<std::string> partition_columns;
  std::map<std::string, std::string> options;     // reader/writer options (OPTIONS)
  std::map<std::string, std::string> properties;  // TBLPROPERTIES
  std::string comment;
  std::string view_text;  // kView: the defining query's SQL
  int64_t created_millis = 0;
  // CREATE INDEX names and their columns: metadata only (no index structure
  // exists); names are unique within the database, as in SQLite.
  std::map<std::string, std::vector<std::string>> indexes;
};

struct CatalogDatabase {
  std::string name;
  std::string location;
  std::string comment;
};

class Catalog {
 public:
  // Creates the warehouse and the `default` database when missing.
  explicit Catalog(std::string warehouse_dir);

  const std::string& warehouse_dir() const { return warehouse_dir_; }

  // Throws SCHEMA_ALREADY_EXISTS (unless if_not_exists).
  void CreateDatabase(const CatalogDatabase& db, bool if_not_exists);
  // Throws SCHEMA_NOT_FOUND (unless if_exists), SCHEMA_NOT_EMPTY without cascade.
  // Cascade drops its tables, deleting managed tables' data.
  void DropDatabase(const std::string& name, bool if_exists, bool cascade);
  bool DatabaseExists(const std::string& name) const;
  std::optional<CatalogDatabase> GetDatabase(const std::string& name) const;
  std::vector<std::string> ListDatabases() const;  // sorted

  // Where a managed table's data goes.
  std::string DefaultTableLocation(const std::string& database, const std::string& table) const;

  // Adds a table or view. Throws TABLE_OR_VIEW_ALREADY_EXISTS unless
  // `replace` (replaces it) or `if_not_exists` (keeps the old one; returns false).
  bool CreateTable(const CatalogTable& table, bool if_not_exists, bool replace);
  // Throws TABLE_OR_VIEW_NOT_FOUND unless if_exists; deletes a managed table's data.
  void DropTable(const std::string& database, const std::string& name, bool if_exists);
  std::optional<CatalogTable> GetTable(const std::string& database, const std::string& name) const;
  // Replaces the stored entry of an existing table (schema evolution, properties).
  void AlterTable(const CatalogTable& table);
  std::vector<CatalogTable> ListTables(const std::string& database) const;  // sorted by name

  // Records index `index` on `columns` of a table (metadata only). Throws
  // TABLE_OR_VIEW_NOT_FOUND, INDEX_ALREADY_EXISTS when a table of the database
  // has an index of that name (unless if_not_exists: returns false).
  bool CreateIndex(const std::string& database, const std::string& table, const std::string& index,
                   const std::vector<std::string>& columns, bool if_not_exists);
  // Forgets index `index` of the database (of `table` when not empty). Throws
  // INDEX_NOT_FOUND unless if_exists (then returns false). Dropping a table
  // drops its indexes with it.
  bool DropIndex(const std::string& database, const std::string& table, const std::string& index, bool if_exists);

 private:
  struct Entry {
    CatalogDatabase db;
    std::map<std::string, CatalogTable> tables;
  };
  void Load() REQUIRES(mu_);
  void Save(const Entry& entry) const REQUIRES(mu_);
  Entry& RequireDatabase(const std::string& name) REQUIRES(mu_);

  const std::string warehouse_dir_;
  mutable std::mutex mu_;
  std::map<std::string, Entry> databases_ GUARDED_BY(mu_);
};

// Lower-cases an identifier (Spark's case-insensitive catalog).
std::string NormalizeIdentifier(const std::string& name);

}  // namespace lakestream
