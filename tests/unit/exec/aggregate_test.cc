#include <cmath>

#include <gtest/gtest.h>

#include "lakestream/error.h"
#include "plan_builder.h"

namespace lakestream::exec_test {
namespace {

ExprPtr Long(int64_t v) { return Lit(Value(v), DataType::Long()); }

TEST(HashAggregateTest, GroupsWithNullKeys) {
  std::vector<Row> rows = {{Value("a"), Value(1)}, {Value(), Value(2)}, {Value("b"), Value(3)},
                           {Value("a"), Value()},  {Value(), Value(5)}, {Value("a"), Value(6)}};
  auto plan = AggregatePlan(Local("k STRING, v INT", rows), {Col("k")},
                            {Aggregate("sum", {Col("v")}), Aggregate("count", {Col("v")})});
  EXPECT_EQ(Sorted(RunPlan(plan)), Sorted({{Value("a"), Value(int64_t{7}), Value(int64_t{2})},
                                       {Value(), Value(int64_t{7}), Value(int64_t{2})},
                                       {Value("b"), Value(int64_t{3}), Value(int64_t{1})}}));
}

TEST(HashAggregateTest, NoGroupingEmitsOneRowEvenForEmptyInput) {
  auto empty = Local("v INT", {});
  auto plan = AggregatePlan(empty, {}, {Aggregate("count", {Col("v")}), Aggregate("sum", {Col("v")})});
  EXPECT_EQ(RunPlan(plan), (std::vector<Row>{{Value(int64_t{0}), Value()}}));
  EXPECT_EQ(RunPlan(plan, 4), (std::vector<Row>{{Value(int64_t{0}), Value()}}));
  auto grouped = AggregatePlan(Local("k INT, v INT", {}), {Col("k")}, {Aggregate("count", {Col("v")})});
  EXPECT_TRUE(RunPlan(grouped).empty());
}

TEST(HashAggregateTest, GlobalAggregateOverRange) {
  auto plan = AggregatePlan(RangePlan(0, 1000000), {}, {Aggregate("sum", {Col("id")}), Aggregate("max", {Col("id")})});
  std::vector<Row> expected = {{Value(int64_t{499999500000}), Value(int64_t{999999})}};
  EXPECT_EQ(RunPlan(plan, 1), expected);
  EXPECT_EQ(RunPlan(plan, 4), expected);
}

TEST(HashAggregateTest, ManyGroupsMultiThreadedEqualsSingleThreaded) {
  // 300K rows, 100K groups of (id % 100000, id % 2 == 0)... with two keys.
  auto input = RangePlan(0, 300000);
  auto plan = AggregatePlan(input, {Call("%", {Col("id"), Long(100000)}), Call("%", {Col("id"), Long(2)})},
                            {Aggregate("count", {Col("id")}), Aggregate("min", {Col("id")})});
  auto single = Sorted(RunPlan(plan, 1));
  ASSERT_EQ(single.size(), 100000u);
  EXPECT_EQ(Sorted(RunPlan(plan, 4)), single);
  for (const auto& r : single) EXPECT_EQ(r[2], Value(int64_t{3}));
}

TEST(HashAggregateTest, FewGroupsMultiThreadedStayUnpartitioned) {
  auto plan = AggregatePlan(RangePlan(0, 200000), {Call("%", {Col("id"), Long(7)})},
                            {Aggregate("count", {Col("id")}), Aggregate("sum", {Col("id")})});
  auto single = Sorted(RunPlan(plan, 1));
  ASSERT_EQ(single.size(), 7u);
  EXPECT_EQ(Sorted(RunPlan(plan, 4)), single);
}

TEST(HashAggregateTest, SkewedGroupsMixUnpartitionedAndPartitionedThreads) {
  // Rows [0, 40000) are their own groups, the rest fall into five: threads
  // that read only the latter stay unpartitioned while the others partition.
  auto key = Call("if", {Call("<", {Col("id"), Long(40000)}), Col("id"), Call("%", {Col("id"), Long(5)})});
  auto plan = AggregatePlan(RangePlan(0, 160000), {key}, {Aggregate("count", {Col("id")}), Aggregate("max", {Col("id")})});
  auto single = Sorted(RunPlan(plan, 1));
  ASSERT_EQ(single.size(), 40000u);
  EXPECT_EQ(Sorted(RunPlan(plan, 4)), single);
  EXPECT_EQ(Sorted(RunPlan(plan, 2)), single);
}

TEST(HashAggregateTest, DoubleKeysGroupNaNAndSignedZeroTogether) {
  std::vector<Row> rows = {{Value(0.0)}, {Value(-0.0)}, {Value(std::nan(""))}, {Value(-std::nan(""))}};
  auto plan = AggregatePlan(Local("d DOUBLE", rows), {Col("d")}, {Aggregate("count", {Col("d")})});
  EXPECT_EQ(RunPlan(plan).size(), 2u);
}

TEST(HashAggregateTest, MemoryLimitRaisesMemoryLimitExceeded) {
  auto plan = AggregatePlan(RangePlan(0, 2000000), {Col("id")}, {Aggregate("count", {Col("id")})});
  QueryContext ctx;
  ctx.num_threads = 2;
  ctx.memory_limit_bytes = 4 << 20;
  try {
    ExecutePlan(plan, ctx);
    FAIL() << "expected MEMORY_LIMIT_EXCEEDED";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "MEMORY_LIMIT_EXCEEDED");
    EXPECT_EQ(e.sql_state(), "53200");
    EXPECT_NE(e.message().find("HashAggregate"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace lakestream::exec_test
