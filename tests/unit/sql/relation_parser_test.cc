// The FROM clause: tables, joins, derived tables, VALUES, table-valued
// functions and LATERAL VIEW, compared with the plans the DataFrame API builds.
#include <gtest/gtest.h>

#include "parse_results.h"

namespace lakestream::sql {
namespace {

LogicalPlanPtr Table(std::vector<std::string> name) { return MakeUnresolvedRelation(std::move(name)); }
LogicalPlanPtr SelectStar(LogicalPlanPtr from) { return MakeProject(std::move(from), {Star()}); }

TEST(RelationParserTest, TableNamesAndAliases) {
  EXPECT_EQ(PlanOf("SELECT * FROM db.t"), SelectStar(Table({"db", "t"}))->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM cat.db.`my table`"), SelectStar(Table({"cat", "db", "my table"}))->TreeString());
  // df.alias("x")
  EXPECT_EQ(PlanOf("SELECT * FROM t AS x"), SelectStar(MakeSubqueryAlias(Table({"t"}), "x"))->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM t x"), SelectStar(MakeSubqueryAlias(Table({"t"}), "x"))->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM t AS `select`"), SelectStar(MakeSubqueryAlias(Table({"t"}), "select"))->TreeString());
}

TEST(RelationParserTest, FilesAsTablesAreFormatAndPath) {
  EXPECT_EQ(PlanOf("SELECT * FROM parquet.`/data/events`"), SelectStar(Table({"parquet", "/data/events"}))->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM csv.`s3://b/k.csv` AS c"),
            SelectStar(MakeSubqueryAlias(Table({"csv", "s3://b/k.csv"}), "c"))->TreeString());
}

TEST(RelationParserTest, EveryJoinType) {
  auto on = Bin("=", ColParts({"a", "k"}), ColParts({"b", "k"}));
  struct Case {
    const char* sql;
    JoinType type;
  } cases[] = {
      {"JOIN", JoinType::kInner},           {"INNER JOIN", JoinType::kInner},      {"LEFT JOIN", JoinType::kLeft},
      {"LEFT OUTER JOIN", JoinType::kLeft}, {"RIGHT JOIN", JoinType::kRight},      {"RIGHT OUTER JOIN", JoinType::kRight},
      {"FULL JOIN", JoinType::kFull},       {"FULL OUTER JOIN", JoinType::kFull},  {"LEFT SEMI JOIN", JoinType::kLeftSemi},
      {"SEMI JOIN", JoinType::kLeftSemi},   {"LEFT ANTI JOIN", JoinType::kLeftAnti}, {"ANTI JOIN", JoinType::kLeftAnti},
  };
  for (const auto& c : cases) {
    // a.join(b, a.k == b.k, how)
    auto df = SelectStar(MakeJoin(Table({"a"}), Table({"b"}), c.type, on));
    EXPECT_EQ(PlanOf(std::string("SELECT * FROM a ") + c.sql + " b ON a.k = b.k"), df->TreeString()) << c.sql;
  }
  EXPECT_EQ(PlanOf("SELECT * FROM a CROSS JOIN b"),
            SelectStar(MakeJoin(Table({"a"}), Table({"b"}), JoinType::kCross, nullptr))->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM a JOIN b"),
            SelectStar(MakeJoin(Table({"a"}), Table({"b"}), JoinType::kInner, nullptr))->TreeString());
}

TEST(RelationParserTest, UsingNaturalAndCommaJoins) {
  // a.join(b, {"k", "j"}, "left")
  EXPECT_EQ(PlanOf("SELECT * FROM a LEFT JOIN b USING (k, j)"),
            SelectStar(MakeJoin(Table({"a"}), Table({"b"}), JoinType::kLeft, nullptr, {"k", "j"}))->TreeString());
  auto natural = ParseQuery("SELECT * FROM a NATURAL LEFT JOIN b")->children[0];
  EXPECT_EQ(natural->kind, PlanKind::kJoin);
  EXPECT_TRUE(natural->natural);
  EXPECT_EQ(natural->join_type, JoinType::kLeft);
  EXPECT_EQ(natural->condition, nullptr);
  EXPECT_EQ(PlanOf("SELECT * FROM a, b, c"),
            SelectStar(MakeJoin(MakeJoin(Table({"a"}), Table({"b"}), JoinType::kInner, nullptr), Table({"c"}),
                                JoinType::kInner, nullptr))
                ->TreeString());
}

TEST(RelationParserTest, JoinsAreLeftDeepAndParenthesesGroup) {
  auto ab = MakeJoin(Table({"a"}), Table({"b"}), JoinType::kInner, Bin("=", Col("x"), Col("y")));
  EXPECT_EQ(PlanOf("SELECT * FROM a JOIN b ON x = y LEFT JOIN c USING (z)"),
            SelectStar(MakeJoin(ab, Table({"c"}), JoinType::kLeft, nullptr, {"z"}))->TreeString());
  auto bc = MakeJoin(Table({"b"}), Table({"c"}), JoinType::kInner, nullptr, {"z"});
  EXPECT_EQ(PlanOf("SELECT * FROM a JOIN (b JOIN c USING (z)) ON x = y"),
            SelectStar(MakeJoin(Table({"a"}), bc, JoinType::kInner, Bin("=", Col("x"), Col("y"))))->TreeString());
}

TEST(RelationParserTest, DerivedTables) {
  auto inner = MakeProject(Table({"t"}), {Col("a"), Col("b")});
  EXPECT_EQ(PlanOf("SELECT a FROM (SELECT a, b FROM t) s"),
            MakeProject(MakeSubqueryAlias(inner, "s"), {Col("a")})->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM (SELECT a, b FROM t)"), SelectStar(inner)->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM ((SELECT a, b FROM t) UNION ALL (SELECT a, b FROM t)) u"),
            SelectStar(MakeSubqueryAlias(MakeUnion({inner, inner}), "u"))->TreeString());
}

TEST(RelationParserTest, ColumnAliasListsBecomeAProjection) {
  auto inner = MakeProject(Table({"t"}), {Col("a"), Alias(Bin("+", Col("b"), IntLit(1)), "c")});
  auto renamed = MakeProject(inner, {Alias(ColParts({"a"}), "x"), Alias(ColParts({"c"}), "y")});
  EXPECT_EQ(PlanOf("SELECT * FROM (SELECT a, b + 1 AS c FROM t) AS s(x, y)"),
            SelectStar(MakeSubqueryAlias(renamed, "s"))->TreeString());
  EXPECT_EQ(PlanOf("SELECT n FROM range(3) AS r(n)"),
            MakeProject(MakeSubqueryAlias(MakeProject(MakeRange(0, 3, 1, 0), {Alias(ColParts({"id"}), "n")}), "r"),
                        {Col("n")})
                ->TreeString());
  auto mismatch = FailureOf([] { ParseQuery("SELECT * FROM (SELECT 1, 2) AS s(x)"); });
  EXPECT_EQ(mismatch.error_class, "ASSIGNMENT_ARITY_MISMATCH");
  EXPECT_EQ(mismatch.message.substr(0, 104),
            "The number of columns or variables assigned or aliased: 1 does not match the number of source tuples: 2.");
  EXPECT_EQ(FailureOf([] { ParseQuery("SELECT * FROM t AS s(x)"); }).error_class, "UNSUPPORTED_FEATURE.SQL_SYNTAX")
      << "a table's columns are known only after analysis";
}

TEST(RelationParserTest, ValuesInFrom) {
  auto values = MakeValues({{IntLit(1), StrLit("a")}, {IntLit(2), StrLit("b")}});
  auto named = MakeProject(values, {Alias(ColParts({"col1"}), "x"), Alias(ColParts({"col2"}), "y")});
  EXPECT_EQ(PlanOf("SELECT x FROM VALUES (1, 'a'), (2, 'b') AS t(x, y)"),
            MakeProject(MakeSubqueryAlias(named, "t"), {Col("x")})->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(x, y)"),
            SelectStar(MakeSubqueryAlias(named, "t"))->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM VALUES (1, 'a'), (2, 'b')"), SelectStar(values)->TreeString());
}

TEST(RelationParserTest, RangeWithLiteralsIsARangeNode) {
  // spark.range(10), spark.range(1, 10, 2)
  EXPECT_EQ(PlanOf("SELECT id FROM range(10)"), MakeProject(MakeRange(0, 10, 1, 0), {Col("id")})->TreeString());
  auto plan = ParseQuery("SELECT * FROM RANGE(-5, 10, 2, 4)")->children[0];
  EXPECT_EQ(plan->kind, PlanKind::kRange);
  EXPECT_EQ(plan->range_start, -5);
  EXPECT_EQ(plan->range_step, 2);
  EXPECT_EQ(plan->num_partitions, 4);
  auto step = FailureOf([] { ParseQuery("SELECT * FROM range(1, 5, 0)"); });
  EXPECT_EQ(step.error_class, "INVALID_PARAMETER_VALUE.RANGE_STEP");
  EXPECT_NE(step.message.find("(line 1, pos 14)"), std::string::npos);
}

TEST(RelationParserTest, OtherTableFunctionsStayUnresolved) {
  EXPECT_EQ(PlanOf("SELECT * FROM range(n)"),
            SelectStar(MakeUnresolvedTableFunction("range", {Col("n")}))->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM read_files('/data/*.csv', format => 'csv', header => true) AS f"),
            SelectStar(MakeSubqueryAlias(MakeUnresolvedTableFunction(
                                             "read_files", {StrLit("/data/*.csv"), Alias(StrLit("csv"), "format"),
                                                            Alias(Lit(Value(true), DataType::Boolean()), "header")}),
                                         "f"))
                ->TreeString());
}

TEST(RelationParserTest, LateralViewIsAProjectionWithAGenerator) {
  // df.select(col("*"), explode(col("arr")).alias("x"))
  auto df = MakeProject(Table({"t"}), {Star(), Alias(Generator("explode", Col("arr")), "x")});
  EXPECT_EQ(PlanOf("SELECT id, x FROM t LATERAL VIEW explode(arr) e AS x"),
            MakeProject(df, {Col("id"), Col("x")})->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM t LATERAL VIEW explode(arr) AS x"), SelectStar(df)->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM t LATERAL VIEW OUTER posexplode(arr) p"),
            SelectStar(MakeProject(Table({"t"}), {Star(), Generator("posexplode_outer", Col("arr"))}))->TreeString());
  auto two = PlanOf("SELECT * FROM t LATERAL VIEW explode(a) x AS i LATERAL VIEW explode(b) y AS j WHERE i < j");
  EXPECT_EQ(two,
            "Project [*]\n"
            "+- Filter (i < j)\n"
            "   +- Project [*, explode(b) AS j]\n"
            "      +- Project [*, explode(a) AS i]\n"
            "         +- 'UnresolvedRelation [t]\n");
  // Several names: one per generator output (df.select(col("*"), posexplode(a).as({"i", "v"}))).
  EXPECT_EQ(PlanOf("SELECT * FROM t LATERAL VIEW posexplode(a) p AS i, v"),
            SelectStar(MakeProject(Table({"t"}), {Star(), MultiAlias(Generator("posexplode", Col("a")), {"i", "v"})}))
                ->TreeString());
  EXPECT_EQ(PlanOf("SELECT * FROM t LATERAL VIEW OUTER explode(m) p k, v"),
            SelectStar(MakeProject(Table({"t"}), {Star(), MultiAlias(Generator("explode_outer", Col("m")), {"k", "v"})}))
                ->TreeString());
  EXPECT_EQ(FailureOf([] { ParseQuery("SELECT * FROM t LATERAL VIEW json_tuple(a, 'x') p AS i"); }).error_class,
            "UNSUPPORTED_FEATURE.SQL_SYNTAX");
}

TEST(RelationParserTest, UnsupportedRelations) {
  for (const char* sql : {"SELECT * FROM t, LATERAL (SELECT 1)",
                          "SELECT * FROM t JOIN LATERAL (SELECT 1) ON true", "SELECT * FROM t TABLESAMPLE (10 PERCENT)",
                          "SELECT * FROM t VERSION AS OF 3", "SELECT * FROM t TIMESTAMP AS OF '2024-01-01'"}) {
    EXPECT_EQ(FailureOf([&] { ParseQuery(sql); }).error_class, "UNSUPPORTED_FEATURE.SQL_SYNTAX") << sql;
  }
}

TEST(RelationParserTest, UnpivotIsAProjectWithAnUnpivotSpec) {
  auto plan = ParseQuery("SELECT * FROM t UNPIVOT INCLUDE NULLS ((v1, v2) FOR half IN ((a, b) AS h1, (c, d))) AS u");
  ASSERT_EQ(plan->kind, PlanKind::kProject);
  const LogicalPlan* alias = plan->children[0].get();
  ASSERT_EQ(alias->kind, PlanKind::kSubqueryAlias);
  EXPECT_EQ(alias->alias, "u");
  const LogicalPlan& unpivot = *alias->children[0];
  ASSERT_TRUE(unpivot.unpivot);
  EXPECT_TRUE(unpivot.unpivot->include_nulls);
  EXPECT_EQ(unpivot.unpivot->value_columns, (std::vector<std::string>{"v1", "v2"}));
  EXPECT_EQ(unpivot.unpivot->name_column, "half");
  ASSERT_EQ(unpivot.unpivot->entries.size(), 2u);
  EXPECT_EQ(unpivot.unpivot->entries[1].size(), 2u);
  EXPECT_EQ(unpivot.unpivot->entry_names, (std::vector<std::string>{"h1", ""}));
  auto single = ParseQuery("SELECT * FROM t UNPIVOT (v FOR k IN (a, b AS bee))");
  EXPECT_FALSE(single->children[0]->unpivot->include_nulls);
  EXPECT_EQ(single->children[0]->unpivot->entry_names, (std::vector<std::string>{"", "bee"}));
  for (const char* sql : {"SELECT * FROM t UNPIVOT (v FOR k IN ())", "SELECT * FROM t UNPIVOT (v FOR k IN ((a, b)))",
                          "SELECT * FROM t UNPIVOT INCLUDE (v FOR k IN (a))", "SELECT * FROM t UNPIVOT (v k IN (a))"}) {
    EXPECT_EQ(FailureOf([&] { ParseQuery(sql); }).error_class, "PARSE_SYNTAX_ERROR") << sql;
  }
}

TEST(RelationParserTest, PivotIsAnAggregateWithAPivotSpec) {
  auto plan = ParseQuery("SELECT * FROM t PIVOT (sum(v) AS s, avg(w) FOR k IN (1 AS one, 2)) WHERE one > 0");
  ASSERT_EQ(plan->kind, PlanKind::kProject);
  ASSERT_EQ(plan->children[0]->kind, PlanKind::kFilter);
  const LogicalPlan& pivot = *plan->children[0]->children[0];
  ASSERT_EQ(pivot.kind, PlanKind::kAggregate);
  ASSERT_TRUE(pivot.pivot);
  EXPECT_TRUE(pivot.groupings.empty());
  ASSERT_EQ(pivot.exprs.size(), 2u);
  EXPECT_EQ(pivot.exprs[0]->ToString(), "sum(v) AS s");
  EXPECT_EQ(pivot.exprs[1]->ToString(), "avg(w)");
  ASSERT_EQ(pivot.pivot->columns.size(), 1u);
  EXPECT_EQ(pivot.pivot->columns[0]->ToString(), "k");
  ASSERT_EQ(pivot.pivot->values.size(), 2u);
  EXPECT_EQ(pivot.pivot->values[1][0]->ToString(), "2");
  EXPECT_EQ(pivot.pivot->value_aliases, (std::vector<std::string>{"one", ""}));
  EXPECT_TRUE(pivot.pivot->implicit_grouping);
  EXPECT_EQ(pivot.Describe(), "Aggregate [], [sum(v) AS s, avg(w)], pivot [k] IN ((1), (2))");

  auto tuple = ParseQuery("SELECT * FROM t PIVOT (count(*) FOR (a, b) IN ((1, 'x') AS p, (2, 'y'))) AS q");
  const LogicalPlan& alias = *tuple->children[0];
  ASSERT_EQ(alias.kind, PlanKind::kSubqueryAlias);
  EXPECT_EQ(alias.alias, "q");
  const PivotSpec& spec = *alias.children[0]->pivot;
  EXPECT_EQ(spec.columns.size(), 2u);
  ASSERT_EQ(spec.values.size(), 2u);
  EXPECT_EQ(spec.values[0].size(), 2u);
  EXPECT_EQ(spec.values[1][1]->ToString(), "y");

  for (const char* sql : {"SELECT * FROM t PIVOT (sum(v) k IN (1))", "SELECT * FROM t PIVOT (sum(v) FOR k IN ())",
                          "SELECT * FROM t PIVOT (sum(v) FOR k IN (1)", "SELECT * FROM t PIVOT (FOR k IN (1))",
                          "SELECT * FROM t PIVOT (sum(v) FOR (a, b) IN (1, 2))"}) {
    EXPECT_EQ(FailureOf([&] { ParseQuery(sql); }).error_class, "PARSE_SYNTAX_ERROR") << sql;
  }
  EXPECT_EQ(FailureOf([] { ParseQuery("SELECT * FROM t PIVOT (sum(v) FOR (a, b) IN ((1, 2, 3)))"); }).error_class,
            "PIVOT_VALUE_DATA_TYPE_MISMATCH");
}

}  // namespace
}  // namespace lakestream::sql
