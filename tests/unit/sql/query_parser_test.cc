// Queries parse into the plans the DataFrame API builds for the same calls:
// each test builds that plan with the Make* constructors and compares trees.
#include <gtest/gtest.h>

#include "parse_results.h"
#include "plan/analyzer.h"

namespace lakestream::sql {
namespace {

LogicalPlanPtr Table(const std::string& name) { return MakeUnresolvedRelation({name}); }
// What SELECT without FROM reads: one row, no columns.
LogicalPlanPtr OneRow() { return MakeProject(MakeRange(0, 1, 1, 1), {}); }

TEST(QueryParserTest, SelectWhereIsFilterThenProject) {
  // df.filter(col("a") > 1).select(col("a"), (col("b") + 1).alias("c"))
  auto df = MakeProject(MakeFilter(Table("t"), Bin(">", Col("a"), IntLit(1))),
                        {Col("a"), Alias(Bin("+", Col("b"), IntLit(1)), "c")});
  EXPECT_EQ(PlanOf("SELECT a, b + 1 AS c FROM t WHERE a > 1"), df->TreeString());
  EXPECT_EQ(PlanOf("select a, b + 1 c from t where a > 1;"), df->TreeString());
}

TEST(QueryParserTest, StarAndQualifiedStar) {
  EXPECT_EQ(PlanOf("SELECT * FROM t"), MakeProject(Table("t"), {Star()})->TreeString());
  EXPECT_EQ(PlanOf("SELECT t.*, 1 FROM t"), MakeProject(Table("t"), {Star({"t"}), IntLit(1)})->TreeString());
}

TEST(QueryParserTest, SelectWithoutFromReadsOneRowWithNoColumns) {
  EXPECT_EQ(PlanOf("SELECT 1 + 1 AS two"), MakeProject(OneRow(), {Alias(Bin("+", IntLit(1), IntLit(1)), "two")})->TreeString());
  auto analyzed = Analyze(ParseQuery("SELECT 1 + 1 AS two, 'x'"), FunctionRegistry::Default());
  EXPECT_EQ(analyzed->schema->ToString(), "struct<two:int,x:string>");
  EXPECT_THROW(Analyze(ParseQuery("SELECT id"), FunctionRegistry::Default()), UserError) << "Range's id stays hidden";
}

TEST(QueryParserTest, GroupByIsAnAggregateWithTheSelectListAsOutputs) {
  // df.groupBy("k").agg(sum("v")) keeps the keys first; SQL keeps the select list as written.
  auto df = MakeAggregate(Table("t"), {Col("k")}, {Col("k"), Aggregate("sum", {Col("v")})});
  EXPECT_EQ(PlanOf("SELECT k, sum(v) FROM t GROUP BY k"), df->TreeString());
  auto plan = ParseQuery("SELECT k, sum(v) FROM t GROUP BY k");
  EXPECT_TRUE(plan->grouping_sets.empty());
  EXPECT_FALSE(plan->group_by_all);
}

TEST(QueryParserTest, AggregatesWithoutGroupByStayAProjectionAsDfSelect) {
  EXPECT_EQ(PlanOf("SELECT count(*) FROM t"), MakeProject(Table("t"), {Aggregate("count", {IntLit(1)})})->TreeString());
}

TEST(QueryParserTest, GroupByOrdinalsAreKeptForTheAnalyzer) {
  auto plan = ParseQuery("SELECT k, count(*) FROM t GROUP BY 1");
  ASSERT_EQ(plan->groupings.size(), 1u);
  EXPECT_EQ(plan->groupings[0]->kind, ExprKind::kLiteral);
  EXPECT_EQ(plan->groupings[0]->value, Value(int64_t{1}));
}

TEST(QueryParserTest, GroupByAll) {
  auto plan = ParseQuery("SELECT k, sum(v) FROM t GROUP BY ALL");
  EXPECT_EQ(plan->kind, PlanKind::kAggregate);
  EXPECT_TRUE(plan->group_by_all);
  EXPECT_TRUE(plan->groupings.empty());
}

std::string Sets(const LogicalPlan& p) {
  std::string out;
  for (const auto& set : p.grouping_sets) {
    out += "(";
    for (size_t i = 0; i < set.size(); ++i) out += (i ? "," : "") + set[i]->ToString();
    out += ")";
  }
  return out;
}

std::string Groupings(const LogicalPlan& p) {
  std::string out;
  for (const auto& g : p.groupings) out += (out.empty() ? "" : ",") + g->ToString();
  return out;
}

TEST(QueryParserTest, RollupCubeAndGroupingSetsExpandAsSpark) {
  auto rollup = ParseQuery("SELECT a, b, sum(v) FROM t GROUP BY ROLLUP(a, b)");
  EXPECT_EQ(Sets(*rollup), "(a,b)(a)()");
  EXPECT_EQ(Groupings(*rollup), "a,b");
  EXPECT_EQ(Sets(*ParseQuery("SELECT 1 FROM t GROUP BY CUBE(a, b)")), "(a,b)(a)(b)()");
  EXPECT_EQ(Sets(*ParseQuery("SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), a, ())")), "(a,b)(a)()");
  EXPECT_EQ(Sets(*ParseQuery("SELECT 1 FROM t GROUP BY a, b WITH ROLLUP")), "(a,b)(a)()");
  EXPECT_EQ(Sets(*ParseQuery("SELECT 1 FROM t GROUP BY a WITH CUBE")), "(a)()");
  auto mixed = ParseQuery("SELECT 1 FROM t GROUP BY x, ROLLUP((a, b), c)");
  EXPECT_EQ(Sets(*mixed), "(x,a,b,c)(x,a,b)(x)");
  EXPECT_EQ(Groupings(*mixed), "x,a,b,c");
  EXPECT_EQ(Groupings(*ParseQuery("SELECT 1 FROM t GROUP BY GROUPING SETS ((t.a), (u.a))")), "a,a")
      << "t.a and u.a are different grouping expressions";
}

TEST(QueryParserTest, HavingIsAFilterMarkedHavingOverTheAggregate) {
  auto plan = ParseQuery("SELECT k FROM t GROUP BY k HAVING sum(v) > 10");
  ASSERT_EQ(plan->kind, PlanKind::kFilter);
  EXPECT_TRUE(plan->is_having);
  EXPECT_EQ(plan->condition->ToString(), "(sum(v) > 10)");
  EXPECT_EQ(plan->children[0]->kind, PlanKind::kAggregate);
  auto global = ParseQuery("SELECT sum(v) FROM t HAVING sum(v) > 10");
  ASSERT_EQ(global->children[0]->kind, PlanKind::kAggregate) << "HAVING alone groups the whole input";
  EXPECT_TRUE(global->children[0]->groupings.empty());
}

TEST(QueryParserTest, OrderByAppliesSparkNullOrderDefaults) {
  // df.orderBy(col("a").asc(), col("b").desc())
  auto df = MakeSort(MakeProject(Table("t"), {Col("a"), Col("b")}),
                     {SortOrder(Col("a"), true, true), SortOrder(Col("b"), false, false)});
  EXPECT_EQ(PlanOf("SELECT a, b FROM t ORDER BY a, b DESC"), df->TreeString());
  EXPECT_EQ(PlanOf("SELECT a FROM t ORDER BY a ASC NULLS LAST, 1 DESC NULLS FIRST"),
            "Sort [a ASC NULLS LAST, 1 DESC NULLS FIRST]\n+- Project [a]\n   +- 'UnresolvedRelation [t]\n");
}

TEST(QueryParserTest, LimitAndOffset) {
  auto select = MakeProject(Table("t"), {Col("a")});
  EXPECT_EQ(PlanOf("SELECT a FROM t LIMIT 10"), MakeLimit(select, 10)->TreeString());
  EXPECT_EQ(PlanOf("SELECT a FROM t LIMIT 10 OFFSET 5"), MakeLimit(select, 10, 5)->TreeString());
  EXPECT_EQ(PlanOf("SELECT a FROM t OFFSET 5"), MakeLimit(select, -1, 5)->TreeString());
  EXPECT_EQ(PlanOf("SELECT a FROM t OFFSET 5 LIMIT 10"), MakeLimit(select, 10, 5)->TreeString());
  EXPECT_EQ(PlanOf("SELECT a FROM t LIMIT ALL"), select->TreeString());
  EXPECT_EQ(PlanOf("SELECT a FROM t LIMIT 0"), MakeLimit(select, 0)->TreeString());
  auto negative = FailureOf([] { ParseQuery("SELECT a FROM t LIMIT -1"); });
  EXPECT_EQ(negative.error_class, "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE");
  EXPECT_EQ(negative.message.substr(0, 127),
            "The limit like expression \"-1\" is invalid. The limit expression must be equal to or greater than 0, but "
            "got -1. SQLSTATE: 42K0E");
  EXPECT_EQ(FailureOf([] { ParseQuery("SELECT a FROM t LIMIT a"); }).error_class,
            "INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE");
  EXPECT_EQ(FailureOf([] { ParseQuery("SELECT a FROM t LIMIT 1.5"); }).error_class,
            "INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE");
}

TEST(QueryParserTest, DistinctAndAll) {
  EXPECT_EQ(PlanOf("SELECT DISTINCT a FROM t"), MakeDistinct(MakeProject(Table("t"), {Col("a")}))->TreeString());
  EXPECT_EQ(PlanOf("SELECT ALL a FROM t"), MakeProject(Table("t"), {Col("a")})->TreeString());
}

TEST(QueryParserTest, SetOperationsWithSparkPrecedence) {
  auto a = MakeProject(Table("a"), {Col("x")});
  auto b = MakeProject(Table("b"), {Col("x")});
  auto c = MakeProject(Table("c"), {Col("x")});
  // df_a.unionAll(df_b)
  EXPECT_EQ(PlanOf("SELECT x FROM a UNION ALL SELECT x FROM b"), MakeUnion({a, b})->TreeString());
  EXPECT_EQ(PlanOf("SELECT x FROM a UNION SELECT x FROM b"), MakeDistinct(MakeUnion({a, b}))->TreeString());
  EXPECT_EQ(PlanOf("SELECT x FROM a UNION DISTINCT SELECT x FROM b"), MakeDistinct(MakeUnion({a, b}))->TreeString());
  // INTERSECT binds tighter than UNION and EXCEPT.
  EXPECT_EQ(PlanOf("SELECT x FROM a UNION ALL SELECT x FROM b INTERSECT SELECT x FROM c"),
            MakeUnion({a, MakeSetOperation(PlanKind::kIntersect, b, c, false)})->TreeString());
  EXPECT_EQ(PlanOf("SELECT x FROM a EXCEPT ALL SELECT x FROM b MINUS SELECT x FROM c"),
            MakeSetOperation(PlanKind::kExcept, MakeSetOperation(PlanKind::kExcept, a, b, true), c, false)->TreeString());
  EXPECT_EQ(PlanOf("(SELECT x FROM a UNION ALL SELECT x FROM b) INTERSECT ALL SELECT x FROM c"),
            MakeSetOperation(PlanKind::kIntersect, MakeUnion({a, b}), c, true)->TreeString());
}

TEST(QueryParserTest, OrderByAndLimitApplyToTheWholeSetOperation) {
  auto a = MakeProject(Table("a"), {Col("x")});
  auto b = MakeProject(Table("b"), {Col("x")});
  EXPECT_EQ(PlanOf("SELECT x FROM a UNION ALL SELECT x FROM b ORDER BY x LIMIT 3"),
            MakeLimit(MakeSort(MakeUnion({a, b}), {SortOrder(Col("x"), true, true)}), 3)->TreeString());
  EXPECT_EQ(PlanOf("(SELECT x FROM a LIMIT 1) UNION ALL (SELECT x FROM b)"),
            MakeUnion({MakeLimit(a, 1), b})->TreeString());
}

TEST(QueryParserTest, ValuesAsAQuery) {
  EXPECT_EQ(PlanOf("VALUES (1, 'a'), (2, 'b')"),
            MakeValues({{IntLit(1), StrLit("a")}, {IntLit(2), StrLit("b")}})->TreeString());
  EXPECT_EQ(PlanOf("VALUES 1, 2"), MakeValues({{IntLit(1)}, {IntLit(2)}})->TreeString());
  auto failure = FailureOf([] { ParseQuery("VALUES (1, 2), (3)"); });
  EXPECT_EQ(failure.error_class, "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH");
  EXPECT_EQ(failure.message.substr(0, 85),
            "Invalid inline table. Inline table expected 2 columns but found 1 columns in row 1. S");
}

TEST(QueryParserTest, TableQuery) { EXPECT_EQ(PlanOf("TABLE db.t"), MakeUnresolvedRelation({"db", "t"})->TreeString()); }

TEST(QueryParserTest, CtesAreInlinedAsSubqueryAliasesAtEachReference) {
  auto x = MakeProject(OneRow(), {Alias(IntLit(1), "a")});
  auto expected = MakeProject(MakeJoin(MakeSubqueryAlias(x, "x"), MakeSubqueryAlias(x, "x"), JoinType::kInner, nullptr),
                              {Star()});
  EXPECT_EQ(PlanOf("WITH x AS (SELECT 1 AS a) SELECT * FROM x, x"), expected->TreeString());
}

TEST(QueryParserTest, CtesSeeEarlierCtesAndShadowTables) {
  auto plan = PlanOf("WITH t AS (SELECT a FROM t), u(b) AS (SELECT a FROM t) SELECT b FROM u");
  auto t = MakeProject(Table("t"), {Col("a")});
  auto u = MakeProject(MakeProject(MakeSubqueryAlias(t, "t"), {Col("a")}), {Alias(Col("a"), "b")});
  EXPECT_EQ(plan, MakeProject(MakeSubqueryAlias(u, "u"), {Col("b")})->TreeString());
  EXPECT_EQ(PlanOf("WITH T AS (SELECT 1) SELECT * FROM t"),
            MakeProject(MakeSubqueryAlias(MakeProject(OneRow(), {IntLit(1)}), "t"), {Star()})->TreeString())
      << "names match case-insensitively";
  EXPECT_EQ(PlanOf("SELECT * FROM (WITH c AS (SELECT 1) SELECT * FROM c) s, c"),
            MakeProject(MakeJoin(MakeSubqueryAlias(MakeProject(MakeSubqueryAlias(MakeProject(OneRow(), {IntLit(1)}), "c"),
                                                               {Star()}),
                                                   "s"),
                                 Table("c"), JoinType::kInner, nullptr),
                        {Star()})
                ->TreeString())
      << "a CTE is visible only inside its query";
  auto duplicate = FailureOf([] { ParseQuery("WITH a AS (SELECT 1), A AS (SELECT 2) SELECT 1"); });
  EXPECT_EQ(duplicate.error_class, "DUPLICATED_CTE_NAMES");
}

TEST(QueryParserTest, WindowFunctionsStayInTheProjection) {
  auto plan = ParseQuery("SELECT a, rank() OVER (PARTITION BY a ORDER BY b) AS r FROM t");
  ASSERT_EQ(plan->kind, PlanKind::kProject);
  EXPECT_EQ(plan->exprs[1]->ToString(), "RANK() OVER (PARTITION BY a ORDER BY b ASC NULLS FIRST) AS r");
}

TEST(QueryParserTest, NamedWindowsAreSubstituted) {
  auto named = PlanOf("SELECT sum(x) OVER w, avg(x) OVER (w) FROM t WINDOW w AS (PARTITION BY k ORDER BY ts)");
  auto inline_spec = PlanOf(
      "SELECT sum(x) OVER (PARTITION BY k ORDER BY ts), avg(x) OVER (PARTITION BY k ORDER BY ts) FROM t");
  EXPECT_EQ(named, inline_spec);
  EXPECT_EQ(PlanOf("SELECT max(x) OVER w2 FROM t WINDOW w1 AS (PARTITION BY k), w2 AS w1"),
            PlanOf("SELECT max(x) OVER (PARTITION BY k) FROM t"));
  auto failure = FailureOf([] { ParseQuery("SELECT sum(x) OVER w FROM t WINDOW v AS ()"); });
  EXPECT_EQ(failure.error_class, "MISSING_WINDOW_SPECIFICATION");
  EXPECT_EQ(failure.message,
            "Window specification w is not defined in the WINDOW clause. SQLSTATE: 42P20 (line 1, pos 19)\n\n== SQL ==\n"
            "SELECT sum(x) OVER w FROM t WINDOW v AS ()\n-------------------^^^");
}

TEST(QueryParserTest, QualifyIsAFilterAboveTheProjection) {
  auto plan = ParseQuery(
      "SELECT k, v FROM t QUALIFY row_number() OVER w = 1 WINDOW w AS (PARTITION BY k ORDER BY v DESC)");
  ASSERT_EQ(plan->kind, PlanKind::kFilter);
  EXPECT_FALSE(plan->is_having);
  EXPECT_EQ(plan->condition->ToString(), "(row_number() OVER (PARTITION BY k ORDER BY v DESC NULLS LAST) = 1)");
  EXPECT_EQ(plan->children[0]->kind, PlanKind::kProject);
}

TEST(QueryParserTest, ClauseOrderOfASelectBlock) {
  EXPECT_EQ(PlanOf("SELECT DISTINCT k, sum(v) AS s FROM t WHERE v > 0 GROUP BY k HAVING s > 1 ORDER BY s LIMIT 5"),
            "Limit 5\n"
            "+- Sort [s ASC NULLS FIRST]\n"
            "   +- Distinct\n"
            "      +- Filter (s > 1)\n"
            "         +- Aggregate [k], [k, sum(v) AS s]\n"
            "            +- Filter (v > 0)\n"
            "               +- 'UnresolvedRelation [t]\n");
}

TEST(QueryParserTest, ParsedPlansOverRangeAnalyzeToday) {
  const auto& registry = FunctionRegistry::Default();
  auto plan = Analyze(ParseQuery("SELECT id % 3 AS k, count(*) AS n, sum(id) FROM range(10) WHERE id > 2 GROUP BY id % 3 "
                                 "ORDER BY k LIMIT 2"),
                      registry);
  EXPECT_EQ(plan->schema->ToString(), "struct<k:bigint,n:bigint,sum(id):bigint>");
  auto joined = Analyze(ParseQuery("SELECT l.id, r.id AS rid FROM range(3) l JOIN range(1, 4) AS r ON l.id = r.id - 1 "
                                   "UNION ALL SELECT 7, 8"),
                        registry);
  EXPECT_EQ(joined->schema->FieldNames(), (std::vector<std::string>{"id", "rid"}));
}

}  // namespace
}  // namespace lakestream::sql
