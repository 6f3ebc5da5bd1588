// Casts between single-field ANSI intervals and integral or decimal numbers
// (Spark 3.3+): the number counts the interval's unit, e.g.
// CAST(INTERVAL '3' DAY AS INT) is 3 and CAST(5 AS INTERVAL HOUR) is five hours.
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include "columnar/array_builder.h"
#include "expr/cast_kernels.h"
#include "expr/decimal_math.h"
#include "expr/interval_text.h"
#include "expr/kernel_builder.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

using int128 = __int128;

// Months or microseconds in one unit of the interval type's (single) field.
int64_t UnitOf(const DataType& type) {
  if (type.id() == TypeId::kYearMonthInterval) return type.end_field() == IntervalField::kYear ? 12 : 1;
  static const int64_t kUnit[] = {interval::kMicrosPerDay, interval::kMicrosPerHour, interval::kMicrosPerMinute,
                                  interval::kMicrosPerSecond};
  return kUnit[type.end_field()];
}

int64_t ReadIntegral(const Array& a, int64_t i) {
  switch (a.type_id()) {
    case TypeId::kByte: return a.values<int8_t>()[i];
    case TypeId::kShort: return a.values<int16_t>()[i];
    case TypeId::kInt: return a.values<int32_t>()[i];
    default: return a.values<int64_t>()[i];
  }
}

int64_t ReadInterval(const Array& a, int64_t i) {
  return a.type_id() == TypeId::kYearMonthInterval ? a.values<int32_t>()[i] : a.values<int64_t>()[i];
}

int128 Limit(TypeId id, bool max) {
  switch (id) {
    case TypeId::kByte: return max ? INT8_MAX : INT8_MIN;
    case TypeId::kShort: return max ? INT16_MAX : INT16_MIN;
    case TypeId::kInt:
    case TypeId::kYearMonthInterval: return max ? INT32_MAX : INT32_MIN;
    default: return max ? INT64_MAX : INT64_MIN;
  }
}

// Applies `convert` (nullopt: overflow, raised by `fail` unless TRY_CAST or
// `null_on_overflow`) to every non-NULL row, building a column of `to`.
template <typename F, typename Fail>
ArrayPtr Convert(const Array& a, const DataTypePtr& to, const CastOptions& o, bool null_on_overflow, F&& convert,
                 Fail&& fail) {
  return VisitPhysicalType(to->id(), [&](auto tag) -> ArrayPtr {
    using T = decltype(tag);
    if constexpr ((std::is_integral_v<T> && !std::is_same_v<T, bool>) || std::is_same_v<T, int128>) {
      PrimitiveBuilder<T> b(to, a.length());
      for (int64_t i = 0; i < a.length(); ++i) {
        std::optional<int128> v = a.IsNull(i) ? std::nullopt : convert(i);
        if (v) {
          b.Append(static_cast<T>(*v));
        } else {
          if (!a.IsNull(i) && !o.is_try && !null_on_overflow) fail(i);
          b.AppendNull();
        }
      }
      return b.Finish();
    } else {
      throw InternalError("CastIntervalNumber: target " + to->ToString());
    }
  });
}

// Interval -> integral or decimal: the count of the interval's unit,
// truncated toward zero (DAY TO ... never gets here: single fields only).
// A day-time interval of SECOND keeps its microseconds as a fraction.
ArrayPtr IntervalToNumber(const Array& a, const DataTypePtr& to, const CastOptions& o) {
  const DataType& from = *a.type();
  const int64_t unit = UnitOf(from);
  const bool seconds = from.id() == TypeId::kDayTimeInterval && from.end_field() == IntervalField::kSecond;
  auto shown = [&](int64_t i) { return interval::Format(ReadInterval(a, i), from); };
  if (to->id() == TypeId::kDecimal) {
    const int from_scale = seconds ? 6 : 0;
    return Convert(
        a, to, o, !o.ctx.ansi,
        [&](int64_t i) -> std::optional<int128> {
          int128 v = seconds ? int128{ReadInterval(a, i)} : int128{ReadInterval(a, i) / unit};
          std::optional<int128> r = decimal::Rescale(v, from_scale, to->scale());
          if (!r || !decimal::FitsPrecision(*r, to->precision())) return std::nullopt;
          return r;
        },
        [&](int64_t i) {
          int128 v = seconds ? int128{ReadInterval(a, i)} : int128{ReadInterval(a, i) / unit};
          ThrowDecimalOutOfRange(decimal::ToString(v, from_scale), to->precision(), to->scale());
        });
  }
  const int128 lo = Limit(to->id(), false), hi = Limit(to->id(), true);
  return Convert(
      a, to, o, false,
      [&](int64_t i) -> std::optional<int128> {
        int128 v = ReadInterval(a, i) / unit;
        if (v < lo || v > hi) return std::nullopt;
        return v;
      },
      [&](int64_t i) { ThrowCastOverflow(shown(i), from, *to); });
}

// Integral or decimal -> interval: the number of the target's units; a
// decimal's fraction is rounded half up to the type's precision (months or
// microseconds).
ArrayPtr NumberToInterval(const Array& a, const DataTypePtr& to, const CastOptions& o) {
  const DataType& from = *a.type();
  const int128 unit = UnitOf(*to);
  const int128 lo = Limit(to->id(), false), hi = Limit(to->id(), true);
  const bool dec = from.id() == TypeId::kDecimal;
  return Convert(
      a, to, o, false,
      [&](int64_t i) -> std::optional<int128> {
        std::optional<int128> v = dec ? decimal::MultiplyRound(a.values<int128>()[i], unit, from.scale())
                                      : std::optional<int128>(int128{ReadIntegral(a, i)} * unit);
        if (!v || *v < lo || *v > hi) return std::nullopt;
        return v;
      },
      [&](int64_t i) {
        std::string text = dec ? decimal::ToString(a.values<int128>()[i], from.scale())
                               : std::to_string(ReadIntegral(a, i));
        ThrowCastOverflow(SqlValue(text, from), from, *to);
      });
}

}  // namespace

bool IsIntervalNumberCast(const DataType& from, const DataType& to) {
  auto number = [](const DataType& t) { return t.IsIntegral() || t.id() == TypeId::kDecimal; };
  auto single = [](const DataType& t) { return t.IsInterval() && t.start_field() == t.end_field(); };
  return (single(from) && number(to)) || (number(from) && single(to));
}

ArrayPtr CastIntervalNumber(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o) {
  return input->type()->IsInterval() ? IntervalToNumber(*input, to, o) : NumberToInterval(*input, to, o);
}

}  // namespace lakestream
