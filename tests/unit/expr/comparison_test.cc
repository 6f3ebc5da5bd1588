#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "expr/expression_builders.h"
#include "expr/functions/pattern_functions.h"
#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::B;
using expr_test::D;
using expr_test::ErrorOf;
using expr_test::EvalConst;
using expr_test::EvalValues;
using expr_test::I;
using expr_test::MakeBatch;
using expr_test::S;

ExprPtr Op(const std::string& op, ExprPtr a, ExprPtr b) { return Call(op, {std::move(a), std::move(b)}); }
ExprPtr NullBool() { return Lit(Value(), DataType::Boolean()); }
const Value kTrue(true), kFalse(false);

TEST(ComparisonTest, NumbersAcrossTypes) {
  EXPECT_EQ(EvalConst(Op("=", I(1), D(1.0))), kTrue);
  EXPECT_EQ(EvalConst(Op("<", I(1), Lit(Value(int64_t{2}), DataType::Long()))), kTrue);
  EXPECT_EQ(EvalConst(Op(">=", D(2.5), I(3))), kFalse);
  EXPECT_EQ(EvalConst(Op("!=", I(1), I(2))), kTrue);
  EXPECT_EQ(EvalConst(Op("<>", I(1), I(1))), kFalse);
  EXPECT_EQ(EvalConst(Op("=", Lit(Value::Decimal(150), DataType::Decimal(5, 2)), D(1.5))), kTrue);
  EXPECT_EQ(EvalConst(Op("<", Lit(Value::Decimal(150), DataType::Decimal(5, 2)), I(2))), kTrue);
}

TEST(ComparisonTest, StringsAgainstNumbersAreCastToNumbers) {
  EXPECT_EQ(EvalConst(Op("=", S("10"), I(10))), kTrue);
  EXPECT_EQ(EvalConst(Op(">", S(" 9 "), I(10))), kFalse);
  ErrorOf([] { EvalConst(Op("=", S("abc"), I(1))); }, "CAST_INVALID_INPUT");
}

TEST(ComparisonTest, FloatingPointFollowsSpark) {
  const double nan = std::nan("");
  EXPECT_EQ(EvalConst(Op("=", D(nan), D(nan))), kTrue);
  EXPECT_EQ(EvalConst(Op(">", D(nan), D(std::numeric_limits<double>::infinity()))), kTrue);
  EXPECT_EQ(EvalConst(Op("<", D(1e308), D(nan))), kTrue);
  EXPECT_EQ(EvalConst(Op("=", D(-0.0), D(0.0))), kTrue);
}

TEST(ComparisonTest, NullSemantics) {
  EXPECT_TRUE(EvalConst(Op("=", LitNull(), I(1))).is_null());
  EXPECT_TRUE(EvalConst(Op("<", I(1), Lit(Value(), DataType::Int()))).is_null());
  EXPECT_EQ(EvalConst(Op("<=>", LitNull(), LitNull())), kTrue);
  EXPECT_EQ(EvalConst(Op("<=>", I(1), Lit(Value(), DataType::Int()))), kFalse);
  EXPECT_EQ(EvalConst(Op("<=>", I(1), I(1))), kTrue);
  EXPECT_EQ(EvalConst(Call("isnull", {LitNull()})), kTrue);
  EXPECT_EQ(EvalConst(Call("isnotnull", {I(1)})), kTrue);
  EXPECT_EQ(EvalConst(Call("isnan", {D(std::nan(""))})), kTrue);
  EXPECT_EQ(EvalConst(Call("isnan", {Lit(Value(), DataType::Double())})), kFalse);
}

TEST(ComparisonTest, ThreeValuedLogic) {
  EXPECT_EQ(EvalConst(Op("and", NullBool(), B(false))), kFalse);
  EXPECT_TRUE(EvalConst(Op("and", NullBool(), B(true))).is_null());
  EXPECT_EQ(EvalConst(Op("and", B(true), B(true))), kTrue);
  EXPECT_EQ(EvalConst(Op("or", NullBool(), B(true))), kTrue);
  EXPECT_TRUE(EvalConst(Op("or", B(false), NullBool())).is_null());
  EXPECT_EQ(EvalConst(Op("or", B(false), B(false))), kFalse);
  EXPECT_TRUE(EvalConst(Call("not", {NullBool()})).is_null());
  EXPECT_EQ(EvalConst(Call("not", {B(false)})), kTrue);
  // The same truth table over columns (vectorized path).
  auto batch = MakeBatch("p BOOLEAN, q BOOLEAN",
                         {Row{Value(), Value(false)}, Row{Value(), Value(true)}, Row{Value(true), Value()},
                          Row{Value(false), Value()}, Row{Value(), Value()}});
  std::vector<Value> a = EvalValues(Op("and", Col("p"), Col("q")), *batch);
  std::vector<Value> o = EvalValues(Op("or", Col("p"), Col("q")), *batch);
  EXPECT_EQ(a, (std::vector<Value>{kFalse, Value(), Value(), kFalse, Value()}));
  EXPECT_EQ(o, (std::vector<Value>{Value(), kTrue, kTrue, Value(), Value()}));
}

TEST(ComparisonTest, StringsCompareByBytes) {
  EXPECT_EQ(EvalConst(Op("<", S("a"), S("b"))), kTrue);
  EXPECT_EQ(EvalConst(Op("<", S("B"), S("a"))), kTrue);
  EXPECT_EQ(EvalConst(Op("<", S("ab"), S("abc"))), kTrue);
  EXPECT_EQ(EvalConst(Op("<", S("z"), S("\xc3\xa9"))), kTrue);  // é sorts after ASCII
}

TEST(ComparisonTest, DatesTimestampsAndNested) {
  ExprPtr day = Lit(Value(19723), DataType::Date());
  EXPECT_EQ(EvalConst(Op("=", day, S("2024-01-01"))), kTrue);
  EXPECT_EQ(EvalConst(Op("<", day, Lit(Value(int64_t{1704067200000001}), DataType::Timestamp()))), kTrue);
  auto arr = [](std::vector<Value> v) { return Lit(Value::List(std::move(v)), DataType::Array(DataType::Int())); };
  EXPECT_EQ(EvalConst(Op("<", arr({Value(1), Value(2)}), arr({Value(1), Value(3)}))), kTrue);
  EXPECT_EQ(EvalConst(Op("<", arr({Value(1)}), arr({Value(1), Value(0)}))), kTrue);
  EXPECT_EQ(EvalConst(Op("=", arr({Value(1), Value()}), arr({Value(1), Value()}))), kTrue);
  EXPECT_EQ(EvalConst(Op("=", Lit(Value(true), DataType::Boolean()), B(true))), kTrue);
  EXPECT_EQ(EvalConst(Op("<", B(false), B(true))), kTrue);
}

TEST(ComparisonTest, Between) {
  auto batch = MakeBatch("x INT", {Row{Value(0)}, Row{Value(1)}, Row{Value(3)}, Row{Value(4)}, Row{Value()}});
  std::vector<Value> v = EvalValues(Between(Col("x"), I(1), I(3)), *batch);
  EXPECT_EQ(v, (std::vector<Value>{kFalse, kTrue, kTrue, kFalse, Value()}));
}

TEST(PatternTest, Like) {
  EXPECT_EQ(EvalConst(Op("like", S("abc"), S("a%"))), kTrue);
  EXPECT_EQ(EvalConst(Op("like", S("abc"), S("a_c"))), kTrue);
  EXPECT_EQ(EvalConst(Op("like", S("abcd"), S("a_c"))), kFalse);
  EXPECT_EQ(EvalConst(Op("like", S("a_c"), S("a\\_c"))), kTrue);
  EXPECT_EQ(EvalConst(Op("like", S("abc"), S("a\\_c"))), kFalse);
  EXPECT_EQ(EvalConst(Op("like", S("50%"), S("50\\%"))), kTrue);
  EXPECT_EQ(EvalConst(Op("like", S("a.c"), S("a.c"))), kTrue);
  EXPECT_EQ(EvalConst(Op("like", S("abc"), S("a.c"))), kFalse);
  EXPECT_EQ(EvalConst(Op("like", S("line1\nline2"), S("line1%"))), kTrue);
  EXPECT_EQ(EvalConst(Op("like", S("\xc3\xa9t\xc3\xa9"), S("_t_"))), kTrue);
  EXPECT_EQ(EvalConst(Call("like", {S("a/c"), S("a//c"), S("/")})), kTrue);
  EXPECT_EQ(EvalConst(Call("like", {S("a_c"), S("a/_c"), S("/")})), kTrue);
  EXPECT_TRUE(EvalConst(Op("like", Lit(Value(), DataType::String()), S("%"))).is_null());
  ErrorOf([] { EvalConst(Op("like", S("abc"), S("abc\\"))); }, "INVALID_FORMAT.ESC_AT_THE_END");
  ErrorOf([] { EvalConst(Op("like", S("abc"), S("a\\bc"))); }, "INVALID_FORMAT.ESC_IN_THE_MIDDLE");
  EXPECT_EQ(LikePatternToRegex("a%b_", '\\'), "a.*b.");
}

TEST(PatternTest, ILikeAndRLike) {
  EXPECT_EQ(EvalConst(Op("ilike", S("ABC"), S("a%"))), kTrue);
  EXPECT_EQ(EvalConst(Op("like", S("ABC"), S("a%"))), kFalse);
  EXPECT_EQ(EvalConst(Op("rlike", S("abc"), S("b"))), kTrue);
  EXPECT_EQ(EvalConst(Op("rlike", S("abc"), S("^b"))), kFalse);
  EXPECT_EQ(EvalConst(Op("regexp", S("2024-01-02"), S("\\d{4}-\\d{2}"))), kTrue);
  EXPECT_EQ(EvalConst(Op("regexp_like", S("x"), S("[a-w]"))), kFalse);
  ErrorOf([] { EvalConst(Op("rlike", S("abc"), S("(unclosed"))); }, "INVALID_PARAMETER_VALUE.PATTERN");
}

TEST(PatternTest, PerRowPatterns) {
  auto batch = MakeBatch("s STRING, p STRING",
                         {Row{Value("apple"), Value("a%")}, Row{Value("banana"), Value("a%")},
                          Row{Value("banana"), Value("%nan%")}, Row{Value("x"), Value()}});
  std::vector<Value> v = EvalValues(Op("like", Col("s"), Col("p")), *batch);
  EXPECT_EQ(v, (std::vector<Value>{kTrue, kFalse, kTrue, Value()}));
}

}  // namespace
}  // namespace lakestream
