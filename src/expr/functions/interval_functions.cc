// make_dt_interval and make_ym_interval: ANSI intervals from their fields.
// Registered with the arithmetic operators (interval_arithmetic.h).
#include "columnar/array_builder.h"
#include "expr/decimal_math.h"
#include "expr/functions/interval_arithmetic.h"
#include "expr/functions/signature_check.h"
#include "expr/interval_text.h"
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

}  // namespace

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
