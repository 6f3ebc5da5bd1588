// Datetime functions, part one: the query's current time and field extraction
// (year(), hour(), date_part(), ...). Other parts live in datetime_*.cc and
// are registered from RegisterDatetimeFunctions below.
#include <algorithm>
#include <cctype>
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

// current_date() and friends are fixed for the whole query (ctx.query_start_micros),
// but not deterministic across queries, so the optimizer must not cache them.
void RegisterCurrentTime(FunctionRegistry& r, const std::string& name, const std::string& usage,
                         const std::string& example, DataTypePtr type,
                         Value (*compute)(const EvalContext& ctx)) {
  r.AddScalar({name, {usage, example}, [name, type, compute](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount(name, args.size(), 0, 0);
                 BoundScalarFunction f;
                 f.return_type = type;
                 f.deterministic = false;
                 f.kernel = [type, compute](const std::vector<ArrayPtr>&, int64_t rows, const EvalContext& ctx) {
                   return MakeConstantArray(type, compute(ctx), rows);
                 };
                 return f;
               }});
}

// A one-argument function of a DATE returning INT.
template <typename F>
void RegisterDateField(FunctionRegistry& r, const std::string& name, const std::string& usage,
                       const std::string& example, F field) {
  r.AddScalar({name, {usage, example}, [name, field](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount(name, args.size(), 1, 1);
                 BoundScalarFunction f;
                 f.arg_types = {DataType::Date()};
                 f.return_type = DataType::Int();
                 f.kernel = [field](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                   return MapUnary<int32_t, int32_t>(a[0], DataType::Int(), field);
                 };
                 return f;
               }});
}

// Local microseconds of a TIMESTAMP in the session zone, or of a TIMESTAMP_NTZ as is.
int64_t LocalMicros(int64_t micros, bool ntz, const EvalContext& ctx) {
  return ntz ? micros : calendar::ZoneOf(ctx).UtcMicrosToLocal(micros);
}

// A one-argument function of a TIMESTAMP(_NTZ) returning INT from its local time of day.
template <typename F>
void RegisterTimeField(FunctionRegistry& r, const std::string& name, const std::string& usage,
                       const std::string& example, F field) {
  r.AddScalar({name, {usage, example}, [name, field](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount(name, args.size(), 1, 1);
                 bool ntz = args[0]->id() == TypeId::kTimestampNtz;
                 BoundScalarFunction f;
                 f.arg_types = {ntz ? DataType::TimestampNtz() : DataType::Timestamp()};
                 f.return_type = DataType::Int();
                 f.kernel = [field, ntz](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
                   return MapUnary<int32_t, int64_t>(a[0], DataType::Int(), [&](int64_t ts) {
                     return field(FloorMod(LocalMicros(ts, ntz, ctx), kMicrosPerDay));
                   });
                 };
                 return f;
               }});
}

int32_t Year(int32_t d) { return static_cast<int32_t>(calendar::SplitDays(d).year); }
int32_t Quarter(int32_t d) { return (calendar::SplitDays(d).month - 1) / 3 + 1; }
int32_t Month(int32_t d) { return calendar::SplitDays(d).month; }
int32_t Day(int32_t d) { return calendar::SplitDays(d).day; }
int32_t DayOfWeek(int32_t d) { return calendar::IsoDayOfWeek(d) % 7 + 1; }  // 1 = Sunday
int32_t WeekDay(int32_t d) { return calendar::IsoDayOfWeek(d) - 1; }       // 0 = Monday
int32_t Hour(int64_t tod) { return static_cast<int32_t>(tod / (3600 * kMicrosPerSecond)); }
int32_t Minute(int64_t tod) { return static_cast<int32_t>(tod / (60 * kMicrosPerSecond) % 60); }
int32_t Second(int64_t tod) { return static_cast<int32_t>(tod / kMicrosPerSecond % 60); }

// date_part/extract fields (Spark's DatePart aliases).
int32_t ExtractField(std::string_view field, int64_t local_micros) {
  std::string f(field);
  std::transform(f.begin(), f.end(), f.begin(), [](unsigned char c) { return std::toupper(c); });
  int32_t days = static_cast<int32_t>(FloorDiv(local_micros, kMicrosPerDay));
  int64_t tod = FloorMod(local_micros, kMicrosPerDay);
  if (f == "YEAR" || f == "Y" || f == "YEARS" || f == "YR" || f == "YRS") return Year(days);
  if (f == "YEAROFWEEK") return static_cast<int32_t>(calendar::IsoWeekYear(days));
  if (f == "QUARTER" || f == "QTR") return Quarter(days);
  if (f == "MONTH" || f == "MON" || f == "MONS" || f == "MONTHS") return Month(days);
  if (f == "WEEK" || f == "W" || f == "WEEKS") return calendar::IsoWeekOfYear(days);
  if (f == "DAY" || f == "D" || f == "DAYS" || f == "DAYOFMONTH") return Day(days);
  if (f == "DAYOFWEEK" || f == "DOW") return DayOfWeek(days);
  if (f == "DAYOFWEEK_ISO" || f == "DOW_ISO") return calendar::IsoDayOfWeek(days);
  if (f == "DOY") return calendar::DayOfYear(days);
  if (f == "HOUR" || f == "H" || f == "HOURS" || f == "HR" || f == "HRS") return Hour(tod);
  if (f == "MINUTE" || f == "M" || f == "MIN" || f == "MINS" || f == "MINUTES") return Minute(tod);
  if (f == "SECOND" || f == "S" || f == "SEC" || f == "SECONDS" || f == "SECS") return Second(tod);
  throw UserError("INVALID_EXTRACT_FIELD", "42601",
                  "Cannot extract " + std::string(field) + " from the source; supported fields are YEAR, QUARTER, "
                  "MONTH, WEEK, DAY, DAYOFWEEK, DAYOFWEEK_ISO, DOY, HOUR, MINUTE, SECOND.");
}

// date_part(field, source). The binder passes types only, so the result type
// cannot depend on the field literal: every field yields INT, and SECOND is
// the whole seconds (Spark returns DECIMAL(8,6) with the fraction).
BoundScalarFunction BindDatePart(const std::string& name, const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount(name, args.size(), 2, 2);
  bool ntz = args[1]->id() == TypeId::kTimestampNtz;
  BoundScalarFunction f;
  f.arg_types = {DataType::String(), ntz ? DataType::TimestampNtz() : DataType::Timestamp()};
  f.return_type = DataType::Int();
  f.kernel = [ntz](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
    return MapBinary<int32_t, std::string_view, int64_t>(a[0], a[1], DataType::Int(),
                                                         [&](std::string_view field, int64_t ts) {
                                                           return ExtractField(field, LocalMicros(ts, ntz, ctx));
                                                         });
  };
  return f;
}

}  // namespace

void RegisterDatetimeFunctions(FunctionRegistry& r) {
  RegisterCurrentTime(r, "current_date", "current_date() - Returns the current date at the start of query evaluation.",
                      "SELECT current_date(); -- 2024-01-02", DataType::Date(), [](const EvalContext& ctx) {
                        return Value(int64_t{calendar::LocalDays(ctx.query_start_micros, calendar::ZoneOf(ctx))});
                      });
  RegisterCurrentTime(r, "current_timestamp",
                      "current_timestamp() - Returns the current timestamp at the start of query evaluation.",
                      "SELECT current_timestamp(); -- 2024-01-02 03:04:05.123456", DataType::Timestamp(),
                      [](const EvalContext& ctx) { return Value(ctx.query_start_micros); });
  r.AddAlias("now", "current_timestamp");
  RegisterCurrentTime(r, "localtimestamp",
                      "localtimestamp() - Returns the current timestamp without time zone at the start of query "
                      "evaluation.",
                      "SELECT localtimestamp(); -- 2024-01-02 03:04:05.123456", DataType::TimestampNtz(),
                      [](const EvalContext& ctx) {
                        return Value(calendar::ZoneOf(ctx).UtcMicrosToLocal(ctx.query_start_micros));
                      });
  RegisterCurrentTime(r, "current_timezone", "current_timezone() - Returns the current session local timezone.",
                      "SELECT current_timezone(); -- Asia/Shanghai", DataType::String(),
                      [](const EvalContext& ctx) { return Value(calendar::ZoneOf(ctx).name()); });

  RegisterDateField(r, "year", "year(date) - Returns the year component of the date/timestamp.",
                    "SELECT year('2016-07-30'); -- 2016", Year);
  RegisterDateField(r, "quarter", "quarter(date) - Returns the quarter of the year for date, in the range 1 to 4.",
                    "SELECT quarter('2016-08-31'); -- 3", Quarter);
  RegisterDateField(r, "month", "month(date) - Returns the month component of the date/timestamp.",
                    "SELECT month('2016-07-30'); -- 7", Month);
  RegisterDateField(r, "day", "day(date) - Returns the day of month of the date/timestamp.",
                    "SELECT day('2009-07-30'); -- 30", Day);
  r.AddAlias("dayofmonth", "day");
  RegisterDateField(r, "dayofweek",
                    "dayofweek(date) - Returns the day of the week for date/timestamp (1 = Sunday, 2 = Monday, ..., "
                    "7 = Saturday).",
                    "SELECT dayofweek('2009-07-30'); -- 5", DayOfWeek);
  RegisterDateField(r, "weekday",
                    "weekday(date) - Returns the day of the week for date/timestamp (0 = Monday, 1 = Tuesday, ..., "
                    "6 = Sunday).",
                    "SELECT weekday('2009-07-30'); -- 3", WeekDay);
  RegisterDateField(r, "dayofyear", "dayofyear(date) - Returns the day of year of the date/timestamp.",
                    "SELECT dayofyear('2016-04-09'); -- 100", calendar::DayOfYear);
  RegisterDateField(r, "weekofyear",
                    "weekofyear(date) - Returns the week of the year of the given date. A week is considered to start "
                    "on a Monday and week 1 is the first week with >3 days.",
                    "SELECT weekofyear('2008-02-20'); -- 8", calendar::IsoWeekOfYear);

  RegisterTimeField(r, "hour", "hour(timestamp) - Returns the hour component of the string/timestamp.",
                    "SELECT hour('2009-07-30 12:58:59'); -- 12", Hour);
  RegisterTimeField(r, "minute", "minute(timestamp) - Returns the minute component of the string/timestamp.",
                    "SELECT minute('2009-07-30 12:58:59'); -- 58", Minute);
  RegisterTimeField(r, "second", "second(timestamp) - Returns the second component of the string/timestamp.",
                    "SELECT second('2009-07-30 12:58:59'); -- 59", Second);

  for (const char* name : {"date_part", "datepart"}) {
    std::string n = name;
    r.AddScalar({n,
                 {n + "(field, source) - Extracts a part of the date/timestamp. field is one of YEAR, QUARTER, "
                      "MONTH, WEEK, DAY, DAYOFWEEK, DAYOFWEEK_ISO, DOY, HOUR, MINUTE, SECOND (and their aliases); "
                      "the result is an INT (SECOND gives whole seconds). Of an ANSI interval: YEAR, MONTH, DAY, HOUR, "
                      "MINUTE or SECOND (a DECIMAL(8,6)), one of the interval type's fields.",
                  "SELECT " + n + "('YEAR', TIMESTAMP '2019-08-12 01:00:00.123456'); -- 2019"},
                 [n](const std::vector<DataTypePtr>& args) { return BindDatePart(n, args); }});
  }

  RegisterDatetimeParseFunctions(r);
  RegisterDatetimeArithmeticFunctions(r);
  RegisterDatetimeConversionFunctions(r);
}

}  // namespace lakestream
