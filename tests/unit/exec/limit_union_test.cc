#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "exec/thread_pool.h"
#include "lakestream/error.h"
#include "plan_builder.h"

namespace lakestream::exec_test {
namespace {

TEST(LimitTest, TakesFirstRowsInOrder) {
  EXPECT_EQ(RunPlan(LimitPlan(RangePlan(0, 1000000), 5), 4), Ids(0, 5));
  EXPECT_EQ(RunPlan(LimitPlan(RangePlan(0, 1000000), 3, 70000), 4), Ids(70000, 70003));
  EXPECT_EQ(RunPlan(LimitPlan(RangePlan(0, 10), -1, 8)), Ids(8, 10));
  EXPECT_TRUE(RunPlan(LimitPlan(RangePlan(0, 10), 0)).empty());
  EXPECT_EQ(RunPlan(LimitPlan(RangePlan(0, 10), 100)), Ids(0, 10));
}

TEST(LimitTest, StopsSourceEarly) {
  // 10^12 rows would never finish without stopping early.
  EXPECT_EQ(RunPlan(LimitPlan(RangePlan(0, int64_t{1000000000000}), 3), 4), Ids(0, 3));
}

TEST(UnionTest, ConcatenatesInputsInOrder) {
  auto plan = UnionPlan({RangePlan(0, 3), RangePlan(10, 12), RangePlan(100, 101)});
  EXPECT_EQ(RunPlan(plan, 4), (std::vector<Row>{{Value(int64_t{0})}, {Value(int64_t{1})}, {Value(int64_t{2})},
                                           {Value(int64_t{10})}, {Value(int64_t{11})}, {Value(int64_t{100})}}));
  EXPECT_EQ(RunPlan(LimitPlan(plan, 4), 4).size(), 4u);
}

TEST(ThreadPoolTest, RethrowsFirstErrorAndSkipsRest) {
  ThreadPool pool(4);
  std::atomic<int> ran{0};
  EXPECT_THROW(pool.ParallelFor(1000, 4,
                                [&](int64_t i) {
                                  ran++;
                                  if (i == 3) throw UserError("X", "00000", "boom");
                                  // Slow tasks keep the loop busy long enough for the
                                  // failure to be seen even under ASan's slow throw.
                                  std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                }),
               UserError);
  EXPECT_LT(ran.load(), 1000);
  // Nested loops do not deadlock.
  std::atomic<int> inner{0};
  pool.ParallelFor(8, 4, [&](int64_t) { pool.ParallelFor(8, 4, [&](int64_t) { inner++; }); });
  EXPECT_EQ(inner.load(), 64);
}

TEST(CancelTest, CancelledQueryThrowsCancelledError) {
  auto plan = AggregatePlan(RangePlan(0, int64_t{1000000000000}), {}, {Aggregate("count", {Col("id")})});
  QueryContext ctx;
  ctx.num_threads = 2;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ctx.cancelled->store(true);
  });
  EXPECT_THROW(ExecutePlan(plan, ctx), CancelledError);
  canceller.join();
}

TEST(ExplainTest, PrintsSparkStyleTree) {
  auto agg = AggregatePlan(FilterPlan(RangePlan(0, 10), Call(">", {Col("id"), Lit(Value(int64_t{1}), DataType::Long())})),
                           {Col("id")}, {Aggregate("sum", {Col("id")})});
  QueryContext ctx;
  std::string text = ExplainPhysicalPlan(agg, ctx);
  EXPECT_EQ(text.rfind("HashAggregate(keys=[", 0), 0u) << text;
  EXPECT_NE(text.find("\n+- Filter "), std::string::npos) << text;
  EXPECT_NE(text.find("\n   +- Range (0, 10"), std::string::npos) << text;
}

}  // namespace
}  // namespace lakestream::exec_test
