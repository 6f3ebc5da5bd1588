#include <gtest/gtest.h>

#include "expr/function_registry.h"
#include "expr/time_zone.h"
#include "plan/analyzer.h"
#include "plan/optimizer.h"

namespace lakestream {
namespace {

LogicalPlanPtr Scan(const std::string& ddl) {
  FileScanSpec spec;
  spec.format = "csv";
  spec.paths = {"/nonexistent"};  // the optimizer never lists files
  spec.schema = Schema::ParseDdl(ddl);
  return MakeFileScan(spec);
}

EvalContext Ctx() {
  EvalContext ctx;
  ctx.time_zone = TimeZone::Find("UTC");
  return ctx;
}

LogicalPlanPtr Optimized(const LogicalPlanPtr& p) { return Optimize(Analyze(p, FunctionRegistry::Default()), Ctx()); }

// The first node of `kind` in a depth-first walk.
LogicalPlanPtr Find(const LogicalPlanPtr& p, PlanKind kind) {
  if (p->kind == kind) return p;
  for (const auto& c : p->children) {
    if (auto f = Find(c, kind)) return f;
  }
  return nullptr;
}

std::vector<LogicalPlanPtr> Scans(const LogicalPlanPtr& p) {
  if (p->kind == PlanKind::kFileScan) return {p};
  std::vector<LogicalPlanPtr> out;
  for (const auto& c : p->children) {
    auto s = Scans(c);
    out.insert(out.end(), s.begin(), s.end());
  }
  return out;
}

TEST(ColumnPruningTest, ScanReadsOnlyProjectedAndFilteredColumns) {
  auto plan = Optimized(MakeProject(MakeFilter(Scan("a INT, b STRING, c DOUBLE, d INT"),
                                               Call(">", {Col("d"), Lit(Value(1), DataType::Int())})),
                                    {Col("b")}));
  EXPECT_EQ(plan->schema->ToString(), "struct<b:string>");
  auto scan = Find(plan, PlanKind::kFileScan);
  EXPECT_EQ(scan->schema->ToString(), "struct<b:string,d:int>");
  // References above the scan follow the new positions.
  EXPECT_EQ(Find(plan, PlanKind::kFilter)->condition->children[0]->column_index, 1);
  EXPECT_EQ(plan->exprs[0]->column_index, 0);
}

TEST(ColumnPruningTest, JoinSidesKeepOnlyKeysAndUsedColumns) {
  auto left = Scan("a INT, b STRING, c DOUBLE");
  auto right = Scan("x INT, y STRING, z DOUBLE");
  auto join = MakeJoin(left, right, JoinType::kInner, Call("=", {Col("a"), Col("x")}));
  auto plan = Optimized(MakeProject(join, {Col("c"), Col("y")}));
  auto scans = Scans(plan);
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(scans[0]->schema->ToString(), "struct<a:int,c:double>");
  EXPECT_EQ(scans[1]->schema->ToString(), "struct<x:int,y:string>");
  auto j = Find(plan, PlanKind::kJoin);
  EXPECT_EQ(j->schema->ToString(), "struct<a:int,c:double,x:int,y:string>");
  EXPECT_EQ(j->condition->children[1]->column_index, 2) << "x moved from 3 to 2";
  EXPECT_EQ(plan->schema->ToString(), "struct<c:double,y:string>");
}

TEST(ColumnPruningTest, SemiJoinOutputsOnlyTheLeftSide) {
  auto join = MakeJoin(Scan("a INT, b STRING"), Scan("x INT, y STRING"), JoinType::kLeftSemi,
                       Call("=", {Col("a"), Col("x")}));
  auto plan = Optimized(MakeProject(join, {Col("b")}));
  auto scans = Scans(plan);
  EXPECT_EQ(scans[0]->schema->ToString(), "struct<a:int,b:string>");
  EXPECT_EQ(scans[1]->schema->ToString(), "struct<x:int>");
}

TEST(ColumnPruningTest, CountStarStillReadsOneColumn) {
  auto plan = Optimized(MakeAggregate(Scan("a INT, b STRING"), {}, {Aggregate("count", {Lit(Value(1), DataType::Int())})}));
  EXPECT_EQ(Find(plan, PlanKind::kFileScan)->schema->num_fields(), 1u);
}

TEST(ColumnPruningTest, RootSchemaIsUnchangedWhenEverythingIsUsed) {
  auto analyzed = Analyze(Scan("a INT, b STRING"), FunctionRegistry::Default());
  auto plan = Optimize(analyzed, Ctx());
  EXPECT_TRUE(plan->schema->Equals(*analyzed->schema));
}

TEST(ColumnPruningTest, WindowsPassThroughWhatTheirKeysAndArgumentsRead) {
  WindowSpec by_a;
  by_a.partition_by.push_back(Col("a"));
  by_a.order_by.push_back(SortOrder(Col("b"), true, true));
  auto running = Alias(WindowExpr(Aggregate("sum", {Col("c")}), by_a), "running");
  auto unused = Alias(WindowExpr(Aggregate("max", {Col("e")}), by_a), "unused");
  auto plan = Optimized(MakeProject(Scan("a INT, b INT, c INT, d STRING, e INT"), {Col("d"), running, unused}));
  plan = Optimized(MakeProject(plan, {Col("running")}));
  // d and e (only the unused window reads e) are not read; the window keys are.
  EXPECT_EQ(Find(plan, PlanKind::kFileScan)->schema->ToString(), "struct<a:int,b:int,c:int>");
  auto window = Find(plan, PlanKind::kWindow);
  ASSERT_NE(window, nullptr);
  EXPECT_EQ(window->exprs.size(), 1u);
  // The window's keys follow the scan's new column positions.
  EXPECT_EQ(window->exprs[0]->children[0]->window->order_by[0]->children[0]->column_index, 1);
}

TEST(FilterPushdownTest, ConjunctsOfAFilterOnAScanAreCopiedIntoTheScan) {
  auto cond = Call("and", {Call(">", {Col("a"), Lit(Value(1), DataType::Int())}), Call("isnotnull", {Col("b")})});
  auto plan = Optimized(MakeFilter(Scan("a INT, b STRING"), cond));
  ASSERT_EQ(plan->kind, PlanKind::kFilter) << "the filter stays";
  const auto& scan = plan->children[0];
  ASSERT_EQ(scan->scan.pushed_filters.size(), 2u);
  EXPECT_EQ(scan->scan.pushed_filters[0]->ToString(), "(a > 1)");
  EXPECT_NE(plan->TreeString().find("PushedFilters"), std::string::npos) << plan->TreeString();
}

TEST(ConstantFoldingTest, ConstantSubexpressionsBecomeLiterals) {
  auto cond = Call(">", {Col("a"), Call("+", {Lit(Value(1), DataType::Int()), Lit(Value(2), DataType::Int())})});
  auto plan = Optimized(MakeFilter(Scan("a INT"), cond));
  EXPECT_EQ(plan->condition->ToString(), "(a > 3)");
}

TEST(ConstantFoldingTest, AlwaysTrueFiltersDisappearAndErrorsWaitForRows) {
  auto always = Call("=", {Lit(Value(1), DataType::Int()), Lit(Value(1), DataType::Int())});
  EXPECT_EQ(Optimized(MakeFilter(Scan("a INT"), always))->kind, PlanKind::kFileScan);
  // 1/0 would raise DIVIDE_BY_ZERO: it stays for the executor, which raises it only if a row reaches it.
  auto div = Call("/", {Lit(Value(1), DataType::Int()), Lit(Value(0), DataType::Int())});
  auto plan = Optimized(MakeProject(Scan("a INT"), {Alias(div, "x")}));
  EXPECT_NE(plan->exprs[0]->children[0]->kind, ExprKind::kLiteral);
}

TEST(ConstantFoldingTest, AndOrWithALiteralSideSimplify) {
  auto a_pos = [] { return Call(">", {Col("a"), Lit(Value(0), DataType::Int())}); };
  auto one_is = [](int v) { return Call("=", {Lit(Value(1), DataType::Int()), Lit(Value(v), DataType::Int())}); };
  // a > 0 AND 1 = 1  ->  a > 0
  EXPECT_EQ(Optimized(MakeFilter(Scan("a INT"), Call("and", {a_pos(), one_is(1)})))->condition->ToString(), "(a > 0)");
  // 1 = 2 OR a > 0  ->  a > 0
  EXPECT_EQ(Optimized(MakeFilter(Scan("a INT"), Call("or", {one_is(2), a_pos()})))->condition->ToString(), "(a > 0)");
  // a > 0 OR 1 = 1  ->  TRUE, so the filter disappears
  EXPECT_EQ(Optimized(MakeFilter(Scan("a INT"), Call("or", {a_pos(), one_is(1)})))->kind, PlanKind::kFileScan);
  // a > 0 AND 1 = 2  ->  FALSE (even where a is NULL: NULL AND FALSE is FALSE)
  auto never = Optimized(MakeFilter(Scan("a INT"), Call("and", {a_pos(), one_is(2)})));
  EXPECT_EQ(never->condition->ToString(), "false");
}

}  // namespace
}  // namespace lakestream
