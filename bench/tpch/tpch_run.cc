// tpch_run: runs the TPC-H queries through Session::sql over tables that
// tpch_gen wrote, and prints their timings; tpch_duckdb.mjs does the same in
// DuckDB, and the test (tpch_test.sh) and the benchmark (run_tpch_bench.sh)
// put the two side by side.
//
// Usage: tpch_run --data DIR --queries DIR [--query q1,q5] [--repeat N]
//                 [--threads N] [--out DIR] [--explain]
//   --data     tpch_gen's output: DIR/tpch_schema.json and DIR/<table>/ with
//              CSV files (read with the schema's types) or Parquet files.
//              Each table becomes a temporary view of that name.
//   --queries  the folder of q1.sql .. q22.sql.
//   --repeat   timed runs per query after one untimed first run (default 0:
//              only the first run, timed).
//   --out      writes DIR/<query>.jsonl (the first run's result in the
//              canonical form of tests/duckdb/result_writer.h) or
//              DIR/<query>.error (the message of the error that ended it).
//   --explain  prints each query's physical plan before running it.
// Prints one line per query: "RESULT <query> <median ms> <rows>" or
// "ERROR <query> <message>". Exit status: 0, 1 if any query failed, 2 for
// bad arguments.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lakestream/lakestream.h"
#include "result_writer.h"

namespace lakestream::tpch {
namespace {

namespace fs = std::filesystem;

struct Options {
  fs::path data;
  fs::path queries;
  std::vector<std::string> only;
  int repeat = 0;
  int threads = 0;
  fs::path out;
  bool explain = false;
};

[[noreturn]] void Usage(const std::string& problem) {
  std::fprintf(stderr,
               "tpch_run: %s\nusage: tpch_run --data DIR --queries DIR [--query q1,q5] [--repeat N] [--threads N] "
               "[--out DIR] [--explain]\n",
               problem.c_str());
  std::exit(2);
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--explain") {
      o.explain = true;
      continue;
    }
    if (i + 1 >= argc) Usage(arg + " needs a value");
    const std::string value = argv[++i];
    try {
      if (arg == "--data") o.data = value;
      else if (arg == "--queries") o.queries = value;
      else if (arg == "--query") o.only = SplitList(value);
      else if (arg == "--repeat") o.repeat = std::stoi(value);
      else if (arg == "--threads") o.threads = std::stoi(value);
      else if (arg == "--out") o.out = value;
      else Usage("unknown argument " + arg);
    } catch (const std::logic_error&) {
      Usage("bad value for " + arg + ": " + value);
    }
  }
  if (o.data.empty() || o.queries.empty()) Usage("--data and --queries are required");
  return o;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool HasParquetFiles(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".parquet") return true;
  }
  return false;
}

// One temporary view per table of tpch_schema.json, in file order.
void RegisterTables(const Session& session, const fs::path& data) {
  const auto schema = nlohmann::ordered_json::parse(ReadFile(data / "tpch_schema.json"));
  for (const auto& [table, columns] : schema.items()) {
    const fs::path dir = data / table;
    if (HasParquetFiles(dir)) {
      session.read().parquet(dir.string()).createOrReplaceTempView(table);
      continue;
    }
    std::string ddl;
    for (const auto& column : columns) {
      if (!ddl.empty()) ddl += ", ";
      ddl += column[0].get<std::string>() + " " + column[1].get<std::string>();
    }
    session.read().format("csv").option("header", "true").schema(ddl).load(dir.string()).createOrReplaceTempView(table);
  }
}

// q1 .. q22 in numeric order, or the ones asked for.
std::vector<std::string> QueryNames(const Options& o) {
  if (!o.only.empty()) return o.only;
  std::vector<std::pair<int, std::string>> found;
  for (const auto& entry : fs::directory_iterator(o.queries)) {
    const std::string stem = entry.path().stem().string();
    if (entry.path().extension() == ".sql" && stem.size() > 1 && stem[0] == 'q') {
      found.emplace_back(std::atoi(stem.c_str() + 1), stem);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> names;
  for (const auto& [n, name] : found) names.push_back(name);
  return names;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Runs one query 1 + repeat times; writes its result and prints its line.
// Returns false when the query failed.
bool RunQuery(const Session& session, const Options& o, const std::string& name) {
  try {
    const std::string text = ReadFile(o.queries / (name + ".sql"));
    if (o.explain) std::printf("PLAN %s\n%s\n", name.c_str(), session.sql(text).explainString().c_str());
    std::vector<double> times;
    auto start = std::chrono::steady_clock::now();
    DataFrame df = session.sql(text);
    const std::vector<Row> rows = df.collect();
    times.push_back(MillisSince(start));
    if (!o.out.empty()) {
      std::ofstream out(o.out / (name + ".jsonl"));
      duckdb_compare::WriteResult(out, df.schema(), rows);
    }
    if (o.repeat > 0) times.clear();
    for (int i = 0; i < o.repeat; ++i) {
      start = std::chrono::steady_clock::now();
      session.sql(text).collect();
      times.push_back(MillisSince(start));
    }
    std::printf("RESULT %s %.1f %zu\n", name.c_str(), Median(times), rows.size());
    std::fflush(stdout);
    return true;
  } catch (const std::exception& e) {
    std::string message = e.what();
    std::replace(message.begin(), message.end(), '\n', ' ');
    std::printf("ERROR %s %s\n", name.c_str(), message.c_str());
    std::fflush(stdout);
    if (!o.out.empty()) std::ofstream(o.out / (name + ".error")) << e.what() << "\n";
    return false;
  }
}

int Run(const Options& o) {
  SessionBuilder builder = Session::builder();
  builder.appName("tpch_run");
  if (o.threads > 0) builder.threads(o.threads);
  const Session session = builder.getOrCreate();
  RegisterTables(session, o.data);
  if (!o.out.empty()) fs::create_directories(o.out);
  bool ok = true;
  for (const std::string& name : QueryNames(o)) ok &= RunQuery(session, o, name);
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace lakestream::tpch

int main(int argc, char** argv) {
  const lakestream::tpch::Options options = lakestream::tpch::ParseOptions(argc, argv);
  try {
    return lakestream::tpch::Run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tpch_run: %s\n", e.what());
    return 1;
  }
}
