// Datetime functions, with Spark's documented examples as the oracle.
#include <gtest/gtest.h>

#include "expr/time_zone.h"
#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::B;
using expr_test::ErrorOf;
using expr_test::EvalConst;
using expr_test::EvalValues;
using expr_test::I;
using expr_test::L;
using expr_test::MakeBatch;
using expr_test::S;

EvalContext Zone(const std::string& name, bool ansi = true) {
  EvalContext ctx;
  ctx.session_time_zone = name;
  ctx.time_zone = TimeZone::Find(name);
  ctx.ansi = ansi;
  return ctx;
}

// The result of `e` as Spark prints it (CAST to STRING in the session zone); "NULL" for NULL.
std::string Str(const ExprPtr& e, const EvalContext& ctx = Zone("UTC")) {
  Value v = EvalConst(CastTo(e, DataType::String()), ctx);
  return v.is_null() ? "NULL" : v.as_string();
}

ExprPtr F(const std::string& name, std::vector<ExprPtr> args) { return Call(name, std::move(args)); }
ExprPtr Ts(const std::string& text) { return CastTo(S(text), DataType::Timestamp()); }
ExprPtr Date(const std::string& text) { return CastTo(S(text), DataType::Date()); }

TEST(DatetimeFunctionsTest, CurrentTimeComesFromQueryStart) {
  EvalContext ctx = Zone("America/Los_Angeles");
  ctx.query_start_micros = 1230219000LL * 1000000;  // 2008-12-25 15:30:00 UTC
  EXPECT_EQ(Str(F("current_timestamp", {}), ctx), "2008-12-25 07:30:00");
  EXPECT_EQ(Str(F("now", {}), ctx), "2008-12-25 07:30:00");
  EXPECT_EQ(Str(F("current_date", {}), ctx), "2008-12-25");
  EXPECT_EQ(Str(F("unix_timestamp", {}), ctx), "1230219000");
  EXPECT_EQ(Str(F("current_timezone", {}), ctx), "America/Los_Angeles");
}

TEST(DatetimeFunctionsTest, ExtractsFields) {
  EXPECT_EQ(Str(F("year", {S("2016-07-30")})), "2016");
  EXPECT_EQ(Str(F("quarter", {S("2016-08-31")})), "3");
  EXPECT_EQ(Str(F("month", {S("2016-07-30")})), "7");
  EXPECT_EQ(Str(F("day", {S("2009-07-30")})), "30");
  EXPECT_EQ(Str(F("dayofmonth", {S("2009-07-30")})), "30");
  EXPECT_EQ(Str(F("dayofweek", {S("2009-07-30")})), "5");
  EXPECT_EQ(Str(F("weekday", {S("2009-07-30")})), "3");
  EXPECT_EQ(Str(F("dayofyear", {S("2016-04-09")})), "100");
  EXPECT_EQ(Str(F("weekofyear", {S("2008-02-20")})), "8");
  EXPECT_EQ(Str(F("weekofyear", {S("2021-01-01")})), "53");  // ISO: belongs to 2020's last week
  EXPECT_EQ(Str(F("hour", {S("2009-07-30 12:58:59")})), "12");
  EXPECT_EQ(Str(F("minute", {S("2009-07-30 12:58:59")})), "58");
  EXPECT_EQ(Str(F("second", {S("2009-07-30 12:58:59")})), "59");
  EXPECT_EQ(Str(F("year", {Lit(Value(), DataType::Date())})), "NULL");
}

TEST(DatetimeFunctionsTest, FieldsUseSessionZone) {
  // 2024-03-10 10:30 UTC is 03:30 PDT (after the spring-forward gap), 2024-03-10 09:30 UTC is 01:30 PST.
  EvalContext la = Zone("America/Los_Angeles");
  EXPECT_EQ(Str(F("hour", {F("timestamp_seconds", {L(1710066600)})}), la), "3");
  EXPECT_EQ(Str(F("hour", {F("timestamp_seconds", {L(1710063000)})}), la), "1");
  EXPECT_EQ(Str(F("day", {F("timestamp_seconds", {L(1710063000)})}), la), "10");
  EXPECT_EQ(Str(F("day", {F("timestamp_seconds", {L(1710030000)})}), la), "9");  // 00:20 UTC on the 10th
}

TEST(DatetimeFunctionsTest, DatePart) {
  EXPECT_EQ(Str(F("date_part", {S("YEAR"), Ts("2019-08-12 01:00:00.123456")})), "2019");
  EXPECT_EQ(Str(F("date_part", {S("week"), Ts("2019-08-12 01:00:00.123456")})), "33");
  EXPECT_EQ(Str(F("date_part", {S("doy"), Date("2019-08-12")})), "224");
  EXPECT_EQ(Str(F("datepart", {S("MINUTE"), Ts("2019-10-01 00:00:01.000001")})), "0");
  ErrorOf([] { Str(F("date_part", {S("EPOCHS"), Date("2019-08-12")})); }, "INVALID_EXTRACT_FIELD");
}

TEST(DatetimeFunctionsTest, DateTrunc) {
  EXPECT_EQ(Str(F("date_trunc", {S("YEAR"), S("2015-03-05T09:32:05.359")})), "2015-01-01 00:00:00");
  EXPECT_EQ(Str(F("date_trunc", {S("MM"), S("2015-03-05T09:32:05.359")})), "2015-03-01 00:00:00");
  EXPECT_EQ(Str(F("date_trunc", {S("DD"), S("2015-03-05T09:32:05.359")})), "2015-03-05 00:00:00");
  EXPECT_EQ(Str(F("date_trunc", {S("HOUR"), S("2015-03-05T09:32:05.359")})), "2015-03-05 09:00:00");
  EXPECT_EQ(Str(F("date_trunc", {S("MILLISECOND"), S("2015-03-05T09:32:05.123456")})), "2015-03-05 09:32:05.123");
  EXPECT_EQ(Str(F("date_trunc", {S("QUARTER"), S("2015-05-05T09:32:05")})), "2015-04-01 00:00:00");
  EXPECT_EQ(Str(F("date_trunc", {S("WEEK"), S("2015-03-05T09:32:05")})), "2015-03-02 00:00:00");
  EXPECT_EQ(Str(F("date_trunc", {S("bogus"), S("2015-03-05T09:32:05")})), "NULL");
}

TEST(DatetimeFunctionsTest, DateTruncAcrossDaylightSavingTime) {
  EvalContext la = Zone("America/Los_Angeles");
  // 2024-11-03: 01:xx happens twice. 08:30 UTC = 01:30 PDT, 09:30 UTC = 01:30 PST.
  EXPECT_EQ(Str(F("unix_seconds", {F("date_trunc", {S("HOUR"), F("timestamp_seconds", {L(1730622600)})})}), la),
            "1730620800");  // 01:00 PDT = 08:00 UTC
  EXPECT_EQ(Str(F("unix_seconds", {F("date_trunc", {S("HOUR"), F("timestamp_seconds", {L(1730626200)})})}), la),
            "1730624400");  // 01:00 PST = 09:00 UTC
  // Start of the local day, then back to UTC: 2024-11-03 00:00 PDT = 07:00 UTC.
  EXPECT_EQ(Str(F("unix_seconds", {F("date_trunc", {S("DAY"), F("timestamp_seconds", {L(1730626200)})})}), la),
            "1730617200");
}

TEST(DatetimeFunctionsTest, Trunc) {
  EXPECT_EQ(Str(F("trunc", {S("2019-08-04"), S("week")})), "2019-07-29");
  EXPECT_EQ(Str(F("trunc", {S("2019-08-04"), S("quarter")})), "2019-07-01");
  EXPECT_EQ(Str(F("trunc", {S("2009-02-12"), S("MM")})), "2009-02-01");
  EXPECT_EQ(Str(F("trunc", {S("2015-10-27"), S("YEAR")})), "2015-01-01");
  EXPECT_EQ(Str(F("trunc", {S("2015-10-27"), S("DD")})), "NULL");
}

TEST(DatetimeFunctionsTest, DateFormat) {
  EXPECT_EQ(Str(F("date_format", {S("2016-04-08"), S("y")})), "2016");
  EXPECT_EQ(Str(F("date_format", {Ts("2024-07-01T12:00:00Z"), S("yyyy-MM-dd HH:mm:ss XXX")}),
                Zone("America/Los_Angeles")),
            "2024-07-01 05:00:00 -07:00");
  ErrorOf([] { Str(F("date_format", {S("2016-04-08"), S("yyyy-bb")})); }, "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER");
}

TEST(DatetimeFunctionsTest, ToTimestampAndToDate) {
  EXPECT_EQ(Str(F("to_timestamp", {S("2016-12-31 00:12:00")})), "2016-12-31 00:12:00");
  EXPECT_EQ(Str(F("to_timestamp", {S("2016-12-31"), S("yyyy-MM-dd")})), "2016-12-31 00:00:00");
  EXPECT_EQ(Str(F("to_date", {S("2009-07-30 04:17:52")})), "2009-07-30");
  EXPECT_EQ(Str(F("to_date", {S("2016-12-31"), S("yyyy-MM-dd")})), "2016-12-31");
  EXPECT_EQ(Str(F("to_date", {S("31/12/2016 23:30"), S("dd/MM/yyyy HH:mm")})), "2016-12-31");
  EXPECT_EQ(Str(F("to_timestamp", {Date("2016-12-31")})), "2016-12-31 00:00:00");
  // The gap of a spring-forward moves forward, as java.time: 02:30 does not exist, 03:30 PDT does.
  EXPECT_EQ(Str(F("to_timestamp", {S("2024-03-10 02:30"), S("yyyy-MM-dd HH:mm")}), Zone("America/Los_Angeles")),
            "2024-03-10 03:30:00");
}

TEST(DatetimeFunctionsTest, InvalidInputRaisesInAnsiAndIsNullOtherwise) {
  std::string msg = ErrorOf([] { Str(F("to_timestamp", {S("2016-12-31 abc"), S("yyyy-MM-dd")})); },
                            "CANNOT_PARSE_TIMESTAMP");
  EXPECT_NE(msg.find("try_to_timestamp"), std::string::npos);
  ErrorOf([] { Str(F("to_date", {S("2016-13-31"), S("yyyy-MM-dd")})); }, "CANNOT_PARSE_TIMESTAMP");
  EXPECT_EQ(Str(F("try_to_timestamp", {S("foo"), S("yyyy-MM-dd")})), "NULL");
  EXPECT_EQ(Str(F("try_to_timestamp", {S("foo")})), "NULL");
  EXPECT_EQ(Str(F("to_timestamp", {S("foo"), S("yyyy-MM-dd")}), Zone("UTC", false)), "NULL");
  EXPECT_EQ(Str(F("unix_timestamp", {S("foo"), S("yyyy-MM-dd")}), Zone("UTC", false)), "NULL");
}

TEST(DatetimeFunctionsTest, UnixTimeConversions) {
  EXPECT_EQ(Str(F("unix_timestamp", {S("2016-04-08"), S("yyyy-MM-dd")})), "1460073600");
  EXPECT_EQ(Str(F("unix_timestamp", {S("2016-04-08"), S("yyyy-MM-dd")}), Zone("America/Los_Angeles")), "1460098800");
  EXPECT_EQ(Str(F("to_unix_timestamp", {S("2016-04-08 00:00:01")})), "1460073601");
  EXPECT_EQ(Str(F("unix_timestamp", {Date("2016-04-08")})), "1460073600");
  EXPECT_EQ(Str(F("from_unixtime", {L(0), S("yyyy-MM-dd HH:mm:ss")})), "1970-01-01 00:00:00");
  EXPECT_EQ(Str(F("from_unixtime", {L(0)}), Zone("America/Los_Angeles")), "1969-12-31 16:00:00");
  EXPECT_EQ(Str(F("timestamp_seconds", {L(1230219000)})), "2008-12-25 15:30:00");
  EXPECT_EQ(Str(F("timestamp_seconds", {expr_test::D(1230219000.5)})), "2008-12-25 15:30:00.5");
  EXPECT_EQ(Str(F("timestamp_millis", {L(1230219000123)})), "2008-12-25 15:30:00.123");
  EXPECT_EQ(Str(F("timestamp_micros", {L(1230219000123123)})), "2008-12-25 15:30:00.123123");
  EXPECT_EQ(Str(F("unix_seconds", {Ts("1970-01-01 00:00:01Z")})), "1");
  EXPECT_EQ(Str(F("unix_millis", {Ts("1970-01-01 00:00:01Z")})), "1000");
  EXPECT_EQ(Str(F("unix_micros", {Ts("1970-01-01 00:00:01Z")})), "1000000");
  EXPECT_EQ(Str(F("unix_seconds", {Ts("1969-12-31 23:59:59.5Z")})), "-1");  // floor, not truncation
  EXPECT_EQ(Str(F("unix_date", {Date("1970-01-02")})), "1");
  EXPECT_EQ(Str(F("date_from_unix_date", {I(1)})), "1970-01-02");
  ErrorOf([] { Str(F("timestamp_seconds", {L(INT64_MAX / 10)})); }, "ARITHMETIC_OVERFLOW");
}

TEST(DatetimeFunctionsTest, DateArithmetic) {
  EXPECT_EQ(Str(F("date_add", {S("2016-07-30"), I(1)})), "2016-07-31");
  EXPECT_EQ(Str(F("dateadd", {S("2016-07-30"), I(-30)})), "2016-06-30");
  EXPECT_EQ(Str(F("date_sub", {S("2016-07-30"), I(1)})), "2016-07-29");
  EXPECT_EQ(Str(F("datediff", {S("2009-07-31"), S("2009-07-30")})), "1");
  EXPECT_EQ(Str(F("datediff", {S("2009-07-30"), S("2009-07-31")})), "-1");
  EXPECT_EQ(Str(F("add_months", {S("2016-08-31"), I(1)})), "2016-09-30");
  EXPECT_EQ(Str(F("add_months", {S("2016-01-31"), I(1)})), "2016-02-29");
  EXPECT_EQ(Str(F("add_months", {S("2016-01-31"), I(-13)})), "2014-12-31");
  EXPECT_EQ(Str(F("last_day", {S("2009-01-12")})), "2009-01-31");
  EXPECT_EQ(Str(F("last_day", {S("2024-02-12")})), "2024-02-29");
  EXPECT_EQ(Str(F("next_day", {S("2015-01-14"), S("TU")})), "2015-01-20");
  EXPECT_EQ(Str(F("next_day", {S("2015-01-14"), S("wednesday")})), "2015-01-21");
  ErrorOf([] { Str(F("next_day", {S("2015-01-14"), S("xx")})); }, "ILLEGAL_DAY_OF_WEEK");
  EXPECT_EQ(Str(F("next_day", {S("2015-01-14"), S("xx")}), Zone("UTC", false)), "NULL");
}

TEST(DatetimeFunctionsTest, MonthsBetween) {
  EXPECT_EQ(Str(F("months_between", {S("1997-02-28 10:30:00"), S("1996-10-30")})), "3.94959677");
  EXPECT_EQ(Str(F("months_between", {S("1997-02-28 10:30:00"), S("1996-10-30"), B(false)})), "3.9495967741935485");
  // Same day of month, or both month ends: whole months.
  EXPECT_EQ(Str(F("months_between", {S("2024-03-31"), S("2024-02-29")})), "1.0");
  EXPECT_EQ(Str(F("months_between", {S("2024-01-15 23:00:00"), S("2024-03-15")})), "-2.0");
}

TEST(DatetimeFunctionsTest, MakeDateAndTimestamp) {
  EXPECT_EQ(Str(F("make_date", {I(2013), I(7), I(15)})), "2013-07-15");
  EXPECT_EQ(Str(F("make_date", {I(2019), I(7), LitNull()})), "NULL");
  ErrorOf([] { Str(F("make_date", {I(2019), I(13), I(1)})); }, "DATETIME_FIELD_OUT_OF_BOUNDS");
  EXPECT_EQ(Str(F("make_date", {I(2019), I(2), I(29)}), Zone("UTC", false)), "NULL");
  ExprPtr sec = Lit(Value::Decimal(45887000), DataType::Decimal(16, 6));
  EXPECT_EQ(Str(F("make_timestamp", {I(2014), I(12), I(28), I(6), I(30), sec})), "2014-12-28 06:30:45.887");
  ExprPtr sixty = Lit(Value::Decimal(60000000), DataType::Decimal(16, 6));
  EXPECT_EQ(Str(F("make_timestamp", {I(2019), I(6), I(30), I(23), I(59), sixty})), "2019-07-01 00:00:00");
  EXPECT_EQ(Str(F("make_timestamp", {I(2014), I(12), I(28), I(6), I(30), sec, S("America/Los_Angeles")})),
            "2014-12-28 14:30:45.887");
  ErrorOf([&] { Str(F("make_timestamp", {I(2014), I(12), I(28), I(25), I(30), sec})); }, "DATETIME_FIELD_OUT_OF_BOUNDS");
}

TEST(DatetimeFunctionsTest, ZoneShifts) {
  EXPECT_EQ(Str(F("from_utc_timestamp", {S("2016-08-31"), S("Asia/Seoul")})), "2016-08-31 09:00:00");
  EXPECT_EQ(Str(F("to_utc_timestamp", {S("2016-08-31"), S("Asia/Seoul")})), "2016-08-30 15:00:00");
  EXPECT_EQ(Str(F("from_utc_timestamp", {S("2024-07-01 12:00:00"), S("America/Los_Angeles")})), "2024-07-01 05:00:00");
}

TEST(DatetimeFunctionsTest, EvaluatesOverColumnsWithNulls) {
  auto batch = MakeBatch("d DATE, n INT", {Row{Value(int64_t{16647}), Value(1)}, Row{Value(), Value(2)},
                                             Row{Value(int64_t{16647}), Value()}});
  auto out = EvalValues(F("date_add", {Col("d"), Col("n")}), *batch);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], Value(int64_t{16648}));
  EXPECT_TRUE(out[1].is_null());
  EXPECT_TRUE(out[2].is_null());
}

TEST(DatetimeFunctionsTest, ChecksArguments) {
  ErrorOf([] { Str(F("year", {S("2016-07-30"), S("x")})); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
  ErrorOf([] { Str(F("months_between", {S("2016-07-30")})); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
}

}  // namespace
}  // namespace lakestream
