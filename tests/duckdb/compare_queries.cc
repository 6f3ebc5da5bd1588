// Runs the DataFrame queries of dataframe_queries.cc over the CSV tables that
// gen_data.mjs wrote and writes each result to OUT_DIR/<name>.jsonl (see
// result_writer.h), or the error that ended it to OUT_DIR/<name>.error. Also
// writes OUT_DIR/queries.txt, the list of names compare.mjs checks.
//
// Usage: compare_queries DATA_DIR OUT_DIR [--query NAME] [--threads N]
//        compare_queries --list
// Exits 0 when every query ran or failed with an error (compare.mjs judges);
// exits 2 on bad arguments or unreadable inputs.
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "dataframe_queries.h"
#include "lakestream/lakestream.h"
#include "result_writer.h"

namespace lakestream::duckdb_compare {
namespace {

namespace fs = std::filesystem;

// schemas.tsv: "table<TAB>file<TAB>Spark DDL" per line.
Tables LoadTables(const Session& session, const fs::path& data_dir) {
  std::ifstream in(data_dir / "schemas.tsv");
  if (!in) throw std::runtime_error("cannot read " + (data_dir / "schemas.tsv").string());
  std::map<std::string, DataFrame> frames;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) throw std::runtime_error("bad schemas.tsv line: " + line);
    const std::string table = line.substr(0, tab1);
    const std::string file = line.substr(tab1 + 1, tab2 - tab1 - 1);
    const std::string ddl = line.substr(tab2 + 1);
    frames.emplace(table, session.read().option("header", "true").schema(ddl).csv((data_dir / file).string()));
  }
  auto get = [&frames](const std::string& name) {
    auto it = frames.find(name);
    if (it == frames.end()) throw std::runtime_error("schemas.tsv lacks table " + name);
    return it->second;
  };
  return Tables{get("trips"), get("zones"), get("edge_l"), get("edge_r")};
}

// Writes to a temporary name and renames, so a crash never leaves a partial result.
void WriteFile(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

void RunQuery(const Query& query, const Tables& tables, const fs::path& out_dir) {
  const auto start = std::chrono::steady_clock::now();
  std::ostringstream text;
  size_t num_rows = 0;
  try {
    const DataFrame df = query.build(tables);
    if (query.count_action) {
      const Schema schema({Field("count", DataType::Long(), false)});
      const std::vector<Row> rows = {Row{Value(df.count())}};
      WriteResult(text, schema, rows);
      num_rows = 1;
    } else {
      const std::vector<Row> rows = df.collect();
      WriteResult(text, df.schema(), rows);
      num_rows = rows.size();
    }
  } catch (const std::exception& e) {
    WriteFile(out_dir / (query.name + ".error"), e.what());
    std::printf("%-32s ERROR %s\n", query.name.c_str(), e.what());
    return;
  }
  WriteFile(out_dir / (query.name + ".jsonl"), text.str());
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("%-32s %7zu rows %8.1f ms\n", query.name.c_str(), num_rows, ms);
  std::fflush(stdout);
}

int Main(int argc, char** argv) {
  std::vector<std::string> positional;
  std::string only;
  int threads = 2;
  for (int i = 1; i < argc; i++) {
    const std::string arg = argv[i];
    if (arg == "--list") {
      for (const Query& q : DataFrameQueries()) std::printf("%s\n", q.name.c_str());
      return 0;
    }
    if (arg == "--query" && i + 1 < argc) {
      only = argv[++i];
    } else if (arg == "--threads" && i + 1 < argc) {
      threads = std::stoi(argv[++i]);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) {
    std::fprintf(stderr, "usage: compare_queries DATA_DIR OUT_DIR [--query NAME] [--threads N] | --list\n");
    return 2;
  }
  const fs::path data_dir = positional[0];
  const fs::path out_dir = positional[1];
  fs::create_directories(out_dir);

  std::string names;
  for (const Query& q : DataFrameQueries()) names += q.name + "\n";
  WriteFile(out_dir / "queries.txt", names);

  Session session = Session::builder().appName("duckdb_compare").threads(threads).sessionTimeZone("UTC").getOrCreate();
  const Tables tables = LoadTables(session, data_dir);
  bool found = only.empty();
  for (const Query& q : DataFrameQueries()) {
    if (!only.empty() && q.name != only) continue;
    found = true;
    RunQuery(q, tables, out_dir);
  }
  if (!found) {
    std::fprintf(stderr, "compare_queries: no query named %s\n", only.c_str());
    return 2;
  }
  return 0;
}

}  // namespace
}  // namespace lakestream::duckdb_compare

int main(int argc, char** argv) {
  try {
    return lakestream::duckdb_compare::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "compare_queries: %s\n", e.what());
    return 2;
  }
}
