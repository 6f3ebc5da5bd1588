// Datetime functions, part four: conversions between timestamps, dates and
// epoch numbers (timestamp_seconds, unix_micros, unix_date, ...) and between
// time zones (from_utc_timestamp, to_utc_timestamp).
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
using calendar::kMicrosPerSecond;

std::optional<int64_t> Overflow(const EvalContext& ctx) {
  if (ctx.ansi) throw UserError("ARITHMETIC_OVERFLOW", "22003", "long overflow. Use 'try_add' to tolerate overflow "
                                "and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to "
                                "bypass this error.");
  return std::nullopt;
}

// timestamp_seconds/millis/micros: an epoch count scaled to microseconds.
void RegisterFromEpoch(FunctionRegistry& r, const std::string& name, int64_t micros_per_unit, const std::string& usage,
                       const std::string& example) {
  r.AddScalar({name, {usage, example}, [name, micros_per_unit](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount(name, args.size(), 1, 1);
                 // Only timestamp_seconds takes fractions (Spark accepts DOUBLE/DECIMAL there).
                 bool fractional = micros_per_unit == kMicrosPerSecond && (args[0]->IsFloating() || args[0]->id() == TypeId::kDecimal);
                 BoundScalarFunction f;
                 f.arg_types = {fractional ? DataType::Double() : DataType::Long()};
                 f.return_type = DataType::Timestamp();
                 f.kernel = [fractional, micros_per_unit](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
                   if (fractional) {
                     return MapUnary<int64_t, double>(a[0], DataType::Timestamp(), [&](double s) -> std::optional<int64_t> {
                       if (!std::isfinite(s)) return std::nullopt;
                       double micros = std::trunc(s * static_cast<double>(kMicrosPerSecond));
                       if (micros >= 9.2233720368547758e18 || micros < -9.2233720368547758e18) return Overflow(ctx);
                       return static_cast<int64_t>(micros);
                     });
                   }
                   return MapUnary<int64_t, int64_t>(a[0], DataType::Timestamp(), [&](int64_t v) -> std::optional<int64_t> {
                     int64_t micros;
                     if (__builtin_mul_overflow(v, micros_per_unit, &micros)) return Overflow(ctx);
                     return micros;
                   });
                 };
                 return f;
               }});
}

// unix_seconds/millis/micros: a timestamp as an epoch count, rounded toward negative infinity.
void RegisterToEpoch(FunctionRegistry& r, const std::string& name, int64_t micros_per_unit, const std::string& usage,
                     const std::string& example) {
  r.AddScalar({name, {usage, example}, [name, micros_per_unit](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount(name, args.size(), 1, 1);
                 BoundScalarFunction f;
                 f.arg_types = {DataType::Timestamp()};
                 f.return_type = DataType::Long();
                 f.kernel = [micros_per_unit](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                   return MapUnary<int64_t, int64_t>(a[0], DataType::Long(),
                                                     [&](int64_t ts) { return FloorDiv(ts, micros_per_unit); });
                 };
                 return f;
               }});
}

// from_utc_timestamp / to_utc_timestamp: shift a timestamp by a zone's offset.
void RegisterZoneShift(FunctionRegistry& r, const std::string& name, bool from_utc, const std::string& usage,
                       const std::string& example) {
  r.AddScalar({name, {usage, example}, [name, from_utc](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount(name, args.size(), 2, 2);
                 BoundScalarFunction f;
                 f.arg_types = {DataType::Timestamp(), DataType::String()};
                 f.return_type = DataType::Timestamp();
                 f.kernel = [from_utc](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                   const TimeZone* zone = nullptr;
                   std::string zone_name;
                   return MapBinary<int64_t, int64_t, std::string_view>(
                       a[0], a[1], DataType::Timestamp(), [&](int64_t ts, std::string_view z) {
                         if (zone == nullptr || z != zone_name) {
                           zone = TimeZone::Find(z);
                           zone_name = std::string(z);
                         }
                         return from_utc ? zone->UtcMicrosToLocal(ts) : zone->LocalMicrosToUtc(ts);
                       });
                 };
                 return f;
               }});
}

}  // namespace

void RegisterDatetimeConversionFunctions(FunctionRegistry& r) {
  RegisterFromEpoch(r, "timestamp_seconds", kMicrosPerSecond,
                    "timestamp_seconds(seconds) - Creates timestamp from the number of seconds (can be fractional) "
                    "since UTC epoch.",
                    "SELECT timestamp_seconds(1230219000); -- 2008-12-25 15:30:00 (session time zone UTC)");
  RegisterFromEpoch(r, "timestamp_millis", calendar::kMicrosPerMilli,
                    "timestamp_millis(milliseconds) - Creates timestamp from the number of milliseconds since UTC epoch.",
                    "SELECT timestamp_millis(1230219000123); -- 2008-12-25 15:30:00.123 (session time zone UTC)");
  RegisterFromEpoch(r, "timestamp_micros", 1,
                    "timestamp_micros(microseconds) - Creates timestamp from the number of microseconds since UTC epoch.",
                    "SELECT timestamp_micros(1230219000123123); -- 2008-12-25 15:30:00.123123 (session time zone UTC)");
  RegisterToEpoch(r, "unix_seconds", kMicrosPerSecond,
                  "unix_seconds(timestamp) - Returns the number of seconds since 1970-01-01 00:00:00 UTC.",
                  "SELECT unix_seconds(TIMESTAMP('1970-01-01 00:00:01Z')); -- 1");
  RegisterToEpoch(r, "unix_millis", calendar::kMicrosPerMilli,
                  "unix_millis(timestamp) - Returns the number of milliseconds since 1970-01-01 00:00:00 UTC.",
                  "SELECT unix_millis(TIMESTAMP('1970-01-01 00:00:01Z')); -- 1000");
  RegisterToEpoch(r, "unix_micros", 1,
                  "unix_micros(timestamp) - Returns the number of microseconds since 1970-01-01 00:00:00 UTC.",
                  "SELECT unix_micros(TIMESTAMP('1970-01-01 00:00:01Z')); -- 1000000");

  r.AddScalar({"unix_date",
               {"unix_date(date) - Returns the number of days since 1970-01-01.", "SELECT unix_date(DATE('1970-01-02')); -- 1"},
               [](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount("unix_date", args.size(), 1, 1);
                 // DATE and INT share the int32 layout: the value passes through unchanged.
                 return BoundScalarFunction{{DataType::Date()}, DataType::Int(),
                                            [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                                              return MapUnary<int32_t, int32_t>(a[0], DataType::Int(), [](int32_t d) { return d; });
                                            },
                                            true};
               }});
  r.AddScalar({"date_from_unix_date",
               {"date_from_unix_date(days) - Create date from the number of days since 1970-01-01.",
                "SELECT date_from_unix_date(1); -- 1970-01-02"},
               [](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount("date_from_unix_date", args.size(), 1, 1);
                 return BoundScalarFunction{{DataType::Int()}, DataType::Date(),
                                            [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                                              return MapUnary<int32_t, int32_t>(a[0], DataType::Date(), [](int32_t d) { return d; });
                                            },
                                            true};
               }});

  RegisterZoneShift(r, "from_utc_timestamp", true,
                    "from_utc_timestamp(timestamp, timezone) - Given a timestamp like '2017-07-14 02:40:00.0', "
                    "interprets it as a time in UTC, and renders that time as a timestamp in the given time zone.",
                    "SELECT from_utc_timestamp('2016-08-31', 'Asia/Seoul'); -- 2016-08-31 09:00:00");
  RegisterZoneShift(r, "to_utc_timestamp", false,
                    "to_utc_timestamp(timestamp, timezone) - Given a timestamp like '2017-07-14 02:40:00.0', "
                    "interprets it as a time in the given time zone, and renders that time as a timestamp in UTC.",
                    "SELECT to_utc_timestamp('2016-08-31', 'Asia/Seoul'); -- 2016-08-30 15:00:00");
}

}  // namespace lakestream
