#include <gtest/gtest.h>

#include "columnar/record_batch.h"
#include "lakestream/error.h"
#include "plan/analyzer.h"

namespace lakestream {
namespace {

LogicalPlanPtr Table(const std::string& ddl) { return MakeLocalRelation(Schema::ParseDdl(ddl), {}); }

LogicalPlanPtr AnalyzeDefault(const LogicalPlanPtr& p) { return Analyze(p, FunctionRegistry::Default()); }

std::string ErrorClassOf(const LogicalPlanPtr& p) {
  try {
    AnalyzeDefault(p);
  } catch (const UserError& e) {
    return e.error_class();
  }
  return "no error";
}

TEST(AnalyzerTest, ExpandsStarAndBindsColumns) {
  auto plan = AnalyzeDefault(MakeProject(Table("a INT, b STRING"), {Star(), Alias(Call("+", {Col("a"), Lit(1, DataType::Int())}), "c")}));
  EXPECT_EQ(plan->schema->ToString(), "struct<a:int,b:string,c:int>");
  EXPECT_EQ(plan->exprs[0]->column_index, 0);
  EXPECT_TRUE(plan->analyzed);
}

TEST(AnalyzerTest, AggregateOutputsBecomeAProjectionOverGroupsAndAggregates) {
  auto plan = AnalyzeDefault(MakeAggregate(Table("k STRING, v BIGINT"), {Col("k")},
                                {Col("k"), Alias(Call("+", {Aggregate("sum", {Col("v")}), Lit(1, DataType::Int())}), "s1"),
                                 Aggregate("sum", {Col("v")})}));
  ASSERT_EQ(plan->kind, PlanKind::kProject);
  const auto& agg = plan->children[0];
  ASSERT_EQ(agg->kind, PlanKind::kAggregate);
  EXPECT_EQ(agg->groupings.size(), 1u);
  EXPECT_EQ(agg->exprs.size(), 1u) << "the same aggregate is computed once";
  EXPECT_EQ(plan->schema->FieldNames(), (std::vector<std::string>{"k", "s1", "sum(v)"}));
}

TEST(AnalyzerTest, NonGroupedColumnIsMissingAggregation) {
  EXPECT_EQ(ErrorClassOf(MakeAggregate(Table("k STRING, v BIGINT"), {Col("k")}, {Col("v")})), "MISSING_AGGREGATION");
}

TEST(AnalyzerTest, GlobalAggregateInSelect) {
  auto plan = AnalyzeDefault(MakeProject(Table("v INT"), {Aggregate("count", {Lit(1, DataType::Int())})}));
  EXPECT_EQ(plan->children[0]->kind, PlanKind::kAggregate);
  EXPECT_EQ(plan->schema->FieldNames(), (std::vector<std::string>{"count(1)"}));
}

TEST(AnalyzerTest, UsingJoinKeepsKeysOnce) {
  auto plan = AnalyzeDefault(MakeJoin(Table("id INT, a STRING"), Table("id INT, b STRING"), JoinType::kFull, nullptr, {"id"}));
  EXPECT_EQ(plan->schema->FieldNames(), (std::vector<std::string>{"id", "a", "b"}));
  EXPECT_EQ(plan->children[0]->kind, PlanKind::kJoin);
  ASSERT_NE(plan->children[0]->condition, nullptr);
}

TEST(AnalyzerTest, QualifiedColumnsResolveThroughAliases) {
  auto join = MakeJoin(MakeSubqueryAlias(Table("id INT"), "l"), MakeSubqueryAlias(Table("id INT"), "r"), JoinType::kInner,
                       Call("=", {Col("l.id"), Col("r.id")}));
  auto plan = AnalyzeDefault(MakeProject(join, {Col("r.id")}));
  EXPECT_EQ(plan->exprs[0]->column_index, 1);
  EXPECT_EQ(ErrorClassOf(MakeProject(join, {Col("id")})), "AMBIGUOUS_REFERENCE");
}

TEST(AnalyzerTest, UnionChecksWidthAndWidensTypes) {
  EXPECT_EQ(ErrorClassOf(MakeUnion({Table("a INT"), Table("a INT, b INT")})), "NUM_COLUMNS_MISMATCH");
  auto plan = AnalyzeDefault(MakeUnion({Table("a INT"), Table("a BIGINT")}));
  EXPECT_EQ(plan->schema->ToString(), "struct<a:bigint>");
}

TEST(AnalyzerTest, DistinctBecomesAnAggregate) {
  auto plan = AnalyzeDefault(MakeDistinct(Table("a INT, b STRING")));
  EXPECT_EQ(plan->children[0]->kind, PlanKind::kAggregate);
  EXPECT_EQ(plan->children[0]->groupings.size(), 2u);
}

TEST(AnalyzerTest, FilterMustBeBoolean) {
  EXPECT_EQ(ErrorClassOf(MakeFilter(Table("a INT"), Col("a"))), "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN");
}

TEST(AnalyzerTest, UnknownColumnIsUnresolved) {
  EXPECT_EQ(ErrorClassOf(MakeProject(Table("alpha INT"), {Col("alpah")})), "UNRESOLVED_COLUMN.WITH_SUGGESTION");
}

}  // namespace
}  // namespace lakestream
