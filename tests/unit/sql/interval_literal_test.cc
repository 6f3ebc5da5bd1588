// INTERVAL literals parse to Spark's ANSI interval types and values
// (months for year-month, microseconds for day-time).
#include <gtest/gtest.h>

#include "parse_results.h"

namespace lakestream::sql {
namespace {

constexpr int64_t kSecond = 1000000;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

struct Parsed {
  std::string type;
  int64_t value;
};

Parsed Interval(std::string_view sql) {
  ExprPtr e = ParseExpression(sql);
  EXPECT_EQ(e->kind, ExprKind::kLiteral) << sql;
  return {e->type->ToString(), e->value.as_int()};
}

void ExpectInterval(std::string_view sql, const std::string& type, int64_t value) {
  Parsed p = Interval(sql);
  EXPECT_EQ(p.type, type) << sql;
  EXPECT_EQ(p.value, value) << sql;
}

TEST(IntervalLiteralTest, SingleUnitsTakeTheirField) {
  ExpectInterval("INTERVAL '1' DAY", "interval day", kDay);
  ExpectInterval("INTERVAL 3 DAYS", "interval day", 3 * kDay);
  ExpectInterval("INTERVAL 2 WEEKS", "interval day", 14 * kDay);
  ExpectInterval("INTERVAL '10' HOUR", "interval hour", 10 * kHour);
  ExpectInterval("INTERVAL 5 minutes", "interval minute", 5 * kMinute);
  ExpectInterval("INTERVAL 1.5 SECONDS", "interval second", 1500000);
  ExpectInterval("INTERVAL '0.000001' SECOND", "interval second", 1);
  ExpectInterval("INTERVAL 250 MILLISECONDS", "interval second", 250000);
  ExpectInterval("INTERVAL 7 MICROSECOND", "interval second", 7);
  ExpectInterval("INTERVAL 2 YEARS", "interval year", 24);
  ExpectInterval("INTERVAL '14' MONTH", "interval month", 14);
}

TEST(IntervalLiteralTest, SignsBeforeAndInsideTheValue) {
  ExpectInterval("INTERVAL -1 DAY", "interval day", -kDay);
  ExpectInterval("INTERVAL '-1' DAY", "interval day", -kDay);
  ExpectInterval("INTERVAL -'-1' DAY", "interval day", kDay);
  ExpectInterval("INTERVAL +'+2' MONTHS", "interval month", 2);
  ExpectInterval("INTERVAL -'1-2' YEAR TO MONTH", "interval year to month", -14);
  ExpectInterval("INTERVAL '-1 02:03:04.5' DAY TO SECOND", "interval day to second",
                 -(kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + 500000));
}

TEST(IntervalLiteralTest, UnitToUnit) {
  ExpectInterval("INTERVAL '1-2' YEAR TO MONTH", "interval year to month", 14);
  ExpectInterval("INTERVAL '1 02:03:04.5' DAY TO SECOND", "interval day to second",
                 kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + 500000);
  ExpectInterval("INTERVAL '10:20' HOUR TO MINUTE", "interval hour to minute", 10 * kHour + 20 * kMinute);
  ExpectInterval("INTERVAL '100:20' HOUR TO MINUTE", "interval hour to minute", 100 * kHour + 20 * kMinute);
  ExpectInterval("INTERVAL '3 04' DAY TO HOUR", "interval day to hour", 3 * kDay + 4 * kHour);
  ExpectInterval("INTERVAL '2:03.123456789' MINUTE TO SECOND", "interval minute to second",
                 2 * kMinute + 3 * kSecond + 123456);
}

TEST(IntervalLiteralTest, MultiUnitSpansTheFieldsWritten) {
  ExpectInterval("INTERVAL 1 DAY 2 HOURS 3 MINUTES", "interval day to minute", kDay + 2 * kHour + 3 * kMinute);
  ExpectInterval("INTERVAL 1 YEAR 2 MONTHS", "interval year to month", 14);
  ExpectInterval("INTERVAL '1' YEAR '-2' MONTHS", "interval year to month", 10);
  ExpectInterval("INTERVAL 1 HOUR -30 MINUTES", "interval hour to minute", 30 * kMinute);
  ExpectInterval("INTERVAL 1 WEEK 1 MILLISECOND", "interval day to second", 7 * kDay + 1000);
  ExpectInterval("INTERVAL '1 day 2 hours'", "interval day to hour", kDay + 2 * kHour);
  ExpectInterval("INTERVAL 'interval 1 year 1 month'", "interval year to month", 13);
}

TEST(IntervalLiteralTest, IntervalsAreOperandsLikeOtherLiterals) {
  EXPECT_EQ(ExprOf("ts + INTERVAL 1 HOUR"), "(ts + INTERVAL '01' HOUR)");
  EXPECT_EQ(ExprOf("INTERVAL 1 DAY + d"), "(INTERVAL '1' DAY + d)");
  EXPECT_EQ(ExprOf("d + INTERVAL 1 DAY * 2"), "(d + (INTERVAL '1' DAY * 2))");
  EXPECT_EQ(ExprOf("-INTERVAL '1-2' YEAR TO MONTH"), "(- INTERVAL '1-2' YEAR TO MONTH)");
  EXPECT_EQ(ExprOf("d - INTERVAL '3' MONTH < x"), "((d - INTERVAL '3' MONTH) < x)");
  // Without a value INTERVAL is an ordinary name.
  EXPECT_EQ(ParseExpression("interval")->kind, ExprKind::kColumn);
}

TEST(IntervalLiteralTest, BadLiteralsNameTheProblem) {
  auto mixed = FailureOf([] { ParseExpression("INTERVAL 1 YEAR 2 DAYS"); });
  EXPECT_EQ(mixed.error_class, "MIXED_INTERVAL_UNITS");
  EXPECT_NE(mixed.message.find("Cannot mix year-month and day-time fields: INTERVAL 1 YEAR 2 DAYS"), std::string::npos)
      << mixed.message;
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL '1 year 2 seconds'"); }).error_class, "MIXED_INTERVAL_UNITS");
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL '1-2' YEAR TO DAY"); }).error_class,
            "UNSUPPORTED_FROM_TO_INTERVAL");
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL '1.5' HOUR"); }).error_class, "INVALID_INTERVAL_FORMAT");
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL '1 DAY 2' HOUR"); }).error_class, "INVALID_INTERVAL_FORMAT");
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL '1-12' YEAR TO MONTH"); }).error_class, "INVALID_INTERVAL_FORMAT");
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL '1 24:00' DAY TO MINUTE"); }).error_class,
            "INVALID_INTERVAL_FORMAT");
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL 1 YEAR TO MONTH"); }).error_class, "INVALID_INTERVAL_FORMAT");
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL '178956971' YEAR"); }).error_class, "INVALID_INTERVAL_FORMAT");
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL 106751992 DAYS"); }).error_class, "INVALID_INTERVAL_FORMAT");
  EXPECT_EQ(FailureOf([] { ParseExpression("INTERVAL '1' FORTNIGHT"); }).error_class, "INVALID_INTERVAL_FORMAT");
}

TEST(IntervalLiteralTest, IntervalDataTypes) {
  EXPECT_EQ(ParseExpression("CAST(x AS INTERVAL DAY TO SECOND)")->type->ToString(), "interval day to second");
  EXPECT_EQ(ParseExpression("CAST(x AS interval year)")->type->ToString(), "interval year");
  EXPECT_EQ(ParseExpression("CAST(x AS INTERVAL HOUR TO MINUTE)")->type->ToSql(), "INTERVAL HOUR TO MINUTE");
  EXPECT_EQ(FailureOf([] { ParseExpression("CAST(x AS INTERVAL MONTH TO YEAR)"); }).error_class, "UNSUPPORTED_DATATYPE");
}

}  // namespace
}  // namespace lakestream::sql
