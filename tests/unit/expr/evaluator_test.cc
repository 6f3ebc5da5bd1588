#include "expr/evaluator.h"

#include <gtest/gtest.h>

#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::BindOn;
using expr_test::ErrorOf;
using expr_test::EvalValues;
using expr_test::I;
using expr_test::MakeBatch;
using expr_test::S;

ExprPtr Op(const std::string& op, ExprPtr a, ExprPtr b) { return Call(op, {std::move(a), std::move(b)}); }

TEST(EvaluatorTest, ColumnsLiteralsAndAliases) {
  auto batch = MakeBatch("a INT, s STRING", {Row{Value(1), Value("x")}, Row{Value(), Value("y")}});
  EXPECT_EQ(EvalValues(Col("s"), *batch), (std::vector<Value>{Value("x"), Value("y")}));
  EXPECT_EQ(EvalValues(S("k"), *batch), (std::vector<Value>{Value("k"), Value("k")}));
  EXPECT_EQ(EvalValues(Alias(Op("*", Col("a"), I(10)), "z"), *batch), (std::vector<Value>{Value(10), Value()}));
  ExprPtr bound = BindOn(LitNull(), *batch);
  ArrayPtr nulls = Evaluate(*bound, *batch, EvalContext{});
  EXPECT_EQ(nulls->length(), 2);
  EXPECT_EQ(nulls->null_count(), 2);
}

TEST(EvaluatorTest, SelectionDropsFalseAndNull) {
  auto batch = MakeBatch("a INT", {Row{Value(5)}, Row{Value()}, Row{Value(1)}, Row{Value(7)}});
  ExprPtr pred = BindOn(Op(">", Col("a"), I(2)), *batch);
  EXPECT_EQ(EvaluateSelection(*pred, *batch, EvalContext{}), (std::vector<int32_t>{0, 3}));
}

TEST(EvaluatorTest, ConstantFolding) {
  ExprPtr e = BindExpression(Op("+", I(40), I(2)), Scope(), FunctionRegistry::Default());
  EXPECT_EQ(EvaluateConstant(*e, EvalContext{}), Value(42));
  ExprPtr c = BindExpression(CastTo(S("2024-01-01"), DataType::Date()), Scope(), FunctionRegistry::Default());
  EXPECT_EQ(EvaluateConstant(*c, EvalContext{}), Value(19723));
}

TEST(EvaluatorTest, StructFieldsAreNullWhereTheStructIs) {
  SchemaPtr schema = Schema::ParseDdl("st STRUCT<x: INT, y: STRING>");
  ArrayPtr col = MakeArrayFromValues(schema->field(0).type,
                                     {Value::List({Value(1), Value("a")}), Value(), Value::List({Value(), Value("c")})});
  auto batch = std::make_shared<RecordBatch>(schema, std::vector<ArrayPtr>{col}, 3);
  EXPECT_EQ(EvalValues(Col("st.x"), *batch), (std::vector<Value>{Value(1), Value(), Value()}));
  EXPECT_EQ(EvalValues(Col("st.y"), *batch), (std::vector<Value>{Value("a"), Value(), Value("c")}));
}

TEST(EvaluatorTest, AggregatesAreNotEvaluatedPerRow) {
  auto batch = MakeBatch("a INT", {Row{Value(1)}});
  BindOptions agg;
  agg.allow_aggregates = true;
  ExprPtr e = BindOn(Aggregate("sum", {Col("a")}), *batch, agg);
  ErrorOf([&] { Evaluate(*e, *batch, EvalContext{}); }, "INTERNAL_ERROR");
}

TEST(EvaluatorTest, LargeBatchWithMixedBranches) {
  std::vector<Row> rows;
  for (int i = 0; i < 5000; ++i) rows.push_back(Row{Value(i % 7), Value(i)});
  auto batch = MakeBatch("b INT, a INT", rows);
  ExprPtr e = CaseWhen({Op("=", Col("b"), I(0)), I(-1)}, Op("div", Col("a"), Col("b")));
  std::vector<Value> v = EvalValues(e, *batch);
  for (int i = 0; i < 5000; ++i) {
    int64_t expect = i % 7 == 0 ? -1 : i / (i % 7);
    ASSERT_EQ(v[i], Value(expect)) << i;
  }
}

}  // namespace
}  // namespace lakestream
