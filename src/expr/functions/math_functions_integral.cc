// Integer math: bitwise operators (&, |, ^, ~), shifts, bit_count, bit_get,
// factorial, bin, conv. Shift and bit semantics follow Java, as Spark's do:
// shift counts are taken modulo the width, bit_count sign-extends to 64 bits.
#include <bit>
#include <optional>
#include <string>

#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/math_families.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;
using Kernels = std::vector<ArrayPtr>;

// Calls f(T{}) for the C++ type of an integral type id.
template <typename F>
ArrayPtr VisitIntegral(TypeId id, F&& f) {
  switch (id) {
    case TypeId::kByte: return f(int8_t{});
    case TypeId::kShort: return f(int16_t{});
    case TypeId::kInt: return f(int32_t{});
    case TypeId::kLong: return f(int64_t{});
    default: throw InternalError("VisitIntegral: not an integral type id " + std::to_string(static_cast<int>(id)));
  }
}

// The integral type an operand is used as: integers keep their type, STRING
// and untyped NULL become BIGINT (Spark's implicit cast for IntegralType).
DataTypePtr IntegralOperand(const std::string& name, const Args& args, size_t i) {
  if (args[i]->IsIntegral()) return args[i];
  if (args[i]->id() == TypeId::kString || args[i]->id() == TypeId::kNull) return DataType::Long();
  signature::ThrowUnexpectedType(name, i, "\"INTEGRAL\"", args[i]);
}

// Spark's shifts take INT or BIGINT; narrower integers widen to INT.
DataTypePtr ShiftOperand(const std::string& name, const Args& args) {
  const DataTypePtr t = IntegralOperand(name, args, 0);
  return t->id() == TypeId::kLong ? t : DataType::Int();
}

template <typename Op>
void AddBitwiseBinary(FunctionRegistry& r, const std::string& name, FunctionDoc doc, Op op) {
  r.AddScalar({name, std::move(doc), [name, op](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 2, 2);
                 const DataTypePtr x = IntegralOperand(name, args, 0);
                 const DataTypePtr y = IntegralOperand(name, args, 1);
                 const DataTypePtr t = x->id() >= y->id() ? x : y;
                 return BoundScalarFunction{{t, t}, t, [t, op](const Kernels& a, int64_t, const EvalContext&) {
                                              return VisitIntegral(t->id(), [&](auto tag) {
                                                using T = decltype(tag);
                                                return MapBinary<T, T, T>(a[0], a[1], t, [op](T x, T y) {
                                                  return static_cast<T>(op(x, y));
                                                });
                                              });
                                            }};
               }});
}

// Shifts on the unsigned image of the value so that no shift is undefined
// behaviour in C++; `op` gets (bits, count masked to the width).
template <typename Op>
void AddShift(FunctionRegistry& r, const std::string& name, FunctionDoc doc, Op op) {
  r.AddScalar({name, std::move(doc), [name, op](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 2, 2);
                 const DataTypePtr t = ShiftOperand(name, args);
                 return BoundScalarFunction{
                     {t, argument::AsInt(name, args, 1)}, t, [t, op](const Kernels& a, int64_t, const EvalContext&) {
                       if (t->id() == TypeId::kLong) {
                         return MapBinary<int64_t, int64_t, int32_t>(a[0], a[1], t, [op](int64_t v, int32_t n) {
                           return op(v, n & 63);
                         });
                       }
                       return MapBinary<int32_t, int32_t, int32_t>(a[0], a[1], t, [op](int32_t v, int32_t n) {
                         return op(v, n & 31);
                       });
                     }};
               }});
}

void RegisterBitwise(FunctionRegistry& r) {
  AddBitwiseBinary(r, "&", {"expr1 & expr2 - Returns the result of bitwise AND of `expr1` and `expr2`.",
                            "SELECT 3 & 5; -- 1"},
                   [](int64_t x, int64_t y) { return x & y; });
  AddBitwiseBinary(r, "|", {"expr1 | expr2 - Returns the result of bitwise OR of `expr1` and `expr2`.",
                            "SELECT 3 | 5; -- 7"},
                   [](int64_t x, int64_t y) { return x | y; });
  AddBitwiseBinary(r, "^", {"expr1 ^ expr2 - Returns the result of bitwise exclusive OR of `expr1` and `expr2`.",
                            "SELECT 3 ^ 5; -- 6"},
                   [](int64_t x, int64_t y) { return x ^ y; });
  r.AddScalar({"~", {"~ expr - Returns the result of bitwise NOT of `expr`.", "SELECT ~ 0; -- -1"},
               [](const Args& args) {
                 signature::CheckArgCount("~", args.size(), 1, 1);
                 const DataTypePtr t = IntegralOperand("~", args, 0);
                 return BoundScalarFunction{{t}, t, [t](const Kernels& a, int64_t, const EvalContext&) {
                                              return VisitIntegral(t->id(), [&](auto tag) {
                                                using T = decltype(tag);
                                                return MapUnary<T, T>(a[0], t, [](T x) { return static_cast<T>(~x); });
                                              });
                                            }};
               }});

  const auto shl = [](auto v, int32_t n) {
    using T = decltype(v);
    return static_cast<T>(static_cast<std::make_unsigned_t<T>>(v) << n);
  };
  const auto shr = [](auto v, int32_t n) { return static_cast<decltype(v)>(v >> n); };  // arithmetic in C++20
  const auto ushr = [](auto v, int32_t n) {
    using T = decltype(v);
    return static_cast<T>(static_cast<std::make_unsigned_t<T>>(v) >> n);
  };
  AddShift(r, "shiftleft", {"shiftleft(base, expr) - Bitwise left shift.", "SELECT shiftleft(2, 1); -- 4"}, shl);
  AddShift(r, "shiftright", {"shiftright(base, expr) - Bitwise (signed) right shift.", "SELECT shiftright(4, 1); -- 2"},
           shr);
  AddShift(r, "shiftrightunsigned",
           {"shiftrightunsigned(base, expr) - Bitwise unsigned right shift.", "SELECT shiftrightunsigned(4, 1); -- 2"},
           ushr);
  r.AddAlias("<<", "shiftleft");
  r.AddAlias(">>", "shiftright");
  r.AddAlias(">>>", "shiftrightunsigned");

  r.AddScalar({"bit_count",
               {"bit_count(expr) - Returns the number of bits that are set in the argument expr as an unsigned 64-bit "
                "integer, or NULL if the argument is NULL.",
                "SELECT bit_count(0); -- 0"},
               [](const Args& args) {
                 signature::CheckArgCount("bit_count", args.size(), 1, 1);
                 if (args[0]->id() == TypeId::kBoolean) {
                   return BoundScalarFunction{{args[0]}, DataType::Int(), [](const Kernels& a, int64_t, const EvalContext&) {
                                                return MapUnary<int32_t, bool>(a[0], DataType::Int(),
                                                                               [](bool b) { return b ? 1 : 0; });
                                              }};
                 }
                 IntegralOperand("bit_count", args, 0);
                 return BoundScalarFunction{{DataType::Long()}, DataType::Int(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<int32_t, int64_t>(a[0], DataType::Int(), [](int64_t v) {
                                                return std::popcount(static_cast<uint64_t>(v));
                                              });
                                            }};
               }});

  r.AddScalar({"bit_get",
               {"bit_get(expr, pos) - Returns the value of the bit (0 or 1) at the specified position. The positions "
                "are numbered from right to left, starting at zero.",
                "SELECT bit_get(11, 0); -- 1"},
               [](const Args& args) {
                 signature::CheckArgCount("bit_get", args.size(), 2, 2);
                 const DataTypePtr t = IntegralOperand("bit_get", args, 0);
                 const int width = t->byte_width() * 8;
                 return BoundScalarFunction{
                     {DataType::Long(), argument::AsInt("bit_get", args, 1)}, DataType::Byte(),
                     [width](const Kernels& a, int64_t, const EvalContext&) {
                       return MapBinary<int8_t, int64_t, int32_t>(a[0], a[1], DataType::Byte(), [width](int64_t v, int32_t pos) {
                         if (pos < 0 || pos >= width) {
                           throw UserError("INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE", "22023",
                                           "The value of parameter(s) `pos` in `bit_get` is invalid: expects an integer "
                                           "value in [0, " + std::to_string(width) + "), but got " +
                                               std::to_string(pos) + ".");
                         }
                         return static_cast<int8_t>((static_cast<uint64_t>(v) >> pos) & 1);
                       });
                     }};
               }});
  r.AddAlias("getbit", "bit_get");
}

std::optional<int64_t> Factorial(int32_t n) {
  if (n < 0 || n > 20) return std::nullopt;
  int64_t f = 1;
  for (int i = 2; i <= n; ++i) f *= i;
  return f;
}

std::string ToBinaryString(int64_t v) {
  auto u = static_cast<uint64_t>(v);
  if (u == 0) return "0";
  std::string s;
  for (; u != 0; u >>= 1) s.insert(s.begin(), static_cast<char>('0' + (u & 1)));
  return s;
}

// Spark's NumberConverter.convert: digits are read as an unsigned 64-bit value
// up to the first invalid one; a negative to_base prints signed values.
std::optional<std::string> Conv(std::string_view num, int32_t from_base, int32_t to_base, const EvalContext& ctx) {
  const int32_t to_abs = to_base < 0 ? -to_base : to_base;
  if (from_base < 2 || from_base > 36 || to_abs < 2 || to_abs > 36 || num.empty()) return std::nullopt;
  bool negative = num[0] == '-';
  uint64_t v = 0;
  const uint64_t bound = (UINT64_MAX - static_cast<uint64_t>(from_base)) / static_cast<uint64_t>(from_base);
  for (size_t i = negative ? 1 : 0; i < num.size(); ++i) {
    const char c = num[i];
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
    if (digit < 0 || digit >= from_base) break;
    if (v >= bound && (UINT64_MAX - static_cast<uint64_t>(digit)) / static_cast<uint64_t>(from_base) < v) {
      if (ctx.ansi) {
        throw UserError("ARITHMETIC_OVERFLOW", "22003",
                        "Overflow in function conv(). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to "
                        "bypass this error.");
      }
      v = UINT64_MAX;
      break;
    }
    v = v * static_cast<uint64_t>(from_base) + static_cast<uint64_t>(digit);
  }
  auto sv = static_cast<int64_t>(v);
  if (negative && to_base > 0) sv = sv < 0 ? -1 : -sv;
  if (to_base < 0 && sv < 0) {
    sv = -sv;
    negative = true;
  }
  uint64_t u = static_cast<uint64_t>(sv);
  std::string out;
  do {
    const int d = static_cast<int>(u % static_cast<uint64_t>(to_abs));
    out.insert(out.begin(), static_cast<char>(d < 10 ? '0' + d : 'A' + d - 10));
    u /= static_cast<uint64_t>(to_abs);
  } while (u != 0);
  if (negative && to_base < 0) out.insert(out.begin(), '-');
  return out;
}

void RegisterNumberFormatting(FunctionRegistry& r) {
  r.AddScalar({"factorial",
               {"factorial(expr) - Returns the factorial of `expr`. `expr` is [0..20]. Otherwise, null.",
                "SELECT factorial(5); -- 120"},
               [](const Args& args) {
                 signature::CheckArgCount("factorial", args.size(), 1, 1);
                 return BoundScalarFunction{{argument::AsInt("factorial", args, 0)}, DataType::Long(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<int64_t, int32_t>(a[0], DataType::Long(), Factorial);
                                            }};
               }});
  r.AddScalar({"bin",
               {"bin(expr) - Returns the string representation of the long value `expr` represented in binary.",
                "SELECT bin(13); -- 1101"},
               [](const Args& args) {
                 signature::CheckArgCount("bin", args.size(), 1, 1);
                 return BoundScalarFunction{{argument::AsLong("bin", args, 0)}, DataType::String(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<std::string, int64_t>(a[0], DataType::String(),
                                                                                    ToBinaryString);
                                            }};
               }});
  r.AddScalar({"conv",
               {"conv(num, from_base, to_base) - Convert `num` from `from_base` to `to_base`.",
                "SELECT conv('100', 2, 10); -- 4"},
               [](const Args& args) {
                 signature::CheckArgCount("conv", args.size(), 3, 3);
                 return BoundScalarFunction{
                     {argument::AsString("conv", args, 0), argument::AsInt("conv", args, 1),
                      argument::AsInt("conv", args, 2)},
                     DataType::String(), [](const Kernels& a, int64_t, const EvalContext& ctx) {
                       return MapTernary<std::string, std::string_view, int32_t, int32_t>(
                           a[0], a[1], a[2], DataType::String(),
                           [&ctx](std::string_view n, int32_t from, int32_t to) { return Conv(n, from, to, ctx); });
                     }};
               }});
}

}  // namespace

void RegisterMathIntegralFunctions(FunctionRegistry& r) {
  RegisterBitwise(r);
  RegisterNumberFormatting(r);
}

}  // namespace lakestream
