#include "lakestream/session.h"

#include <cctype>

#include "api/file_relation.h"
#include "api/session_state.h"
#include "columnar/record_batch.h"
#include "formats/file_format.h"
#include "lakestream/error.h"
#include "plan/logical_plan.h"

namespace lakestream {

// ---- SessionBuilder -------------------------------------------------------------

SessionBuilder& SessionBuilder::appName(const std::string& name) { return config("spark.app.name", name); }
SessionBuilder& SessionBuilder::threads(int n) { return config("lakestream.threads", std::to_string(n)); }
SessionBuilder& SessionBuilder::memoryLimit(const std::string& limit) { return config("lakestream.memory.limit", limit); }
SessionBuilder& SessionBuilder::warehouseDir(const std::string& dir) { return config("spark.sql.warehouse.dir", dir); }
SessionBuilder& SessionBuilder::sessionTimeZone(const std::string& tz) { return config("spark.sql.session.timeZone", tz); }

SessionBuilder& SessionBuilder::config(const std::string& key, const std::string& value) {
  conf_[key] = value;
  return *this;
}

Session SessionBuilder::getOrCreate() { return Session(std::make_shared<SessionState>(conf_)); }

// ---- Session --------------------------------------------------------------------

SessionBuilder Session::builder() { return SessionBuilder(); }

Session::Session(std::shared_ptr<SessionState> state) : state_(std::move(state)) {}

DataFrameReader Session::read() const { return DataFrameReader(state_); }

DataFrame Session::range(int64_t end) const { return range(0, end); }

DataFrame Session::range(int64_t start, int64_t end, int64_t step, int num_partitions) const {
  return DataFrame(state_, MakeRange(start, end, step, num_partitions));
}

DataFrame Session::createDataFrame(const std::vector<Row>& rows, const Schema& schema) const {
  auto s = std::make_shared<Schema>(schema);
  return DataFrame(state_, MakeLocalRelation(s, RowsToBatches(s, rows)));
}

DataFrame Session::createDataFrame(const std::vector<Row>& rows, const std::string& ddl) const {
  return createDataFrame(rows, *Schema::ParseDdl(ddl));
}

std::string Session::conf(const std::string& key) const {
  std::string v = state_->GetConf(key, "\x01");
  if (v == "\x01") {
    throw UserError("SQL_CONF_NOT_FOUND", "42K0I", "The SQL config \"" + key + "\" cannot be found.");
  }
  return v;
}

void Session::setConf(const std::string& key, const std::string& value) { state_->SetConf(key, value); }

void Session::interruptAll() const { state_->InterruptAll(); }

// ---- DataFrameReader ------------------------------------------------------------

DataFrameReader& DataFrameReader::format(const std::string& format) {
  format_ = format;
  return *this;
}

DataFrameReader& DataFrameReader::option(const std::string& key, const std::string& value) {
  std::string k = key;
  for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  options_[k] = value;
  return *this;
}

DataFrameReader& DataFrameReader::options(const std::map<std::string, std::string>& opts) {
  for (const auto& [k, v] : opts) option(k, v);
  return *this;
}

DataFrameReader& DataFrameReader::schema(const std::string& ddl) {
  schema_ = Schema::ParseDdl(ddl);
  return *this;
}

DataFrameReader& DataFrameReader::schema(const Schema& schema) {
  schema_ = std::make_shared<Schema>(schema);
  return *this;
}

DataFrame DataFrameReader::load(const std::vector<std::string>& paths) {
  return DataFrame(session_, MakeFileRelation(*session_, format_, paths, options_, schema_));
}

}  // namespace lakestream
