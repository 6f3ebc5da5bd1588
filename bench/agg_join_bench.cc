// Aggregation and join benchmark; duckdb_bench.mjs runs the same queries over
// the same data in DuckDB, and run.sh prints the two side by side.
//
// Data, built in memory with createDataFrame before any timing (DuckDB builds
// the same rows with CREATE TABLE ... AS SELECT from range()):
//   fact (ROWS rows):  id = 0..ROWS-1, k1k = id * 2654435761 % 1000,
//                      k1m = id * 2654435761 % 1000000, v = id * 31 % 10007
//   dim  (1 M rows):   dk = 0..999999, w = dk * 13 % 1000
// The multiplier is coprime with 10, so k1k has exactly 1 K distinct values
// and k1m exactly 1 M (ROWS >= 1 M).
//
// Each query ends in a one-row aggregate, so the timing covers the whole
// aggregation or join but not moving a million result rows to the caller;
// the row is printed as a checksum that run.sh compares with DuckDB's.
//
// Usage: bench_agg_join [--threads N] [--rows N] [--runs N]
// Prints one line per query: "RESULT <name> <median ms> <checksum>".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "lakestream/lakestream.h"

namespace lakestream::bench {
namespace {

using namespace lakestream::functions;  // NOLINT: reads like Spark's functions._

constexpr int64_t kMultiplier = 2654435761;
constexpr int64_t kDimRows = 1'000'000;
const std::string kStar = "*";

DataFrame MakeFact(const Session& session, int64_t rows) {
  std::vector<Row> data;
  data.reserve(rows);
  for (int64_t id = 0; id < rows; id++) {
    data.push_back(Row{Value(id), Value(id * kMultiplier % 1000), Value(id * kMultiplier % 1'000'000),
                       Value(id * 31 % 10007)});
  }
  return session.createDataFrame(data, "id BIGINT, k1k BIGINT, k1m BIGINT, v BIGINT");
}

DataFrame MakeDim(const Session& session) {
  std::vector<Row> data;
  data.reserve(kDimRows);
  for (int64_t dk = 0; dk < kDimRows; dk++) data.push_back(Row{Value(dk), Value(dk * 13 % 1000)});
  return session.createDataFrame(data, "dk BIGINT, w BIGINT");
}

// groupBy(key).agg(sum(v), count(v)), reduced to (groups, sum of sums, sum of counts).
DataFrame GroupedSum(const DataFrame& fact, const std::string& key) {
  return fact.groupBy(col(key))
      .agg(sum(col("v")).alias("s"), count(col("v")).alias("c"))
      .agg({count(kStar).alias("groups"), sum(col("s")).alias("sum_s"), sum(col("c")).alias("sum_c")});
}

DataFrame JoinSum(const DataFrame& fact, const DataFrame& dim) {
  return fact.join(dim, fact.col("k1m") == dim.col("dk"))
      .agg({count(kStar).alias("rows"), sum(dim.col("w")).alias("sum_w")});
}

std::string Checksum(const std::vector<Row>& rows) {
  std::string out;
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); i++) out += (out.empty() ? "" : ",") + row[i].ToString();
  }
  return out;
}

struct Timing {
  double median_ms;
  std::string checksum;
};

Timing Measure(const DataFrame& query, int runs) {
  std::string checksum = Checksum(query.collect());  // warm-up
  std::vector<double> ms;
  for (int i = 0; i < runs; i++) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Row> rows = query.collect();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    checksum = Checksum(rows);
  }
  std::sort(ms.begin(), ms.end());
  return Timing{ms[ms.size() / 2], checksum};
}

int Main(int argc, char** argv) {
  int threads = static_cast<int>(std::thread::hardware_concurrency());
  int64_t rows = 10'000'000;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--threads") {
      threads = std::stoi(argv[i + 1]);
    } else if (arg == "--rows") {
      rows = std::stoll(argv[i + 1]);
    } else if (arg == "--runs") {
      runs = std::stoi(argv[i + 1]);
    } else {
      std::fprintf(stderr, "usage: bench_agg_join [--threads N] [--rows N] [--runs N]\n");
      return 2;
    }
  }
  Session session = Session::builder().appName("bench_agg_join").threads(threads).getOrCreate();
  const auto start = std::chrono::steady_clock::now();
  const DataFrame fact = MakeFact(session, rows);
  const DataFrame dim = MakeDim(session);
  std::fprintf(stderr, "bench_agg_join: built %lld + %lld rows in %.0f ms, %d threads\n",
               static_cast<long long>(rows), static_cast<long long>(kDimRows),
               std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(), threads);

  const std::vector<std::pair<std::string, DataFrame>> queries = {
      {"agg_1k_groups", GroupedSum(fact, "k1k")},
      {"agg_1m_groups", GroupedSum(fact, "k1m")},
      {"join_1m_dim", JoinSum(fact, dim)},
  };
  for (const auto& [name, query] : queries) {
    const Timing t = Measure(query, runs);
    std::printf("RESULT %s %.1f %s\n", name.c_str(), t.median_ms, t.checksum.c_str());
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace
}  // namespace lakestream::bench

int main(int argc, char** argv) {
  try {
    return lakestream::bench::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_agg_join: %s\n", e.what());
    return 1;
  }
}
