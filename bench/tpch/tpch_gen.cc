// tpch_gen: writes the TPC-H tables (specification v3.0.1, clause 4.2) at a
// scale factor, for the TPC-H benchmark run on Lakestream and DuckDB over the
// same files.
//
// Usage: tpch_gen --sf SF --out DIR [--format csv|parquet]
//                 [--tables lineitem,orders,...] [--threads N]
//
// Writes DIR/<table>/part-NNNNN.csv (with a header row; dates yyyy-mm-dd,
// decimals with two digits) or, with --format parquet, DIR/<table>/*.parquet,
// replacing the folders of the tables it writes, and DIR/tpch_schema.json
// with every table's column names and types. The data depends only on SF,
// never on --threads. Exit status: 0 on success, 2 for bad arguments, 1 when
// writing fails.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tpch_csv_writer.h"
#include "tpch_generator.h"
#include "tpch_parquet_writer.h"
#include "tpch_table_spec.h"

namespace lakestream::tpch {
namespace {

struct Options {
  double sf = 0;
  std::filesystem::path out;
  bool parquet = false;
  std::vector<const TpchTableSpec*> tables;
  int threads = 1;
};

// Prints `problem` and the usage, and exits with `status` (0 for --help).
[[noreturn]] void Usage(const std::string& problem, int status = 2) {
  std::fprintf(status == 0 ? stdout : stderr,
               "tpch_gen: %s\n"
               "usage: tpch_gen --sf SF --out DIR [--format csv|parquet] [--tables t1,t2,...] [--threads N]\n"
               "tables: nation, region, part, supplier, partsupp, customer, orders, lineitem (default: all)\n",
               problem.c_str());
  std::exit(status);
}

std::vector<const TpchTableSpec*> ParseTables(std::string_view list) {
  std::vector<const TpchTableSpec*> tables;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    const TpchTableSpec* spec = FindTpchTable(name);
    if (spec == nullptr) Usage("unknown table '" + std::string(name) + "'");
    tables.push_back(spec);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return tables;
}

Options ParseOptions(int argc, char** argv) {
  Options options;
  options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 1; i < argc; i++) {
    const std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") Usage("writes the TPC-H tables (specification v3.0.1, clause 4.2)", 0);
    if (i + 1 >= argc) Usage("missing value after " + std::string(flag));
    const std::string value = argv[++i];
    try {
      if (flag == "--sf") {
        options.sf = std::stod(value);
      } else if (flag == "--out") {
        options.out = value;
      } else if (flag == "--format") {
        if (value != "csv" && value != "parquet") Usage("--format must be csv or parquet");
        options.parquet = value == "parquet";
      } else if (flag == "--tables") {
        options.tables = ParseTables(value);
      } else if (flag == "--threads") {
        options.threads = std::stoi(value);
      } else {
        Usage("unknown option " + std::string(flag));
      }
    } catch (const std::logic_error&) {  // stod / stoi
      Usage("bad number '" + value + "' after " + std::string(flag));
    }
  }
  // Below 0.01 the supplier table gets too small for the partsupp formula
  // (TpchScale::For); above 100 is untested.
  if (!(options.sf >= 0.01 && options.sf <= 100)) Usage("--sf must be between 0.01 and 100");
  if (options.out.empty()) Usage("--out is required");
  if (options.threads < 1) Usage("--threads must be at least 1");
  if (options.tables.empty()) {
    for (const TpchTableSpec& spec : AllTpchTables()) options.tables.push_back(&spec);
  }
  return options;
}

// {"lineitem": [["l_orderkey", "BIGINT"], ...], ...}: for readers of the
// files (check_gen.mjs, the benchmark) that need the types CSV lacks.
void WriteSchema(const std::filesystem::path& path) {
  std::string json = "{\n";
  for (const TpchTableSpec& spec : AllTpchTables()) {
    if (json.size() > 2) json += ",\n";
    json += "  \"" + std::string(spec.name) + "\": [";
    for (size_t c = 0; c < spec.columns.size(); c++) {
      if (c > 0) json += ", ";
      json += "[\"" + std::string(spec.columns[c].name) + "\", \"" + std::string(spec.columns[c].type) + "\"]";
    }
    json += "]";
  }
  json += "\n}\n";
  std::ofstream file(path);
  file << json;
  if (!file.flush()) throw std::runtime_error("cannot write " + path.string());
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Run(const Options& options) {
  const auto start = std::chrono::steady_clock::now();
  std::filesystem::create_directories(options.out);
  WriteSchema(options.out / "tpch_schema.json");
  const TpchGenerator generator(options.sf);
  // Parquet is made from the CSV files, staged beside the output and removed after.
  const std::filesystem::path csv_dir = options.parquet ? options.out / ".tpch_csv_staging" : options.out;
  const std::vector<TpchWrittenTable> written = WriteTpchCsv(generator, options.tables, csv_dir, options.threads);
  for (const TpchWrittenTable& table : written) {
    std::fprintf(stderr, "tpch_gen: %-8s %10lld rows in %lld csv file(s)\n", std::string(table.spec->name).c_str(),
                 static_cast<long long>(table.rows), static_cast<long long>(table.files));
  }
  std::fprintf(stderr, "tpch_gen: csv written in %.2f s (sf %g, %d threads)\n", SecondsSince(start), options.sf,
               options.threads);
  if (options.parquet) {
    for (const TpchWrittenTable& table : written) {
      WriteTpchParquet(*table.spec, csv_dir / table.spec->name, options.out / table.spec->name, options.threads);
    }
    std::filesystem::remove_all(csv_dir);
    std::fprintf(stderr, "tpch_gen: parquet written in %.2f s\n", SecondsSince(start));
  }
}

}  // namespace
}  // namespace lakestream::tpch

int main(int argc, char** argv) {
  const lakestream::tpch::Options options = lakestream::tpch::ParseOptions(argc, argv);
  try {
    lakestream::tpch::Run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tpch_gen: %s\n", e.what());
    return 1;
  }
  return 0;
}
