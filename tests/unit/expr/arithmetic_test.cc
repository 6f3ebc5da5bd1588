#include <gtest/gtest.h>

#include <limits>

#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::D;
using expr_test::ErrorOf;
using expr_test::EvalConst;
using expr_test::EvalValues;
using expr_test::I;
using expr_test::L;
using expr_test::MakeBatch;
using expr_test::S;

ExprPtr Dec(int64_t unscaled, int p, int s) { return Lit(Value::Decimal(unscaled), DataType::Decimal(p, s)); }
ExprPtr Op(const std::string& op, ExprPtr a, ExprPtr b) { return Call(op, {std::move(a), std::move(b)}); }
ExprPtr Tiny(int v) { return CastTo(I(v), DataType::Byte()); }

EvalContext NonAnsi() {
  EvalContext c;
  c.ansi = false;
  return c;
}

TEST(ArithmeticTest, IntegerOperations) {
  EXPECT_EQ(EvalConst(Op("+", I(1), I(2))), Value(3));
  EXPECT_EQ(EvalConst(Op("-", I(1), L(5))), Value(-4));
  EXPECT_EQ(EvalConst(Op("*", I(6), I(7))), Value(42));
  EXPECT_EQ(EvalConst(Op("/", I(7), I(2))), Value(3.5));
  EXPECT_EQ(EvalConst(Op("div", I(7), I(2))), Value(3));
  EXPECT_EQ(EvalConst(Op("div", I(-7), I(2))), Value(-3));
  EXPECT_EQ(EvalConst(Op("%", I(7), I(-3))), Value(1));
  EXPECT_EQ(EvalConst(Op("%", I(-7), I(3))), Value(-1));
  EXPECT_EQ(EvalConst(Op("pmod", I(-7), I(3))), Value(2));
  EXPECT_EQ(EvalConst(Call("negative", {I(5)})), Value(-5));
  EXPECT_EQ(EvalConst(Call("abs", {I(-5)})), Value(5));
  EXPECT_EQ(EvalConst(Call("positive", {I(-5)})), Value(-5));
  EXPECT_EQ(EvalConst(Op("+", I(1), Lit(Value(0.5), DataType::Float()))), Value(1.5));
}

TEST(ArithmeticTest, OverflowRaisesInAnsiMode) {
  const int64_t max_int = std::numeric_limits<int32_t>::max();
  std::string msg = ErrorOf([&] { EvalConst(Op("+", I(max_int), I(1))); }, "ARITHMETIC_OVERFLOW");
  EXPECT_EQ(msg, "integer overflow. Use 'try_add' to tolerate overflow and return NULL instead. If necessary set "
                 "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
  std::string lmsg = ErrorOf([] { EvalConst(Op("*", L(std::numeric_limits<int64_t>::max()), L(2))); },
                             "ARITHMETIC_OVERFLOW");
  EXPECT_NE(lmsg.find("long overflow. Use 'try_multiply'"), std::string::npos) << lmsg;
  ErrorOf([] { EvalConst(Op("-", L(std::numeric_limits<int64_t>::min()), L(1))); }, "ARITHMETIC_OVERFLOW");
  ErrorOf([] { EvalConst(Call("negative", {I(std::numeric_limits<int32_t>::min())})); }, "ARITHMETIC_OVERFLOW");
  ErrorOf([] { EvalConst(Call("abs", {L(std::numeric_limits<int64_t>::min())})); }, "ARITHMETIC_OVERFLOW");
  ErrorOf([] { EvalConst(Op("div", L(std::numeric_limits<int64_t>::min()), L(-1))); }, "ARITHMETIC_OVERFLOW");
  std::string bmsg = ErrorOf([] { EvalConst(Op("+", Tiny(127), Tiny(1))); }, "BINARY_ARITHMETIC_OVERFLOW");
  EXPECT_NE(bmsg.find("127Y + 1Y caused overflow"), std::string::npos) << bmsg;
  try {
    EvalConst(Op("+", I(max_int), I(1)));
  } catch (const UserError& e) {
    EXPECT_EQ(e.sql_state(), "22003");
  }
}

TEST(ArithmeticTest, TryFunctionsAndNonAnsiMode) {
  const int64_t max_int = std::numeric_limits<int32_t>::max();
  EXPECT_TRUE(EvalConst(Call("try_add", {I(max_int), I(1)})).is_null());
  EXPECT_TRUE(EvalConst(Call("try_subtract", {I(-max_int - 1), I(1)})).is_null());
  EXPECT_TRUE(EvalConst(Call("try_multiply", {I(max_int), I(2)})).is_null());
  EXPECT_TRUE(EvalConst(Call("try_divide", {I(1), I(0)})).is_null());
  EXPECT_EQ(EvalConst(Call("try_add", {I(1), I(2)})), Value(3));
  EXPECT_EQ(EvalConst(Call("try_divide", {I(3), I(2)})), Value(1.5));
  // Without ANSI, Java wrap-around and NULL on division by zero.
  EXPECT_EQ(EvalConst(Op("+", I(max_int), I(1)), NonAnsi()), Value(-max_int - 1));
  EXPECT_TRUE(EvalConst(Op("/", I(1), I(0)), NonAnsi()).is_null());
}

TEST(ArithmeticTest, DivisionByZero) {
  std::string msg = ErrorOf([] { EvalConst(Op("/", I(1), I(0))); }, "DIVIDE_BY_ZERO");
  EXPECT_EQ(msg, "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If "
                 "necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
  ErrorOf([] { EvalConst(Op("%", I(1), I(0))); }, "DIVIDE_BY_ZERO");
  ErrorOf([] { EvalConst(Op("div", I(1), I(0))); }, "DIVIDE_BY_ZERO");
  ErrorOf([] { EvalConst(Op("/", D(1), D(0))); }, "DIVIDE_BY_ZERO");
  ErrorOf([] { EvalConst(Op("/", Dec(1, 5, 2), Dec(0, 5, 2))); }, "DIVIDE_BY_ZERO");
  try {
    EvalConst(Op("/", I(1), I(0)));
  } catch (const UserError& e) {
    EXPECT_EQ(e.sql_state(), "22012");
  }
}

TEST(ArithmeticTest, LegacyIntegerDivision) {
  auto batch = MakeBatch("a INT, b BIGINT", {Row{Value(7), Value(2)}, Row{Value(-7), Value(2)}, Row{Value(1), Value(0)}});
  BindOptions o;
  o.legacy_integer_division = true;
  ExprPtr e = expr_test::BindOn(Op("/", Col("a"), Col("b")), *batch, o);
  EvalContext ctx;
  ctx.legacy_integer_division = true;
  ArrayPtr out = Evaluate(*e, *batch, ctx);
  EXPECT_EQ(out->GetValue(0), Value(3));
  EXPECT_EQ(out->GetValue(1), Value(-3));
  EXPECT_TRUE(out->GetValue(2).is_null());
}

TEST(ArithmeticTest, DecimalArithmetic) {
  // 1.10 (10,2) + 2.5 (5,1) = 3.60 as DECIMAL(11,2).
  EXPECT_EQ(EvalConst(Op("+", Dec(110, 10, 2), Dec(25, 5, 1))), Value::Decimal(360));
  EXPECT_EQ(EvalConst(Op("-", Dec(110, 10, 2), Dec(25, 5, 1))), Value::Decimal(-140));
  // 1.10 * 2.5 = 2.750 as DECIMAL(16,3).
  EXPECT_EQ(EvalConst(Op("*", Dec(110, 10, 2), Dec(25, 5, 1))), Value::Decimal(2750));
  // 1.10 / 2.5 = 0.44000000 as DECIMAL(17,8).
  EXPECT_EQ(EvalConst(Op("/", Dec(110, 10, 2), Dec(25, 5, 1))), Value::Decimal(44000000));
  // 1 / 3 as DECIMAL(1,0) / DECIMAL(1,0) = DECIMAL(8,6) 0.333333; 2/3 rounds half up.
  EXPECT_EQ(EvalConst(Op("/", Dec(1, 1, 0), Dec(3, 1, 0))), Value::Decimal(333333));
  EXPECT_EQ(EvalConst(Op("/", Dec(2, 1, 0), Dec(3, 1, 0))), Value::Decimal(666667));
  EXPECT_EQ(EvalConst(Op("%", Dec(75, 5, 1), Dec(2, 5, 0))), Value::Decimal(15));
  EXPECT_EQ(EvalConst(Op("+", I(1), Dec(150, 5, 2))), Value::Decimal(250));
  EXPECT_EQ(EvalConst(Op("div", Dec(75, 5, 1), Dec(2, 5, 0))), Value(3));
  EXPECT_EQ(EvalConst(Call("negative", {Dec(75, 5, 1)})), Value::Decimal(-75));
  // (38,10) * (38,10) is DECIMAL(38,6): exact product rounded to 6 places.
  EXPECT_EQ(EvalConst(Op("*", Dec(15000000000, 38, 10), Dec(25000000000, 38, 10))), Value::Decimal(3750000));
}

TEST(ArithmeticTest, DecimalOverflow) {
  int128_t nines = 0;
  for (int i = 0; i < 38; ++i) nines = nines * 10 + 9;
  ExprPtr big = Lit(Value::Decimal(nines), DataType::Decimal(38, 0));
  std::string msg = ErrorOf([&] { EvalConst(Op("+", big, big)); }, "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION");
  EXPECT_NE(msg.find("cannot be represented as Decimal(38, 0)"), std::string::npos) << msg;
  EXPECT_TRUE(EvalConst(Call("try_add", {big, big})).is_null());
  ErrorOf([&] { EvalConst(Op("*", big, big)); }, "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION");
}

TEST(ArithmeticTest, DoublesAndStrings) {
  EXPECT_EQ(EvalConst(Op("+", D(0.5), I(1))), Value(1.5));
  EXPECT_EQ(EvalConst(Op("%", D(5.5), D(2))), Value(1.5));
  EXPECT_EQ(EvalConst(Op("+", S("1"), I(1))), Value(2));
  ErrorOf([] { EvalConst(Op("+", S("a"), I(1))); }, "CAST_INVALID_INPUT");
}

TEST(ArithmeticTest, DatePlusDays) {
  ExprPtr day = Lit(Value(19723), DataType::Date());  // 2024-01-01
  EXPECT_EQ(EvalConst(Op("+", day, I(31))), Value(19754));
  EXPECT_EQ(EvalConst(Op("-", day, I(1))), Value(19722));
  EXPECT_EQ(EvalConst(Op("+", I(1), day)), Value(19724));
}

TEST(ArithmeticTest, NullPropagationOverColumns) {
  auto batch = MakeBatch("a INT, b INT", {Row{Value(1), Value()}, Row{Value(), Value(2)}, Row{Value(3), Value(4)}});
  std::vector<Value> v = EvalValues(Op("+", Col("a"), Col("b")), *batch);
  EXPECT_TRUE(v[0].is_null());
  EXPECT_TRUE(v[1].is_null());
  EXPECT_EQ(v[2], Value(7));
  // A NULL divisor is NULL, not a division by zero.
  auto zeros = MakeBatch("a INT, b INT", {Row{Value(1), Value()}});
  EXPECT_TRUE(EvalValues(Op("/", Col("a"), Col("b")), *zeros)[0].is_null());
}

}  // namespace
}  // namespace lakestream
