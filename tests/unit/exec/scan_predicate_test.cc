#include <gtest/gtest.h>

#include "exec/scan_predicate_converter.h"
#include "plan_builder.h"

namespace lakestream::exec_test {
namespace {

using Op = ColumnPredicate::Op;

std::vector<ColumnPredicate> Convert(const Schema& schema, const std::vector<ExprPtr>& conjuncts) {
  std::vector<ExprPtr> bound;
  for (const auto& c : conjuncts) bound.push_back(Bind(c, schema));
  return ToColumnPredicates(bound, schema);
}

TEST(ScanPredicateTest, ComparisonsWithLiteralsBecomeColumnPredicates) {
  auto schema = Schema::ParseDdl("a BIGINT, s STRING");
  auto preds = Convert(*schema, {Call("<", {Lit(Value(int64_t{5}), DataType::Long()), Col("a")}),
                                 Call("=", {Col("s"), Lit(Value(std::string("x")), DataType::String())}),
                                 In(Col("a"), {Lit(Value(int64_t{1}), DataType::Long()), Lit(Value(int64_t{2}), DataType::Long())}),
                                 Call("isnull", {Col("s")})});
  ASSERT_EQ(preds.size(), 4u);
  EXPECT_EQ(preds[0].column, "a");
  EXPECT_EQ(preds[0].op, Op::kGt) << "5 < a is a > 5";
  EXPECT_EQ(preds[0].values[0], Value(int64_t{5}));
  EXPECT_EQ(preds[1].op, Op::kEq);
  EXPECT_EQ(preds[2].op, Op::kIn);
  EXPECT_EQ(preds[2].values.size(), 2u);
  EXPECT_EQ(preds[3].op, Op::kIsNull);
}

TEST(ScanPredicateTest, ConjunctsItCannotUseAreLeftOut) {
  auto schema = Schema::ParseDdl("a INT, b INT");
  // a + 1 > 3, a = b, and a comparison needing a cast of the column (INT vs BIGINT literal).
  auto preds = Convert(*schema, {Call(">", {Call("+", {Col("a"), Lit(Value(1), DataType::Int())}), Lit(Value(3), DataType::Int())}),
                                 Call("=", {Col("a"), Col("b")}),
                                 Call("=", {Col("a"), Lit(Value(int64_t{3}), DataType::Long())})});
  EXPECT_TRUE(preds.empty());
}

}  // namespace
}  // namespace lakestream::exec_test
