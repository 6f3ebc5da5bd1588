// Math functions: values from Spark's function reference, Java's Math
// semantics (NaN, NULL for logarithms at their asymptote), rounding modes.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "test_batches.h"

namespace lakestream {

// Readable failure output for Values.
static void PrintTo(const Value& v, std::ostream* os) { *os << v.ToString(); }

namespace {

using expr_test::D;
using expr_test::ErrorOf;
using expr_test::EvalConst;
using expr_test::EvalValues;
using expr_test::I;
using expr_test::L;
using expr_test::MakeBatch;
using expr_test::S;

Value Eval(const std::string& fn, std::vector<ExprPtr> args, const EvalContext& ctx = {}) {
  return EvalConst(Call(fn, std::move(args)), ctx);
}
double EvalDouble(const std::string& fn, std::vector<ExprPtr> args) { return Eval(fn, std::move(args)).as_double(); }
ExprPtr Dec(int64_t unscaled, int p, int s) { return Lit(Value::Decimal(unscaled), DataType::Decimal(p, s)); }

DataTypePtr TypeOf(const std::string& fn, std::vector<ExprPtr> args) {
  return BindExpression(Call(fn, std::move(args)), Scope(), FunctionRegistry::Default())->type;
}

TEST(MathFunctionsTest, DocumentedValues) {
  EXPECT_EQ(EvalDouble("sqrt", {I(4)}), 2.0);
  EXPECT_EQ(EvalDouble("cbrt", {D(27.0)}), 3.0);
  EXPECT_EQ(EvalDouble("exp", {I(0)}), 1.0);
  EXPECT_EQ(EvalDouble("expm1", {I(0)}), 0.0);
  EXPECT_EQ(EvalDouble("ln", {I(1)}), 0.0);
  EXPECT_EQ(EvalDouble("log10", {I(10)}), 1.0);
  EXPECT_EQ(EvalDouble("log2", {I(2)}), 1.0);
  EXPECT_EQ(EvalDouble("log", {I(10), I(100)}), 2.0);
  EXPECT_EQ(EvalDouble("pow", {I(2), I(3)}), 8.0);
  EXPECT_EQ(EvalDouble("power", {I(2), I(3)}), 8.0);
  EXPECT_EQ(EvalDouble("hypot", {I(3), I(4)}), 5.0);
  EXPECT_EQ(EvalDouble("degrees", {D(std::numbers::pi)}), 180.0);
  EXPECT_EQ(EvalDouble("radians", {I(180)}), 3.141592653589793);
  EXPECT_EQ(EvalDouble("cot", {I(1)}), 0.6420926159343306);
  EXPECT_EQ(EvalDouble("csc", {I(1)}), 1.1883951057781212);
  EXPECT_EQ(EvalDouble("acos", {I(1)}), 0.0);
  EXPECT_EQ(EvalDouble("atan2", {I(0), I(0)}), 0.0);
  EXPECT_EQ(EvalDouble("cosh", {I(0)}), 1.0);
  EXPECT_EQ(EvalDouble("acosh", {I(1)}), 0.0);
  EXPECT_EQ(EvalDouble("signum", {I(40)}), 1.0);
  EXPECT_EQ(EvalDouble("sign", {D(-2.5)}), -1.0);
  EXPECT_EQ(EvalDouble("rint", {D(12.3456)}), 12.0);
  EXPECT_EQ(EvalDouble("rint", {D(2.5)}), 2.0);
  EXPECT_EQ(EvalDouble("pi", {}), 3.141592653589793);
  EXPECT_EQ(EvalDouble("e", {}), 2.718281828459045);
}

TEST(MathFunctionsTest, NaNVersusNull) {
  EXPECT_TRUE(std::isnan(EvalDouble("sqrt", {I(-1)})));
  EXPECT_TRUE(std::isnan(EvalDouble("asin", {I(2)})));
  EXPECT_TRUE(std::isnan(EvalDouble("atanh", {I(2)})));
  // Logarithms return NULL at or below their asymptote, as Spark does.
  EXPECT_EQ(Eval("ln", {I(0)}), Value());
  EXPECT_EQ(Eval("log10", {I(-1)}), Value());
  EXPECT_EQ(Eval("log2", {I(0)}), Value());
  EXPECT_EQ(Eval("log1p", {I(-1)}), Value());
  EXPECT_EQ(Eval("log", {I(0), I(1)}), Value());
  EXPECT_EQ(Eval("log", {I(2), I(0)}), Value());
  EXPECT_EQ(Eval("sqrt", {Lit(Value(), DataType::Double())}), Value());
}

TEST(MathFunctionsTest, CeilAndFloorTypes) {
  EXPECT_EQ(Eval("ceil", {D(-0.1)}), Value(int64_t{0}));
  EXPECT_EQ(Eval("ceil", {I(5)}), Value(int64_t{5}));
  EXPECT_EQ(Eval("floor", {D(-0.1)}), Value(int64_t{-1}));
  EXPECT_EQ(Eval("ceiling", {D(1e300)}), Value(INT64_MAX));
  EXPECT_TRUE(TypeOf("ceil", {D(1.5)})->Equals(*DataType::Long()));
  // DECIMAL(p, s) -> DECIMAL(p - s + 1, 0).
  EXPECT_TRUE(TypeOf("ceil", {Dec(314, 3, 2)})->Equals(*DataType::Decimal(2, 0)));
  EXPECT_EQ(Eval("ceil", {Dec(314, 3, 2)}), Value::Decimal(4));
  EXPECT_EQ(Eval("floor", {Dec(-314, 3, 2)}), Value::Decimal(-4));
  // With a scale: ceil(3.1411, 3) = 3.142 and ceil(3.1411, -3) = 1000 (kept at the input scale).
  const Value up = Eval("ceil", {Dec(31411, 5, 4), I(3)});
  EXPECT_EQ(up, Value::Decimal(31420));
  EXPECT_EQ(Eval("ceil", {Dec(31411, 5, 4), I(-3)}), Value::Decimal(10000000));
  EXPECT_EQ(Eval("floor", {Dec(31411, 5, 4), I(3)}), Value::Decimal(31410));
}

TEST(MathFunctionsTest, RoundHalfUpAndHalfEven) {
  EXPECT_EQ(EvalDouble("round", {D(2.5)}), 3.0);
  EXPECT_EQ(EvalDouble("round", {D(-2.5)}), -3.0);
  EXPECT_EQ(EvalDouble("bround", {D(2.5)}), 2.0);
  EXPECT_EQ(EvalDouble("bround", {D(3.5)}), 4.0);
  // Doubles round their shortest decimal form, like BigDecimal.valueOf.
  EXPECT_EQ(EvalDouble("round", {D(2.675), I(2)}), 2.68);
  EXPECT_EQ(EvalDouble("round", {D(1.005), I(2)}), 1.01);
  EXPECT_EQ(EvalDouble("round", {D(1234.5678), I(-2)}), 1200.0);
  EXPECT_EQ(EvalDouble("round", {D(0.1234), I(10)}), 0.1234);
  EXPECT_EQ(EvalDouble("round", {D(-0.4)}), 0.0);
  EXPECT_FALSE(std::signbit(EvalDouble("round", {D(-0.4)})));
  EXPECT_TRUE(std::isnan(EvalDouble("round", {D(NAN), I(2)})));
  // Integral types keep their type; negative scales round to tens, hundreds.
  EXPECT_EQ(Eval("round", {I(25), I(-1)}), Value(30));
  EXPECT_EQ(Eval("bround", {I(25), I(-1)}), Value(20));
  EXPECT_EQ(Eval("round", {I(-25), I(-1)}), Value(-30));
  EXPECT_EQ(Eval("round", {I(12), I(2)}), Value(12));
  EXPECT_TRUE(TypeOf("round", {I(25), I(-1)})->Equals(*DataType::Int()));
  ErrorOf([] { Eval("round", {I(2147483647), I(-1)}); }, "ARITHMETIC_OVERFLOW");
  EvalContext legacy;
  legacy.ansi = false;
  EXPECT_EQ(Eval("round", {I(2147483647), I(-1)}, legacy), Value(static_cast<int64_t>(static_cast<int32_t>(2147483650LL))));
  // Decimals: round(x) -> DECIMAL(p - s + 1, 0).
  EXPECT_TRUE(TypeOf("round", {Dec(25, 2, 1)})->Equals(*DataType::Decimal(2, 0)));
  EXPECT_EQ(Eval("round", {Dec(25, 2, 1)}), Value::Decimal(3));
  EXPECT_EQ(Eval("bround", {Dec(25, 2, 1)}), Value::Decimal(2));
  // With a literal scale the result takes Spark's type: -12.345 -> -12.35 as
  // DECIMAL(5,2), 12.345 -> 10 as DECIMAL(3,0) (unscaled values below).
  EXPECT_EQ(Eval("round", {Dec(-12345, 5, 3), I(2)}), Value::Decimal(-1235));
  EXPECT_EQ(Eval("round", {Dec(12345, 5, 3), I(-1)}), Value::Decimal(10));
  EXPECT_EQ(Eval("round", {D(2.5), Lit(Value(), DataType::Int())}), Value());
}

TEST(MathFunctionsTest, BitwiseOperators) {
  EXPECT_EQ(Eval("&", {I(3), I(5)}), Value(1));
  EXPECT_EQ(Eval("|", {I(3), I(5)}), Value(7));
  EXPECT_EQ(Eval("^", {I(3), I(5)}), Value(6));
  EXPECT_EQ(Eval("~", {I(0)}), Value(-1));
  EXPECT_TRUE(TypeOf("&", {I(3), L(5)})->Equals(*DataType::Long()));
  EXPECT_EQ(Eval("shiftleft", {I(2), I(1)}), Value(4));
  EXPECT_EQ(Eval("shiftleft", {I(1), I(33)}), Value(2));  // Java masks the count to 5 bits for INT
  EXPECT_EQ(Eval("shiftright", {I(-8), I(1)}), Value(-4));
  EXPECT_EQ(Eval("shiftrightunsigned", {I(-1), I(28)}), Value(15));
  EXPECT_EQ(Eval("shiftrightunsigned", {L(-1), I(60)}), Value(int64_t{15}));
  EXPECT_EQ(Eval("bit_count", {I(0)}), Value(0));
  EXPECT_EQ(Eval("bit_count", {I(-1)}), Value(64));
  EXPECT_EQ(Eval("bit_get", {I(11), I(0)}), Value(1));
  EXPECT_EQ(Eval("getbit", {I(11), I(2)}), Value(0));
  ErrorOf([] { Eval("bit_get", {I(11), I(32)}); }, "INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE");
  ErrorOf([] { Eval("&", {D(1.5), I(1)}); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
}

TEST(MathFunctionsTest, IntegerFormatting) {
  EXPECT_EQ(Eval("factorial", {I(5)}), Value(int64_t{120}));
  EXPECT_EQ(Eval("factorial", {I(0)}), Value(int64_t{1}));
  EXPECT_EQ(Eval("factorial", {I(20)}), Value(int64_t{2432902008176640000}));
  EXPECT_EQ(Eval("factorial", {I(21)}), Value());
  EXPECT_EQ(Eval("bin", {I(13)}), Value("1101"));
  EXPECT_EQ(Eval("bin", {I(-1)}), Value(std::string(64, '1')));
  EXPECT_EQ(Eval("conv", {S("100"), I(2), I(10)}), Value("4"));
  EXPECT_EQ(Eval("conv", {I(-10), I(16), I(-10)}), Value("-16"));
  EXPECT_EQ(Eval("conv", {S("-1"), I(10), I(16)}), Value("FFFFFFFFFFFFFFFF"));
  EXPECT_EQ(Eval("conv", {S("zz"), I(36), I(10)}), Value("1295"));
  EXPECT_EQ(Eval("conv", {S("12x"), I(10), I(10)}), Value("12"));
  EXPECT_EQ(Eval("conv", {S("1"), I(1), I(10)}), Value());
}

TEST(MathFunctionsTest, WidthBucket) {
  EXPECT_EQ(Eval("width_bucket", {D(5.3), D(0.2), D(10.6), I(5)}), Value(int64_t{3}));
  EXPECT_EQ(Eval("width_bucket", {D(-2.1), D(1.3), D(3.4), I(3)}), Value(int64_t{0}));
  EXPECT_EQ(Eval("width_bucket", {D(8.1), D(0.0), D(5.7), I(4)}), Value(int64_t{5}));
  EXPECT_EQ(Eval("width_bucket", {D(-0.9), D(5.2), D(0.5), I(2)}), Value(int64_t{3}));
  EXPECT_EQ(Eval("width_bucket", {D(1), D(1), D(1), I(2)}), Value());
}

TEST(MathFunctionsTest, SeededRandomMatchesSpark) {
  auto batch = MakeBatch("x INT", {{Value(1)}, {Value(2)}, {Value(3)}});
  const auto u = EvalValues(Call("rand", {I(0)}), *batch);
  EXPECT_EQ(u[0], Value(0.7604953758285915));
  for (const Value& v : u) EXPECT_TRUE(v.as_double() >= 0 && v.as_double() < 1);
  const auto g = EvalValues(Call("randn", {I(0)}), *batch);
  EXPECT_EQ(g[0], Value(1.6034991609278433));
  const auto bound = expr_test::BindOn(Call("random", {}), *batch);
  EXPECT_FALSE(bound->function->deterministic);
}

TEST(MathFunctionsTest, ArgumentErrors) {
  ErrorOf([] { Eval("sqrt", {}); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
  ErrorOf([] { Eval("pow", {I(1)}); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
  ErrorOf([] { Eval("sqrt", {expr_test::B(true)}); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
  ErrorOf([] { Eval("round", {I(1), D(1.5)}); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
}

}  // namespace
}  // namespace lakestream
