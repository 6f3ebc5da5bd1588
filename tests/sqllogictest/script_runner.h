// Runs sqllogictest scripts against a fresh Lakestream session per script and
// counts what passed.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sqllogictest/slt_record.h"

namespace lakestream::slt {

struct RunnerOptions {
  std::string engine = "lakestream";  // the name skipif/onlyif match
  // Session settings. SQLite's corpus runs with ANSI mode off (SQLite has no
  // overflow or division-by-zero errors) and `sqlite_settings`: the
  // lakestream.sql.legacy* settings that make Spark behave like SQLite where
  // the two differ (integer `/` on integers, bare columns in aggregates, `+`
  // a no-op on any type, empty IN lists). Lakestream's own scripts run with
  // Spark's defaults (ansi on, `/` DOUBLE, none of the legacy settings).
  bool ansi = false;
  bool sqlite_settings = true;
  // Results of more values than this are compared by hash unless a script
  // says otherwise; SQLite's runner uses 8. 0: never hash.
  int hash_threshold = 8;
  int threads = 1;
  bool verbose = false;  // print every failure with SQL, expected and actual
  double slow_seconds = 0;  // > 0: report records that take longer than this
};

struct Failure {
  int line = 0;
  std::string header;
  std::string sql;
  std::string expected;
  std::string actual;
};

struct SlowRecord {
  int line = 0;
  double seconds = 0;
};

struct ScriptResult {
  std::string path;
  int64_t records = 0;  // statements and queries, including skipped ones
  int64_t passed = 0;
  int64_t failed = 0;
  int64_t skipped = 0;  // by skipif/onlyif, or after halt
  double seconds = 0;
  std::vector<Failure> failures;
  std::vector<SlowRecord> slow;
};

class ScriptRunner {
 public:
  explicit ScriptRunner(RunnerOptions options) : options_(std::move(options)) {}

  // Runs one script from its text; `path` only names it in reports. The
  // session lives in a temporary warehouse directory removed afterwards.
  ScriptResult Run(const std::string& path, const std::string& text) const;
  ScriptResult RunFile(const std::string& path) const;

 private:
  RunnerOptions options_;
};

}  // namespace lakestream::slt
