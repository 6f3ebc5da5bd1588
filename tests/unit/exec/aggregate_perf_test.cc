// Timing checks for the hash aggregate (disabled by default; run with
// --gtest_also_run_disabled_tests --gtest_filter='*Perf*'). The benchmark
// against DuckDB lives in bench/.
#include <chrono>
#include <cstdio>
#include <thread>

#include <gtest/gtest.h>

#include "plan_builder.h"

namespace lakestream::exec_test {
namespace {

double TimeAggregate(int64_t rows, int64_t groups, int threads) {
  auto plan = AggregatePlan(RangePlan(0, rows), {Call("%", {Col("id"), Lit(Value(groups), DataType::Long())})},
                            {Aggregate("sum", {Col("id")}), Aggregate("count", {Col("id")})});
  auto start = std::chrono::steady_clock::now();
  auto result = RunPlan(plan, threads);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(static_cast<int64_t>(result.size()), groups);
  return seconds;
}

TEST(HashAggregatePerf, DISABLED_TenMillionRows) {
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int64_t groups : {int64_t{1000}, int64_t{1000000}}) {
    std::printf("10M rows, %lld groups, %d threads: %.3f s\n", static_cast<long long>(groups), threads,
                TimeAggregate(10000000, groups, threads));
  }
}

}  // namespace
}  // namespace lakestream::exec_test
