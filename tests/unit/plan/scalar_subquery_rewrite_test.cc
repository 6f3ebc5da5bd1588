// The rewrite of correlated scalar subqueries (analyze_subquery.cc): equality
// correlations become an aggregate grouped by the inner key joined left-outer
// to the outer query; other correlations keep the dependent join.
#include <gtest/gtest.h>

#include <functional>

#include "expr/function_registry.h"
#include "plan/analyzer.h"

namespace lakestream {
namespace {

LogicalPlanPtr Table(const std::string& ddl, const std::string& alias) {
  return MakeSubqueryAlias(MakeLocalRelation(Schema::ParseDdl(ddl), {}), alias);
}

LogicalPlanPtr Analyzed(const LogicalPlanPtr& p) { return Analyze(p, FunctionRegistry::Default()); }

// All nodes of a plan, depth first.
void Walk(const LogicalPlanPtr& p, const std::function<void(const LogicalPlan&)>& f) {
  f(*p);
  for (const auto& c : p->children) Walk(c, f);
}

int CountJoins(const LogicalPlanPtr& p, JoinType type) {
  int n = 0;
  Walk(p, [&](const LogicalPlan& q) { n += q.kind == PlanKind::kJoin && q.join_type == type; });
  return n;
}

int CountGroupedAggregates(const LogicalPlanPtr& p) {
  int n = 0;
  Walk(p, [&](const LogicalPlan& q) { n += q.kind == PlanKind::kAggregate && !q.groupings.empty(); });
  return n;
}

// (SELECT <agg> FROM s WHERE s.k <op> t.k [AND s.w > 'a'])
ExprPtr Sub(ExprPtr aggregate, const std::string& op, bool extra_filter = false) {
  ExprPtr cond = Call(op, {Col("s.k"), Col("t.k")});
  if (extra_filter) cond = Call("and", {cond, Call(">", {Col("s.w"), Lit(Value(std::string("a")), DataType::String())})});
  auto inner = MakeProject(MakeFilter(Table("k INT, w STRING", "s"), cond), {Alias(aggregate, "x")});
  return Subquery(SubqueryKind::kScalar, inner);
}

TEST(ScalarSubqueryRewriteTest, EqualityCorrelationBecomesGroupedAggregateAndLeftJoin) {
  auto outer = Table("k INT, v BIGINT", "t");
  auto plan = Analyzed(MakeFilter(outer, Call(">", {Col("v"), Sub(Aggregate("max", {Col("s.k")}), "=", true)})));
  EXPECT_EQ(CountGroupedAggregates(plan), 1);
  EXPECT_EQ(CountJoins(plan, JoinType::kLeft), 1);
  // The whole outer relation is the key source: no semi-join reduction, no D.
  EXPECT_EQ(CountJoins(plan, JoinType::kLeftSemi), 0);
  bool null_safe = false;
  Walk(plan, [&](const LogicalPlan& q) {
    if (q.kind == PlanKind::kJoin && q.condition) null_safe |= q.condition->ToString().find("<=>") != std::string::npos;
  });
  EXPECT_FALSE(null_safe);
  // max over no rows is NULL: the value is read as it is.
  EXPECT_EQ(plan->schema->ToString(), "struct<k:int,v:bigint>");
  std::string tree = plan->TreeString();
  EXPECT_EQ(tree.find("__present"), std::string::npos) << tree;
}

TEST(ScalarSubqueryRewriteTest, CountOverNoRowsIsRestoredAsZero) {
  auto outer = Table("k INT, v BIGINT", "t");
  auto plan = Analyzed(MakeProject(outer, {Col("k"), Alias(Sub(Aggregate("count", {Lit(Value(int64_t{1}), DataType::Long())}), "="), "n")}));
  std::string tree = plan->TreeString();
  EXPECT_NE(tree.find("__present"), std::string::npos) << tree;
  EXPECT_EQ(plan->exprs[1]->ToString(), "if((__present IS NULL), 0, x) AS n");
  EXPECT_EQ(CountGroupedAggregates(plan), 1);
}

TEST(ScalarSubqueryRewriteTest, FilteredOuterKeysReduceTheAggregateInput) {
  // FROM t, u WHERE t.v = u.v AND u.v > 5 AND t.k < (SELECT ...): the key t.k
  // comes from t alone, so the distinct keys come from t (with its own filters),
  // not from the join.
  auto from = MakeJoin(Table("k INT, v BIGINT", "t"), Table("v BIGINT", "u"), JoinType::kCross, nullptr);
  ExprPtr cond = Call("and", {Call("and", {Call("=", {Col("t.v"), Col("u.v")}),
                                           Call(">", {Col("t.v"), Lit(Value(int64_t{5}), DataType::Long())})}),
                              Call("<", {Col("t.k"), Sub(Aggregate("avg", {Col("s.k")}), "=")})});
  auto plan = Analyzed(MakeFilter(from, cond));
  ASSERT_EQ(CountJoins(plan, JoinType::kLeftSemi), 1);
  Walk(plan, [&](const LogicalPlan& q) {
    if (q.kind != PlanKind::kJoin || q.join_type != JoinType::kLeftSemi) return;
    // The distinct keys' side reads t only (two columns), filtered by t.v > 5.
    std::string right = q.children[1]->TreeString();
    EXPECT_NE(right.find("(v > 5)"), std::string::npos) << right;
    EXPECT_EQ(right.find("Join"), std::string::npos) << right;
  });
}

TEST(ScalarSubqueryRewriteTest, SemiJoinReducesTheInnerInputHoldingTheKey) {
  // (SELECT max(s.x) FROM s, w WHERE s.x = w.x AND s.k = t.k): the distinct
  // keys filter s before it joins w.
  auto from = MakeJoin(Table("k INT, x INT", "s"), Table("x INT", "w"), JoinType::kCross, nullptr);
  ExprPtr cond = Call("and", {Call("=", {Col("s.x"), Col("w.x")}), Call("=", {Col("s.k"), Col("t.k")})});
  auto sub = Subquery(SubqueryKind::kScalar,
                      MakeProject(MakeFilter(from, cond), {Alias(Aggregate("max", {Col("s.x")}), "m")}));
  auto outer = Table("k INT, v BIGINT", "t");
  ExprPtr where = Call("and", {Call(">", {Col("v"), Lit(Value(int64_t{0}), DataType::Long())}),
                               Call(">", {Col("v"), sub})});
  auto plan = Analyzed(MakeFilter(outer, where));
  ASSERT_EQ(CountJoins(plan, JoinType::kLeftSemi), 1);
  bool semi_under_cross = false;
  Walk(plan, [&](const LogicalPlan& q) {
    if (q.kind != PlanKind::kJoin || q.join_type != JoinType::kCross) return;
    const LogicalPlan& left = *q.children[0];
    semi_under_cross |= left.kind == PlanKind::kJoin && left.join_type == JoinType::kLeftSemi;
  });
  EXPECT_TRUE(semi_under_cross) << plan->TreeString();
}

TEST(ScalarSubqueryRewriteTest, NonEqualityCorrelationKeepsTheDependentJoin) {
  auto outer = Table("k INT, v BIGINT", "t");
  auto plan = Analyzed(MakeFilter(outer, Call(">", {Col("v"), Sub(Aggregate("max", {Col("s.k")}), "<=")})));
  // D (the distinct outer keys) left-joined to the subquery input, joined back null-safely.
  bool null_safe = false;
  Walk(plan, [&](const LogicalPlan& q) {
    if (q.kind == PlanKind::kJoin && q.condition) null_safe |= q.condition->ToString().find("<=>") != std::string::npos;
  });
  EXPECT_TRUE(null_safe);
  EXPECT_EQ(CountJoins(plan, JoinType::kLeft), 2);
}

}  // namespace
}  // namespace lakestream
