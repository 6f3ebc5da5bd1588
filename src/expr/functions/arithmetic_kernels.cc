#include "expr/functions/arithmetic_kernels.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "expr/cast_kernels.h"
#include "expr/decimal_math.h"
#include "expr/kernel_builder.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

const char* TryName(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::kAdd: return "try_add";
    case ArithmeticOp::kSubtract: return "try_subtract";
    case ArithmeticOp::kMultiply: return "try_multiply";
    case ArithmeticOp::kDivide:
    case ArithmeticOp::kIntegralDivide: return "try_divide";
    default: return "";
  }
}

const char* Symbol(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::kAdd: return "+";
    case ArithmeticOp::kSubtract: return "-";
    case ArithmeticOp::kMultiply: return "*";
    case ArithmeticOp::kDivide: return "/";
    case ArithmeticOp::kRemainder: return "%";
    case ArithmeticOp::kPmod: return "pmod";
    case ArithmeticOp::kIntegralDivide: return "div";
  }
  return "?";
}

template <typename T>
std::string TypeWord() {
  if constexpr (sizeof(T) == 8) return "long";
  if constexpr (sizeof(T) == 4) return "integer";
  if constexpr (sizeof(T) == 2) return "short";
  return "byte";
}

template <typename T>
std::string LiteralSuffix() {
  if constexpr (sizeof(T) == 2) return "S";
  return "Y";
}

// What a failed row yields: an error (ANSI), NULL (try_), or a fallback.
struct Failure {
  bool raise;
  bool is_try;
};

template <typename T>
std::optional<T> Overflowed(const Failure& f, ArithmeticOp op, T x, T y, T wrapped) {
  if (f.raise) {
    if constexpr (sizeof(T) <= 2) {
      // Spark reports narrow types with both operands.
      throw UserError("BINARY_ARITHMETIC_OVERFLOW", "22003",
                      std::to_string(x) + LiteralSuffix<T>() + " " + Symbol(op) + " " + std::to_string(y) +
                          LiteralSuffix<T>() + " caused overflow. Use '" + TryName(op) +
                          "' to tolerate overflow and return NULL instead. If necessary set "
                          "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
    }
    ThrowArithmeticOverflow(op == ArithmeticOp::kIntegralDivide ? "Overflow in integral divide" : TypeWord<T>() + " overflow",
                            TryName(op));
  }
  if (f.is_try) return std::nullopt;
  return wrapped;
}

template <typename T>
std::optional<T> DividedByZero(const Failure& f) {
  if (f.raise) ThrowDivideByZero();
  return std::nullopt;
}

template <typename T>
ArrayPtr IntegralKernel(const ArrayPtr& a, const ArrayPtr& b, const DataTypePtr& type, ArithmeticOp op, Failure f) {
  return MapBinary<T, T, T>(a, b, type, [&](T x, T y) -> std::optional<T> {
    T r;
    switch (op) {
      case ArithmeticOp::kAdd:
        if (__builtin_add_overflow(x, y, &r)) return Overflowed<T>(f, op, x, y, r);
        return r;
      case ArithmeticOp::kSubtract:
        if (__builtin_sub_overflow(x, y, &r)) return Overflowed<T>(f, op, x, y, r);
        return r;
      case ArithmeticOp::kMultiply:
        if (__builtin_mul_overflow(x, y, &r)) return Overflowed<T>(f, op, x, y, r);
        return r;
      case ArithmeticOp::kDivide:
      case ArithmeticOp::kIntegralDivide:
        if (y == 0) return DividedByZero<T>(f);
        if (y == -1 && x == std::numeric_limits<T>::min()) return Overflowed<T>(f, op, x, y, x);
        return static_cast<T>(x / y);
      case ArithmeticOp::kRemainder:
      case ArithmeticOp::kPmod: {
        if (y == 0) return DividedByZero<T>(f);
        if (y == -1) return T{0};
        T m = static_cast<T>(x % y);
        if (op == ArithmeticOp::kPmod && m < 0) m = static_cast<T>((m + y) % y);
        return m;
      }
    }
    return std::nullopt;
  });
}

template <typename T>
ArrayPtr FloatingKernel(const ArrayPtr& a, const ArrayPtr& b, const DataTypePtr& type, ArithmeticOp op, Failure f) {
  return MapBinary<T, T, T>(a, b, type, [&](T x, T y) -> std::optional<T> {
    switch (op) {
      case ArithmeticOp::kAdd: return x + y;
      case ArithmeticOp::kSubtract: return x - y;
      case ArithmeticOp::kMultiply: return x * y;
      case ArithmeticOp::kDivide:
        // Spark checks the divisor for zero on every type, doubles included.
        if (y == 0) return DividedByZero<T>(f);
        return x / y;
      case ArithmeticOp::kIntegralDivide:
        if (y == 0) return DividedByZero<T>(f);
        return std::trunc(x / y);
      case ArithmeticOp::kRemainder:
      case ArithmeticOp::kPmod: {
        if (y == 0) return DividedByZero<T>(f);
        T m = std::fmod(x, y);
        if (op == ArithmeticOp::kPmod && m < 0) m = std::fmod(m + y, y);
        return m;
      }
    }
    return std::nullopt;
  });
}

}  // namespace

void ThrowArithmeticOverflow(const std::string& what, const std::string& try_function) {
  std::string hint = try_function.empty() ? "" : " Use '" + try_function + "' to tolerate overflow and return NULL instead.";
  throw UserError("ARITHMETIC_OVERFLOW", "22003",
                  what + "." + hint + " If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
}

void ThrowDivideByZero() {
  throw UserError("DIVIDE_BY_ZERO", "22012",
                  "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If "
                  "necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
}

ArrayPtr PrimitiveArithmetic(const ArrayPtr& a, const ArrayPtr& b, const DataTypePtr& type, ArithmeticSpec spec,
                             const EvalContext& ctx) {
  Failure f{ctx.ansi && !spec.is_try && !spec.null_on_zero, spec.is_try};
  switch (type->id()) {
    case TypeId::kByte: return IntegralKernel<int8_t>(a, b, type, spec.op, f);
    case TypeId::kShort: return IntegralKernel<int16_t>(a, b, type, spec.op, f);
    case TypeId::kInt: return IntegralKernel<int32_t>(a, b, type, spec.op, f);
    case TypeId::kLong: return IntegralKernel<int64_t>(a, b, type, spec.op, f);
    case TypeId::kFloat: return FloatingKernel<float>(a, b, type, spec.op, f);
    case TypeId::kDouble: return FloatingKernel<double>(a, b, type, spec.op, f);
    default: break;
  }
  throw InternalError("PrimitiveArithmetic: unsupported type " + type->ToString());
}

namespace {

// The exact decimal cases (a product at the operands' combined scale, a sum
// at the aligned scale) for a batch without NULLs whose unscaled values all
// fit in 64 bits: one 64x64->128-bit multiply per operand, which cannot
// overflow 128 bits, and a sum of two such values, which cannot either. False
// (output partly written) when a value does not fit 64 bits or a result
// leaves the precision; the caller then takes the overflow-checked path.
template <ArithmeticOp kOp>
bool DecimalExact64(const int128_t* xs, const int128_t* ys, int128_t* out, int64_t n, int64_t x_factor,
                    int64_t y_factor, int128_t bound) {
  constexpr int64_t kBlock = 1024;
  for (int64_t start = 0; start < n; start += kBlock) {
    const int64_t end = std::min(n, start + kBlock);
    bool ok = true;
    for (int64_t i = start; i < end; ++i) {
      const int128_t x = xs[i], y = ys[i];
      const int64_t x64 = static_cast<int64_t>(x), y64 = static_cast<int64_t>(y);
      int128_t v;
      if constexpr (kOp == ArithmeticOp::kMultiply) {
        v = static_cast<int128_t>(x64) * y64;
      } else {
        const int128_t xa = static_cast<int128_t>(x64) * x_factor, ya = static_cast<int128_t>(y64) * y_factor;
        v = kOp == ArithmeticOp::kAdd ? xa + ya : xa - ya;
      }
      ok &= (x == x64) & (y == y64) & (v < bound) & (v > -bound);
      out[i] = v;
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace

ArrayPtr DecimalArithmetic(const ArrayPtr& a, const ArrayPtr& b, const DataTypePtr& result, ArithmeticSpec spec,
                           const EvalContext& ctx) {
  const int s1 = a->type()->scale(), s2 = b->type()->scale();
  const int align = std::max(s1, s2);
  const bool raise = ctx.ansi && !spec.is_try;
  const ArithmeticOp op = spec.op;
  auto out_of_range = [&](std::optional<int128_t> v, int scale) -> std::optional<int128_t> {
    if (raise) {
      ThrowDecimalOutOfRange(v ? decimal::ToString(*v, scale) : std::string("The result"), result->precision(),
                             result->scale());
    }
    return std::nullopt;
  };
  if (op == ArithmeticOp::kIntegralDivide) {
    return MapBinary<int64_t, int128_t, int128_t>(a, b, result, [&](int128_t x, int128_t y) -> std::optional<int64_t> {
      if (y == 0) return DividedByZero<int64_t>(Failure{raise, spec.is_try});
      auto xa = decimal::Rescale(x, s1, align), ya = decimal::Rescale(y, s2, align);
      if (!xa || !ya) return Overflowed<int64_t>(Failure{raise, spec.is_try}, op, 0, 0, 0);
      int128_t q = *xa / *ya;
      if (q < std::numeric_limits<int64_t>::min() || q > std::numeric_limits<int64_t>::max()) {
        return Overflowed<int64_t>(Failure{raise, spec.is_try}, op, 0, 0, static_cast<int64_t>(q));
      }
      return static_cast<int64_t>(q);
    });
  }
  const int rs = result->scale(), rp = result->precision();
  // Loop invariants of the common cases: a sum at the aligned scale and a
  // product at the operands' combined scale need no rounding, only
  // overflow-checked 128-bit arithmetic.
  const bool exact_sum = rs == align && align - s1 <= 38 && align - s2 <= 38;
  const int128_t x_factor = exact_sum ? decimal::Pow10(align - s1) : 1;
  const int128_t y_factor = exact_sum ? decimal::Pow10(align - s2) : 1;
  const bool exact_product = s1 + s2 == rs;
  const int128_t bound = decimal::Pow10(rp);
  // 128-bit overflow checks are library calls: operands that fit 64 bits
  // multiply without one.
  auto multiply = [](int128_t x, int128_t y, int128_t* out) {
    if (x == static_cast<int64_t>(x) && y == static_cast<int64_t>(y)) {
      *out = static_cast<int128_t>(static_cast<int64_t>(x)) * static_cast<int64_t>(y);
      return true;
    }
    return !__builtin_mul_overflow(x, y, out);
  };
  // Without NULLs, the exact cases run as a plain loop; a row that overflows
  // or leaves the precision sends the whole batch down the general path,
  // which raises or returns NULL as the mode asks.
  const bool exact = (op == ArithmeticOp::kMultiply && exact_product) ||
                     ((op == ArithmeticOp::kAdd || op == ArithmeticOp::kSubtract) && exact_sum);
  if (exact && a->null_count() == 0 && b->null_count() == 0) {
    const int64_t n = a->length();
    BufferPtr values = Buffer::AllocateUninitialized(n * static_cast<int64_t>(sizeof(int128_t)));
    int128_t* out = values->mutable_data_as<int128_t>();
    const int128_t* xs = a->values<int128_t>();
    const int128_t* ys = b->values<int128_t>();
    // Scale factors up to 10^18 fit the 64-bit path.
    if (op == ArithmeticOp::kMultiply || (align - s1 <= 18 && align - s2 <= 18)) {
      const int64_t xf = static_cast<int64_t>(x_factor), yf = static_cast<int64_t>(y_factor);
      bool fast = false;
      switch (op) {
        case ArithmeticOp::kMultiply: fast = DecimalExact64<ArithmeticOp::kMultiply>(xs, ys, out, n, 1, 1, bound); break;
        case ArithmeticOp::kAdd: fast = DecimalExact64<ArithmeticOp::kAdd>(xs, ys, out, n, xf, yf, bound); break;
        default: fast = DecimalExact64<ArithmeticOp::kSubtract>(xs, ys, out, n, xf, yf, bound); break;
      }
      if (fast) {
        return std::make_shared<Array>(result, n, std::vector<BufferPtr>{nullptr, values}, std::vector<ArrayPtr>{}, 0);
      }
    }
    bool ok = true;
    for (int64_t i = 0; i < n && ok; ++i) {
      int128_t v = 0;
      if (op == ArithmeticOp::kMultiply) {
        ok = multiply(xs[i], ys[i], &v);
      } else {
        int128_t xa = 0, ya = 0;
        ok = multiply(xs[i], x_factor, &xa) && multiply(ys[i], y_factor, &ya) &&
             !(op == ArithmeticOp::kAdd ? __builtin_add_overflow(xa, ya, &v) : __builtin_sub_overflow(xa, ya, &v));
      }
      ok = ok && v < bound && v > -bound;
      out[i] = v;
    }
    if (ok) {
      return std::make_shared<Array>(result, n, std::vector<BufferPtr>{nullptr, values}, std::vector<ArrayPtr>{}, 0);
    }
  }
  return MapBinary<int128_t, int128_t, int128_t>(a, b, result, [&](int128_t x, int128_t y) -> std::optional<int128_t> {
    std::optional<int128_t> v;
    int v_scale = rs;
    switch (op) {
      case ArithmeticOp::kAdd:
      case ArithmeticOp::kSubtract: {
        if (exact_sum) {
          int128_t xa, ya, sum;
          if (multiply(x, x_factor, &xa) && multiply(y, y_factor, &ya) &&
              !(op == ArithmeticOp::kAdd ? __builtin_add_overflow(xa, ya, &sum) : __builtin_sub_overflow(xa, ya, &sum))) {
            v = sum;
          }
          break;
        }
        auto xa = decimal::Rescale(x, s1, align), ya = decimal::Rescale(y, s2, align);
        int128_t sum;
        if (xa && ya &&
            !(op == ArithmeticOp::kAdd ? __builtin_add_overflow(*xa, *ya, &sum) : __builtin_sub_overflow(*xa, *ya, &sum))) {
          v = decimal::Rescale(sum, align, rs);
        }
        break;
      }
      case ArithmeticOp::kMultiply:
        if (int128_t product; exact_product && multiply(x, y, &product)) {
          v = product;
        } else {
          v = decimal::MultiplyRound(x, y, s1 + s2 - rs);
        }
        break;
      case ArithmeticOp::kDivide:
        if (y == 0) return DividedByZero<int128_t>(Failure{raise, spec.is_try});
        v = decimal::DivideRound(x, y, rs - s1 + s2);
        break;
      case ArithmeticOp::kRemainder:
      case ArithmeticOp::kPmod: {
        if (y == 0) return DividedByZero<int128_t>(Failure{raise, spec.is_try});
        auto xa = decimal::Rescale(x, s1, align), ya = decimal::Rescale(y, s2, align);
        if (xa && ya) {
          int128_t m = *xa % *ya;
          if (op == ArithmeticOp::kPmod && m < 0) m = (m + *ya) % *ya;
          v = decimal::Rescale(m, align, rs);
        }
        break;
      }
      case ArithmeticOp::kIntegralDivide:
        break;
    }
    if (v && *v < bound && *v > -bound) return v;
    return out_of_range(v, v_scale);
  });
}

ArrayPtr UnaryArithmetic(const ArrayPtr& a, UnaryArithmeticOp op, const EvalContext& ctx) {
  const bool raise = ctx.ansi;
  const DataTypePtr& type = a->type();
  return VisitPhysicalType(type->id(), [&](auto tag) -> ArrayPtr {
    using T = decltype(tag);
    if constexpr (std::is_same_v<T, std::string_view> || std::is_same_v<T, bool>) {
      throw InternalError("UnaryArithmetic: unsupported type " + type->ToString());
    } else {
      return MapUnary<T, T>(a, type, [&](T x) -> std::optional<T> {
        if (op == UnaryArithmeticOp::kAbs && !(x < 0)) return x;
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, int128_t>) {
          if (x == std::numeric_limits<T>::min()) {
            if (raise) ThrowArithmeticOverflow(TypeWord<T>() + " overflow", "");
            return x;
          }
        }
        return static_cast<T>(-x);
      });
    }
  });
}

}  // namespace lakestream
