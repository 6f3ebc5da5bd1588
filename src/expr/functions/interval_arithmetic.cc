#include "expr/functions/interval_arithmetic.h"

#include <cmath>
#include <limits>

#include "expr/binder.h"
#include "expr/decimal_math.h"
#include "expr/functions/bind_errors.h"
#include "expr/functions/calendar.h"
#include "expr/interval_text.h"
#include "expr/kernel_builder.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

using int128 = __int128;

bool IsDatetime(TypeId id) { return id == TypeId::kDate || id == TypeId::kTimestamp || id == TypeId::kTimestampNtz; }

const char* TryName(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::kAdd: return "try_add";
    case ArithmeticOp::kSubtract: return "try_subtract";
    case ArithmeticOp::kMultiply: return "try_multiply";
    default: return "try_divide";
  }
}

[[noreturn]] void ThrowIntervalOverflow(ArithmeticOp op) {
  throw UserError("INTERVAL_ARITHMETIC_OVERFLOW", "22015",
                  std::string("Integer overflow while operating with intervals. Use '") + TryName(op) +
                      "' to tolerate overflow and return NULL instead.");
}

[[noreturn]] void ThrowIntervalDividedByZero() {
  throw UserError("INTERVAL_DIVIDED_BY_ZERO", "22012",
                  "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.");
}

// An interval result in range of I, or NULL (try_) / INTERVAL_ARITHMETIC_OVERFLOW.
template <typename I>
std::optional<I> IntervalResult(int128 v, ArithmeticSpec spec) {
  if (v >= std::numeric_limits<I>::min() && v <= std::numeric_limits<I>::max()) return static_cast<I>(v);
  if (spec.is_try) return std::nullopt;
  ThrowIntervalOverflow(spec.op);
}

// A datetime result in range of T, or NULL (try_) / ARITHMETIC_OVERFLOW.
template <typename T>
std::optional<T> DatetimeResult(int128 v, ArithmeticSpec spec) {
  if (v >= std::numeric_limits<T>::min() && v <= std::numeric_limits<T>::max()) return static_cast<T>(v);
  if (spec.is_try) return std::nullopt;
  ThrowArithmeticOverflow(sizeof(T) == 4 ? "integer overflow" : "long overflow", TryName(spec.op));
}

BoundScalarFunction Binding(std::vector<DataTypePtr> args, DataTypePtr result, ScalarKernel kernel) {
  BoundScalarFunction f;
  f.arg_types = std::move(args);
  f.return_type = std::move(result);
  f.kernel = std::move(kernel);
  return f;
}

// interval ± interval of one family, in the wider of the two types.
BoundScalarFunction IntervalPlusInterval(const DataTypePtr& type, ArithmeticSpec spec) {
  const int128 sign = spec.op == ArithmeticOp::kSubtract ? -1 : 1;
  return Binding({type, type}, type, [type, spec, sign](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
    if (type->id() == TypeId::kYearMonthInterval) {
      return MapBinary<int32_t, int32_t, int32_t>(a[0], a[1], type, [&](int32_t x, int32_t y) {
        return IntervalResult<int32_t>(int128{x} + sign * y, spec);
      });
    }
    return MapBinary<int64_t, int64_t, int64_t>(a[0], a[1], type, [&](int64_t x, int64_t y) {
      return IntervalResult<int64_t>(int128{x} + sign * y, spec);
    });
  });
}

// TIMESTAMP(_NTZ) ± day-time interval: microseconds add, the zone plays no part.
BoundScalarFunction TimestampPlusDayTime(const DataTypePtr& ts, const DataTypePtr& iv, bool interval_first,
                                         ArithmeticSpec spec) {
  const int128 sign = spec.op == ArithmeticOp::kSubtract ? -1 : 1;
  std::vector<DataTypePtr> args = interval_first ? std::vector<DataTypePtr>{iv, ts} : std::vector<DataTypePtr>{ts, iv};
  return Binding(args, ts, [ts, spec, sign, interval_first](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
    const ArrayPtr& t = interval_first ? a[1] : a[0];
    const ArrayPtr& i = interval_first ? a[0] : a[1];
    return MapBinary<int64_t, int64_t, int64_t>(t, i, ts, [&](int64_t us, int64_t d) {
      return DatetimeResult<int64_t>(int128{us} + sign * d, spec);
    });
  });
}

// DATE ± year-month interval (add_months: the day clamps to the month's end).
std::optional<int32_t> AddMonthsToDate(int32_t days, int64_t months, ArithmeticSpec spec) {
  calendar::Ymd ymd = calendar::SplitDays(days);
  int64_t year = calendar::FloorDiv(ymd.year * 12 + ymd.month - 1 + months, 12);
  if (year < -5877000 || year > 5881000) return DatetimeResult<int32_t>(int128{1} << 40, spec);
  return DatetimeResult<int32_t>(calendar::AddMonths(days, months), spec);
}

BoundScalarFunction DatePlusYearMonth(const DataTypePtr& iv, bool interval_first, ArithmeticSpec spec) {
  const int64_t sign = spec.op == ArithmeticOp::kSubtract ? -1 : 1;
  auto date = DataType::Date();
  std::vector<DataTypePtr> args = interval_first ? std::vector<DataTypePtr>{iv, date} : std::vector<DataTypePtr>{date, iv};
  return Binding(args, date, [spec, sign, interval_first](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
    const ArrayPtr& d = interval_first ? a[1] : a[0];
    const ArrayPtr& i = interval_first ? a[0] : a[1];
    return MapBinary<int32_t, int32_t, int32_t>(d, i, DataType::Date(), [&](int32_t days, int32_t months) {
      return AddMonthsToDate(days, sign * months, spec);
    });
  });
}

// DATE ± INTERVAL DAY: whole days, a DATE (Spark's DateAdd of ExtractANSIIntervalDays).
BoundScalarFunction DatePlusDays(const DataTypePtr& iv, bool interval_first, ArithmeticSpec spec) {
  const int128 sign = spec.op == ArithmeticOp::kSubtract ? -1 : 1;
  auto date = DataType::Date();
  std::vector<DataTypePtr> args = interval_first ? std::vector<DataTypePtr>{iv, date} : std::vector<DataTypePtr>{date, iv};
  return Binding(args, date, [spec, sign, interval_first](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
    const ArrayPtr& d = interval_first ? a[1] : a[0];
    const ArrayPtr& i = interval_first ? a[0] : a[1];
    return MapBinary<int32_t, int32_t, int64_t>(d, i, DataType::Date(), [&](int32_t days, int64_t us) {
      return DatetimeResult<int32_t>(int128{days} + sign * (us / interval::kMicrosPerDay), spec);
    });
  });
}

// TIMESTAMP(_NTZ) ± year-month interval: add_months on the local date, the
// time of day kept (TIMESTAMP in the session zone, TIMESTAMP_NTZ as is).
BoundScalarFunction TimestampPlusYearMonth(const DataTypePtr& ts, const DataTypePtr& iv, bool interval_first,
                                           ArithmeticSpec spec) {
  const int64_t sign = spec.op == ArithmeticOp::kSubtract ? -1 : 1;
  std::vector<DataTypePtr> args = interval_first ? std::vector<DataTypePtr>{iv, ts} : std::vector<DataTypePtr>{ts, iv};
  return Binding(args, ts, [ts, spec, sign, interval_first](const std::vector<ArrayPtr>& a, int64_t, const EvalContext& ctx) {
    const ArrayPtr& t = interval_first ? a[1] : a[0];
    const ArrayPtr& i = interval_first ? a[0] : a[1];
    const bool zoned = ts->id() == TypeId::kTimestamp;
    const TimeZone& tz = calendar::ZoneOf(ctx);
    return MapBinary<int64_t, int64_t, int32_t>(t, i, ts, [&](int64_t us, int32_t months) -> std::optional<int64_t> {
      int64_t local = zoned ? tz.UtcMicrosToLocal(us) : us;
      int64_t day = calendar::FloorDiv(local, calendar::kMicrosPerDay);
      int64_t time_of_day = local - day * calendar::kMicrosPerDay;
      auto days = AddMonthsToDate(static_cast<int32_t>(day), sign * months, spec);
      if (!days) return std::nullopt;
      auto result = DatetimeResult<int64_t>(int128{*days} * calendar::kMicrosPerDay + time_of_day, spec);
      if (!result || !zoned) return result;
      constexpr int64_t kMargin = 2 * calendar::kMicrosPerDay;  // room for the zone offset
      if (*result > std::numeric_limits<int64_t>::max() - kMargin || *result < std::numeric_limits<int64_t>::min() + kMargin) {
        return DatetimeResult<int64_t>(int128{1} << 70, spec);
      }
      return tz.LocalMicrosToUtc(*result);
    });
  });
}

// datetime - datetime: a day-time interval (DATE - DATE: INTERVAL DAY).
BoundScalarFunction DatetimeDifference(const DataTypePtr& common, ArithmeticSpec spec) {
  if (common->id() == TypeId::kDate) {
    auto type = DataType::DayTimeInterval(IntervalField::kDay, IntervalField::kDay);
    return Binding({common, common}, type, [type, spec](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
      return MapBinary<int64_t, int32_t, int32_t>(a[0], a[1], type, [&](int32_t x, int32_t y) {
        return IntervalResult<int64_t>((int128{x} - y) * interval::kMicrosPerDay, spec);
      });
    });
  }
  auto type = DataType::DayTimeInterval();
  return Binding({common, common}, type, [type, spec](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
    return MapBinary<int64_t, int64_t, int64_t>(a[0], a[1], type, [&](int64_t x, int64_t y) {
      return IntervalResult<int64_t>(int128{x} - y, spec);
    });
  });
}

// Java's RoundingMode.HALF_UP of p / q (q != 0).
int128 DivideHalfUp(int128 p, int128 q) {
  int128 quotient = p / q, remainder = p % q;
  int128 abs_r = remainder < 0 ? -remainder : remainder, abs_q = q < 0 ? -q : q;
  if (2 * abs_r >= abs_q) quotient += (p < 0) == (q < 0) ? 1 : -1;
  return quotient;
}

// interval * number, number * interval, interval / number: the interval's
// type, rounded HALF_UP as Spark's MultiplyYMInterval / DivideDTInterval.
template <typename I>
ArrayPtr ScaleKernel(const ArrayPtr& iv, const ArrayPtr& num, const DataTypePtr& type, bool divide, ArithmeticSpec spec) {
  auto zero = [&]() -> std::optional<I> {
    if (spec.is_try) return std::nullopt;
    ThrowIntervalDividedByZero();
  };
  switch (num->type_id()) {
    case TypeId::kLong:
      return MapBinary<I, I, int64_t>(iv, num, type, [&](I x, int64_t n) -> std::optional<I> {
        if (!divide) return IntervalResult<I>(int128{x} * n, spec);
        if (n == 0) return zero();
        return IntervalResult<I>(DivideHalfUp(x, n), spec);
      });
    case TypeId::kDouble:
      return MapBinary<I, I, double>(iv, num, type, [&](I x, double n) -> std::optional<I> {
        if (divide && n == 0) return zero();
        double r = std::round(divide ? static_cast<double>(x) / n : static_cast<double>(x) * n);
        // NaN and values outside I fail the range test.
        if (!(r >= static_cast<double>(std::numeric_limits<I>::min()) && r < -static_cast<double>(std::numeric_limits<I>::min()))) {
          return IntervalResult<I>(int128{1} << 100, spec);
        }
        return static_cast<I>(r);
      });
    case TypeId::kDecimal: {
      const int scale = num->type()->scale();
      const int128 pow = decimal::Pow10(scale);
      return MapBinary<I, I, int128>(iv, num, type, [&](I x, int128 n) -> std::optional<I> {
        int128 scaled;
        if (!divide) {
          if (__builtin_mul_overflow(int128{x}, n, &scaled)) return IntervalResult<I>(int128{1} << 100, spec);
          return IntervalResult<I>(DivideHalfUp(scaled, pow), spec);
        }
        if (n == 0) return zero();
        if (__builtin_mul_overflow(int128{x}, pow, &scaled)) return IntervalResult<I>(int128{1} << 100, spec);
        return IntervalResult<I>(DivideHalfUp(scaled, n), spec);
      });
    }
    default: break;
  }
  throw InternalError("interval scale by " + num->type()->ToString());
}

BoundScalarFunction IntervalScale(const DataTypePtr& iv, const DataTypePtr& num_type, bool interval_first, bool divide,
                                  ArithmeticSpec spec) {
  DataTypePtr num = num_type->IsIntegral() || num_type->id() == TypeId::kNull ? DataType::Long()
                    : num_type->id() == TypeId::kDecimal                      ? num_type
                                                                              : DataType::Double();
  std::vector<DataTypePtr> args = interval_first ? std::vector<DataTypePtr>{iv, num} : std::vector<DataTypePtr>{num, iv};
  return Binding(args, iv, [iv, interval_first, divide, spec](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
    const ArrayPtr& i = interval_first ? a[0] : a[1];
    const ArrayPtr& n = interval_first ? a[1] : a[0];
    if (iv->id() == TypeId::kYearMonthInterval) return ScaleKernel<int32_t>(i, n, iv, divide, spec);
    return ScaleKernel<int64_t>(i, n, iv, divide, spec);
  });
}

bool IsNumberOperand(const DataType& t) { return t.IsNumeric() || t.id() == TypeId::kNull; }

}  // namespace

std::optional<BoundScalarFunction> BindIntervalArithmetic(const std::string&, ArithmeticSpec spec,
                                                          const std::vector<DataTypePtr>& types) {
  const DataTypePtr& l = types[0];
  const DataTypePtr& r = types[1];
  const ArithmeticOp op = spec.op;
  const bool additive = op == ArithmeticOp::kAdd || op == ArithmeticOp::kSubtract;
  if (!l->IsInterval() && !r->IsInterval()) {
    if (op == ArithmeticOp::kSubtract && IsDatetime(l->id()) && IsDatetime(r->id())) {
      return DatetimeDifference(WiderType(l, r), spec);
    }
    return std::nullopt;
  }
  if (additive) {
    if (l->IsInterval() && r->IsInterval()) {
      if (l->id() != r->id()) ThrowBinaryOpDiffTypes(*l, *r);
      return IntervalPlusInterval(WiderType(l, r), spec);
    }
    // A NULL operand takes the other side's type.
    if (l->id() == TypeId::kNull) return IntervalPlusInterval(r, spec);
    if (r->id() == TypeId::kNull) return IntervalPlusInterval(l, spec);
    const bool interval_first = l->IsInterval();
    const DataTypePtr& iv = interval_first ? l : r;
    DataTypePtr dt = interval_first ? r : l;
    // interval - datetime has no meaning; a string operand is a datetime of the interval's kind.
    if (interval_first && op == ArithmeticOp::kSubtract) ThrowBinaryOpDiffTypes(*l, *r);
    if (dt->id() == TypeId::kString) dt = iv->id() == TypeId::kYearMonthInterval ? DataType::Date() : DataType::Timestamp();
    if (!IsDatetime(dt->id())) ThrowBinaryOpDiffTypes(*l, *r);
    if (iv->id() == TypeId::kYearMonthInterval) {
      if (dt->id() == TypeId::kDate) return DatePlusYearMonth(iv, interval_first, spec);
      return TimestampPlusYearMonth(dt, iv, interval_first, spec);
    }
    if (dt->id() == TypeId::kDate) {
      if (iv->start_field() == IntervalField::kDay && iv->end_field() == IntervalField::kDay) {
        return DatePlusDays(iv, interval_first, spec);
      }
      dt = DataType::Timestamp();  // the binder casts the DATE to TIMESTAMP
    }
    return TimestampPlusDayTime(dt, iv, interval_first, spec);
  }
  if (op == ArithmeticOp::kMultiply) {
    if (l->IsInterval() && IsNumberOperand(*r)) return IntervalScale(l, r, true, false, spec);
    if (r->IsInterval() && IsNumberOperand(*l)) return IntervalScale(r, l, false, false, spec);
    ThrowBinaryOpDiffTypes(*l, *r);
  }
  if (op == ArithmeticOp::kDivide) {
    if (l->IsInterval() && IsNumberOperand(*r)) return IntervalScale(l, r, true, true, spec);
    ThrowBinaryOpDiffTypes(*l, *r);
  }
  ThrowBinaryOpDiffTypes(*l, *r);
}

std::optional<BoundScalarFunction> BindIntervalUnary(UnaryArithmeticOp op, bool identity, const DataTypePtr& type) {
  if (!type->IsInterval()) return std::nullopt;
  ArithmeticSpec spec{ArithmeticOp::kSubtract};
  return Binding({type}, type, [type, op, identity, spec](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
    if (identity) return a[0];
    auto apply = [&](auto x) {
      using I = decltype(x);
      int128 v = op == UnaryArithmeticOp::kAbs && x >= 0 ? int128{x} : -int128{x};
      return IntervalResult<I>(v, spec);
    };
    if (type->id() == TypeId::kYearMonthInterval) return MapUnary<int32_t, int32_t>(a[0], type, apply);
    return MapUnary<int64_t, int64_t>(a[0], type, apply);
  });
}

}  // namespace lakestream
