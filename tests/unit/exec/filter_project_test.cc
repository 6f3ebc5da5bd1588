#include <gtest/gtest.h>

#include "plan_builder.h"

namespace lakestream::exec_test {
namespace {

std::vector<Row> Numbers(int n) {
  std::vector<Row> rows;
  for (int i = 0; i < n; ++i) rows.push_back(Row{Value(i), i % 3 == 0 ? Value() : Value(i * 10)});
  return rows;
}

TEST(FilterTest, KeepsRowsWhereConditionIsTrue) {
  auto plan = FilterPlan(Local("a INT, b INT", Numbers(10)), Call(">", {Col("b"), Lit(Value(40), DataType::Int())}));
  EXPECT_EQ(RunPlan(plan), (std::vector<Row>{{Value(5), Value(50)}, {Value(7), Value(70)}, {Value(8), Value(80)}}));
}

TEST(FilterTest, NullConditionDropsRowAndEmptyInputYieldsNothing) {
  auto plan = FilterPlan(Local("a INT, b INT", Numbers(4)), Call("<", {Col("b"), Lit(Value(1000), DataType::Int())}));
  EXPECT_EQ(RunPlan(plan), (std::vector<Row>{{Value(1), Value(10)}, {Value(2), Value(20)}}));
  EXPECT_TRUE(RunPlan(FilterPlan(Local("a INT, b INT", {}), Call("=", {Col("a"), Col("b")}))).empty());
}

TEST(FilterTest, ParallelKeepsInputOrder) {
  auto plan = FilterPlan(RangePlan(0, 300000), Call("=", {Call("%", {Col("id"), Lit(Value(7), DataType::Int())}),
                                                           Lit(Value(0), DataType::Int())}));
  std::vector<Row> expected;
  for (int64_t i = 0; i < 300000; i += 7) expected.push_back(Row{Value(i)});
  EXPECT_EQ(RunPlan(plan, 4), expected);
  EXPECT_EQ(RunPlan(plan, 1), expected);
}

TEST(ProjectTest, EvaluatesExpressions) {
  auto plan = ProjectPlan(Local("a INT, b INT", Numbers(3)),
                          {Col("b"), Alias(Call("+", {Col("a"), Lit(Value(1), DataType::Int())}), "c")});
  EXPECT_EQ(plan->schema->field(1).name, "c");
  EXPECT_EQ(RunPlan(plan), (std::vector<Row>{{Value(), Value(1)}, {Value(10), Value(2)}, {Value(20), Value(3)}}));
}

TEST(GenerateTest, ExplodeArrayRepeatsOtherColumns) {
  std::vector<Row> rows = {
      {Value(1), Value::List({Value(10), Value(11)})},
      {Value(2), Value::List({})},
      {Value(3), Value()},
      {Value(4), Value::List({Value(40)})},
  };
  auto input = Local("k INT, xs ARRAY<INT>", rows);
  EXPECT_EQ(RunPlan(ProjectPlan(input, {Col("k"), Generator("explode", Col("xs"))})),
            (std::vector<Row>{{Value(1), Value(10)}, {Value(1), Value(11)}, {Value(4), Value(40)}}));
  EXPECT_EQ(RunPlan(ProjectPlan(input, {Generator("explode_outer", Col("xs")), Col("k")})),
            (std::vector<Row>{{Value(10), Value(1)},
                              {Value(11), Value(1)},
                              {Value(), Value(2)},
                              {Value(), Value(3)},
                              {Value(40), Value(4)}}));
}

TEST(GenerateTest, PosExplodeMap) {
  std::vector<Row> rows = {
      {Value(1), Value::Map({{Value("a"), Value(1)}, {Value("b"), Value(2)}})},
      {Value(2), Value()},
  };
  auto input = Local("k INT, m MAP<STRING, INT>", rows);
  auto plan = ProjectPlan(input, {Col("k"), Generator("posexplode_outer", Col("m"))});
  ASSERT_EQ(plan->schema->num_fields(), 4u);
  EXPECT_EQ(RunPlan(plan), (std::vector<Row>{{Value(1), Value(0), Value("a"), Value(1)},
                                         {Value(1), Value(1), Value("b"), Value(2)},
                                         {Value(2), Value(), Value(), Value()}}));
}

}  // namespace
}  // namespace lakestream::exec_test
