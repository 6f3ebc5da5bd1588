// Window expressions in the analyzer: extraction into Window nodes (as
// Spark's ExtractWindowExpressions), resolved frames and Spark's errors.
#include <gtest/gtest.h>

#include "lakestream/error.h"
#include "plan/analyzer.h"

namespace lakestream {
namespace {

using Kind = FrameBound::Kind;

LogicalPlanPtr Table(const std::string& ddl) { return MakeLocalRelation(Schema::ParseDdl(ddl), {}); }
LogicalPlanPtr T() { return Table("k STRING, o INT, v BIGINT, s STRING, d DATE"); }

LogicalPlanPtr AnalyzeDefault(const LogicalPlanPtr& p) { return Analyze(p, FunctionRegistry::Default()); }

std::string ErrorOf(const LogicalPlanPtr& p) {
  try {
    AnalyzeDefault(p);
  } catch (const UserError& e) {
    return e.error_class();
  }
  return "no error";
}

ExprPtr IntLit(int v) { return Lit(Value(v), DataType::Int()); }

FrameBound Bound(Kind kind, ExprPtr offset = nullptr) {
  FrameBound b;
  b.kind = kind;
  b.offset = std::move(offset);
  return b;
}

WindowSpec Spec(std::vector<std::string> partition, std::vector<std::string> order) {
  WindowSpec w;
  for (const auto& p : partition) w.partition_by.push_back(Col(p));
  for (const auto& o : order) w.order_by.push_back(SortOrder(Col(o), true, true));
  return w;
}

WindowSpec Framed(WindowSpec w, WindowSpec::FrameType type, FrameBound start, FrameBound end) {
  w.frame_type = type;
  w.frame_start = std::move(start);
  w.frame_end = std::move(end);
  return w;
}

const Expr& WindowIn(const LogicalPlan& window_node, size_t i) { return *window_node.exprs[i]->children[0]; }

TEST(WindowAnalyzerTest, ProjectionOverWindowOverInput) {
  auto plan = AnalyzeDefault(MakeProject(T(), {Col("k"), Alias(WindowExpr(Call("rank", {}), Spec({"k"}, {"o"})), "r"),
                                               Alias(Call("+", {WindowExpr(Aggregate("sum", {Col("v")}), Spec({"k"}, {"o"})),
                                                                IntLit(1)}),
                                                     "s1")}));
  EXPECT_EQ(plan->schema->ToString(), "struct<k:string,r:int,s1:bigint>");
  ASSERT_EQ(plan->kind, PlanKind::kProject);
  const LogicalPlan& window = *plan->children[0];
  ASSERT_EQ(window.kind, PlanKind::kWindow);
  ASSERT_EQ(window.exprs.size(), 2u) << "both windows share PARTITION BY k ORDER BY o";
  EXPECT_EQ(window.schema->num_fields(), 7u);
  EXPECT_EQ(window.children[0]->kind, PlanKind::kLocalRelation);
  EXPECT_EQ(WindowIn(window, 0).ToString(),
            "RANK() OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
  EXPECT_EQ(WindowIn(window, 1).ToString(),
            "sum(v) OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
  EXPECT_EQ(plan->exprs[2]->children[0]->children[0]->column_index, 6) << "s1 reads the sum's window column";
}

TEST(WindowAnalyzerTest, DistinctKeysChainWindowNodesAndDuplicatesAreComputedOnce) {
  auto w1 = WindowExpr(Call("row_number", {}), Spec({"k"}, {"o"}));
  auto w2 = WindowExpr(Aggregate("max", {Col("v")}), Spec({}, {}));
  auto plan = AnalyzeDefault(MakeProject(T(), {Alias(w1, "a"), Alias(w2, "b"), Alias(w1, "c")}));
  ASSERT_EQ(plan->children[0]->kind, PlanKind::kWindow);
  ASSERT_EQ(plan->children[0]->children[0]->kind, PlanKind::kWindow);
  EXPECT_EQ(plan->children[0]->exprs.size() + plan->children[0]->children[0]->exprs.size(), 2u);
  EXPECT_EQ(plan->schema->FieldNames(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(WindowIn(*plan->children[0], 0).ToString(),
            "max(v) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)");
}

TEST(WindowAnalyzerTest, UnaliasedWindowKeepsSparksName) {
  auto plan = AnalyzeDefault(MakeProject(T(), {WindowExpr(Call("lag", {Col("v")}), Spec({}, {"o"}))}));
  EXPECT_EQ(plan->schema->FieldNames(),
            (std::vector<std::string>{"lag(v, 1, NULL) OVER (ORDER BY o ASC NULLS FIRST ROWS BETWEEN -1 FOLLOWING AND "
                                      "-1 FOLLOWING)"}));
}

TEST(WindowAnalyzerTest, WindowsOverAggregates) {
  // SELECT k, sum(v), rank() OVER (ORDER BY sum(v)), sum(sum(v)) OVER () FROM t GROUP BY k
  auto agg = MakeAggregate(T(), {Col("k")},
                           {Col("k"), Aggregate("sum", {Col("v")}),
                            Alias(WindowExpr(Call("rank", {}), [] {
                                    WindowSpec w;
                                    w.order_by.push_back(SortOrder(Aggregate("sum", {Col("v")}), true, true));
                                    return w;
                                  }()),
                                  "r"),
                            Alias(WindowExpr(Aggregate("sum", {Aggregate("sum", {Col("v")})}), Spec({}, {})), "total")});
  auto plan = AnalyzeDefault(agg);
  EXPECT_EQ(plan->schema->ToString(), "struct<k:string,sum(v):bigint,r:int,total:bigint>");
  const LogicalPlan* node = plan->children[0].get();
  int windows = 0;
  while (node->kind == PlanKind::kWindow) {
    ++windows;
    node = node->children[0].get();
  }
  EXPECT_EQ(windows, 2);
  ASSERT_EQ(node->kind, PlanKind::kAggregate) << "the windows read the aggregate's output";
  EXPECT_EQ(node->exprs.size(), 1u) << "sum(v) is aggregated once";
}

TEST(WindowAnalyzerTest, SelectWithWindowAggregateIsNotAGlobalAggregate) {
  auto plan = AnalyzeDefault(MakeProject(T(), {Col("v"), Alias(WindowExpr(Aggregate("sum", {Col("v")}), Spec({}, {})), "t")}));
  EXPECT_EQ(plan->children[0]->kind, PlanKind::kWindow);
}

TEST(WindowAnalyzerTest, QualifyFiltersOnWindowsOverTheSelect) {
  // SELECT k, o FROM t QUALIFY row_number() OVER (PARTITION BY k ORDER BY v) = 1: v is not selected.
  auto select = MakeProject(T(), {Col("k"), Col("o")});
  auto qualify = [](LogicalPlanPtr child, ExprPtr condition) {  // as the SQL parser builds QUALIFY
    auto f = std::make_shared<LogicalPlan>(*MakeFilter(std::move(child), std::move(condition)));
    f->is_qualify = true;
    return LogicalPlanPtr(f);
  };
  auto plan = AnalyzeDefault(qualify(select, Call("=", {WindowExpr(Call("row_number", {}), Spec({"k"}, {"v"})), IntLit(1)})));
  EXPECT_EQ(plan->schema->FieldNames(), (std::vector<std::string>{"k", "o"}));
  ASSERT_EQ(plan->children[0]->kind, PlanKind::kFilter);
  // Over the select's outputs: QUALIFY rank() OVER (ORDER BY o) <= 2.
  auto by_output = AnalyzeDefault(qualify(select, Call("<=", {WindowExpr(Call("rank", {}), Spec({}, {"o"})), IntLit(2)})));
  EXPECT_EQ(by_output->schema->FieldNames(), (std::vector<std::string>{"k", "o"}));
}

TEST(WindowAnalyzerTest, ResolvedFrames) {
  auto frame_of = [](WindowSpec spec, ExprPtr fn) {
    auto plan = AnalyzeDefault(MakeProject(T(), {Alias(WindowExpr(std::move(fn), std::move(spec)), "w")}));
    return FrameName(*WindowIn(*plan->children[0], 0).window);
  };
  EXPECT_EQ(frame_of(Framed(Spec({}, {"o"}), WindowSpec::FrameType::kRange, Bound(Kind::kPreceding, IntLit(2)),
                            Bound(Kind::kFollowing, Lit(Value(int64_t{1}), DataType::Long()))),
                     Aggregate("count", {Col("v")})),
            "RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING");
  EXPECT_EQ(frame_of(Framed(Spec({}, {"d"}), WindowSpec::FrameType::kRange, Bound(Kind::kPreceding, IntLit(7)),
                            Bound(Kind::kCurrentRow)),
                     Aggregate("count", {Col("v")})),
            "RANGE BETWEEN 7 PRECEDING AND CURRENT ROW");
  EXPECT_EQ(frame_of(Spec({}, {"o"}), Call("cume_dist", {})), "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW");
  EXPECT_EQ(frame_of(Spec({}, {"o"}), Call("nth_value", {Col("v"), IntLit(2)})),
            "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW");
}

TEST(WindowAnalyzerTest, SparkErrors) {
  auto project = [](ExprPtr e) { return MakeProject(T(), {Alias(std::move(e), "w")}); };
  EXPECT_EQ(ErrorOf(MakeProject(T(), {Call("row_number", {})})), "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE");
  EXPECT_EQ(ErrorOf(project(WindowExpr(Call("rank", {}), Spec({"k"}, {})))), "_LEGACY_ERROR_TEMP_1037");
  EXPECT_EQ(ErrorOf(project(WindowExpr(Call("lag", {Col("v")}), Spec({"k"}, {})))), "_LEGACY_ERROR_TEMP_1037");
  EXPECT_EQ(ErrorOf(project(WindowExpr(Call("lag", {Col("v")}),
                                       Framed(Spec({}, {"o"}), WindowSpec::FrameType::kRows,
                                              Bound(Kind::kUnboundedPreceding), Bound(Kind::kCurrentRow))))),
            "WINDOW_FUNCTION_AND_FRAME_MISMATCH");
  EXPECT_EQ(ErrorOf(project(WindowExpr(Call("row_number", {}),
                                       Framed(Spec({}, {"o"}), WindowSpec::FrameType::kRows,
                                              Bound(Kind::kPreceding, IntLit(1)), Bound(Kind::kCurrentRow))))),
            "_LEGACY_ERROR_TEMP_1036");
  EXPECT_EQ(ErrorOf(project(WindowExpr(Aggregate("sum", {Col("v")}, true), Spec({}, {})))),
            "DISTINCT_WINDOW_FUNCTION_UNSUPPORTED");
  EXPECT_EQ(ErrorOf(project(WindowExpr(Call("upper", {Col("s")}), Spec({}, {})))), "UNSUPPORTED_EXPR_FOR_WINDOW");
  EXPECT_EQ(ErrorOf(project(WindowExpr(Call("ntile", {IntLit(0)}), Spec({}, {"o"})))),
            "DATATYPE_MISMATCH.TYPE_CHECK_FAILURE_WITH_HINT");
  EXPECT_EQ(ErrorOf(project(WindowExpr(Call("lag", {Col("v"), Col("o")}), Spec({}, {"o"})))),
            "DATATYPE_MISMATCH.TYPE_CHECK_FAILURE_WITH_HINT");
  auto frame = [&](WindowSpec spec) { return ErrorOf(project(WindowExpr(Aggregate("sum", {Col("v")}), std::move(spec)))); };
  EXPECT_EQ(frame(Framed(Spec({}, {"o", "v"}), WindowSpec::FrameType::kRange, Bound(Kind::kPreceding, IntLit(1)),
                         Bound(Kind::kCurrentRow))),
            "DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER");
  EXPECT_EQ(frame(Framed(Spec({}, {"s"}), WindowSpec::FrameType::kRange, Bound(Kind::kPreceding, IntLit(1)),
                         Bound(Kind::kCurrentRow))),
            "DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE");
  EXPECT_EQ(frame(Framed(Spec({}, {}), WindowSpec::FrameType::kRange, Bound(Kind::kPreceding, IntLit(1)),
                         Bound(Kind::kCurrentRow))),
            "DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER");
  EXPECT_EQ(frame(Framed(Spec({}, {"o"}), WindowSpec::FrameType::kRows, Bound(Kind::kFollowing, IntLit(2)),
                         Bound(Kind::kFollowing, IntLit(1)))),
            "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON");
  EXPECT_EQ(frame(Framed(Spec({}, {"o"}), WindowSpec::FrameType::kRows, Bound(Kind::kUnboundedFollowing),
                         Bound(Kind::kCurrentRow))),
            "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_INVALID_BOUND");
  EXPECT_EQ(frame(Framed(Spec({}, {"o"}), WindowSpec::FrameType::kRows, Bound(Kind::kPreceding, Col("o")),
                         Bound(Kind::kCurrentRow))),
            "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WITHOUT_FOLDABLE");
  EXPECT_EQ(frame(Framed(Spec({}, {"o"}), WindowSpec::FrameType::kRows,
                         Bound(Kind::kPreceding, Lit(Value(1.5), DataType::Double())), Bound(Kind::kCurrentRow))),
            "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE");
  // Nested windows, windows in WHERE and in GROUP BY.
  EXPECT_EQ(ErrorOf(project(WindowExpr(Aggregate("sum", {WindowExpr(Call("rank", {}), Spec({}, {"o"}))}), Spec({}, {})))),
            "UNSUPPORTED_EXPR_FOR_OPERATOR");
  EXPECT_EQ(ErrorOf(MakeFilter(T(), Call("=", {WindowExpr(Call("rank", {}), Spec({}, {"o"})), IntLit(1)}))),
            "_LEGACY_ERROR_TEMP_1034");
  // Only a filter marked QUALIFY (by SQL) may hold windows, even over a select.
  auto window_filter = [&](bool qualify) {
    auto f = std::make_shared<LogicalPlan>(*MakeFilter(
        MakeProject(T(), {Col("k"), Col("o")}), Call("=", {WindowExpr(Call("rank", {}), Spec({}, {"o"})), IntLit(1)})));
    f->is_qualify = qualify;
    return LogicalPlanPtr(f);
  };
  EXPECT_EQ(ErrorOf(window_filter(false)), "_LEGACY_ERROR_TEMP_1034");
  EXPECT_EQ(ErrorOf(window_filter(true)), "no error");
  EXPECT_EQ(ErrorOf(MakeAggregate(T(), {WindowExpr(Call("rank", {}), Spec({}, {"o"}))}, {Aggregate("count", {Col("v")})})),
            "UNSUPPORTED_EXPR_FOR_OPERATOR");
  EXPECT_EQ(ErrorOf(MakeAggregate(T(), {Col("k")}, {Col("k"), WindowExpr(Call("rank", {}), Spec({}, {"o"}))})),
            "MISSING_AGGREGATION");
}

TEST(WindowAnalyzerTest, WindowPlanNodeFromTheBuilder) {
  auto plan = AnalyzeDefault(MakeWindow(T(), {Alias(WindowExpr(Call("dense_rank", {}), Spec({"k"}, {"v"})), "dr")}));
  EXPECT_EQ(plan->schema->ToString(), "struct<k:string,o:int,v:bigint,s:string,d:date,dr:int>");
}

}  // namespace
}  // namespace lakestream
