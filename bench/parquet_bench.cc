// Parquet scan and write benchmark on TPC-H lineitem; parquet_duckdb_bench.mjs
// runs the same queries on the same file in DuckDB, and
// run_parquet_bench.sh prints the two side by side.
//
// Input: a lineitem folder of Parquet files written by tpch_gen (Lakestream's
// writer, snappy, row groups of at most 1 Mi rows, rows in l_orderkey order),
// read through the public API as a temporary view. Queries, each reduced to
// one row whose values both engines must agree on:
//   scan_all_columns  every value of all 16 columns decoded and used: sum of
//                     each number, of each string's length, of each date's
//                     days since 1970-01-01, and count(*)
//   scan_two_columns  sum(l_extendedprice), sum of l_shipdate's days
//   filter_orderkey   l_orderkey BETWEEN 3000000 AND 3001000 (one row group
//                     of six can match; the statistics let readers skip the
//                     rest): count(*), sum(l_extendedprice), sum(length(l_comment))
//   write_snappy      the whole table read and written as snappy Parquet
//                     (the read is part of the time for both engines); the
//                     checksum is the written row count, counted afterwards
//
// Usage: bench_parquet --data DIR [--out DIR] [--threads N] [--runs N] [--only NAME]
// Prints one line per query: "RESULT <name> <median ms> <checksum>".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "lakestream/lakestream.h"

namespace lakestream::bench {
namespace {

// Days since 1970-01-01 (DuckDB: `d - DATE '1970-01-01'`).
std::string Days(const std::string& column) { return "datediff(" + column + ", DATE '1970-01-01')"; }

const std::string kScanAll =
    "SELECT count(*), sum(l_orderkey), sum(l_partkey), sum(l_suppkey), sum(l_linenumber), sum(l_quantity), "
    "sum(l_extendedprice), sum(l_discount), sum(l_tax), sum(length(l_returnflag)), sum(length(l_linestatus)), "
    "sum(" + Days("l_shipdate") + "), sum(" + Days("l_commitdate") + "), sum(" + Days("l_receiptdate") + "), "
    "sum(length(l_shipinstruct)), sum(length(l_shipmode)), sum(length(l_comment)) FROM lineitem";
const std::string kScanTwo = "SELECT sum(l_extendedprice), sum(" + Days("l_shipdate") + ") FROM lineitem";
const std::string kFilter =
    "SELECT count(*), sum(l_extendedprice), sum(length(l_comment)) FROM lineitem "
    "WHERE l_orderkey BETWEEN 3000000 AND 3001000";

// A value as DuckDB prints it: decimals with their scale ("152890373.00").
std::string Render(const Value& value, const DataType& type) {
  std::string digits = value.ToString();
  if (type.id() != TypeId::kDecimal || type.scale() == 0 || value.is_null()) return digits;
  const bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  const size_t scale = static_cast<size_t>(type.scale());
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  digits.insert(digits.size() - scale, ".");
  return (negative ? "-" : "") + digits;
}

std::string Checksum(const DataFrame& query) {
  std::string out;
  for (const Row& row : query.collect()) {
    for (size_t i = 0; i < row.size(); i++) {
      out += (out.empty() ? "" : ",") + Render(row[i], *query.schema().field(i).type);
    }
  }
  return out;
}

struct Timing {
  double median_ms;
  std::string checksum;
};

// One warm-up run, then the median of `runs`; `run` returns the checksum.
Timing Measure(const std::function<std::string()>& run, int runs) {
  std::string checksum = run();
  std::vector<double> ms;
  for (int i = 0; i < runs; i++) {
    const auto start = std::chrono::steady_clock::now();
    checksum = run();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return Timing{ms[ms.size() / 2], checksum};
}

int Main(int argc, char** argv) {
  int threads = static_cast<int>(std::thread::hardware_concurrency());
  int runs = 5;
  std::string data;
  std::string only;
  std::string out = (std::filesystem::temp_directory_path() / "lakestream_parquet_bench").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--threads") {
      threads = std::stoi(argv[i + 1]);
    } else if (arg == "--runs") {
      runs = std::stoi(argv[i + 1]);
    } else if (arg == "--data") {
      data = argv[i + 1];
    } else if (arg == "--out") {
      out = argv[i + 1];
    } else if (arg == "--only") {  // one query, e.g. under perf
      only = argv[i + 1];
    } else {
      data.clear();
      break;
    }
  }
  if (data.empty()) {
    std::fprintf(stderr, "usage: bench_parquet --data DIR [--out DIR] [--threads N] [--runs N] [--only NAME]\n");
    return 2;
  }
  Session session = Session::builder().appName("bench_parquet").threads(threads).getOrCreate();
  const DataFrame lineitem = session.read().parquet(data);
  lineitem.createOrReplaceTempView("lineitem");

  for (const auto& [name, sql] : {std::pair{"scan_all_columns", kScanAll}, std::pair{"scan_two_columns", kScanTwo},
                                  std::pair{"filter_orderkey", kFilter}}) {
    if (!only.empty() && only != name) continue;
    const DataFrame query = session.sql(sql);
    const Timing t = Measure([&] { return Checksum(query); }, runs);
    std::printf("RESULT %s %.1f %s\n", name, t.median_ms, t.checksum.c_str());
    std::fflush(stdout);
  }
  if (!only.empty() && only != "write_snappy") return 0;
  const Timing write = Measure(
      [&] {
        lineitem.write().mode("overwrite").option("compression", "snappy").parquet(out);
        return std::string();
      },
      runs);
  std::printf("RESULT write_snappy %.1f %lld\n", write.median_ms,
              static_cast<long long>(session.read().parquet(out).count()));
  std::filesystem::remove_all(out);
  return 0;
}

}  // namespace
}  // namespace lakestream::bench

int main(int argc, char** argv) {
  try {
    return lakestream::bench::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_parquet: %s\n", e.what());
    return 1;
  }
}
