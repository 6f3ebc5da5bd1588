// Casts among BOOLEAN, numeric, DATE, TIMESTAMP and TIMESTAMP_NTZ.
#include <cmath>
#include <limits>

#include "columnar/array_builder.h"
#include "expr/cast_kernels.h"
#include "expr/datetime_format.h"
#include "expr/decimal_math.h"
#include "expr/interval_text.h"
#include "expr/java_number_format.h"
#include "expr/kernel_builder.h"
#include "expr/time_zone.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// A source value in one of three exact forms.
struct Num {
  enum Kind { kInt, kDouble, kDecimal } kind;
  int64_t i = 0;
  double d = 0;
  int128_t dec = 0;
  int scale = 0;
};

Num ReadNum(const Array& a, int64_t r) {
  switch (a.type_id()) {
    case TypeId::kBoolean: return {Num::kInt, a.GetBool(r) ? 1 : 0};
    case TypeId::kByte: return {Num::kInt, a.values<int8_t>()[r]};
    case TypeId::kShort: return {Num::kInt, a.values<int16_t>()[r]};
    case TypeId::kInt: return {Num::kInt, a.values<int32_t>()[r]};
    case TypeId::kLong: return {Num::kInt, a.values<int64_t>()[r]};
    case TypeId::kFloat: return {Num::kDouble, 0, a.values<float>()[r]};
    case TypeId::kDouble: return {Num::kDouble, 0, a.values<double>()[r]};
    case TypeId::kDecimal: return {Num::kDecimal, 0, 0, a.values<int128_t>()[r], a.type()->scale()};
    case TypeId::kTimestamp: {
      // Seconds since the epoch: whole seconds for integral targets, fractional otherwise.
      int64_t us = a.values<int64_t>()[r];
      return {Num::kDouble, FloorDiv(us, kMicrosPerSecond), static_cast<double>(us) / kMicrosPerSecond};
    }
    default: break;
  }
  throw InternalError("CastScalar: unsupported source " + a.type()->ToString());
}

std::string NumText(const Num& x, const DataType& from) {
  switch (x.kind) {
    case Num::kInt: return from.id() == TypeId::kBoolean ? (x.i ? "true" : "false") : std::to_string(x.i);
    case Num::kDouble: return from.id() == TypeId::kFloat ? FormatFloatJava(static_cast<float>(x.d)) : FormatDoubleJava(x.d);
    case Num::kDecimal: return decimal::ToString(x.dec, x.scale);
  }
  return "";
}

class Converter {
 public:
  Converter(const DataType& from, const DataType& to, const CastOptions& o) : from_(from), to_(to), o_(o) {}

  template <typename T>
  std::optional<T> Convert(const Num& x) const {
    if constexpr (std::is_same_v<T, bool>) {
      switch (x.kind) {
        case Num::kInt: return x.i != 0;
        case Num::kDouble: return x.d != 0;
        case Num::kDecimal: return x.dec != 0;
      }
      return std::nullopt;
    } else if constexpr (std::is_floating_point_v<T>) {
      switch (x.kind) {
        case Num::kInt: return static_cast<T>(x.i);
        case Num::kDouble: return static_cast<T>(x.d);
        case Num::kDecimal: return static_cast<T>(decimal::ToDouble(x.dec, x.scale));
      }
      return std::nullopt;
    } else if constexpr (std::is_same_v<T, int128_t>) {
      return ToDecimal(x);
    } else {
      return ToIntegral<T>(x);
    }
  }

 private:
  template <typename T>
  std::optional<T> Overflow(const Num& x, T legacy_value) const {
    if (o_.raise()) ThrowCastOverflow(SqlValue(NumText(x, from_), from_), from_, to_);
    if (o_.legacy()) return legacy_value;
    return std::nullopt;
  }

  template <typename T>
  std::optional<T> ToIntegral(const Num& x) const {
    constexpr int64_t kMin = std::numeric_limits<T>::min(), kMax = std::numeric_limits<T>::max();
    int64_t v = 0;
    switch (x.kind) {
      case Num::kInt:
        v = x.i;
        break;
      case Num::kDouble: {
        if (from_.id() == TypeId::kTimestamp) {
          v = x.i;
          break;
        }
        double t = std::trunc(x.d);
        // Java's narrowing (the legacy result): NaN -> 0, saturate to the long/int range.
        const bool small = sizeof(T) < 8;
        const double lo = small ? -2147483648.0 : -9223372036854775808.0;
        const double hi = small ? 2147483647.0 : 9223372036854775807.0;
        int64_t java = std::isnan(t) ? 0 : (t <= lo ? static_cast<int64_t>(lo) : (t >= hi ? static_cast<int64_t>(hi) : static_cast<int64_t>(t)));
        if (std::isnan(t) || t < static_cast<double>(kMin) || t >= -static_cast<double>(kMin)) {
          return Overflow<T>(x, static_cast<T>(java));
        }
        v = static_cast<int64_t>(t);
        break;
      }
      case Num::kDecimal: {
        int128_t t = x.dec / decimal::Pow10(x.scale);
        if (t < kMin || t > kMax) return Overflow<T>(x, static_cast<T>(static_cast<int64_t>(t)));
        return static_cast<T>(t);
      }
    }
    if (v < kMin || v > kMax) return Overflow<T>(x, static_cast<T>(v));
    return static_cast<T>(v);
  }

  std::optional<int128_t> ToDecimal(const Num& x) const {
    const int p = to_.precision(), s = to_.scale();
    std::optional<int128_t> v;
    switch (x.kind) {
      case Num::kInt:
        v = decimal::Rescale(x.i, 0, s);
        break;
      case Num::kDouble: {
        if (!std::isfinite(x.d)) {
          if (o_.raise()) ThrowCastOverflow(SqlValue(NumText(x, from_), from_), from_, to_);
          return std::nullopt;
        }
        // Spark converts through the double's shortest decimal text (BigDecimal(Double.toString(d))).
        int128_t parsed = 0;
        if (decimal::Parse(FormatDoubleJava(x.d), p, s, &parsed) == decimal::ParseStatus::kOk) v = parsed;
        break;
      }
      case Num::kDecimal:
        v = decimal::Rescale(x.dec, x.scale, s);
        break;
    }
    if (v && decimal::FitsPrecision(*v, p)) return v;
    if (o_.raise()) ThrowDecimalOutOfRange(NumText(x, from_), p, s);
    return std::nullopt;
  }

  const DataType& from_;
  const DataType& to_;
  const CastOptions& o_;
};

std::optional<int64_t> NumToTimestamp(const Num& x, const DataType& from, const DataType& to, const CastOptions& o) {
  std::optional<int64_t> v;
  switch (x.kind) {
    case Num::kInt: {
      int64_t us;
      if (!__builtin_mul_overflow(x.i, kMicrosPerSecond, &us)) v = us;
      break;
    }
    case Num::kDouble: {
      double us = std::trunc(x.d * kMicrosPerSecond);
      if (std::isfinite(us) && us >= -9.2e18 && us <= 9.2e18) v = static_cast<int64_t>(us);
      break;
    }
    case Num::kDecimal: {
      int128_t us = x.scale <= 6 ? x.dec * decimal::Pow10(6 - x.scale) : x.dec / decimal::Pow10(x.scale - 6);
      if (us >= std::numeric_limits<int64_t>::min() && us <= std::numeric_limits<int64_t>::max()) {
        v = static_cast<int64_t>(us);
      }
      break;
    }
  }
  if (!v && o.raise()) ThrowCastOverflow(SqlValue(NumText(x, from), from), from, to);
  return v;
}

// Midnight of day `d` in microseconds, or nullopt (CAST_OVERFLOW under ANSI)
// when it is outside the TIMESTAMP range. A margin of two days keeps the
// zone offset applied afterwards from overflowing too.
std::optional<int64_t> DateToMicros(int32_t d, const DataType& to, const CastOptions& o) {
  int64_t us = 0;
  constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() - 2 * kMicrosPerDay;
  if (!__builtin_mul_overflow(int64_t{d}, kMicrosPerDay, &us) && us <= kLimit && us >= -kLimit) return us;
  if (o.raise()) ThrowCastOverflow(SqlValue(FormatDate(d), *DataType::Date()), *DataType::Date(), to);
  return std::nullopt;
}

ArrayPtr CastDatetime(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o) {
  const TypeId f = input->type_id(), t = to->id();
  if (f == TypeId::kDate) {
    if (t == TypeId::kTimestampNtz) {
      return MapUnary<int64_t, int32_t>(input, to, [&](int32_t d) { return DateToMicros(d, *to, o); });
    }
    const TimeZone& tz = o.zone();
    return MapUnary<int64_t, int32_t>(input, to, [&](int32_t d) -> std::optional<int64_t> {
      auto us = DateToMicros(d, *to, o);
      if (!us) return std::nullopt;
      return tz.LocalMicrosToUtc(*us);
    });
  }
  if (f == TypeId::kTimestampNtz) {
    if (t == TypeId::kDate) {
      return MapUnary<int32_t, int64_t>(input, to, [](int64_t us) { return static_cast<int32_t>(FloorDiv(us, kMicrosPerDay)); });
    }
    const TimeZone& tz = o.zone();
    return MapUnary<int64_t, int64_t>(input, to, [&](int64_t us) { return tz.LocalMicrosToUtc(us); });
  }
  // From TIMESTAMP.
  const TimeZone& tz = o.zone();
  if (t == TypeId::kDate) {
    return MapUnary<int32_t, int64_t>(input, to, [&](int64_t us) {
      return static_cast<int32_t>(FloorDiv(tz.UtcMicrosToLocal(us), kMicrosPerDay));
    });
  }
  return MapUnary<int64_t, int64_t>(input, to, [&](int64_t us) { return tz.UtcMicrosToLocal(us); });
}

bool IsDatetime(TypeId id) {
  return id == TypeId::kDate || id == TypeId::kTimestamp || id == TypeId::kTimestampNtz;
}

// Integral or floating casts that cannot fail (TINYINT -> INT, INT -> DOUBLE,
// FLOAT -> DOUBLE): the binder's implicit casts, so they skip the checked path.
bool IsSafeWidening(const DataType& from, const DataType& to) {
  if (!(from.IsIntegral() || from.IsFloating()) || !(to.IsIntegral() || to.IsFloating())) return false;
  if (from.IsIntegral() && to.IsIntegral()) return to.byte_width() >= from.byte_width();
  if (to.id() == TypeId::kDouble) return true;
  return to.id() == TypeId::kFloat && from.IsIntegral();
}

ArrayPtr CastWidening(const ArrayPtr& input, const DataTypePtr& to) {
  return VisitPhysicalType(input->type_id(), [&](auto from_tag) -> ArrayPtr {
    using F = decltype(from_tag);
    return VisitPhysicalType(to->id(), [&](auto to_tag) -> ArrayPtr {
      using T = decltype(to_tag);
      if constexpr (std::is_arithmetic_v<F> && std::is_arithmetic_v<T> && !std::is_same_v<F, bool> &&
                    !std::is_same_v<T, bool>) {
        return MapUnary<T, F>(input, to, [](F v) { return static_cast<T>(v); });
      } else {
        throw InternalError("CastWidening: " + input->type()->ToString() + " to " + to->ToString());
      }
    });
  });
}

}  // namespace

ArrayPtr CastInterval(const ArrayPtr& input, const DataTypePtr& to) {
  // Same values, new type: share the buffers.
  auto retype = [&] {
    return std::make_shared<Array>(to, input->length(), input->buffers(), std::vector<ArrayPtr>{}, input->null_count());
  };
  if (to->id() == TypeId::kYearMonthInterval) {
    if (to->end_field() == IntervalField::kMonth) return retype();
    return MapUnary<int32_t, int32_t>(input, to, [](int32_t m) { return m / 12 * 12; });
  }
  static const int64_t kUnit[] = {interval::kMicrosPerDay, interval::kMicrosPerHour, interval::kMicrosPerMinute, 1};
  const int64_t unit = kUnit[to->end_field()];
  if (unit == 1) return retype();
  return MapUnary<int64_t, int64_t>(input, to, [unit](int64_t us) { return us / unit * unit; });
}

ArrayPtr CastScalar(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o) {
  const Array& a = *input;
  const DataType& from = *a.type();
  if (IsDatetime(from.id()) && IsDatetime(to->id())) return CastDatetime(input, to, o);
  if (IsSafeWidening(from, *to)) return CastWidening(input, to);
  const int64_t n = a.length();
  if (to->id() == TypeId::kTimestamp) {
    PrimitiveBuilder<int64_t> b(to, n);
    for (int64_t i = 0; i < n; ++i) {
      if (a.IsNull(i)) {
        b.AppendNull();
        continue;
      }
      AppendResult(b, NumToTimestamp(ReadNum(a, i), from, *to, o));
    }
    return b.Finish();
  }
  Converter conv(from, *to, o);
  return VisitPhysicalType(to->id(), [&](auto tag) -> ArrayPtr {
    using T = decltype(tag);
    if constexpr (std::is_same_v<T, std::string_view>) {
      throw InternalError("CastScalar: string target");
    } else {
      OutputBuilder<T> b(to, n);
      for (int64_t i = 0; i < n; ++i) {
        if (a.IsNull(i)) {
          b.AppendNull();
          continue;
        }
        AppendResult(b, conv.Convert<T>(ReadNum(a, i)));
      }
      return b.Finish();
    }
  });
}

}  // namespace lakestream
