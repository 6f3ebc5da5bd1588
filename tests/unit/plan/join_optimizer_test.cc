// Predicate pushdown through joins and join reordering (optimizer.h).
#include <gtest/gtest.h>

#include "expr/function_registry.h"
#include "expr/time_zone.h"
#include "plan/analyzer.h"
#include "plan/cardinality_estimator.h"
#include "plan/optimizer.h"

namespace lakestream {
namespace {

// A scan of `bytes` bytes of data (the estimates read only the size).
LogicalPlanPtr Scan(const std::string& ddl, int64_t bytes = -1) {
  FileScanSpec spec;
  spec.format = "csv";
  spec.paths = {"/nonexistent"};  // the optimizer never lists files
  spec.schema = Schema::ParseDdl(ddl);
  spec.size_in_bytes = bytes;
  return MakeFileScan(spec);
}

EvalContext Ctx() {
  EvalContext ctx;
  ctx.time_zone = TimeZone::Find("UTC");
  return ctx;
}

LogicalPlanPtr Optimized(const LogicalPlanPtr& p) { return Optimize(Analyze(p, FunctionRegistry::Default()), Ctx()); }

void Collect(const LogicalPlanPtr& p, PlanKind kind, std::vector<LogicalPlanPtr>* out) {
  if (p->kind == kind) out->push_back(p);
  for (const auto& c : p->children) Collect(c, kind, out);
}

std::vector<LogicalPlanPtr> All(const LogicalPlanPtr& p, PlanKind kind) {
  std::vector<LogicalPlanPtr> out;
  Collect(p, kind, &out);
  return out;
}

ExprPtr Eq(const std::string& a, const std::string& b) { return Call("=", {Col(a), Col(b)}); }
ExprPtr Gt(const std::string& a, int v) { return Call(">", {Col(a), Lit(Value(v), DataType::Int())}); }
ExprPtr And(ExprPtr a, ExprPtr b) { return Call("and", {std::move(a), std::move(b)}); }
ExprPtr Or(ExprPtr a, ExprPtr b) { return Call("or", {std::move(a), std::move(b)}); }

// The first column names of a plan's output, "a,b,...".
std::string FirstColumn(const LogicalPlanPtr& p) { return p->schema->field(0).name; }

TEST(PredicatePushdownTest, CommaJoinWithWhereBecomesEquiJoins) {
  // FROM f, d1, d2 WHERE f.k1 = d1.a AND f.k2 = d2.b AND d1.v > 5
  auto cross = MakeJoin(MakeJoin(Scan("k1 INT, k2 INT, x INT"), Scan("a INT, v INT"), JoinType::kCross, nullptr),
                        Scan("b INT, w INT"), JoinType::kCross, nullptr);
  auto plan = Optimized(MakeFilter(cross, And(And(Eq("k1", "a"), Eq("k2", "b")), Gt("v", 5))));
  auto joins = All(plan, PlanKind::kJoin);
  ASSERT_EQ(joins.size(), 2u);
  for (const auto& j : joins) {
    EXPECT_EQ(j->join_type, JoinType::kInner) << plan->TreeString();
    ASSERT_NE(j->condition, nullptr);
    EXPECT_EQ(j->condition->name, "=") << j->condition->ToString();
  }
  // v > 5 filters d1's scan, below the joins.
  auto filters = All(plan, PlanKind::kFilter);
  ASSERT_EQ(filters.size(), 1u) << plan->TreeString();
  EXPECT_EQ(filters[0]->children[0]->kind, PlanKind::kFileScan);
  EXPECT_EQ(filters[0]->condition->ToString(), "(v > 5)");
  EXPECT_EQ(plan->schema->ToString(), "struct<k1:int,k2:int,x:int,a:int,v:int,b:int,w:int>");
}

TEST(PredicatePushdownTest, OuterJoinKeepsFiltersOnItsNullableSideAbove) {
  auto join = MakeJoin(Scan("a INT, b INT"), Scan("x INT, y INT"), JoinType::kLeft,
                       And(Eq("a", "x"), Gt("y", 1)));
  auto plan = Optimized(MakeFilter(join, And(Gt("b", 2), Call("isnull", {Col("y")}))));
  // isnull(y) must see the NULLs the join adds: it stays above the join.
  ASSERT_EQ(plan->kind, PlanKind::kFilter) << plan->TreeString();
  EXPECT_EQ(plan->condition->ToString(), "(y IS NULL)");
  const auto& j = plan->children[0];
  ASSERT_EQ(j->kind, PlanKind::kJoin);
  EXPECT_EQ(j->condition->ToString(), "(a = x)") << "y > 1 filters the right side first";
  EXPECT_EQ(j->children[0]->kind, PlanKind::kFilter) << "b > 2 filters the preserved side";
  EXPECT_EQ(j->children[1]->kind, PlanKind::kFilter);
}

TEST(PredicatePushdownTest, DisjunctionsShareTheirCommonConjuncts) {
  // (a = x AND b > 1) OR (a = x AND y > 2): the join key is common to both branches.
  auto cross = MakeJoin(Scan("a INT, b INT"), Scan("x INT, y INT"), JoinType::kCross, nullptr);
  auto plan = Optimized(MakeFilter(cross, Or(And(Eq("a", "x"), Gt("b", 1)), And(Eq("a", "x"), Gt("y", 2)))));
  auto joins = All(plan, PlanKind::kJoin);
  ASSERT_EQ(joins.size(), 1u);
  EXPECT_EQ(joins[0]->join_type, JoinType::kInner);
  EXPECT_NE(joins[0]->condition->ToString().find("(a = x)"), std::string::npos) << joins[0]->condition->ToString();
}

TEST(PredicatePushdownTest, ProjectionsAndAggregatesPassFiltersOnGroupingColumns) {
  auto agg = MakeAggregate(Scan("g INT, v INT"), {Col("g")}, {Col("g"), Aggregate("sum", {Col("v")})});
  auto plan = Optimized(MakeFilter(agg, Gt("g", 3)));
  auto filters = All(plan, PlanKind::kFilter);
  ASSERT_EQ(filters.size(), 1u) << plan->TreeString();
  EXPECT_EQ(filters[0]->children[0]->kind, PlanKind::kFileScan) << plan->TreeString();
}

TEST(JoinReorderTest, TheSmallerInputIsBuiltAndColumnsKeepTheirOrder) {
  // small JOIN big: the big side probes (left), the small one is built (right).
  auto join = MakeJoin(Scan("a INT, b INT", 1000), Scan("x INT, y INT", 1'000'000), JoinType::kInner, Eq("a", "x"));
  auto plan = Optimized(join);
  EXPECT_EQ(plan->schema->ToString(), "struct<a:int,b:int,x:int,y:int>");
  auto j = All(plan, PlanKind::kJoin).at(0);
  EXPECT_EQ(FirstColumn(j->children[0]), "x") << plan->TreeString();
  EXPECT_EQ(FirstColumn(j->children[1]), "a");
}

TEST(JoinReorderTest, UnconnectedRelationsAreNotCrossedFirst) {
  // FROM d1, d2, f WHERE f.k1 = d1.a AND f.k2 = d2.b: d1 x d2 has no predicate.
  auto cross = MakeJoin(MakeJoin(Scan("a INT", 100), Scan("b INT", 100), JoinType::kCross, nullptr),
                        Scan("k1 INT, k2 INT", 100000), JoinType::kCross, nullptr);
  auto plan = Optimized(MakeFilter(cross, And(Eq("k1", "a"), Eq("k2", "b"))));
  for (const auto& j : All(plan, PlanKind::kJoin)) {
    EXPECT_EQ(j->join_type, JoinType::kInner) << plan->TreeString();
    EXPECT_NE(j->condition, nullptr);
  }
  EXPECT_EQ(plan->schema->ToString(), "struct<a:int,b:int,k1:int,k2:int>");
}

TEST(JoinReorderTest, LeftJoinOfASmallSideBecomesARightJoin) {
  auto join = MakeJoin(Scan("a INT, b INT", 1000), Scan("x INT, y INT", 1'000'000), JoinType::kLeft, Eq("a", "x"));
  auto plan = Optimized(join);
  EXPECT_EQ(plan->schema->ToString(), "struct<a:int,b:int,x:int,y:int>");
  EXPECT_TRUE(plan->schema->field(2).nullable);
  auto j = All(plan, PlanKind::kJoin).at(0);
  EXPECT_EQ(j->join_type, JoinType::kRight) << plan->TreeString();
  EXPECT_EQ(FirstColumn(j->children[1]), "a");
}

TEST(CardinalityEstimatorTest, KeyJoinsKeepTheForeignKeySide) {
  // 1000 facts referencing 10 dimension rows: about 1000 rows.
  EXPECT_DOUBLE_EQ(EstimateEquiJoinRows(1000, 10, {{1000, 10}}), 1000);
  EXPECT_DOUBLE_EQ(EstimateEquiJoinRows(1000, 10, {}), 10000) << "no key: a cross product";
  EXPECT_LT(EstimateSelectivity(*Call("and", {Gt("a", 1), Gt("b", 1)})), EstimateSelectivity(*Gt("a", 1)));
}

}  // namespace
}  // namespace lakestream
