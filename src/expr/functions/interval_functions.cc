// make_dt_interval and make_ym_interval: ANSI intervals from their fields;
// date_part/EXTRACT of an interval's fields. Registered with the arithmetic
// operators (interval_arithmetic.h).
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>

#include "columnar/array_builder.h"
#include "expr/decimal_math.h"
#include "expr/functions/interval_arithmetic.h"
#include "expr/functions/signature_check.h"
#include "expr/interval_text.h"
#include "expr/kernel_builder.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

using int128 = __int128;

// Rows where every argument is set: f(row) gives the value; NULL otherwise.
template <typename T, typename F>
ArrayPtr BuildRows(const std::vector<ArrayPtr>& args, int64_t rows, const DataTypePtr& type, F&& f) {
  PrimitiveBuilder<T> b(type, rows);
  for (int64_t r = 0; r < rows; ++r) {
    bool null = false;
    for (const auto& a : args) null = null || a->IsNull(r);
    if (null) {
      b.AppendNull();
    } else {
      b.Append(f(r));
    }
  }
  return b.Finish();
}

BoundScalarFunction BindMakeDtInterval(const std::vector<DataTypePtr>& types) {
  signature::CheckArgCount("make_dt_interval", types.size(), 0, 4);
  BoundScalarFunction f;
  for (size_t i = 0; i < types.size(); ++i) f.arg_types.push_back(i < 3 ? DataType::Int() : DataType::Decimal(18, 6));
  f.return_type = DataType::DayTimeInterval();
  f.kernel = [](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    static const int64_t kUnit[] = {interval::kMicrosPerDay, interval::kMicrosPerHour, interval::kMicrosPerMinute};
    return BuildRows<int64_t>(args, rows, DataType::DayTimeInterval(), [&](int64_t r) {
      int128 total = 0;
      for (size_t i = 0; i < args.size(); ++i) {
        // Seconds are DECIMAL(18, 6): their unscaled value is microseconds.
        total += i < 3 ? int128{args[i]->values<int32_t>()[r]} * kUnit[i] : args[i]->values<int128>()[r];
      }
      if (total < INT64_MIN || total > INT64_MAX) ThrowArithmeticOverflow("long overflow", "");
      return static_cast<int64_t>(total);
    });
  };
  return f;
}

BoundScalarFunction BindMakeYmInterval(const std::vector<DataTypePtr>& types) {
  signature::CheckArgCount("make_ym_interval", types.size(), 0, 2);
  BoundScalarFunction f;
  f.arg_types.assign(types.size(), DataType::Int());
  f.return_type = DataType::YearMonthInterval();
  f.kernel = [](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    return BuildRows<int32_t>(args, rows, DataType::YearMonthInterval(), [&](int64_t r) {
      int64_t total = 0;
      if (!args.empty()) total += int64_t{args[0]->values<int32_t>()[r]} * 12;
      if (args.size() > 1) total += args[1]->values<int32_t>()[r];
      if (total < INT32_MIN || total > INT32_MAX) ThrowArithmeticOverflow("integer overflow", "");
      return static_cast<int32_t>(total);
    });
  };
  return f;
}

bool IsOneOf(const std::string& f, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return f == n; });
}

// The field's parts truncate toward zero as Spark's IntervalUtils do, so a
// negative interval gives negative parts.
BoundScalarFunction IntervalPart(const DataTypePtr& type, DataTypePtr out, int64_t unit, int64_t modulo) {
  BoundScalarFunction f;
  f.return_type = out;
  const bool months = type->id() == TypeId::kYearMonthInterval;
  f.kernel = [out, unit, modulo, months](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
    auto part = [unit, modulo](int64_t v) { return (modulo ? v % modulo : v) / unit; };
    switch (out->id()) {
      case TypeId::kByte:
        return months ? MapUnary<int8_t, int32_t>(a[1], out, [&](int32_t v) { return static_cast<int8_t>(part(v)); })
                      : MapUnary<int8_t, int64_t>(a[1], out, [&](int64_t v) { return static_cast<int8_t>(part(v)); });
      case TypeId::kInt:
        return months ? MapUnary<int32_t, int32_t>(a[1], out, [&](int32_t v) { return static_cast<int32_t>(part(v)); })
                      : MapUnary<int32_t, int64_t>(a[1], out, [&](int64_t v) { return static_cast<int32_t>(part(v)); });
      default:  // SECOND: DECIMAL(8, 6), whose unscaled value is the microseconds
        return MapUnary<int128, int64_t>(a[1], out, [&](int64_t v) { return int128{part(v)}; });
    }
  };
  return f;
}

}  // namespace

BoundScalarFunction BindIntervalExtract(const std::string& field, const DataTypePtr& type,
                                        const std::string& source_sql) {
  std::string f = field;
  std::transform(f.begin(), f.end(), f.begin(), [](unsigned char c) { return std::toupper(c); });
  const int start = type->start_field(), end = type->end_field();
  auto has = [&](int unit) { return start <= unit && unit <= end; };
  if (type->id() == TypeId::kYearMonthInterval) {
    using namespace IntervalField;
    if (IsOneOf(f, {"YEAR", "Y", "YEARS", "YR", "YRS"}) && has(kYear)) {
      return IntervalPart(type, DataType::Int(), 12, 0);
    }
    if (IsOneOf(f, {"MONTH", "MON", "MONS", "MONTHS"}) && has(kMonth)) {
      return IntervalPart(type, DataType::Byte(), 1, 12);
    }
  } else {
    using namespace IntervalField;
    if (IsOneOf(f, {"DAY", "D", "DAYS"}) && has(kDay)) {
      return IntervalPart(type, DataType::Int(), interval::kMicrosPerDay, 0);
    }
    if (IsOneOf(f, {"HOUR", "H", "HOURS", "HR", "HRS"}) && has(kHour)) {
      return IntervalPart(type, DataType::Byte(), interval::kMicrosPerHour, interval::kMicrosPerDay);
    }
    if (IsOneOf(f, {"MINUTE", "M", "MIN", "MINS", "MINUTES"}) && has(kMinute)) {
      return IntervalPart(type, DataType::Byte(), interval::kMicrosPerMinute, interval::kMicrosPerHour);
    }
    if (IsOneOf(f, {"SECOND", "S", "SEC", "SECONDS", "SECS"}) && has(kSecond)) {
      return IntervalPart(type, DataType::Decimal(8, 6), 1, interval::kMicrosPerMinute);
    }
  }
  throw UserError("INVALID_EXTRACT_FIELD", "42601", "Cannot extract " + field + " from " + source_sql + ".");
}

void RegisterIntervalFunctions(FunctionRegistry& r) {
  r.AddScalar({"make_dt_interval",
               {"make_dt_interval([days[, hours[, mins[, secs]]]]) - Make DayTimeIntervalType duration from days, "
                "hours, mins and secs.",
                "SELECT make_dt_interval(1, 12, 30, 01.001001); -- INTERVAL '1 12:30:01.001001' DAY TO SECOND"},
               BindMakeDtInterval});
  r.AddScalar({"make_ym_interval",
               {"make_ym_interval([years[, months]]) - Make year-month interval from years, months.",
                "SELECT make_ym_interval(1, 2); -- INTERVAL '1-2' YEAR TO MONTH"},
               BindMakeYmInterval});
}

}  // namespace lakestream
