// Datetime functions, part two: formatting and parsing with datetime patterns
// (date_format, to_timestamp, to_date, unix_timestamp, from_unixtime).
#include <memory>
#include <string>

#include "expr/cast.h"
#include "expr/datetime_format.h"
#include "expr/function_registry.h"
#include "expr/functions/calendar.h"
#include "expr/functions/datetime_families.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

using calendar::FloorDiv;
using calendar::kMicrosPerDay;
using calendar::kMicrosPerSecond;

constexpr const char* kDefaultTimestampPattern = "yyyy-MM-dd HH:mm:ss";

// The format argument is almost always a literal: remember the last compiled
// pattern so a batch compiles (and locks the global cache) once.
class PatternCache {
 public:
  const DatetimeFormat& Get(std::string_view pattern) {
    if (!format_ || pattern != pattern_) {
      format_ = DatetimeFormat::Compile(pattern);
      pattern_ = std::string(pattern);
    }
    return *format_;
  }

 private:
  std::string pattern_;
  std::shared_ptr<const DatetimeFormat> format_;
};

[[noreturn]] void ThrowCannotParse(std::string_view text, std::string_view pattern, const char* try_name) {
  throw UserError("CANNOT_PARSE_TIMESTAMP", "22007",
                  "Text '" + std::string(text) + "' could not be parsed with pattern '" + std::string(pattern) +
                      "'. Use `" + try_name + "` to tolerate invalid input string and return NULL instead.");
}

// Parses text with a pattern: NULL on failure unless `fail` (ANSI, not a try_ function).
std::optional<int64_t> ParseWithPattern(PatternCache& cache, std::string_view text, std::string_view pattern,
                                        const TimeZone& tz, bool fail, const char* try_name) {
  auto micros = cache.Get(pattern).ParseTimestamp(text, tz);
  if (!micros && fail) ThrowCannotParse(text, pattern, try_name);
  return micros;
}

bool IsDatetimeType(const DataTypePtr& t) { return t->id() == TypeId::kDate || t->IsTimestampLike(); }

// to_timestamp / try_to_timestamp / to_date: strings are parsed, datetimes converted by CAST.
BoundScalarFunction BindParse(const std::string& name, const std::vector<DataTypePtr>& args, DataTypePtr result,
                              bool is_try) {
  signature::CheckArgCount(name, args.size(), 1, 2);
  BoundScalarFunction f;
  f.return_type = result;
  if (IsDatetimeType(args[0])) {
    // A date or timestamp input ignores the pattern, as Spark does: the binder's cast is the result.
    f.arg_types = {result};
    if (args.size() == 2) f.arg_types.push_back(DataType::String());
    f.kernel = [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) { return a[0]; };
    return f;
  }
  f.arg_types = {DataType::String()};
  if (args.size() == 1) {
    // Without a pattern Spark's to_timestamp(s) is CAST(s AS TIMESTAMP), errors included.
    f.kernel = [result, is_try](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
      return CastArray(a[0], result, is_try, ctx);
    };
    return f;
  }
  f.arg_types.push_back(DataType::String());
  bool to_date = result->id() == TypeId::kDate;
  const char* try_name = to_date ? "try_to_date" : "try_to_timestamp";
  f.kernel = [is_try, to_date, try_name](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
    const TimeZone& tz = calendar::ZoneOf(ctx);
    PatternCache cache;
    bool fail = ctx.ansi && !is_try;
    if (to_date) {
      // Spark's to_date(s, fmt) is CAST(to_timestamp(s, fmt) AS DATE) in the session zone.
      return MapBinary<int32_t, std::string_view, std::string_view>(
          a[0], a[1], DataType::Date(), [&](std::string_view s, std::string_view p) -> std::optional<int32_t> {
            auto micros = ParseWithPattern(cache, s, p, tz, fail, try_name);
            if (!micros) return std::nullopt;
            return calendar::LocalDays(*micros, tz);
          });
    }
    return MapBinary<int64_t, std::string_view, std::string_view>(
        a[0], a[1], DataType::Timestamp(),
        [&](std::string_view s, std::string_view p) { return ParseWithPattern(cache, s, p, tz, fail, try_name); });
  };
  return f;
}

// unix_timestamp / to_unix_timestamp: seconds since the epoch of a string, date or timestamp.
BoundScalarFunction BindUnixTimestamp(const std::string& name, const std::vector<DataTypePtr>& args,
                                      size_t min_args) {
  signature::CheckArgCount(name, args.size(), min_args, 2);
  BoundScalarFunction f;
  f.return_type = DataType::Long();
  if (args.empty()) {
    f.deterministic = false;
    f.kernel = [](const std::vector<ArrayPtr>&, int64_t rows, const EvalContext& ctx) {
      return MakeConstantArray(DataType::Long(), Value(FloorDiv(ctx.query_start_micros, kMicrosPerSecond)), rows);
    };
    return f;
  }
  TypeId in = args[0]->id();
  if (in == TypeId::kDate || in == TypeId::kTimestamp || in == TypeId::kTimestampNtz) {
    f.arg_types = {args[0]};
    if (args.size() == 2) f.arg_types.push_back(DataType::String());
    f.kernel = [in](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
      const TimeZone& tz = calendar::ZoneOf(ctx);
      if (in == TypeId::kDate) {
        return MapUnary<int64_t, int32_t>(a[0], DataType::Long(), [&](int32_t d) {
          return FloorDiv(tz.LocalMicrosToUtc(int64_t{d} * kMicrosPerDay), kMicrosPerSecond);
        });
      }
      return MapUnary<int64_t, int64_t>(a[0], DataType::Long(),
                                        [](int64_t ts) { return FloorDiv(ts, kMicrosPerSecond); });
    };
    return f;
  }
  f.arg_types = {DataType::String(), DataType::String()};
  bool has_pattern = args.size() == 2;
  if (!has_pattern) f.arg_types.pop_back();
  f.kernel = [has_pattern](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext& ctx) {
    const TimeZone& tz = calendar::ZoneOf(ctx);
    PatternCache cache;
    ArrayPtr pattern = has_pattern ? a[1] : MakeConstantArray(DataType::String(), Value(kDefaultTimestampPattern), rows);
    return MapBinary<int64_t, std::string_view, std::string_view>(
        a[0], pattern, DataType::Long(), [&](std::string_view s, std::string_view p) -> std::optional<int64_t> {
          auto micros = ParseWithPattern(cache, s, p, tz, ctx.ansi, "try_to_timestamp");
          if (!micros) return std::nullopt;
          return FloorDiv(*micros, kMicrosPerSecond);
        });
  };
  return f;
}

BoundScalarFunction BindDateFormat(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("date_format", args.size(), 2, 2);
  bool ntz = args[0]->id() == TypeId::kTimestampNtz;
  BoundScalarFunction f;
  f.arg_types = {ntz ? DataType::TimestampNtz() : DataType::Timestamp(), DataType::String()};
  f.return_type = DataType::String();
  f.kernel = [ntz](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
    // TIMESTAMP_NTZ values are wall-clock times already: format them as UTC.
    const TimeZone& tz = ntz ? *TimeZone::Utc() : calendar::ZoneOf(ctx);
    PatternCache cache;
    return MapBinary<std::string, int64_t, std::string_view>(
        a[0], a[1], DataType::String(),
        [&](int64_t ts, std::string_view p) { return cache.Get(p).FormatTimestamp(ts, tz); });
  };
  return f;
}

BoundScalarFunction BindFromUnixTime(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("from_unixtime", args.size(), 1, 2);
  BoundScalarFunction f;
  f.arg_types = {DataType::Long()};
  if (args.size() == 2) f.arg_types.push_back(DataType::String());
  f.return_type = DataType::String();
  f.kernel = [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext& ctx) {
    const TimeZone& tz = calendar::ZoneOf(ctx);
    PatternCache cache;
    ArrayPtr pattern = a.size() == 2 ? a[1] : MakeConstantArray(DataType::String(), Value(kDefaultTimestampPattern), rows);
    return MapBinary<std::string, int64_t, std::string_view>(
        a[0], pattern, DataType::String(), [&](int64_t secs, std::string_view p) -> std::optional<std::string> {
          int64_t micros;
          if (__builtin_mul_overflow(secs, kMicrosPerSecond, &micros)) return std::nullopt;
          return cache.Get(p).FormatTimestamp(micros, tz);
        });
  };
  return f;
}

}  // namespace

void RegisterDatetimeParseFunctions(FunctionRegistry& r) {
  r.AddScalar({"date_format",
               {"date_format(timestamp, fmt) - Converts timestamp to a value of string in the format specified by "
                "the date format fmt.",
                "SELECT date_format('2016-04-08', 'y'); -- 2016"},
               BindDateFormat});
  r.AddScalar({"to_timestamp",
               {"to_timestamp(timestamp_str[, fmt]) - Parses the timestamp_str expression with the fmt expression "
                "to a timestamp. Invalid input raises CANNOT_PARSE_TIMESTAMP in ANSI mode.",
                "SELECT to_timestamp('2016-12-31', 'yyyy-MM-dd'); -- 2016-12-31 00:00:00"},
               [](const std::vector<DataTypePtr>& args) {
                 return BindParse("to_timestamp", args, DataType::Timestamp(), false);
               }});
  r.AddScalar({"try_to_timestamp",
               {"try_to_timestamp(timestamp_str[, fmt]) - Like to_timestamp, but returns NULL on invalid input.",
                "SELECT try_to_timestamp('foo', 'yyyy-MM-dd'); -- NULL"},
               [](const std::vector<DataTypePtr>& args) {
                 return BindParse("try_to_timestamp", args, DataType::Timestamp(), true);
               }});
  r.AddScalar({"to_date",
               {"to_date(date_str[, fmt]) - Parses the date_str expression with the fmt expression to a date. "
                "Invalid input raises CANNOT_PARSE_TIMESTAMP in ANSI mode.",
                "SELECT to_date('2016-12-31', 'yyyy-MM-dd'); -- 2016-12-31"},
               [](const std::vector<DataTypePtr>& args) {
                 return BindParse("to_date", args, DataType::Date(), false);
               }});
  r.AddScalar({"try_to_date",
               {"try_to_date(date_str[, fmt]) - Like to_date, but returns NULL on invalid input.",
                "SELECT try_to_date('foo', 'yyyy-MM-dd'); -- NULL"},
               [](const std::vector<DataTypePtr>& args) { return BindParse("try_to_date", args, DataType::Date(), true); }});
  r.AddScalar({"unix_timestamp",
               {"unix_timestamp([timeExp[, fmt]]) - Returns the UNIX timestamp of current or specified time.",
                "SELECT unix_timestamp('2016-04-08', 'yyyy-MM-dd'); -- 1460073600"},
               [](const std::vector<DataTypePtr>& args) { return BindUnixTimestamp("unix_timestamp", args, 0); }});
  r.AddScalar({"to_unix_timestamp",
               {"to_unix_timestamp(timeExp[, fmt]) - Returns the UNIX timestamp of the given time.",
                "SELECT to_unix_timestamp('2016-04-08', 'yyyy-MM-dd'); -- 1460073600"},
               [](const std::vector<DataTypePtr>& args) { return BindUnixTimestamp("to_unix_timestamp", args, 1); }});
  r.AddScalar({"from_unixtime",
               {"from_unixtime(unix_time[, fmt]) - Returns unix_time in the specified fmt.",
                "SELECT from_unixtime(0, 'yyyy-MM-dd HH:mm:ss'); -- 1970-01-01 00:00:00 (session time zone UTC)"},
               BindFromUnixTime});
}

}  // namespace lakestream
