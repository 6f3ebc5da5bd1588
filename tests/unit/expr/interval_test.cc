// ANSI intervals in expressions: Spark's display form, casts, arithmetic with
// datetimes and numbers, comparisons, and overflow errors.
#include <gtest/gtest.h>

#include <limits>

#include "expr/cast.h"
#include "expr/interval_text.h"
#include "expr/time_zone.h"
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

namespace F = IntervalField;

constexpr int64_t kSecond = 1000000;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

DataTypePtr Dt(int start, int end) { return DataType::DayTimeInterval(start, end); }
DataTypePtr Ym(int start, int end) { return DataType::YearMonthInterval(start, end); }
ExprPtr DayTime(int64_t micros, DataTypePtr type = DataType::DayTimeInterval()) { return Lit(Value(micros), type); }
ExprPtr YearMonth(int64_t months, DataTypePtr type = DataType::YearMonthInterval()) { return Lit(Value(months), type); }
ExprPtr Date(const std::string& s) { return CastTo(S(s), DataType::Date()); }
ExprPtr Ts(const std::string& s) { return CastTo(S(s), DataType::Timestamp()); }
ExprPtr Op(const std::string& op, ExprPtr a, ExprPtr b) { return Call(op, {std::move(a), std::move(b)}); }

std::string Text(const ExprPtr& e, const EvalContext& ctx = {}) {
  return std::string(EvalConst(CastTo(e, DataType::String()), ctx).as_string());
}
std::string TypeOf(const ExprPtr& e) {
  return BindExpression(e, Scope(), FunctionRegistry::Default())->type->ToString();
}

TEST(IntervalTest, TypeNamesAsSparkPrintsThem) {
  EXPECT_EQ(Dt(F::kDay, F::kSecond)->ToString(), "interval day to second");
  EXPECT_EQ(Dt(F::kDay, F::kDay)->ToString(), "interval day");
  EXPECT_EQ(Dt(F::kHour, F::kMinute)->ToSql(), "INTERVAL HOUR TO MINUTE");
  EXPECT_EQ(Ym(F::kYear, F::kMonth)->ToString(), "interval year to month");
  EXPECT_EQ(Ym(F::kMonth, F::kMonth)->ToString(), "interval month");
  EXPECT_EQ(DataType::Parse("interval minute to second")->ToString(), "interval minute to second");
  EXPECT_EQ(Schema::ParseDdl("a INTERVAL YEAR, b interval day to hour NOT NULL")->ToString(),
            "struct<a:interval year,b:interval day to hour>");
  EXPECT_FALSE(Dt(F::kDay, F::kDay)->Equals(*Dt(F::kDay, F::kSecond)));
  EXPECT_EQ(Dt(F::kDay, F::kSecond)->byte_width(), 8);
  EXPECT_EQ(Ym(F::kYear, F::kMonth)->byte_width(), 4);
  EXPECT_THROW(DataType::Parse("interval second to day"), UserError);
}

TEST(IntervalTest, DisplayFormMatchesSpark) {
  const int64_t v = kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + 500000;
  EXPECT_EQ(interval::Format(v, *Dt(F::kDay, F::kSecond)), "INTERVAL '1 02:03:04.5' DAY TO SECOND");
  EXPECT_EQ(interval::Format(-v, *Dt(F::kDay, F::kSecond)), "INTERVAL '-1 02:03:04.5' DAY TO SECOND");
  EXPECT_EQ(interval::Format(v, *Dt(F::kDay, F::kMinute)), "INTERVAL '1 02:03' DAY TO MINUTE");
  EXPECT_EQ(interval::Format(3 * kDay, *Dt(F::kDay, F::kDay)), "INTERVAL '3' DAY");
  EXPECT_EQ(interval::Format(26 * kHour + 5 * kMinute, *Dt(F::kHour, F::kSecond)), "INTERVAL '26:05:00' HOUR TO SECOND");
  EXPECT_EQ(interval::Format(5 * kHour, *Dt(F::kHour, F::kHour)), "INTERVAL '05' HOUR");
  EXPECT_EQ(interval::Format(1500000, *Dt(F::kSecond, F::kSecond)), "INTERVAL '01.5' SECOND");
  EXPECT_EQ(interval::Format(12 * kSecond + 1, *Dt(F::kMinute, F::kSecond)), "INTERVAL '00:12.000001' MINUTE TO SECOND");
  EXPECT_EQ(interval::Format(14, *Ym(F::kYear, F::kMonth)), "INTERVAL '1-2' YEAR TO MONTH");
  EXPECT_EQ(interval::Format(-14, *Ym(F::kYear, F::kMonth)), "INTERVAL '-1-2' YEAR TO MONTH");
  EXPECT_EQ(interval::Format(14, *Ym(F::kYear, F::kYear)), "INTERVAL '1' YEAR");
  EXPECT_EQ(interval::Format(14, *Ym(F::kMonth, F::kMonth)), "INTERVAL '14' MONTH");
  // The most negative value has no positive twin; Spark prints it all the same.
  EXPECT_EQ(interval::Format(std::numeric_limits<int64_t>::min(), *Dt(F::kDay, F::kSecond)),
            "INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND");
  EXPECT_EQ(interval::Format(std::numeric_limits<int32_t>::min(), *Ym(F::kYear, F::kMonth)),
            "INTERVAL '-178956970-8' YEAR TO MONTH");
}

TEST(IntervalTest, CastsBetweenStringsAndIntervals) {
  EXPECT_EQ(EvalConst(CastTo(S("1 02:03:04.5"), Dt(F::kDay, F::kSecond))),
            Value(kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + 500000));
  EXPECT_EQ(EvalConst(CastTo(S("INTERVAL '-1 02' DAY TO HOUR"), Dt(F::kDay, F::kHour))), Value(-(kDay + 2 * kHour)));
  EXPECT_EQ(EvalConst(CastTo(S("interval -'1-2' year to month"), Ym(F::kYear, F::kMonth))), Value(-14));
  EXPECT_EQ(EvalConst(CastTo(S(" -3 "), Ym(F::kMonth, F::kMonth))), Value(-3));
  EXPECT_EQ(Text(CastTo(S("10:20"), Dt(F::kHour, F::kMinute))), "INTERVAL '10:20' HOUR TO MINUTE");
  // The qualifier in the string must be the target's.
  ErrorOf([] { EvalConst(CastTo(S("INTERVAL '1' DAY"), Dt(F::kHour, F::kHour))); }, "CAST_INVALID_INPUT");
  ErrorOf([] { EvalConst(CastTo(S("1 25:00"), Dt(F::kDay, F::kMinute))); }, "CAST_INVALID_INPUT");
  EXPECT_TRUE(EvalConst(CastTo(S("x"), Dt(F::kDay, F::kDay), /*is_try=*/true)).is_null());
  // Far too many digits is malformed, not an overflow of the parser.
  ErrorOf([] { EvalConst(CastTo(S("9999999999999999999999999999999999999999 00:00:00"), Dt(F::kDay, F::kSecond))); },
          "CAST_INVALID_INPUT");
  ErrorOf([] { EvalConst(CastTo(S("106751992 00:00:00"), Dt(F::kDay, F::kSecond))); }, "CAST_INVALID_INPUT");
  EXPECT_EQ(EvalConst(CastTo(S("-106751991 04:00:54.775808"), Dt(F::kDay, F::kSecond))),
            Value(std::numeric_limits<int64_t>::min()));
  // Between fields of one family the value is cut to the target's end field.
  EXPECT_EQ(EvalConst(CastTo(DayTime(-(kDay + 5 * kHour), Dt(F::kDay, F::kHour)), Dt(F::kDay, F::kDay))), Value(-kDay));
  EXPECT_EQ(EvalConst(CastTo(YearMonth(-14), Ym(F::kYear, F::kYear))), Value(-12));
  ErrorOf([] { EvalConst(CastTo(YearMonth(1), Dt(F::kDay, F::kDay))); }, "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION");
}

TEST(IntervalTest, DatetimePlusIntervalHasSparksResultTypes) {
  // DATE + year-month interval: add_months, a DATE.
  EXPECT_EQ(Text(Op("+", Date("2024-01-31"), YearMonth(1, Ym(F::kMonth, F::kMonth)))), "2024-02-29");
  EXPECT_EQ(Text(Op("-", Date("2024-03-31"), YearMonth(13))), "2023-02-28");
  EXPECT_EQ(TypeOf(Op("+", YearMonth(1), Date("2024-01-31"))), "date");
  // DATE + INTERVAL DAY stays a DATE; other day-time intervals make a TIMESTAMP.
  EXPECT_EQ(TypeOf(Op("+", Date("2024-01-01"), DayTime(kDay, Dt(F::kDay, F::kDay)))), "date");
  EXPECT_EQ(Text(Op("-", Date("2024-03-01"), DayTime(kDay, Dt(F::kDay, F::kDay)))), "2024-02-29");
  EXPECT_EQ(TypeOf(Op("+", Date("2024-01-01"), DayTime(kHour, Dt(F::kHour, F::kHour)))), "timestamp");
  EXPECT_EQ(Text(Op("+", Date("2024-01-01"), DayTime(90 * kMinute, Dt(F::kHour, F::kMinute)))), "2024-01-01 01:30:00");
  // TIMESTAMP keeps its time of day.
  EXPECT_EQ(Text(Op("+", Ts("2024-01-01 10:00:00"), DayTime(kHour, Dt(F::kHour, F::kHour)))), "2024-01-01 11:00:00");
  EXPECT_EQ(Text(Op("+", Ts("2024-01-31 10:30:00"), YearMonth(1))), "2024-02-29 10:30:00");
  EXPECT_EQ(Text(Op("-", Ts("2024-01-01 00:00:00"), DayTime(kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + 500000))),
            "2023-12-30 21:56:55.5");
  EXPECT_EQ(TypeOf(Op("+", CastTo(S("2024-01-01 00:00:00"), DataType::TimestampNtz()), DayTime(kHour))),
            "timestamp_ntz");
  // Months are added to the local date in the session zone, keeping the wall-clock time.
  EvalContext ny;
  ny.session_time_zone = "America/New_York";
  ny.time_zone = TimeZone::Find("America/New_York");
  EXPECT_EQ(Text(Op("+", Ts("2024-02-10 12:00:00"), YearMonth(1)), ny), "2024-03-10 12:00:00");
}

TEST(IntervalTest, DifferencesOfDatetimesAreDayTimeIntervals) {
  EXPECT_EQ(Text(Op("-", Ts("2024-03-10 12:00:00"), Ts("2024-03-09 10:30:00"))),
            "INTERVAL '1 01:30:00' DAY TO SECOND");
  EXPECT_EQ(Text(Op("-", Date("2024-03-01"), Date("2024-01-01"))), "INTERVAL '60' DAY");
  EXPECT_EQ(Text(Op("-", Ts("2024-01-01 00:00:00"), Date("2024-01-02"))), "INTERVAL '-1 00:00:00' DAY TO SECOND");
}

TEST(IntervalTest, IntervalArithmeticWithinAFamily) {
  EXPECT_EQ(Text(Op("+", YearMonth(14), YearMonth(3, Ym(F::kMonth, F::kMonth)))), "INTERVAL '1-5' YEAR TO MONTH");
  EXPECT_EQ(Text(Op("-", DayTime(kDay, Dt(F::kDay, F::kDay)), DayTime(kHour, Dt(F::kHour, F::kHour)))),
            "INTERVAL '0 23' DAY TO HOUR");
  EXPECT_EQ(Text(Op("*", YearMonth(14), I(2))), "INTERVAL '2-4' YEAR TO MONTH");
  EXPECT_EQ(Text(Op("*", I(3), DayTime(kHour, Dt(F::kHour, F::kHour)))), "INTERVAL '03' HOUR");
  EXPECT_EQ(Text(Op("*", YearMonth(12), Lit(Value::Decimal(15), DataType::Decimal(2, 1)))),
            "INTERVAL '1-6' YEAR TO MONTH");
  EXPECT_EQ(Text(Op("*", DayTime(kSecond), D(0.25))), "INTERVAL '0 00:00:00.25' DAY TO SECOND");
  EXPECT_EQ(Text(Op("/", DayTime(kDay), I(4))), "INTERVAL '0 06:00:00' DAY TO SECOND");
  // Division rounds half up, as Spark's DivideYMInterval.
  EXPECT_EQ(EvalConst(Op("/", YearMonth(11, Ym(F::kMonth, F::kMonth)), I(2))), Value(6));
  EXPECT_EQ(EvalConst(Op("/", YearMonth(-11, Ym(F::kMonth, F::kMonth)), I(2))), Value(-6));
  EXPECT_EQ(EvalConst(Op("/", YearMonth(10, Ym(F::kMonth, F::kMonth)), I(3))), Value(3));
  EXPECT_EQ(Text(Call("negative", {YearMonth(14)})), "INTERVAL '-1-2' YEAR TO MONTH");
  EXPECT_EQ(EvalConst(Call("abs", {DayTime(-3 * kDay)})), Value(3 * kDay));
  EXPECT_EQ(EvalConst(Op(">", DayTime(kDay, Dt(F::kDay, F::kDay)), DayTime(23 * kHour, Dt(F::kHour, F::kHour)))), Value(true));
  EXPECT_EQ(EvalConst(Op("=", YearMonth(12, Ym(F::kYear, F::kYear)), YearMonth(12, Ym(F::kMonth, F::kMonth)))), Value(true));
  ErrorOf([] { EvalConst(Op("+", YearMonth(1), DayTime(1))); }, "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES");
  ErrorOf([] { EvalConst(Op("-", DayTime(1), Date("2024-01-01"))); }, "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES");
  ErrorOf([] { EvalConst(Op("=", YearMonth(1), DayTime(1))); }, "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES");
}

TEST(IntervalTest, OverflowRaisesInsteadOfWrapping) {
  const int64_t max_months = std::numeric_limits<int32_t>::max();
  std::string msg = ErrorOf([&] { EvalConst(Op("+", YearMonth(max_months), YearMonth(1))); },
                            "INTERVAL_ARITHMETIC_OVERFLOW");
  EXPECT_NE(msg.find("try_add"), std::string::npos) << msg;
  EXPECT_TRUE(EvalConst(Call("try_add", {YearMonth(max_months), YearMonth(1)})).is_null());
  ErrorOf([] { EvalConst(Op("*", DayTime(std::numeric_limits<int64_t>::max() / 2), I(3))); },
          "INTERVAL_ARITHMETIC_OVERFLOW");
  ErrorOf([] { EvalConst(Call("negative", {DayTime(std::numeric_limits<int64_t>::min())})); },
          "INTERVAL_ARITHMETIC_OVERFLOW");
  ErrorOf([] { EvalConst(Op("/", DayTime(kDay), I(0))); }, "INTERVAL_DIVIDED_BY_ZERO");
  ErrorOf([] { EvalConst(Op("+", Ts("9999-12-31 00:00:00"), DayTime(106751991 * kDay))); }, "ARITHMETIC_OVERFLOW");
  ErrorOf([] { EvalConst(Op("+", Date("2024-01-01"), YearMonth(max_months))); }, "ARITHMETIC_OVERFLOW");
  // Intervals overflow the same way with ANSI mode off, as in Spark.
  EvalContext legacy;
  legacy.ansi = false;
  ErrorOf([&] { EvalConst(Op("-", YearMonth(-max_months - 1), YearMonth(1)), legacy); }, "INTERVAL_ARITHMETIC_OVERFLOW");
}

TEST(IntervalTest, ColumnsOfIntervals) {
  auto batch = MakeBatch("d DATE, iv INTERVAL DAY TO SECOND", {Row{Value(int64_t{19723}), Value(kDay + kHour)},
                                                                Row{Value(), Value(kHour)},
                                                                Row{Value(int64_t{0}), Value()}});
  auto sums = EvalValues(Op("+", Col("d"), Col("iv")), *batch);
  ASSERT_EQ(sums.size(), 3u);
  EXPECT_EQ(sums[0], Value((int64_t{19723} * 24 + 25) * kHour));
  EXPECT_TRUE(sums[1].is_null());
  EXPECT_TRUE(sums[2].is_null());
}

TEST(IntervalTest, DateToTimestampOverflowIsAnErrorNotAWrap) {
  // 2^31 - 1 days is far past the TIMESTAMP range.
  ExprPtr far = CastTo(Lit(Value(int64_t{std::numeric_limits<int32_t>::max()}), DataType::Date()), DataType::Timestamp());
  ErrorOf([&] { EvalConst(far); }, "CAST_OVERFLOW");
  EvalContext legacy;
  legacy.ansi = false;
  EXPECT_TRUE(EvalConst(far, legacy).is_null());
  ExprPtr ntz = CastTo(Lit(Value(int64_t{-std::numeric_limits<int32_t>::max()}), DataType::Date()), DataType::TimestampNtz());
  ErrorOf([&] { EvalConst(ntz); }, "CAST_OVERFLOW");
}

TEST(IntervalTest, ExtractReadsTheTypesFields) {
  auto part = [](const std::string& field, ExprPtr iv) { return Call("date_part", {S(field), std::move(iv)}); };
  const int64_t v = 123 * kDay + 12 * kHour + 34 * kMinute + 56789123;
  EXPECT_EQ(EvalConst(part("day", DayTime(v))), Value(int64_t{123}));
  EXPECT_EQ(EvalConst(part("HOURS", DayTime(-v))), Value(int64_t{-12}));
  EXPECT_EQ(EvalConst(part("m", DayTime(v))), Value(int64_t{34}));
  EXPECT_EQ(EvalConst(part("second", DayTime(-v))), Value::Decimal(-56789123));
  EXPECT_EQ(TypeOf(part("second", DayTime(v))), "decimal(8,6)");
  EXPECT_EQ(TypeOf(part("minute", DayTime(v))), "tinyint");
  EXPECT_EQ(EvalConst(part("YEAR", YearMonth(-25))), Value(int64_t{-2}));
  EXPECT_EQ(EvalConst(part("mon", YearMonth(25))), Value(int64_t{1}));
  EXPECT_TRUE(EvalConst(part("year", Lit(Value(), DataType::YearMonthInterval()))).is_null());
  std::string msg = ErrorOf([&] { TypeOf(part("DAY", YearMonth(1))); }, "INVALID_EXTRACT_FIELD");
  EXPECT_NE(msg.find("Cannot extract DAY from INTERVAL '0-1' YEAR TO MONTH"), std::string::npos) << msg;
  ErrorOf([&] { TypeOf(part("HOUR", DayTime(kDay, Dt(F::kDay, F::kDay)))); }, "INVALID_EXTRACT_FIELD");
  ErrorOf([&] { TypeOf(part("YEAR", YearMonth(1, Ym(F::kMonth, F::kMonth)))); }, "INVALID_EXTRACT_FIELD");
}

TEST(IntervalTest, SingleFieldIntervalsCastToAndFromNumbers) {
  EXPECT_EQ(EvalConst(CastTo(DayTime(3 * kDay + kHour, Dt(F::kDay, F::kDay)), DataType::Int())), Value(int64_t{3}));
  EXPECT_EQ(EvalConst(CastTo(DayTime(-90 * kMinute, Dt(F::kMinute, F::kMinute)), DataType::Long())),
            Value(int64_t{-90}));
  EXPECT_EQ(EvalConst(CastTo(DayTime(1500000, Dt(F::kSecond, F::kSecond)), DataType::Decimal(10, 3))),
            Value::Decimal(1500));
  EXPECT_EQ(EvalConst(CastTo(YearMonth(38, Ym(F::kYear, F::kYear)), DataType::Short())), Value(int64_t{3}));
  EXPECT_EQ(EvalConst(CastTo(I(5), Dt(F::kHour, F::kHour))), Value(5 * kHour));
  EXPECT_EQ(EvalConst(CastTo(L(-7), Ym(F::kYear, F::kYear))), Value(int64_t{-84}));
  // 2.5 days; a fraction of a month rounds half up.
  EXPECT_EQ(EvalConst(CastTo(Lit(Value::Decimal(25), DataType::Decimal(2, 1)), Dt(F::kDay, F::kDay))),
            Value(60 * kHour));
  EXPECT_EQ(EvalConst(CastTo(Lit(Value::Decimal(-15), DataType::Decimal(2, 1)), Ym(F::kMonth, F::kMonth))),
            Value(int64_t{-2}));
  // Overflow: CAST_OVERFLOW (TRY_CAST gives NULL); a decimal target raises NUMERIC_VALUE_OUT_OF_RANGE.
  std::string msg = ErrorOf([] { EvalConst(CastTo(DayTime(128 * kDay, Dt(F::kDay, F::kDay)), DataType::Byte())); },
                            "CAST_OVERFLOW");
  EXPECT_NE(msg.find("INTERVAL '128' DAY"), std::string::npos) << msg;
  EXPECT_TRUE(EvalConst(CastTo(DayTime(128 * kDay, Dt(F::kDay, F::kDay)), DataType::Byte(), true)).is_null());
  ErrorOf([] { EvalConst(CastTo(I(std::numeric_limits<int32_t>::max()), Ym(F::kYear, F::kYear))); }, "CAST_OVERFLOW");
  ErrorOf([] { EvalConst(CastTo(L(std::numeric_limits<int64_t>::max()), Dt(F::kDay, F::kDay))); }, "CAST_OVERFLOW");
  ErrorOf([] { EvalConst(CastTo(DayTime(12345 * kDay, Dt(F::kDay, F::kDay)), DataType::Decimal(3, 0))); },
          "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION");
  // Only single-field intervals and integral/decimal numbers.
  EXPECT_FALSE(CanCast(*Dt(F::kDay, F::kHour), *DataType::Int()));
  EXPECT_FALSE(CanCast(*DataType::Int(), *DataType::YearMonthInterval()));
  EXPECT_FALSE(CanCast(*DataType::Double(), *Dt(F::kDay, F::kDay)));
  EXPECT_FALSE(CanCast(*Dt(F::kSecond, F::kSecond), *DataType::Float()));
}

}  // namespace
}  // namespace lakestream
