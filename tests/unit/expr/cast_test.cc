#include "expr/cast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "expr/java_number_format.h"
#include "expr/time_zone.h"
#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::D;
using expr_test::ErrorOf;
using expr_test::EvalConst;
using expr_test::I;
using expr_test::S;

Value Cast(const ExprPtr& e, const DataTypePtr& to, const EvalContext& ctx = {}) {
  return EvalConst(CastTo(e, to), ctx);
}
Value TryCast(const ExprPtr& e, const DataTypePtr& to) { return EvalConst(CastTo(e, to, true)); }
std::string AsString(const ExprPtr& e, const EvalContext& ctx = {}) {
  return Cast(e, DataType::String(), ctx).as_string();
}

TEST(JavaNumberFormatTest, DoubleMatchesJavaToString) {
  EXPECT_EQ(FormatDoubleJava(1.0), "1.0");
  EXPECT_EQ(FormatDoubleJava(0.1), "0.1");
  EXPECT_EQ(FormatDoubleJava(1e10), "1.0E10");
  EXPECT_EQ(FormatDoubleJava(1.234e-5), "1.234E-5");
  EXPECT_EQ(FormatDoubleJava(std::nan("")), "NaN");
  EXPECT_EQ(FormatDoubleJava(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(FormatDoubleJava(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(FormatDoubleJava(-0.0), "-0.0");
  EXPECT_EQ(FormatDoubleJava(1234567.0), "1234567.0");
  EXPECT_EQ(FormatDoubleJava(1e7), "1.0E7");
  EXPECT_EQ(FormatDoubleJava(0.001), "0.001");
  EXPECT_EQ(FormatDoubleJava(1e-4), "1.0E-4");
  EXPECT_EQ(FormatDoubleJava(-12.5), "-12.5");
  EXPECT_EQ(FormatDoubleJava(123456.789), "123456.789");
  EXPECT_EQ(FormatFloatJava(1.1f), "1.1");
  EXPECT_EQ(FormatFloatJava(3.0e10f), "3.0E10");
}

TEST(CastTest, NumbersToString) {
  EXPECT_EQ(AsString(I(-42)), "-42");
  EXPECT_EQ(AsString(D(0.1)), "0.1");
  EXPECT_EQ(AsString(Lit(Value::Decimal(12345), DataType::Decimal(10, 3))), "12.345");
  EXPECT_EQ(AsString(Lit(Value::Decimal(-5), DataType::Decimal(10, 3))), "-0.005");
  EXPECT_EQ(AsString(Lit(Value(true), DataType::Boolean())), "true");
  EXPECT_EQ(AsString(Lit(Value(1.5), DataType::Float())), "1.5");
}

TEST(CastTest, StringToIntTrimsAndRejectsMalformed) {
  EXPECT_EQ(Cast(S(" 42 "), DataType::Int()), Value(42));
  EXPECT_EQ(Cast(S("-7"), DataType::Long()), Value(-7));
  std::string msg = ErrorOf([] { Cast(S("abc"), DataType::Int()); }, "CAST_INVALID_INPUT");
  EXPECT_EQ(msg.rfind("The value 'abc' of the type \"STRING\" cannot be cast to \"INT\" because it is malformed.", 0), 0u)
      << msg;
  EXPECT_TRUE(TryCast(S("abc"), DataType::Int()).is_null());
  EXPECT_TRUE(TryCast(S("3000000000"), DataType::Int()).is_null());
  ErrorOf([] { Cast(S("1.5"), DataType::Int()); }, "CAST_INVALID_INPUT");
  EXPECT_TRUE(TryCast(S(""), DataType::Int()).is_null());
  EvalContext legacy;
  legacy.ansi = false;
  EXPECT_EQ(Cast(S("1.9"), DataType::Int(), legacy), Value(1));
  EXPECT_TRUE(Cast(S("abc"), DataType::Int(), legacy).is_null());
}

TEST(CastTest, CastInvalidInputCarriesSqlState) {
  try {
    Cast(S("x"), DataType::Double());
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.sql_state(), "22018");
  }
}

TEST(CastTest, StringToFloatingAndBoolean) {
  EXPECT_EQ(Cast(S("1.5e3"), DataType::Double()), Value(1500.0));
  EXPECT_EQ(Cast(S(" -Infinity "), DataType::Double()), Value(-std::numeric_limits<double>::infinity()));
  EXPECT_TRUE(std::isnan(Cast(S("NaN"), DataType::Double()).as_double()));
  EXPECT_EQ(Cast(S("2.5d"), DataType::Double()), Value(2.5));
  EXPECT_EQ(Cast(S("yes"), DataType::Boolean()), Value(true));
  EXPECT_EQ(Cast(S("F"), DataType::Boolean()), Value(false));
  EXPECT_EQ(Cast(S(" 1 "), DataType::Boolean()), Value(true));
  ErrorOf([] { Cast(S("maybe"), DataType::Boolean()); }, "CAST_INVALID_INPUT");
}

TEST(CastTest, IntegralOverflow) {
  std::string msg = ErrorOf([] { Cast(I(300), DataType::Byte()); }, "CAST_OVERFLOW");
  EXPECT_EQ(msg.rfind("The value 300 of the type \"INT\" cannot be cast to \"TINYINT\" due to an overflow.", 0), 0u)
      << msg;
  std::string lmsg = ErrorOf([] { Cast(Lit(Value(int64_t{5000000000}), DataType::Long()), DataType::Int()); },
                             "CAST_OVERFLOW");
  EXPECT_NE(lmsg.find("The value 5000000000L of the type \"BIGINT\""), std::string::npos) << lmsg;
  EXPECT_TRUE(TryCast(I(300), DataType::Byte()).is_null());
  EvalContext legacy;
  legacy.ansi = false;
  EXPECT_EQ(Cast(I(300), DataType::Byte(), legacy), Value(44));  // Java (byte) 300
}

TEST(CastTest, FloatingToIntegralTruncatesAndChecksRange) {
  EXPECT_EQ(Cast(D(1.9), DataType::Int()), Value(1));
  EXPECT_EQ(Cast(D(-1.9), DataType::Int()), Value(-1));
  ErrorOf([] { Cast(D(1e10), DataType::Int()); }, "CAST_OVERFLOW");
  ErrorOf([] { Cast(D(std::nan("")), DataType::Long()); }, "CAST_OVERFLOW");
  EvalContext legacy;
  legacy.ansi = false;
  EXPECT_EQ(Cast(D(1e10), DataType::Int(), legacy), Value(2147483647));
}

TEST(CastTest, Decimals) {
  DataTypePtr d52 = DataType::Decimal(5, 2);
  EXPECT_EQ(Cast(S("123.456"), d52), Value::Decimal(12346));
  EXPECT_EQ(Cast(S("-0.005"), d52), Value::Decimal(-1));  // HALF_UP away from zero
  EXPECT_EQ(Cast(S("1.2e2"), d52), Value::Decimal(12000));
  std::string msg = ErrorOf([&] { Cast(S("1234.5"), d52); }, "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION");
  EXPECT_NE(msg.find("1234.5 cannot be represented as Decimal(5, 2)"), std::string::npos) << msg;
  EXPECT_EQ(Cast(D(1.5), DataType::Decimal(3, 0)), Value::Decimal(2));
  EXPECT_EQ(Cast(D(0.1), DataType::Decimal(10, 5)), Value::Decimal(10000));
  EXPECT_EQ(Cast(Lit(Value::Decimal(250), DataType::Decimal(5, 2)), DataType::Int()), Value(2));
  EXPECT_EQ(Cast(Lit(Value::Decimal(-250), DataType::Decimal(5, 2)), DataType::Double()), Value(-2.5));
  EXPECT_EQ(Cast(Lit(Value::Decimal(12345), DataType::Decimal(5, 2)), DataType::Decimal(4, 1)), Value::Decimal(1235));
  ErrorOf([] { Cast(I(1000), DataType::Decimal(5, 2)); }, "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION");
  EXPECT_TRUE(TryCast(I(1000), DataType::Decimal(5, 2)).is_null());
}

TEST(CastTest, DatesAndTimestamps) {
  Value d = Cast(S("2024-02-29"), DataType::Date());
  EXPECT_EQ(d, Value(19782));
  EXPECT_EQ(AsString(Lit(d, DataType::Date())), "2024-02-29");
  EXPECT_EQ(Cast(S("2024-1-5"), DataType::Date()), Value(19727));
  EXPECT_EQ(Cast(S("2024-01-05 10:11:12"), DataType::Date()), Value(19727));
  ErrorOf([] { Cast(S("2023-02-29"), DataType::Date()); }, "CAST_INVALID_INPUT");
  EXPECT_TRUE(TryCast(S("2024-13-01"), DataType::Date()).is_null());

  Value ts = Cast(S("2024-01-02 03:04:05.123"), DataType::Timestamp());
  EXPECT_EQ(ts, Value(int64_t{1704164645123000}));
  EXPECT_EQ(AsString(Lit(ts, DataType::Timestamp())), "2024-01-02 03:04:05.123");
  EXPECT_EQ(Cast(S("2024-01-02T03:04:05Z"), DataType::Timestamp()), Value(int64_t{1704164645000000}));
  EXPECT_EQ(Cast(S("2024-01-02 03:04:05+01:00"), DataType::Timestamp()), Value(int64_t{1704161045000000}));

  EvalContext ny;
  ny.session_time_zone = "America/New_York";
  ny.time_zone = TimeZone::Find("America/New_York");
  Value summer = Cast(S("2024-07-01 12:00:00"), DataType::Timestamp(), ny);
  EXPECT_EQ(summer, Value(int64_t{1719849600000000}));  // 16:00 UTC
  EXPECT_EQ(AsString(Lit(summer, DataType::Timestamp()), ny), "2024-07-01 12:00:00");
  EXPECT_EQ(AsString(Lit(summer, DataType::Timestamp())), "2024-07-01 16:00:00");
  // DATE -> TIMESTAMP is local midnight in the session zone.
  EXPECT_EQ(Cast(Lit(Value(19905), DataType::Date()), DataType::Timestamp(), ny), Value(int64_t{1719806400000000}));
  EXPECT_EQ(Cast(Lit(Value(int64_t{1719806400000000}), DataType::Timestamp()), DataType::Date(), ny), Value(19905));
  EXPECT_EQ(Cast(Lit(Value(int64_t{1719849600000000}), DataType::Timestamp()), DataType::TimestampNtz(), ny),
            Value(int64_t{1719835200000000}));
  EXPECT_EQ(Cast(Lit(Value(int64_t{1500000}), DataType::Timestamp()), DataType::Long()), Value(1));
  EXPECT_EQ(Cast(Lit(Value(int64_t{1500000}), DataType::Timestamp()), DataType::Double()), Value(1.5));
  EXPECT_EQ(Cast(I(2), DataType::Timestamp()), Value(int64_t{2000000}));
  EXPECT_EQ(Cast(S("2024-01-02 03:04:05"), DataType::TimestampNtz()), Value(int64_t{1704164645000000}));
}

TEST(CastTest, NestedToString) {
  ExprPtr arr = Lit(Value::List({Value(1), Value(), Value(3)}), DataType::Array(DataType::Int()));
  EXPECT_EQ(AsString(arr), "[1, null, 3]");
  ExprPtr st = Lit(Value::List({Value(1), Value("a")}),
                   DataType::Struct({Field("x", DataType::Int()), Field("y", DataType::String())}));
  EXPECT_EQ(AsString(st), "{1, a}");
  ExprPtr map = Lit(Value::Map({{Value("a"), Value(1)}, {Value("b"), Value()}}),
                    DataType::Map(DataType::String(), DataType::Int()));
  EXPECT_EQ(AsString(map), "{a -> 1, b -> null}");
  ExprPtr nested = Lit(Value::List({Value::List({Value(1.0)}), Value::List({})}),
                       DataType::Array(DataType::Array(DataType::Double())));
  EXPECT_EQ(AsString(nested), "[[1.0], []]");
}

TEST(CastTest, ArrayElementwise) {
  ExprPtr arr = Lit(Value::List({Value("1"), Value(), Value(" 3")}), DataType::Array(DataType::String()));
  Value v = Cast(arr, DataType::Array(DataType::Int()));
  EXPECT_EQ(v, Value::List({Value(1), Value(), Value(3)}));
  ExprPtr bad = Lit(Value::List({Value("x")}), DataType::Array(DataType::String()));
  ErrorOf([&] { Cast(bad, DataType::Array(DataType::Int())); }, "CAST_INVALID_INPUT");
}

TEST(CastTest, CanCastMatrix) {
  EXPECT_TRUE(CanCast(*DataType::Int(), *DataType::String()));
  EXPECT_TRUE(CanCast(*DataType::String(), *DataType::Date()));
  EXPECT_TRUE(CanCast(*DataType::Double(), *DataType::Decimal(10, 2)));
  EXPECT_TRUE(CanCast(*DataType::Timestamp(), *DataType::Date()));
  EXPECT_FALSE(CanCast(*DataType::Date(), *DataType::Int()));
  EXPECT_FALSE(CanCast(*DataType::Int(), *DataType::Date()));
  EXPECT_FALSE(CanCast(*DataType::String(), *DataType::Array(DataType::Int())));
  EXPECT_TRUE(CanCast(*DataType::Array(DataType::Int()), *DataType::Array(DataType::Long())));
  EXPECT_FALSE(CanCast(*DataType::Array(DataType::Date()), *DataType::Array(DataType::Int())));
}

TEST(CastTest, ValueToString) {
  EvalContext ctx;
  EXPECT_EQ(ValueToString(Value(1e10), *DataType::Double(), ctx), "1.0E10");
  EXPECT_EQ(ValueToString(Value(), *DataType::Int(), ctx), "NULL");
  EXPECT_EQ(ValueToString(Value("x"), *DataType::String(), ctx), "x");
  EXPECT_EQ(ValueToString(Value(0), *DataType::Date(), ctx), "1970-01-01");
}

}  // namespace
}  // namespace lakestream
