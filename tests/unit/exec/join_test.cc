#include <gtest/gtest.h>

#include "lakestream/error.h"
#include "plan_builder.h"

namespace lakestream::exec_test {
namespace {

// Left: (lk, lv); right: (rk, rv). Duplicate keys on both sides and NULL keys.
LogicalPlanPtr Left() {
  return Local("lk INT, lv STRING", {{Value(1), Value("l1")},
                                     {Value(2), Value("l2a")},
                                     {Value(2), Value("l2b")},
                                     {Value(), Value("lnull")},
                                     {Value(4), Value("l4")}});
}
LogicalPlanPtr Right() {
  return Local("rk INT, rv STRING", {{Value(2), Value("r2a")},
                                     {Value(2), Value("r2b")},
                                     {Value(3), Value("r3")},
                                     {Value(), Value("rnull")},
                                     {Value(1), Value("r1")}});
}
ExprPtr KeysEqual() { return Call("=", {Col("lk"), Col("rk")}); }
Row R(Value a, Value b, Value c, Value d) { return Row{a, b, c, d}; }

TEST(HashJoinTest, Inner) {
  auto rows = Sorted(RunPlan(JoinPlan(Left(), Right(), JoinType::kInner, KeysEqual())));
  EXPECT_EQ(rows, Sorted({R(1, "l1", 1, "r1"), R(2, "l2a", 2, "r2a"), R(2, "l2a", 2, "r2b"), R(2, "l2b", 2, "r2a"),
                          R(2, "l2b", 2, "r2b")}));
}

TEST(HashJoinTest, LeftRightFull) {
  std::vector<Row> inner = {R(1, "l1", 1, "r1"), R(2, "l2a", 2, "r2a"), R(2, "l2a", 2, "r2b"), R(2, "l2b", 2, "r2a"),
                            R(2, "l2b", 2, "r2b")};
  std::vector<Row> left = inner;
  left.push_back(R(Value(), "lnull", Value(), Value()));
  left.push_back(R(4, "l4", Value(), Value()));
  EXPECT_EQ(Sorted(RunPlan(JoinPlan(Left(), Right(), JoinType::kLeft, KeysEqual()))), Sorted(left));
  std::vector<Row> right = inner;
  right.push_back(R(Value(), Value(), 3, "r3"));
  right.push_back(R(Value(), Value(), Value(), "rnull"));
  EXPECT_EQ(Sorted(RunPlan(JoinPlan(Left(), Right(), JoinType::kRight, KeysEqual()))), Sorted(right));
  std::vector<Row> full = left;
  full.push_back(R(Value(), Value(), 3, "r3"));
  full.push_back(R(Value(), Value(), Value(), "rnull"));
  EXPECT_EQ(Sorted(RunPlan(JoinPlan(Left(), Right(), JoinType::kFull, KeysEqual()))), Sorted(full));
  EXPECT_EQ(Sorted(RunPlan(JoinPlan(Left(), Right(), JoinType::kFull, KeysEqual()), 4)), Sorted(full));
}

TEST(HashJoinTest, SemiAndAntiKeepNullKeyRowsOutOfSemi) {
  EXPECT_EQ(RunPlan(JoinPlan(Left(), Right(), JoinType::kLeftSemi, KeysEqual())),
            (std::vector<Row>{{Value(1), Value("l1")}, {Value(2), Value("l2a")}, {Value(2), Value("l2b")}}));
  EXPECT_EQ(RunPlan(JoinPlan(Left(), Right(), JoinType::kLeftAnti, KeysEqual())),
            (std::vector<Row>{{Value(), Value("lnull")}, {Value(4), Value("l4")}}));
}

TEST(HashJoinTest, NullSafeKeysMatchNulls) {
  auto rows = RunPlan(JoinPlan(Left(), Right(), JoinType::kInner, Call("<=>", {Col("lk"), Col("rk")})));
  EXPECT_EQ(rows.size(), 6u);
  EXPECT_NE(std::find(rows.begin(), rows.end(), R(Value(), "lnull", Value(), "rnull")), rows.end());
}

TEST(HashJoinTest, ResidualRespectsOuterSemantics) {
  // lk = rk AND rv <> 'r2b': l2a/l2b keep only r2a; l1 matches r1.
  auto cond = Call("and", {KeysEqual(), Call("<>", {Col("rv"), Lit(Value("r2b"), DataType::String())})});
  auto left = Sorted(RunPlan(JoinPlan(Left(), Right(), JoinType::kLeft, cond)));
  EXPECT_EQ(left, Sorted({R(1, "l1", 1, "r1"), R(2, "l2a", 2, "r2a"), R(2, "l2b", 2, "r2a"),
                          R(Value(), "lnull", Value(), Value()), R(4, "l4", Value(), Value())}));
  // A left row whose candidates all fail the residual comes out with NULLs.
  auto all_fail = Call("and", {KeysEqual(), Call("=", {Col("rv"), Lit(Value("none"), DataType::String())})});
  auto rows = Sorted(RunPlan(JoinPlan(Left(), Right(), JoinType::kLeft, all_fail)));
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& r : rows) EXPECT_TRUE(r[2].is_null());
  auto anti = RunPlan(JoinPlan(Left(), Right(), JoinType::kLeftAnti, all_fail));
  EXPECT_EQ(anti.size(), 5u);
  auto right = Sorted(RunPlan(JoinPlan(Left(), Right(), JoinType::kRight, cond)));
  EXPECT_EQ(right.size(), 6u);  // 3 matches + r2b, r3, rnull unmatched
}

TEST(HashJoinTest, SemiAndAntiOfASmallLeftSideBuildOverIt) {
  // Five times Right(): the planner builds the hash table over Left() and
  // emits its rows that matched (or not) once the probe ends.
  std::vector<Row> many;
  for (int copy = 0; copy < 5; ++copy) {
    for (const auto& r : RunPlan(Right())) many.push_back(r);
  }
  auto big = Local("rk INT, rv STRING", many);
  auto semi = JoinPlan(Left(), big, JoinType::kLeftSemi, KeysEqual());
  const std::string plan = ExplainPhysicalPlan(semi, QueryContext{});
  EXPECT_NE(plan.find("build side"), std::string::npos) << plan;
  EXPECT_EQ(Sorted(RunPlan(semi, 2)),
            Sorted({{Value(1), Value("l1")}, {Value(2), Value("l2a")}, {Value(2), Value("l2b")}}));
  EXPECT_EQ(Sorted(RunPlan(JoinPlan(Left(), big, JoinType::kLeftAnti, KeysEqual()), 2)),
            Sorted({{Value(), Value("lnull")}, {Value(4), Value("l4")}}));
  // A residual over both sides: key 2 finds only r2a and r2b, which it rejects.
  auto cond = Call("and", {KeysEqual(), Call("not", {In(Col("rv"), {Lit(Value("r2a"), DataType::String()),
                                                                     Lit(Value("r2b"), DataType::String())})})});
  EXPECT_EQ(Sorted(RunPlan(JoinPlan(Left(), big, JoinType::kLeftSemi, cond))), Sorted({{Value(1), Value("l1")}}));
  EXPECT_EQ(Sorted(RunPlan(JoinPlan(Left(), big, JoinType::kLeftAnti, cond))),
            Sorted({{Value(2), Value("l2a")}, {Value(2), Value("l2b")}, {Value(), Value("lnull")}, {Value(4), Value("l4")}}));
}

TEST(HashJoinTest, EmptySides) {
  auto empty_left = Local("lk INT, lv STRING", {});
  auto empty_right = Local("rk INT, rv STRING", {});
  EXPECT_TRUE(RunPlan(JoinPlan(empty_left, Right(), JoinType::kInner, KeysEqual())).empty());
  EXPECT_EQ(RunPlan(JoinPlan(empty_left, Right(), JoinType::kRight, KeysEqual())).size(), 5u);
  EXPECT_EQ(RunPlan(JoinPlan(Left(), empty_right, JoinType::kLeft, KeysEqual())).size(), 5u);
  EXPECT_EQ(RunPlan(JoinPlan(Left(), empty_right, JoinType::kLeftAnti, KeysEqual())).size(), 5u);
  EXPECT_TRUE(RunPlan(JoinPlan(Left(), empty_right, JoinType::kLeftSemi, KeysEqual())).empty());
}

TEST(HashJoinTest, LargeMultiThreadedEqualsSingleThreaded) {
  auto left = ProjectPlan(RangePlan(0, 100000), {Alias(Call("%", {Col("id"), Lit(Value(int64_t{5000}), DataType::Long())}), "a"), Alias(Col("id"), "x")});
  auto right = ProjectPlan(RangePlan(0, 20000), {Alias(Col("id"), "b")});
  auto plan = JoinPlan(left, right, JoinType::kInner, Call("=", {Col("a"), Col("b")}));
  auto single = RunPlan(plan, 1);
  EXPECT_EQ(single.size(), 100000u);
  EXPECT_EQ(Sorted(RunPlan(plan, 4)), Sorted(single));
}

TEST(HashJoinTest, BuildSideOverMemoryLimitRaises) {
  auto left = ProjectPlan(RangePlan(0, 10), {Alias(Col("id"), "a")});
  auto right = ProjectPlan(RangePlan(0, 1000000), {Alias(Col("id"), "b")});
  QueryContext ctx;
  ctx.memory_limit_bytes = 1 << 20;
  try {
    ExecutePlan(JoinPlan(left, right, JoinType::kInner, Call("=", {Col("a"), Col("b")})), ctx);
    FAIL() << "expected MEMORY_LIMIT_EXCEEDED";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "MEMORY_LIMIT_EXCEEDED");
    EXPECT_NE(e.message().find("HashJoin"), std::string::npos) << e.message();
  }
}

TEST(NestedLoopJoinTest, CrossAndThetaJoins) {
  auto cross = RunPlan(JoinPlan(Left(), Right(), JoinType::kCross, nullptr));
  EXPECT_EQ(cross.size(), 25u);
  auto theta = JoinPlan(Left(), Right(), JoinType::kLeft, Call("<", {Col("lk"), Col("rk")}));
  auto rows = Sorted(RunPlan(theta));
  // 1 < {2,2,3}; 2 < 3 (twice); NULL and 4 have no match.
  EXPECT_EQ(rows.size(), 3u + 2u + 2u);
  auto full = RunPlan(JoinPlan(Left(), Right(), JoinType::kFull, Call(">", {Col("lk"), Col("rk")})));
  // 2 > 1 twice, 4 > {2,2,3,1}; unmatched left: 1, NULL; unmatched right: rnull.
  EXPECT_EQ(full.size(), 2u + 4u + 2u + 1u);
  EXPECT_EQ(RunPlan(JoinPlan(Left(), Right(), JoinType::kLeftSemi, Call(">", {Col("lk"), Col("rk")}))).size(), 3u);
}

}  // namespace
}  // namespace lakestream::exec_test
