#include "catalog/catalog.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "formats/atomic_file_writer.h"
#include "lakestream/error.h"

namespace lakestream {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

constexpr const char* kDefaultDatabase = "default";

const char* TypeName(CatalogTable::Type t) {
  switch (t) {
    case CatalogTable::Type::kManaged: return "MANAGED";
    case CatalogTable::Type::kExternal: return "EXTERNAL";
    case CatalogTable::Type::kView: return "VIEW";
  }
  return "?";
}

CatalogTable::Type ParseTypeName(const std::string& s) {
  if (s == "EXTERNAL") return CatalogTable::Type::kExternal;
  if (s == "VIEW") return CatalogTable::Type::kView;
  return CatalogTable::Type::kManaged;
}

json SchemaToJson(const SchemaPtr& schema) {
  json fields = json::array();
  if (!schema) return fields;
  for (const auto& f : schema->fields()) {
    fields.push_back({{"name", f.name}, {"type", f.type->ToSql()}, {"nullable", f.nullable}, {"metadata", f.metadata}});
  }
  return fields;
}

SchemaPtr SchemaFromJson(const json& fields) {
  std::vector<Field> out;
  for (const auto& f : fields) {
    out.emplace_back(f.at("name").get<std::string>(), DataType::Parse(f.at("type").get<std::string>()),
                     f.at("nullable").get<bool>(), f.value("metadata", std::map<std::string, std::string>{}));
  }
  return std::make_shared<Schema>(std::move(out));
}

json TableToJson(const CatalogTable& t) {
  return {{"name", t.name},
          {"type", TypeName(t.type)},
          {"format", t.format},
          {"location", t.location},
          {"schema", SchemaToJson(t.schema)},
          {"partition_columns", t.partition_columns},
          {"options", t.options},
          {"properties", t.properties},
          {"comment", t.comment},
          {"view_text", t.view_text},
          {"created_millis", t.created_millis},
          {"indexes", t.indexes}};
}

CatalogTable TableFromJson(const std::string& database, const json& j) {
  CatalogTable t;
  t.database = database;
  t.name = j.at("name").get<std::string>();
  t.type = ParseTypeName(j.at("type").get<std::string>());
  t.format = j.value("format", "");
  t.location = j.value("location", "");
  t.schema = SchemaFromJson(j.at("schema"));
  t.partition_columns = j.value("partition_columns", std::vector<std::string>{});
  t.options = j.value("options", std::map<std::string, std::string>{});
  t.properties = j.value("properties", std::map<std::string, std::string>{});
  t.comment = j.value("comment", "");
  t.view_text = j.value("view_text", "");
  t.created_millis = j.value("created_millis", int64_t{0});
  t.indexes = j.value("indexes", std::map<std::string, std::vector<std::string>>{});
  return t;
}

UserError SchemaNotFound(const std::string& name) {
  return UserError("SCHEMA_NOT_FOUND", "42704",
                   "The schema `" + name + "` cannot be found. Verify the spelling and correctness of the schema and "
                   "catalog.");
}

UserError TableNotFound(const std::string& database, const std::string& name) {
  return UserError("TABLE_OR_VIEW_NOT_FOUND", "42P01",
                   "The table or view `" + database + "`.`" + name +
                       "` cannot be found. Verify the spelling and correctness of the schema and catalog.");
}

int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string NormalizeIdentifier(const std::string& name) {
  std::string out = name;
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string TableIdentifier::ToString() const {
  return "`spark_catalog`.`" + (database.empty() ? std::string(kDefaultDatabase) : database) + "`.`" + name + "`";
}

Catalog::Catalog(std::string warehouse_dir) : warehouse_dir_(fs::absolute(warehouse_dir).lexically_normal().string()) {
  std::lock_guard<std::mutex> lock(mu_);
  std::error_code ec;
  fs::create_directories(fs::path(warehouse_dir_) / "_catalog", ec);
  if (ec) {
    throw UserError("FAILED_WRITE_FILE", "58030", "Cannot create the warehouse directory " + warehouse_dir_ + ": " +
                                                      ec.message() + ".");
  }
  Load();
  if (!databases_.count(kDefaultDatabase)) {
    Entry& e = databases_[kDefaultDatabase];
    e.db = {kDefaultDatabase, warehouse_dir_, "default database"};
    Save(e);
  }
}

void Catalog::Load() {
  for (const auto& file : fs::directory_iterator(fs::path(warehouse_dir_) / "_catalog")) {
    if (file.path().extension() != ".json" || file.path().filename().string().starts_with(".")) continue;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    try {
      json j = json::parse(text.str());
      Entry e;
      e.db.name = j.at("name").get<std::string>();
      e.db.location = j.value("location", "");
      e.db.comment = j.value("comment", "");
      for (const auto& t : j.at("tables")) {
        CatalogTable table = TableFromJson(e.db.name, t);
        e.tables[table.name] = std::move(table);
      }
      databases_[e.db.name] = std::move(e);
    } catch (const json::exception& ex) {
      throw UserError("CATALOG_CORRUPT", "XX001",
                      "The catalog file " + file.path().string() + " is not valid: " + ex.what() + ".");
    }
  }
}

void Catalog::Save(const Entry& entry) const {
  json tables = json::array();
  for (const auto& [name, t] : entry.tables) tables.push_back(TableToJson(t));
  json j = {{"name", entry.db.name}, {"location", entry.db.location}, {"comment", entry.db.comment}, {"tables", tables}};
  WriteFileAtomically((fs::path(warehouse_dir_) / "_catalog" / (entry.db.name + ".json")).string(), j.dump(2));
}

Catalog::Entry& Catalog::RequireDatabase(const std::string& name) {
  auto it = databases_.find(NormalizeIdentifier(name));
  if (it == databases_.end()) throw SchemaNotFound(name);
  return it->second;
}

void Catalog::CreateDatabase(const CatalogDatabase& db, bool if_not_exists) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string name = NormalizeIdentifier(db.name);
  if (databases_.count(name)) {
    if (if_not_exists) return;
    throw UserError("SCHEMA_ALREADY_EXISTS", "42P06",
                    "Cannot create schema `" + name + "` because it already exists. Choose a different name, drop the "
                    "existing schema, or add the IF NOT EXISTS clause to tolerate pre-existing schema.");
  }
  Entry& e = databases_[name];
  e.db = db;
  e.db.name = name;
  if (e.db.location.empty()) e.db.location = (fs::path(warehouse_dir_) / (name + ".db")).string();
  std::error_code ec;
  fs::create_directories(e.db.location, ec);
  Save(e);
}

void Catalog::DropDatabase(const std::string& name, bool if_exists, bool cascade) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string key = NormalizeIdentifier(name);
  auto it = databases_.find(key);
  if (it == databases_.end()) {
    if (if_exists) return;
    throw SchemaNotFound(key);
  }
  if (key == kDefaultDatabase) {
    throw UserError("UNSUPPORTED_FEATURE.DROP_DATABASE", "0A000", "Drop the default database `default` is not allowed.");
  }
  if (!it->second.tables.empty() && !cascade) {
    throw UserError("SCHEMA_NOT_EMPTY", "2BP01",
                    "Cannot drop a schema `" + key + "` because it contains objects. Use DROP SCHEMA ... CASCADE to "
                    "drop the schema and all its objects.");
  }
  for (const auto& [tname, t] : it->second.tables) {
    if (t.type == CatalogTable::Type::kManaged && !t.location.empty()) fs::remove_all(t.location);
  }
  std::error_code ec;
  fs::remove(fs::path(warehouse_dir_) / "_catalog" / (key + ".json"), ec);
  fs::remove_all(it->second.db.location, ec);
  databases_.erase(it);
}

bool Catalog::DatabaseExists(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  return databases_.count(NormalizeIdentifier(name)) > 0;
}

std::optional<CatalogDatabase> Catalog::GetDatabase(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = databases_.find(NormalizeIdentifier(name));
  if (it == databases_.end()) return std::nullopt;
  return it->second.db;
}

std::vector<std::string> Catalog::ListDatabases() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  for (const auto& [name, e] : databases_) out.push_back(name);
  return out;
}

std::string Catalog::DefaultTableLocation(const std::string& database, const std::string& table) const {
  std::string db = NormalizeIdentifier(database);
  fs::path base = db == kDefaultDatabase ? fs::path(warehouse_dir_) : fs::path(warehouse_dir_) / (db + ".db");
  return (base / NormalizeIdentifier(table)).string();
}

bool Catalog::CreateTable(const CatalogTable& table, bool if_not_exists, bool replace) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry& e = RequireDatabase(table.database);
  std::string name = NormalizeIdentifier(table.name);
  if (e.tables.count(name) && !replace) {
    if (if_not_exists) return false;
    throw UserError("TABLE_OR_VIEW_ALREADY_EXISTS", "42P07",
                    "Cannot create table or view `" + e.db.name + "`.`" + name +
                        "` because it already exists. Choose a different name, drop or replace the existing object, "
                        "or add the IF NOT EXISTS clause to tolerate pre-existing objects.");
  }
  CatalogTable t = table;
  t.database = e.db.name;
  t.name = name;
  if (t.created_millis == 0) t.created_millis = NowMillis();
  e.tables[name] = std::move(t);
  Save(e);
  return true;
}

void Catalog::DropTable(const std::string& database, const std::string& name, bool if_exists) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry& e = RequireDatabase(database);
  auto it = e.tables.find(NormalizeIdentifier(name));
  if (it == e.tables.end()) {
    if (if_exists) return;
    throw TableNotFound(e.db.name, NormalizeIdentifier(name));
  }
  CatalogTable dropped = it->second;
  e.tables.erase(it);
  Save(e);
  // Data goes after the catalog entry, so a crash in between leaves orphan
  // files rather than a table whose data is missing.
  if (dropped.type == CatalogTable::Type::kManaged && !dropped.location.empty()) {
    std::error_code ec;
    fs::remove_all(dropped.location, ec);
  }
}

std::optional<CatalogTable> Catalog::GetTable(const std::string& database, const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto db = databases_.find(NormalizeIdentifier(database));
  if (db == databases_.end()) return std::nullopt;
  auto it = db->second.tables.find(NormalizeIdentifier(name));
  if (it == db->second.tables.end()) return std::nullopt;
  return it->second;
}

void Catalog::AlterTable(const CatalogTable& table) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry& e = RequireDatabase(table.database);
  auto it = e.tables.find(NormalizeIdentifier(table.name));
  if (it == e.tables.end()) throw TableNotFound(e.db.name, table.name);
  it->second = table;
  it->second.database = e.db.name;
  it->second.name = NormalizeIdentifier(table.name);
  Save(e);
}

std::vector<CatalogTable> Catalog::ListTables(const std::string& database) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto db = databases_.find(NormalizeIdentifier(database));
  if (db == databases_.end()) throw SchemaNotFound(database);
  std::vector<CatalogTable> out;
  for (const auto& [name, t] : db->second.tables) out.push_back(t);
  return out;
}

bool Catalog::CreateIndex(const std::string& database, const std::string& table, const std::string& index,
                          const std::vector<std::string>& columns, bool if_not_exists) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry& e = RequireDatabase(database);
  auto it = e.tables.find(NormalizeIdentifier(table));
  if (it == e.tables.end()) throw TableNotFound(e.db.name, NormalizeIdentifier(table));
  std::string name = NormalizeIdentifier(index);
  for (const auto& [tname, t] : e.tables) {
    if (!t.indexes.count(name)) continue;
    if (if_not_exists) return false;
    throw UserError("INDEX_ALREADY_EXISTS", "42710",
                    "Cannot create the index `" + name + "` on table `" + e.db.name + "`.`" + it->first +
                        "` because it already exists.");
  }
  it->second.indexes[name] = columns;
  Save(e);
  return true;
}

bool Catalog::DropIndex(const std::string& database, const std::string& table, const std::string& index,
                        bool if_exists) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry& e = RequireDatabase(database);
  std::string name = NormalizeIdentifier(index);
  std::string on = NormalizeIdentifier(table);
  for (auto& [tname, t] : e.tables) {
    if ((!on.empty() && tname != on) || !t.indexes.erase(name)) continue;
    Save(e);
    return true;
  }
  if (if_exists) return false;
  throw UserError("INDEX_NOT_FOUND", "42704",
                  "Cannot find the index `" + name + "`" +
                      (on.empty() ? std::string() : " on table `" + e.db.name + "`.`" + on + "`") + ".");
}

}  // namespace lakestream
