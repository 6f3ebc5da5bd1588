// Math functions over DOUBLE: roots, exponentials, logarithms, trigonometry,
// pi()/e(), width_bucket. Rounding, integer and random functions live in
// math_functions_*.cc and are registered from RegisterMathFunctions below.
//
// Spark casts the arguments of these functions to DOUBLE and follows
// java.lang.Math: sqrt(-1) and asin(2) are NaN, but the logarithms return NULL
// for arguments at or below their asymptote (ln(0), log1p(-1)).
#include <cmath>
#include <numbers>
#include <optional>

#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/math_families.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;
using Kernels = std::vector<ArrayPtr>;

// A function of one DOUBLE returning DOUBLE; `f` returns double or
// std::optional<double> (nullopt: NULL).
template <typename F>
void AddUnary(FunctionRegistry& r, const std::string& name, FunctionDoc doc, F f) {
  r.AddScalar({name, std::move(doc), [name, f](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 1, 1);
                 return BoundScalarFunction{{argument::AsDouble(name, args, 0)}, DataType::Double(),
                                            [f](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<double, double>(a[0], DataType::Double(), f);
                                            }};
               }});
}

// A function of two DOUBLEs returning DOUBLE.
template <typename F>
void AddBinary(FunctionRegistry& r, const std::string& name, FunctionDoc doc, F f) {
  r.AddScalar({name, std::move(doc), [name, f](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 2, 2);
                 return BoundScalarFunction{
                     {argument::AsDouble(name, args, 0), argument::AsDouble(name, args, 1)}, DataType::Double(),
                     [f](const Kernels& a, int64_t, const EvalContext&) {
                       return MapBinary<double, double, double>(a[0], a[1], DataType::Double(), f);
                     }};
               }});
}

void AddConstant(FunctionRegistry& r, const std::string& name, FunctionDoc doc, double value) {
  r.AddScalar({name, std::move(doc), [name, value](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 0, 0);
                 return BoundScalarFunction{{}, DataType::Double(),
                                            [value](const Kernels&, int64_t rows, const EvalContext&) {
                                              return MakeConstantArray(DataType::Double(), Value(value), rows);
                                            }};
               }});
}

// Spark's UnaryLogExpression: NULL at or below the asymptote instead of -Infinity/NaN.
auto LogAbove(double asymptote, double (*log)(double)) {
  return [asymptote, log](double x) -> std::optional<double> {
    if (x <= asymptote) return std::nullopt;
    return log(x);
  };
}

std::optional<double> LogBase(double base, double x) {
  if (base <= 0.0 || x <= 0.0) return std::nullopt;
  return std::log(x) / std::log(base);
}

void RegisterLog(FunctionRegistry& r) {
  r.AddScalar({"log",
               {"log(base, expr) - Returns the logarithm of `expr` with `base`; log(expr) is ln(expr).",
                "SELECT log(10, 100); -- 2.0"},
               [](const Args& args) {
                 signature::CheckArgCount("log", args.size(), 1, 2);
                 if (args.size() == 1) {
                   return BoundScalarFunction{{argument::AsDouble("log", args, 0)}, DataType::Double(),
                                              [](const Kernels& a, int64_t, const EvalContext&) {
                                                return MapUnary<double, double>(a[0], DataType::Double(),
                                                                                LogAbove(0.0, std::log));
                                              }};
                 }
                 return BoundScalarFunction{
                     {argument::AsDouble("log", args, 0), argument::AsDouble("log", args, 1)}, DataType::Double(),
                     [](const Kernels& a, int64_t, const EvalContext&) {
                       return MapBinary<double, double, double>(a[0], a[1], DataType::Double(), LogBase);
                     }};
               }});
}

// Spark's WidthBucket.computeBucketNumber, NULL for degenerate histograms.
std::optional<int64_t> WidthBucket(double value, double min, double max, int64_t buckets) {
  if (buckets <= 0 || buckets == INT64_MAX || std::isnan(value) || min == max || !std::isfinite(min) ||
      !std::isfinite(max)) {
    return std::nullopt;
  }
  const double lower = std::min(min, max);
  const double upper = std::max(min, max);
  if (min < max) {
    if (value < lower) return 0;
    if (value >= upper) return buckets + 1;
    return static_cast<int64_t>(static_cast<double>(buckets) * (value - lower) / (upper - lower)) + 1;
  }
  if (value > upper) return 0;
  if (value <= lower) return buckets + 1;
  return static_cast<int64_t>(static_cast<double>(buckets) * (upper - value) / (upper - lower)) + 1;
}

void RegisterWidthBucket(FunctionRegistry& r) {
  r.AddScalar({"width_bucket",
               {"width_bucket(value, min_value, max_value, num_bucket) - Returns the bucket number to which `value` "
                "would be assigned in an equiwidth histogram with `num_bucket` buckets.",
                "SELECT width_bucket(5.3, 0.2, 10.6, 5); -- 3"},
               [](const Args& args) {
                 const std::string name = "width_bucket";
                 signature::CheckArgCount(name, args.size(), 4, 4);
                 return BoundScalarFunction{
                     {argument::AsDouble(name, args, 0), argument::AsDouble(name, args, 1),
                      argument::AsDouble(name, args, 2), argument::AsLong(name, args, 3)},
                     DataType::Long(), [](const Kernels& a, int64_t rows, const EvalContext&) {
                       PrimitiveBuilder<int64_t> out(DataType::Long(), rows);
                       for (int64_t i = 0; i < rows; ++i) {
                         std::optional<int64_t> b;
                         if (a[0]->IsValid(i) && a[1]->IsValid(i) && a[2]->IsValid(i) && a[3]->IsValid(i)) {
                           b = WidthBucket(a[0]->values<double>()[i], a[1]->values<double>()[i],
                                           a[2]->values<double>()[i], a[3]->values<int64_t>()[i]);
                         }
                         AppendResult(out, b);
                       }
                       return out.Finish();
                     }};
               }});
}

// The C library's cbrt may be off by one ulp (cbrt(27) != 3); one Newton step
// in extended precision gives the correctly rounded root, as Java's does for
// exact cubes.
double Cbrt(double x) {
  const double r = std::cbrt(x);
  if (!std::isfinite(r) || r == 0) return r;
  const long double l = r;
  return static_cast<double>(l - (l * l * l - x) / (3 * l * l));
}

// java.lang.Math.toDegrees / toRadians multiply by these exact constants.
constexpr double kRadiansToDegrees = 57.29577951308232;
constexpr double kDegreesToRadians = 0.017453292519943295;

}  // namespace

void RegisterMathFunctions(FunctionRegistry& r) {
  AddUnary(r, "sqrt", {"sqrt(expr) - Returns the square root of `expr`.", "SELECT sqrt(4); -- 2.0"},
           [](double x) { return std::sqrt(x); });
  AddUnary(r, "cbrt", {"cbrt(expr) - Returns the cube root of `expr`.", "SELECT cbrt(27.0); -- 3.0"},
           Cbrt);
  AddUnary(r, "exp", {"exp(expr) - Returns e to the power of `expr`.", "SELECT exp(0); -- 1.0"},
           [](double x) { return std::exp(x); });
  AddUnary(r, "expm1", {"expm1(expr) - Returns exp(`expr`) - 1.", "SELECT expm1(0); -- 0.0"},
           [](double x) { return std::expm1(x); });
  AddUnary(r, "ln", {"ln(expr) - Returns the natural logarithm (base e) of `expr`.", "SELECT ln(1); -- 0.0"},
           LogAbove(0.0, std::log));
  AddUnary(r, "log10", {"log10(expr) - Returns the logarithm of `expr` with base 10.", "SELECT log10(10); -- 1.0"},
           LogAbove(0.0, std::log10));
  AddUnary(r, "log2", {"log2(expr) - Returns the logarithm of `expr` with base 2.", "SELECT log2(2); -- 1.0"},
           LogAbove(0.0, std::log2));
  AddUnary(r, "log1p", {"log1p(expr) - Returns log(1 + `expr`).", "SELECT log1p(0); -- 0.0"},
           LogAbove(-1.0, std::log1p));
  RegisterLog(r);
  AddBinary(r, "pow", {"pow(expr1, expr2) - Raises `expr1` to the power of `expr2`.", "SELECT pow(2, 3); -- 8.0"},
            [](double x, double y) { return std::pow(x, y); });
  r.AddAlias("power", "pow");
  AddBinary(r, "hypot", {"hypot(expr1, expr2) - Returns sqrt(`expr1`^2 + `expr2`^2).", "SELECT hypot(3, 4); -- 5.0"},
            [](double x, double y) { return std::hypot(x, y); });
  // Spark adds 0.0 to both arguments so that -0.0 behaves like 0.0.
  AddBinary(r, "atan2",
            {"atan2(exprY, exprX) - Returns the angle in radians between the positive x-axis of a plane and the "
             "point given by the coordinates (`exprX`, `exprY`).",
             "SELECT atan2(0, 0); -- 0.0"},
            [](double y, double x) { return std::atan2(y + 0.0, x + 0.0); });

  AddUnary(r, "sin", {"sin(expr) - Returns the sine of `expr`.", "SELECT sin(0); -- 0.0"},
           [](double x) { return std::sin(x); });
  AddUnary(r, "cos", {"cos(expr) - Returns the cosine of `expr`.", "SELECT cos(0); -- 1.0"},
           [](double x) { return std::cos(x); });
  AddUnary(r, "tan", {"tan(expr) - Returns the tangent of `expr`.", "SELECT tan(0); -- 0.0"},
           [](double x) { return std::tan(x); });
  AddUnary(r, "cot", {"cot(expr) - Returns the cotangent of `expr`.", "SELECT cot(1); -- 0.6420926159343306"},
           [](double x) { return 1.0 / std::tan(x); });
  AddUnary(r, "sec", {"sec(expr) - Returns the secant of `expr`.", "SELECT sec(0); -- 1.0"},
           [](double x) { return 1.0 / std::cos(x); });
  AddUnary(r, "csc", {"csc(expr) - Returns the cosecant of `expr`.", "SELECT csc(1); -- 1.1883951057781212"},
           [](double x) { return 1.0 / std::sin(x); });
  AddUnary(r, "asin", {"asin(expr) - Returns the inverse sine of `expr`.", "SELECT asin(0); -- 0.0"},
           [](double x) { return std::asin(x); });
  AddUnary(r, "acos", {"acos(expr) - Returns the inverse cosine of `expr`.", "SELECT acos(1); -- 0.0"},
           [](double x) { return std::acos(x); });
  AddUnary(r, "atan", {"atan(expr) - Returns the inverse tangent of `expr`.", "SELECT atan(0); -- 0.0"},
           [](double x) { return std::atan(x); });
  AddUnary(r, "sinh", {"sinh(expr) - Returns hyperbolic sine of `expr`.", "SELECT sinh(0); -- 0.0"},
           [](double x) { return std::sinh(x); });
  AddUnary(r, "cosh", {"cosh(expr) - Returns the hyperbolic cosine of `expr`.", "SELECT cosh(0); -- 1.0"},
           [](double x) { return std::cosh(x); });
  AddUnary(r, "tanh", {"tanh(expr) - Returns the hyperbolic tangent of `expr`.", "SELECT tanh(0); -- 0.0"},
           [](double x) { return std::tanh(x); });
  // Spark computes the inverse hyperbolic functions with these formulas rather
  // than the C library's, so we do too to return the same last bits.
  AddUnary(r, "asinh", {"asinh(expr) - Returns inverse hyperbolic sine of `expr`.", "SELECT asinh(0); -- 0.0"},
           [](double x) { return x == -INFINITY ? x : std::log(x + std::sqrt(x * x + 1.0)); });
  AddUnary(r, "acosh", {"acosh(expr) - Returns inverse hyperbolic cosine of `expr`.", "SELECT acosh(1); -- 0.0"},
           [](double x) { return std::log(x + std::sqrt(x * x - 1.0)); });
  AddUnary(r, "atanh", {"atanh(expr) - Returns inverse hyperbolic tangent of `expr`.", "SELECT atanh(0); -- 0.0"},
           [](double x) { return 0.5 * (std::log1p(x) - std::log1p(-x)); });
  AddUnary(r, "degrees", {"degrees(expr) - Converts radians to degrees.", "SELECT degrees(3.141592653589793); -- 180.0"},
           [](double x) { return x * kRadiansToDegrees; });
  AddUnary(r, "radians", {"radians(expr) - Converts degrees to radians.", "SELECT radians(180); -- 3.141592653589793"},
           [](double x) { return x * kDegreesToRadians; });
  AddUnary(r, "signum", {"signum(expr) - Returns -1.0, 0.0 or 1.0 as `expr` is negative, 0 or positive.",
                         "SELECT signum(40); -- 1.0"},
           [](double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x; });  // NaN and -0.0 stay, as in Math.signum
  r.AddAlias("sign", "signum");
  AddUnary(r, "rint", {"rint(expr) - Returns the double value that is closest in value to the argument and is "
                       "equal to a mathematical integer.",
                       "SELECT rint(12.3456); -- 12.0"},
           [](double x) { return std::nearbyint(x); });  // round-half-even, as Math.rint
  AddConstant(r, "pi", {"pi() - Returns pi.", "SELECT pi(); -- 3.141592653589793"}, std::numbers::pi);
  AddConstant(r, "e", {"e() - Returns Euler's number, e.", "SELECT e(); -- 2.718281828459045"}, std::numbers::e);
  RegisterWidthBucket(r);

  RegisterMathRoundingFunctions(r);
  RegisterMathIntegralFunctions(r);
  RegisterMathRandomFunctions(r);
}

}  // namespace lakestream
