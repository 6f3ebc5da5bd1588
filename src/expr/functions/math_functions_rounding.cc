// ceil, floor, round, bround with Spark's result types and rounding:
//   ceil/floor(x)      DOUBLE -> BIGINT, integral -> BIGINT, DECIMAL(p,s) -> DECIMAL(p-s+1,0)
//   ceil/floor(x, d)   x as DECIMAL, rounded toward +/-infinity at d digits
//   round/bround(x, d) same type as x (HALF_UP / HALF_EVEN); DOUBLE rounds its
//                      shortest decimal form, as BigDecimal.valueOf(x) does.
//
// Spark's DECIMAL result type for a scale argument depends on the scale's
// literal value, which binding does not see (ScalarFunction::bind gets types
// only). Until it does, a DECIMAL result is DECIMAL(38, input scale) — wide
// enough for any scale — and carries the rounded value at that scale.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/math_families.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"
#include "expr/type_coercion.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;
using Kernels = std::vector<ArrayPtr>;

enum class Rounding { kHalfUp, kHalfEven, kCeiling, kFloor };

constexpr int128_t Pow10(int n) {
  int128_t v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

// True when the dropped part (a remainder against a divisor) asks to move q
// one step away from zero. `above_half`: remainder > half, `half`: == half.
bool RoundsAway(Rounding mode, bool negative, bool nonzero, bool above_half, bool half, bool q_odd) {
  if (!nonzero) return false;
  switch (mode) {
    case Rounding::kHalfUp: return above_half || half;
    case Rounding::kHalfEven: return above_half || (half && q_odd);
    case Rounding::kCeiling: return !negative;
    case Rounding::kFloor: return negative;
  }
  return false;
}

// v / 10^drop, rounded; drop <= 0 leaves v unchanged.
int128_t DivRound(int128_t v, int drop, Rounding mode) {
  if (drop <= 0 || v == 0) return v;
  const bool negative = v < 0;
  if (drop > 38) {
    // |v| < 10^38 is below half of 10^drop: only the directed modes move it.
    return RoundsAway(mode, negative, true, false, false, false) ? (negative ? -1 : 1) : 0;
  }
  const int128_t d = Pow10(drop);
  int128_t q = v / d;
  const int128_t r = negative ? -(v % d) : v % d;
  const int128_t rest = d - r;  // compare r with d/2 without overflowing 2*r
  if (RoundsAway(mode, negative, r != 0, r > rest, r == rest, q % 2 != 0)) q += negative ? -1 : 1;
  return q;
}

// Rounds the shortest decimal form of `x` (what Java's BigDecimal.valueOf
// sees) to `scale` fractional digits; returns the decimal text of the result,
// or nullopt when x needs no rounding at that scale.
std::optional<std::string> RoundDecimalText(double x, int scale, Rounding mode) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof(buf), x, std::chars_format::scientific);
  const std::string_view text(buf, res.ptr - buf);  // [-]d[.ddd]e[+-]XX
  const bool negative = text[0] == '-';
  const size_t e_pos = text.find('e');
  std::string digits;
  for (char c : text.substr(negative ? 1 : 0, e_pos - (negative ? 1 : 0))) {
    if (c != '.') digits.push_back(c);
  }
  const int exponent = std::atoi(std::string(text.substr(e_pos + 1)).c_str());
  const int n = static_cast<int>(digits.size());
  const int fraction_digits = n - 1 - exponent;
  if (fraction_digits <= scale) return std::nullopt;
  const int keep = n - (fraction_digits - scale);  // digits left of the rounding point; may be <= 0
  uint64_t q = 0;
  for (int i = 0; i < keep; ++i) q = q * 10 + static_cast<uint64_t>(digits[i] - '0');
  const std::string_view dropped = keep >= 0 ? std::string_view(digits).substr(keep) : std::string_view(digits);
  const bool nonzero = dropped.find_first_not_of('0') != std::string_view::npos;
  const bool first_is_dropped_lead = keep >= 0;  // keep < 0: implicit leading zeros, below half
  const int lead = first_is_dropped_lead ? dropped[0] - '0' : 0;
  const bool rest_nonzero = first_is_dropped_lead && dropped.substr(1).find_first_not_of('0') != std::string_view::npos;
  const bool above_half = lead > 5 || (lead == 5 && rest_nonzero);
  const bool half = lead == 5 && !rest_nonzero;
  if (RoundsAway(mode, negative, nonzero, above_half, half, q % 2 != 0)) ++q;
  if (q == 0) return "0";  // BigDecimal has no negative zero
  return (negative ? "-" : "") + std::to_string(q) + "e" + std::to_string(-scale);
}

double RoundDouble(double x, int scale, Rounding mode) {
  if (!std::isfinite(x)) return x;
  if (x == 0) return 0.0;
  const auto text = RoundDecimalText(x, scale, mode);
  return text ? std::strtod(text->c_str(), nullptr) : x;
}

float RoundFloat(float x, int scale, Rounding mode) {
  if (!std::isfinite(x)) return x;
  if (x == 0) return 0.0f;
  const auto text = RoundDecimalText(static_cast<double>(x), scale, mode);
  return text ? std::strtof(text->c_str(), nullptr) : x;
}

// Integral round with a negative scale; ANSI raises on overflow (try_round
// exists for the NULL form), otherwise the value wraps as Java's intValue() does.
template <typename T>
T RoundIntegral(T v, int scale, Rounding mode, const EvalContext& ctx) {
  if (scale >= 0) return v;
  const int128_t rounded = DivRound(v, -scale, mode);
  const int128_t result = -scale > 38 ? 0 : rounded * Pow10(-scale);
  if (result < std::numeric_limits<T>::min() || result > std::numeric_limits<T>::max()) {
    if (ctx.ansi) {
      throw UserError("ARITHMETIC_OVERFLOW", "22003",
                      "Overflow in rounding. Use 'try_round' to tolerate overflow and return NULL instead.");
    }
  }
  return static_cast<T>(result);
}

// DECIMAL(p, s) rounded at `scale` digits and expressed at `out_scale`;
// NULL when the result does not fit `out_precision` digits.
std::optional<int128_t> RoundDecimal(int128_t v, int s, int scale, Rounding mode, int out_precision, int out_scale) {
  int128_t r = DivRound(v, s - scale, mode);  // now at scale min(s, scale), or at `scale` when negative
  const int at = std::min(s, scale);
  if (out_scale > at) {
    if (out_scale - at > 38) return r == 0 ? std::optional<int128_t>(0) : std::nullopt;
    const int128_t m = Pow10(out_scale - at);
    const int128_t limit = Pow10(38) / m;
    if (r >= limit || r <= -limit) return std::nullopt;
    r *= m;
  }
  const int128_t bound = Pow10(out_precision);
  if (r >= bound || r <= -bound) return std::nullopt;
  return r;
}

// The result type for a scale argument we cannot see: every digit Spark's
// type could hold at the input's scale (see the note at the top).
DataTypePtr RoundedDecimalType(const DataType& t) { return DataType::Decimal(DataType::kMaxDecimalPrecision, t.scale()); }

// round / bround: the result has the input's type.
void AddRound(FunctionRegistry& r, const std::string& name, FunctionDoc doc, Rounding mode) {
  r.AddScalar({name, std::move(doc), [name, mode](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 1, 2);
                 DataTypePtr in = args[0];
                 if (in->id() == TypeId::kString || in->id() == TypeId::kNull) in = DataType::Double();
                 if (!in->IsNumeric()) signature::ThrowUnexpectedType(name, 0, "\"NUMERIC\"", args[0]);
                 std::vector<DataTypePtr> arg_types = {in};
                 if (args.size() == 2) arg_types.push_back(argument::AsInt(name, args, 1));
                 const DataTypePtr out =
                     in->id() == TypeId::kDecimal ? (args.size() == 1 ? BoundedDecimal(in->precision() - in->scale() + 1, 0)
                                                                      : RoundedDecimalType(*in))
                                                  : in;
                 ScalarKernel kernel = [in, out, mode](const Kernels& a, int64_t rows, const EvalContext& ctx) {
                   const ArrayPtr scale = a.size() > 1 ? a[1] : MakeConstantArray(DataType::Int(), Value(0), rows);
                   return VisitPhysicalType(in->id(), [&](auto tag) -> ArrayPtr {
                     using T = decltype(tag);
                     if constexpr (std::is_same_v<T, double>) {
                       return MapBinary<double, double, int32_t>(
                           a[0], scale, out, [mode](double x, int32_t d) { return RoundDouble(x, d, mode); });
                     } else if constexpr (std::is_same_v<T, float>) {
                       return MapBinary<float, float, int32_t>(
                           a[0], scale, out, [mode](float x, int32_t d) { return RoundFloat(x, d, mode); });
                     } else if constexpr (std::is_same_v<T, int128_t>) {
                       return MapBinary<int128_t, int128_t, int32_t>(a[0], scale, out, [&](int128_t x, int32_t d) {
                         return RoundDecimal(x, in->scale(), d, mode, out->precision(), out->scale());
                       });
                     } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
                       return MapBinary<T, T, int32_t>(a[0], scale, out, [&](T x, int32_t d) {
                         return RoundIntegral<T>(x, d, mode, ctx);
                       });
                     } else {
                       throw InternalError("round: unexpected input type " + in->ToString());
                     }
                   });
                 };
                 return BoundScalarFunction{arg_types, out, kernel};
               }});
}

// Java's (long) cast of a double: NaN -> 0, saturating at the BIGINT range.
int64_t SaturatingToLong(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 9223372036854775807.0) return std::numeric_limits<int64_t>::max();
  if (d <= -9223372036854775808.0) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(d);
}

// ceil / floor with one argument (Spark's Ceil/Floor) or with a scale
// (RoundCeil/RoundFloor over DECIMAL).
void AddCeilFloor(FunctionRegistry& r, const std::string& name, FunctionDoc doc, Rounding mode) {
  r.AddScalar({name, std::move(doc), [name, mode](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 1, 2);
                 const DataType& t = *args[0];
                 if (!t.IsNumeric() && t.id() != TypeId::kString && t.id() != TypeId::kNull) {
                   signature::ThrowUnexpectedType(name, 0, "(\"DOUBLE\" or \"DECIMAL\" or \"BIGINT\")", args[0]);
                 }
                 if (args.size() == 2) {
                   // Spark casts to DECIMAL: integral exactly, floating point as DECIMAL(30,15).
                   const DataTypePtr in = t.id() == TypeId::kDecimal ? args[0]
                                          : t.IsIntegral()           ? DecimalForIntegral(t)
                                                                     : DataType::Decimal(30, 15);
                   const DataTypePtr out = RoundedDecimalType(*in);
                   return BoundScalarFunction{
                       {in, argument::AsInt(name, args, 1)}, out,
                       [in, out, mode](const Kernels& a, int64_t, const EvalContext&) {
                         return MapBinary<int128_t, int128_t, int32_t>(a[0], a[1], out, [&](int128_t x, int32_t d) {
                           return RoundDecimal(x, in->scale(), d, mode, out->precision(), out->scale());
                         });
                       }};
                 }
                 if (t.id() == TypeId::kDecimal) {
                   const DataTypePtr out = BoundedDecimal(t.precision() - t.scale() + 1, 0);
                   const int s = t.scale();
                   return BoundScalarFunction{{args[0]}, out, [out, s, mode](const Kernels& a, int64_t, const EvalContext&) {
                                                return MapUnary<int128_t, int128_t>(
                                                    a[0], out, [s, mode](int128_t x) { return DivRound(x, s, mode); });
                                              }};
                 }
                 if (t.IsIntegral()) {
                   return BoundScalarFunction{{DataType::Long()}, DataType::Long(),
                                              [](const Kernels& a, int64_t, const EvalContext&) { return a[0]; }};
                 }
                 return BoundScalarFunction{{DataType::Double()}, DataType::Long(),
                                            [mode](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<int64_t, double>(a[0], DataType::Long(), [mode](double x) {
                                                return SaturatingToLong(mode == Rounding::kCeiling ? std::ceil(x)
                                                                                                   : std::floor(x));
                                              });
                                            }};
               }});
}

}  // namespace

void RegisterMathRoundingFunctions(FunctionRegistry& r) {
  AddCeilFloor(r, "ceil",
               {"ceil(expr[, scale]) - Returns the smallest number after rounding up that is not smaller than `expr`.",
                "SELECT ceil(-0.1); -- 0"},
               Rounding::kCeiling);
  r.AddAlias("ceiling", "ceil");
  AddCeilFloor(r, "floor",
               {"floor(expr[, scale]) - Returns the largest number after rounding down that is not greater than "
                "`expr`.",
                "SELECT floor(-0.1); -- -1"},
               Rounding::kFloor);
  AddRound(r, "round",
           {"round(expr, d) - Returns `expr` rounded to `d` decimal places using HALF_UP rounding mode.",
            "SELECT round(2.5, 0); -- 3"},
           Rounding::kHalfUp);
  AddRound(r, "bround",
           {"bround(expr, d) - Returns `expr` rounded to `d` decimal places using HALF_EVEN rounding mode.",
            "SELECT bround(2.5, 0); -- 2"},
           Rounding::kHalfEven);
}

}  // namespace lakestream
