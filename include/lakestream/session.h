// Session: the entry point (Spark's SparkSession). Holds configuration, the
// worker pool and the catalog; creates DataFrames. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lakestream/dataframe.h"

namespace lakestream {

class SessionState;
class Session;

class DataFrameReader {
 public:
  explicit DataFrameReader(std::shared_ptr<SessionState> session) : session_(std::move(session)) {}
  DataFrameReader& format(const std::string& format);
  DataFrameReader& option(const std::string& key, const std::string& value);
  DataFrameReader& options(const std::map<std::string, std::string>& opts);
  // Spark DDL ("id INT, name STRING") or a Schema.
  DataFrameReader& schema(const std::string& ddl);
  DataFrameReader& schema(const Schema& schema);
  DataFrame load(const std::vector<std::string>& paths);
  DataFrame load(const std::string& path) { return load(std::vector<std::string>{path}); }
  DataFrame csv(const std::string& path) { return format("csv").load(path); }
  DataFrame csv(const std::vector<std::string>& paths) { return format("csv").load(paths); }
  DataFrame json(const std::string& path) { return format("json").load(path); }
  DataFrame json(const std::vector<std::string>& paths) { return format("json").load(paths); }
  DataFrame parquet(const std::string& path) { return format("parquet").load(path); }
  DataFrame parquet(const std::vector<std::string>& paths) { return format("parquet").load(paths); }

 private:
  std::shared_ptr<SessionState> session_;
  std::string format_ = "parquet";  // spark.sql.sources.default
  std::map<std::string, std::string> options_;
  std::shared_ptr<const Schema> schema_;
};

class SessionBuilder {
 public:
  SessionBuilder& appName(const std::string& name);
  // Worker threads; default: all cores.
  SessionBuilder& threads(int n);
  // Per-query memory limit, e.g. "2g", "512m", or bytes; default: 60% of RAM.
  SessionBuilder& memoryLimit(const std::string& limit);
  SessionBuilder& warehouseDir(const std::string& dir);
  SessionBuilder& sessionTimeZone(const std::string& tz);
  // Any Spark-style setting, e.g. config("spark.sql.ansi.enabled", "false").
  SessionBuilder& config(const std::string& key, const std::string& value);
  Session getOrCreate();

 private:
  std::map<std::string, std::string> conf_;
};

class Session {
 public:
  static SessionBuilder builder();
  explicit Session(std::shared_ptr<SessionState> state);

  DataFrameReader read() const;
  DataFrame range(int64_t end) const;
  DataFrame range(int64_t start, int64_t end, int64_t step = 1, int num_partitions = 0) const;
  DataFrame createDataFrame(const std::vector<Row>& rows, const Schema& schema) const;
  DataFrame createDataFrame(const std::vector<Row>& rows, const std::string& ddl) const;

  // Runs Spark SQL. A query returns its DataFrame (run by an action); other
  // statements (DDL, INSERT, SET, SHOW, ...) run now and return their output
  // rows. Several ';'-separated statements run in order and the last one's
  // result is returned. Throws UserError (PARSE_SYNTAX_ERROR with a caret, ...).
  DataFrame sql(const std::string& text) const;
  // The table or view `name` ("t" or "db.t").
  DataFrame table(const std::string& name) const;

  // Cancels every query of this session running now, from any thread (Spark
  // Connect's SparkSession.interruptAll; the SQL shell's Ctrl-C): each throws
  // CancelledError. Queries started afterwards are unaffected.
  void interruptAll() const;

  // Runtime configuration (spark.conf.get / set).
  std::string conf(const std::string& key) const;
  void setConf(const std::string& key, const std::string& value);

  const std::shared_ptr<SessionState>& state() const { return state_; }

 private:
  std::shared_ptr<SessionState> state_;
};

}  // namespace lakestream
