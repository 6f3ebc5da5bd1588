// Datetime functions, part three: calendar arithmetic (date_add, datediff,
// add_months, months_between, last_day, next_day, trunc, date_trunc) and
// construction from fields (make_date, make_timestamp).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "expr/function_registry.h"
#include "expr/functions/calendar.h"
#include "expr/functions/datetime_families.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

using calendar::FloorDiv;
using calendar::FloorMod;
using calendar::kMicrosPerDay;
using calendar::kMicrosPerSecond;

std::string Upper(std::string_view s) {
  std::string u(s);
  std::transform(u.begin(), u.end(), u.begin(), [](unsigned char c) { return std::toupper(c); });
  return u;
}

ScalarFunction Fixed(std::string name, FunctionDoc doc, std::vector<DataTypePtr> arg_types, DataTypePtr result,
                     ScalarKernel kernel) {
  ScalarFunction f;
  f.name = name;
  f.doc = std::move(doc);
  f.bind = [name, arg_types, result, kernel](const std::vector<DataTypePtr>& args) {
    signature::CheckArgCount(name, args.size(), arg_types.size(), arg_types.size());
    return BoundScalarFunction{arg_types, result, kernel, true};
  };
  return f;
}

[[noreturn]] void ThrowOutOfBounds(const std::string& what) {
  throw UserError("DATETIME_FIELD_OUT_OF_BOUNDS", "22023",
                  what + ". If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
}

std::optional<int32_t> CheckedDays(int64_t days, const EvalContext& ctx) {
  if (days >= INT32_MIN && days <= INT32_MAX) return static_cast<int32_t>(days);
  if (ctx.ansi) throw UserError("ARITHMETIC_OVERFLOW", "22003", "integer overflow in date arithmetic.");
  return std::nullopt;
}

ArrayPtr DateAddKernel(const std::vector<ArrayPtr>& a, const EvalContext& ctx, int sign) {
  return MapBinary<int32_t, int32_t, int32_t>(a[0], a[1], DataType::Date(), [&](int32_t d, int32_t n) {
    return CheckedDays(int64_t{d} + sign * int64_t{n}, ctx);
  });
}

// Spark's DateTimeUtils.monthsBetween: whole months when the days of month match
// or both are month ends, otherwise a fraction over a 31-day month.
double MonthsBetween(int64_t t1, int64_t t2, bool round_off, const TimeZone& tz) {
  int64_t l1 = tz.UtcMicrosToLocal(t1), l2 = tz.UtcMicrosToLocal(t2);
  int32_t d1 = static_cast<int32_t>(FloorDiv(l1, kMicrosPerDay)), d2 = static_cast<int32_t>(FloorDiv(l2, kMicrosPerDay));
  calendar::Ymd a = calendar::SplitDays(d1), b = calendar::SplitDays(d2);
  double month_diff = static_cast<double>((a.year * 12 + a.month) - (b.year * 12 + b.month));
  bool both_end = a.day == calendar::DaysInMonth(a.year, a.month) && b.day == calendar::DaysInMonth(b.year, b.month);
  if (a.day == b.day || both_end) return month_diff;
  // Seconds, not micros: Hive's precision, which Spark keeps.
  int64_t s1 = FloorMod(l1, kMicrosPerDay) / kMicrosPerSecond, s2 = FloorMod(l2, kMicrosPerDay) / kMicrosPerSecond;
  int64_t seconds_diff = int64_t{a.day - b.day} * calendar::kSecondsPerDay + s1 - s2;
  double diff = month_diff + static_cast<double>(seconds_diff) / (31.0 * calendar::kSecondsPerDay);
  return round_off ? std::round(diff * 1e8) / 1e8 : diff;
}

// 1 = Monday .. 7 = Sunday, or 0 when not a day name (next_day's accepted spellings).
int ParseDayOfWeek(std::string_view s) {
  std::string u = Upper(s);
  static const char* const kNames[7][3] = {{"MO", "MON", "MONDAY"},   {"TU", "TUE", "TUESDAY"}, {"WE", "WED", "WEDNESDAY"},
                                           {"TH", "THU", "THURSDAY"}, {"FR", "FRI", "FRIDAY"},  {"SA", "SAT", "SATURDAY"},
                                           {"SU", "SUN", "SUNDAY"}};
  for (int i = 0; i < 7; ++i) {
    for (const char* n : kNames[i]) {
      if (u == n) return i + 1;
    }
  }
  return 0;
}

enum class TruncLevel { kInvalid, kMicrosecond, kMillisecond, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kQuarter, kYear };

TruncLevel ParseTruncLevel(std::string_view fmt) {
  std::string u = Upper(fmt);
  if (u == "YEAR" || u == "YYYY" || u == "YY") return TruncLevel::kYear;
  if (u == "QUARTER") return TruncLevel::kQuarter;
  if (u == "MONTH" || u == "MM" || u == "MON") return TruncLevel::kMonth;
  if (u == "WEEK") return TruncLevel::kWeek;
  if (u == "DAY" || u == "DD") return TruncLevel::kDay;
  if (u == "HOUR") return TruncLevel::kHour;
  if (u == "MINUTE") return TruncLevel::kMinute;
  if (u == "SECOND") return TruncLevel::kSecond;
  if (u == "MILLISECOND") return TruncLevel::kMillisecond;
  if (u == "MICROSECOND") return TruncLevel::kMicrosecond;
  return TruncLevel::kInvalid;
}

// Truncates a date to WEEK (Monday), MONTH, QUARTER or YEAR.
int32_t TruncDate(int32_t days, TruncLevel level) {
  calendar::Ymd d = calendar::SplitDays(days);
  switch (level) {
    case TruncLevel::kWeek: return days - (calendar::IsoDayOfWeek(days) - 1);
    case TruncLevel::kMonth: return DaysFromCivil(d.year, static_cast<unsigned>(d.month), 1);
    case TruncLevel::kQuarter: return DaysFromCivil(d.year, static_cast<unsigned>((d.month - 1) / 3 * 3 + 1), 1);
    case TruncLevel::kYear: return DaysFromCivil(d.year, 1, 1);
    default: return days;
  }
}

std::optional<int64_t> TruncTimestamp(int64_t ts, TruncLevel level, const TimeZone& tz) {
  switch (level) {
    case TruncLevel::kInvalid: return std::nullopt;
    case TruncLevel::kMicrosecond: return ts;
    // Zone offsets are whole seconds, so these truncate the same in UTC.
    case TruncLevel::kMillisecond: return ts - FloorMod(ts, calendar::kMicrosPerMilli);
    case TruncLevel::kSecond: return ts - FloorMod(ts, kMicrosPerSecond);
    case TruncLevel::kMinute:
    case TruncLevel::kHour: {
      // ZonedDateTime.truncatedTo keeps the current offset when it is still valid
      // (the second 01:xx of a DST fall-back stays in standard time).
      int64_t unit = (level == TruncLevel::kHour ? 3600 : 60) * kMicrosPerSecond;
      int32_t offset = tz.OffsetAtUtc(FloorDiv(ts, kMicrosPerSecond));
      int64_t local = ts + int64_t{offset} * kMicrosPerSecond;
      int64_t truncated = local - FloorMod(local, unit);
      int64_t candidate = truncated - int64_t{offset} * kMicrosPerSecond;
      if (tz.OffsetAtUtc(FloorDiv(candidate, kMicrosPerSecond)) == offset) return candidate;
      return tz.LocalMicrosToUtc(truncated);
    }
    default: {
      int32_t days = calendar::LocalDays(ts, tz);
      return tz.LocalMicrosToUtc(int64_t{TruncDate(days, level)} * kMicrosPerDay);
    }
  }
}

std::optional<int32_t> MakeDate(int32_t y, int32_t m, int32_t d, const EvalContext& ctx) {
  if (m < 1 || m > 12 || d < 1 || d > calendar::DaysInMonth(y, m) || y < -290000 || y > 294000) {
    if (!ctx.ansi) return std::nullopt;
    if (m < 1 || m > 12) ThrowOutOfBounds("Invalid value for MonthOfYear (valid values 1 - 12): " + std::to_string(m));
    if (d < 1 || d > 31) ThrowOutOfBounds("Invalid value for DayOfMonth (valid values 1 - 28/31): " + std::to_string(d));
    if (d > calendar::DaysInMonth(y, m)) ThrowOutOfBounds("Invalid date '" + std::to_string(d) + "' for month " + std::to_string(m));
    ThrowOutOfBounds("Invalid value for Year: " + std::to_string(y));
  }
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// make_timestamp(year, month, day, hour, min, sec DECIMAL(16,6)[, timezone]).
ArrayPtr MakeTimestampKernel(const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext& ctx) {
  PrimitiveBuilder<int64_t> out(DataType::Timestamp(), rows);
  for (int64_t i = 0; i < rows; ++i) {
    bool null = false;
    for (const auto& arg : a) null = null || arg->IsNull(i);
    if (null) {
      out.AppendNull();
      continue;
    }
    int32_t fields[5];
    for (int k = 0; k < 5; ++k) fields[k] = a[k]->values<int32_t>()[i];
    int128_t sec_unscaled = a[5]->values<int128_t>()[i];
    const TimeZone& tz = a.size() == 7 ? *TimeZone::Find(a[6]->GetView(i)) : calendar::ZoneOf(ctx);
    auto days = MakeDate(fields[0], fields[1], fields[2], ctx);
    int64_t secs = static_cast<int64_t>(sec_unscaled / 1000000), micros = static_cast<int64_t>(sec_unscaled % 1000000);
    bool bad_time = fields[3] < 0 || fields[3] > 23 || fields[4] < 0 || fields[4] > 59 || sec_unscaled < 0 || secs > 60 ||
                    (secs == 60 && micros != 0);
    if (!days || bad_time) {
      if (ctx.ansi && bad_time) {
        ThrowOutOfBounds(secs == 60 ? "The fraction of sec must be zero. Valid range is [0, 60]"
                                    : "Invalid value for hour, minute or second: " + std::to_string(fields[3]) + ":" +
                                          std::to_string(fields[4]) + ":" + std::to_string(secs));
      }
      out.AppendNull();
      continue;
    }
    // sec = 60 rolls over to the next minute, as Spark allows for leap seconds.
    int64_t local = int64_t{*days} * kMicrosPerDay + ((int64_t{fields[3]} * 60 + fields[4]) * 60 + secs) * kMicrosPerSecond + micros;
    out.Append(tz.LocalMicrosToUtc(local));
  }
  return out.Finish();
}

}  // namespace

void RegisterDatetimeArithmeticFunctions(FunctionRegistry& r) {
  auto date = DataType::Date();
  auto ts = DataType::Timestamp();
  auto i32 = DataType::Int();
  auto str = DataType::String();

  r.AddScalar(Fixed("date_add", {"date_add(start_date, num_days) - Returns the date that is num_days after start_date.",
                                 "SELECT date_add('2016-07-30', 1); -- 2016-07-31"},
                    {date, i32}, date,
                    [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) { return DateAddKernel(a, ctx, 1); }));
  r.AddAlias("dateadd", "date_add");
  r.AddScalar(Fixed("date_sub", {"date_sub(start_date, num_days) - Returns the date that is num_days before start_date.",
                                 "SELECT date_sub('2016-07-30', 1); -- 2016-07-29"},
                    {date, i32}, date,
                    [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) { return DateAddKernel(a, ctx, -1); }));
  r.AddScalar(Fixed("datediff", {"datediff(endDate, startDate) - Returns the number of days from startDate to endDate.",
                                 "SELECT datediff('2009-07-31', '2009-07-30'); -- 1"},
                    {date, date}, i32, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                      return MapBinary<int32_t, int32_t, int32_t>(a[0], a[1], DataType::Int(),
                                                                  [](int32_t e, int32_t s) { return e - s; });
                    }));
  r.AddAlias("date_diff", "datediff");
  r.AddScalar(Fixed("add_months",
                    {"add_months(start_date, num_months) - Returns the date that is num_months after start_date.",
                     "SELECT add_months('2016-08-31', 1); -- 2016-09-30"},
                    {date, i32}, date, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
                      return MapBinary<int32_t, int32_t, int32_t>(a[0], a[1], DataType::Date(), [&](int32_t d, int32_t n) {
                        calendar::Ymd ymd = calendar::SplitDays(d);
                        int64_t year = FloorDiv(ymd.year * 12 + ymd.month - 1 + n, 12);
                        if (year < -290000 || year > 294000) return CheckedDays(int64_t{INT32_MAX} + 1, ctx);
                        return std::optional<int32_t>(calendar::AddMonths(d, n));
                      });
                    }));
  r.AddScalar({"months_between",
               {"months_between(timestamp1, timestamp2[, roundOff]) - Returns the number of months between "
                "timestamp1 and timestamp2, rounded to 8 digits unless roundOff=false.",
                "SELECT months_between('1997-02-28 10:30:00', '1996-10-30'); -- 3.94959677"},
               [](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount("months_between", args.size(), 2, 3);
                 BoundScalarFunction f;
                 f.arg_types = {DataType::Timestamp(), DataType::Timestamp()};
                 if (args.size() == 3) f.arg_types.push_back(DataType::Boolean());
                 f.return_type = DataType::Double();
                 f.kernel = [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext& ctx) {
                   const TimeZone& tz = calendar::ZoneOf(ctx);
                   ArrayPtr round = a.size() == 3 ? a[2] : MakeConstantArray(DataType::Boolean(), Value(true), rows);
                   return MapTernary<double, int64_t, int64_t, bool>(
                       a[0], a[1], round, DataType::Double(),
                       [&](int64_t t1, int64_t t2, bool r) { return MonthsBetween(t1, t2, r, tz); });
                 };
                 return f;
               }});
  r.AddScalar(Fixed("last_day", {"last_day(date) - Returns the last day of the month which the date belongs to.",
                                 "SELECT last_day('2009-01-12'); -- 2009-01-31"},
                    {date}, date, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                      return MapUnary<int32_t, int32_t>(a[0], DataType::Date(), [](int32_t d) {
                        calendar::Ymd ymd = calendar::SplitDays(d);
                        return d + calendar::DaysInMonth(ymd.year, ymd.month) - ymd.day;
                      });
                    }));
  r.AddScalar(Fixed("next_day",
                    {"next_day(start_date, day_of_week) - Returns the first date which is later than start_date and "
                     "named as indicated. Raises ILLEGAL_DAY_OF_WEEK for a bad name in ANSI mode.",
                     "SELECT next_day('2015-01-14', 'TU'); -- 2015-01-20"},
                    {date, str}, date, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
                      return MapBinary<int32_t, int32_t, std::string_view>(
                          a[0], a[1], DataType::Date(), [&](int32_t d, std::string_view name) -> std::optional<int32_t> {
                            int dow = ParseDayOfWeek(name);
                            if (dow == 0) {
                              if (!ctx.ansi) return std::nullopt;
                              throw UserError("ILLEGAL_DAY_OF_WEEK", "22009",
                                              "Illegal input for day of week: " + std::string(name) + ".");
                            }
                            int ahead = (dow - calendar::IsoDayOfWeek(d) + 7) % 7;
                            return d + (ahead == 0 ? 7 : ahead);
                          });
                    }));
  r.AddScalar(Fixed("trunc",
                    {"trunc(date, fmt) - Returns date with the time portion of the day truncated to the unit "
                     "specified by the format model fmt (YEAR, YYYY, YY, QUARTER, MONTH, MM, MON, WEEK).",
                     "SELECT trunc('2019-08-04', 'MM'); -- 2019-08-01"},
                    {date, str}, date, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                      return MapBinary<int32_t, int32_t, std::string_view>(
                          a[0], a[1], DataType::Date(), [](int32_t d, std::string_view fmt) -> std::optional<int32_t> {
                            TruncLevel level = ParseTruncLevel(fmt);
                            if (level < TruncLevel::kWeek) return std::nullopt;
                            return TruncDate(d, level);
                          });
                    }));
  r.AddScalar(Fixed("date_trunc",
                    {"date_trunc(fmt, ts) - Returns timestamp ts truncated to the unit specified by the format model "
                     "fmt (YEAR, YYYY, YY, QUARTER, MONTH, MM, MON, WEEK, DAY, DD, HOUR, MINUTE, SECOND, "
                     "MILLISECOND, MICROSECOND).",
                     "SELECT date_trunc('MM', '2015-03-05T09:32:05.359'); -- 2015-03-01 00:00:00"},
                    {str, ts}, ts, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
                      const TimeZone& tz = calendar::ZoneOf(ctx);
                      return MapBinary<int64_t, std::string_view, int64_t>(
                          a[0], a[1], DataType::Timestamp(), [&](std::string_view fmt, int64_t t) {
                            return TruncTimestamp(t, ParseTruncLevel(fmt), tz);
                          });
                    }));
  r.AddScalar(Fixed("make_date", {"make_date(year, month, day) - Create date from year, month and day fields.",
                                  "SELECT make_date(2013, 7, 15); -- 2013-07-15"},
                    {i32, i32, i32}, date, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
                      return MapTernary<int32_t, int32_t, int32_t, int32_t>(
                          a[0], a[1], a[2], DataType::Date(),
                          [&](int32_t y, int32_t m, int32_t d) { return MakeDate(y, m, d, ctx); });
                    }));
  r.AddScalar({"make_timestamp",
               {"make_timestamp(year, month, day, hour, min, sec[, timezone]) - Create timestamp from year, month, "
                "day, hour, min, sec and timezone fields.",
                "SELECT make_timestamp(2014, 12, 28, 6, 30, 45.887); -- 2014-12-28 06:30:45.887"},
               [](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount("make_timestamp", args.size(), 6, 7);
                 BoundScalarFunction f;
                 f.arg_types = {DataType::Int(), DataType::Int(), DataType::Int(),
                                DataType::Int(), DataType::Int(), DataType::Decimal(16, 6)};
                 if (args.size() == 7) f.arg_types.push_back(DataType::String());
                 f.return_type = DataType::Timestamp();
                 f.kernel = MakeTimestampKernel;
                 return f;
               }});
}

}  // namespace lakestream
