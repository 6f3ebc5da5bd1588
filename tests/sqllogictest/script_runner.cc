#include "sqllogictest/script_runner.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "lakestream/lakestream.h"
#include "sqllogictest/result_renderer.h"
#include "sqllogictest/slt_parser.h"

namespace lakestream::slt {

namespace fs = std::filesystem;

namespace {

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// A temporary warehouse directory, removed when the script ends.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("lakestream_slt_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Per-script state: the session, the hash threshold and the label hashes.
class ScriptState {
 public:
  ScriptState(const RunnerOptions& options, const fs::path& warehouse)
      : options_(options),
        session_(Session::builder()
                     .threads(options.threads)
                     .warehouseDir(warehouse.string())
                     .config("spark.sql.ansi.enabled", options.ansi ? "true" : "false")
                     .config("lakestream.sql.legacyIntegerDivision", options.sqlite_settings ? "true" : "false")
                     .config("lakestream.sql.legacyBareColumnsInAggregate", options.sqlite_settings ? "true" : "false")
                     .config("lakestream.sql.legacyUnaryPlus", options.sqlite_settings ? "true" : "false")
                     .config("lakestream.sql.legacyEmptyInList", options.sqlite_settings ? "true" : "false")
                     .getOrCreate()),
        hash_threshold_(options.hash_threshold) {}

  bool Applies(const Record& r) const {
    for (const auto& c : r.conditions) {
      if (c.only_if != (c.engine == options_.engine)) return false;
    }
    return true;
  }

  void SetHashThreshold(int n) { hash_threshold_ = n; }

  // Returns an empty string when the record passes, else what went wrong.
  std::string RunStatement(const Record& r, std::string* actual) {
    try {
      session_.sql(r.sql).collect();
    } catch (const std::exception& e) {
      *actual = e.what();
      if (!r.expect_error) return "statement failed";
      if (r.error_regex.empty()) return "";
      try {
        return std::regex_search(e.what(), std::regex(r.error_regex)) ? "" : "error message does not match";
      } catch (const std::regex_error&) {
        return "invalid regex '" + r.error_regex + "'";
      }
    }
    *actual = "(statement succeeded)";
    return r.expect_error ? "statement should have failed" : "";
  }

  std::string RunQuery(const Record& r, std::string* actual) {
    std::vector<std::vector<std::string>> rows;
    try {
      DataFrame df = session_.sql(r.sql);
      const Schema& schema = df.schema();
      if (schema.num_fields() != r.types.size()) {
        *actual = std::to_string(schema.num_fields()) + " columns: " + schema.ToString();
        return "wrong number of columns";
      }
      for (const auto& row : df.collect()) {
        std::vector<std::string> cells;
        for (size_t i = 0; i < row.size(); ++i) {
          cells.push_back(RenderValue(row[i], *schema.field(i).type, r.types[i]));
        }
        rows.push_back(std::move(cells));
      }
    } catch (const std::exception& e) {
      *actual = e.what();
      return "query failed";
    }
    if (r.sort_mode == SortMode::kRowSort) std::sort(rows.begin(), rows.end());
    std::vector<std::string> values;
    for (const auto& row : rows) values.insert(values.end(), row.begin(), row.end());
    if (r.sort_mode == SortMode::kValueSort) std::sort(values.begin(), values.end());

    std::string problem = CompareValues(r, rows, values, actual);
    if (!r.label.empty()) {
      std::string hash = HashValues(values);
      auto [it, first] = label_hashes_.emplace(r.label, hash);
      if (!first && it->second != hash && problem.empty()) {
        *actual = "hash " + hash + " differs from the earlier " + it->second;
        problem = "result differs from an earlier query with label " + r.label;
      }
    }
    return problem;
  }

 private:
  std::string CompareValues(const Record& r, const std::vector<std::vector<std::string>>& rows,
                            const std::vector<std::string>& values, std::string* actual) const {
    std::vector<std::string> lines;
    if (hash_threshold_ > 0 && static_cast<int>(values.size()) > hash_threshold_) {
      lines.push_back(std::to_string(values.size()) + " values hashing to " + HashValues(values));
    } else if (std::any_of(r.expected.begin(), r.expected.end(),
                           [](const std::string& l) { return l.find('\t') != std::string::npos; })) {
      // One row per line with tab-separated columns (DuckDB's layout). With
      // rowsort, rows sort as rendered, by their first differing value.
      for (const auto& row : rows) {
        std::string line;
        for (size_t i = 0; i < row.size(); ++i) line += (i ? "\t" : "") + row[i];
        lines.push_back(line);
      }
    } else {
      lines = values;
    }
    if (lines == r.expected) return "";
    *actual = Join(lines);
    return "result differs";
  }

  const RunnerOptions& options_;
  Session session_;
  int hash_threshold_;
  std::map<std::string, std::string> label_hashes_;
};

}  // namespace

ScriptResult ScriptRunner::Run(const std::string& path, const std::string& text) const {
  auto start = std::chrono::steady_clock::now();
  ScriptResult result;
  result.path = path;
  TempDir dir;
  ScriptState state(options_, dir.path() / "warehouse");
  bool halted = false;
  for (const Record& r : ParseScript(text)) {
    bool counted = r.kind != Record::Kind::kHashThreshold && r.kind != Record::Kind::kHalt;
    if (counted) ++result.records;
    if (halted || !state.Applies(r)) {
      if (counted) ++result.skipped;
      continue;
    }
    std::string problem, actual;
    auto record_start = std::chrono::steady_clock::now();
    switch (r.kind) {
      case Record::Kind::kHashThreshold: state.SetHashThreshold(r.hash_threshold); continue;
      case Record::Kind::kHalt: halted = true; continue;
      case Record::Kind::kStatement: problem = state.RunStatement(r, &actual); break;
      case Record::Kind::kQuery: problem = state.RunQuery(r, &actual); break;
      case Record::Kind::kUnknown: problem = "unknown record type"; break;
    }
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - record_start).count();
    if (options_.slow_seconds > 0 && took > options_.slow_seconds) result.slow.push_back({r.line, took});
    if (problem.empty()) {
      ++result.passed;
      continue;
    }
    ++result.failed;
    Failure f{r.line, r.header, r.sql, r.kind == Record::Kind::kQuery ? Join(r.expected) : "", problem + ": " + actual};
    if (options_.verbose) result.failures.push_back(std::move(f));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

ScriptResult ScriptRunner::RunFile(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ScriptResult r;
    r.path = path;
    r.failed = r.records = 1;
    r.failures.push_back({0, "", "", "", "cannot open " + path});
    return r;
  }
  std::stringstream text;
  text << in.rdbuf();
  return Run(path, text.str());
}

}  // namespace lakestream::slt
