#include "sqllogictest/result_renderer.h"

#include <md5.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "expr/cast.h"

namespace lakestream::slt {

namespace {

double DecimalToDouble(int128_t unscaled, int scale) {
  return static_cast<double>(unscaled) / std::pow(10.0, scale);
}

// SQLite's conversion of a double to an integer: toward zero, clamped.
int64_t RealToInteger(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 9.2233720368547758e18) return INT64_MAX;
  if (d <= -9.2233720368547758e18) return INT64_MIN;
  return static_cast<int64_t>(d);
}

// The leading integer of a text value, as SQLite reads it ("12abc" -> 12).
int64_t TextToInteger(const std::string& s) {
  return RealToInteger(std::strtod(s.c_str(), nullptr));
}

std::string SparkString(const Value& value, const DataType& type) {
  static const EvalContext ctx = [] {
    EvalContext c;
    c.ansi = false;
    return c;
  }();
  if (value.kind() == Value::Kind::kString) return value.as_string();
  return ValueToString(value, type, ctx);
}

std::string RenderInteger(const Value& value, const DataType& type) {
  int64_t n = 0;
  switch (value.kind()) {
    case Value::Kind::kBool: n = value.as_bool() ? 1 : 0; break;
    case Value::Kind::kInt: n = value.as_int(); break;
    case Value::Kind::kDouble: n = RealToInteger(value.as_double()); break;
    case Value::Kind::kDecimal: {
      int128_t v = value.as_decimal();
      for (int i = 0; i < type.scale(); ++i) v /= 10;
      n = static_cast<int64_t>(v);
      break;
    }
    default: n = TextToInteger(SparkString(value, type)); break;
  }
  return std::to_string(n);
}

std::string RenderReal(const Value& value, const DataType& type) {
  double d = 0;
  switch (value.kind()) {
    case Value::Kind::kBool: d = value.as_bool() ? 1 : 0; break;
    case Value::Kind::kInt: d = static_cast<double>(value.as_int()); break;
    case Value::Kind::kDouble: d = value.as_double(); break;
    case Value::Kind::kDecimal: d = DecimalToDouble(value.as_decimal(), type.scale()); break;
    default: d = std::strtod(SparkString(value, type).c_str(), nullptr); break;
  }
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.3f", d);
  return buf;
}

std::string RenderText(const Value& value, const DataType& type) {
  std::string s = SparkString(value, type);
  if (s.empty()) return "(empty)";
  for (char& c : s) {
    if (c < ' ' || c > '~') c = '@';
  }
  return s;
}

}  // namespace

std::string RenderValue(const Value& value, const DataType& type, char letter) {
  if (value.is_null()) return "NULL";
  switch (letter) {
    case 'I': return RenderInteger(value, type);
    case 'R': return RenderReal(value, type);
    default: return RenderText(value, type);
  }
}

std::string HashValues(const std::vector<std::string>& values) {
  MD5_CTX ctx;
  MD5Init(&ctx);
  for (const auto& v : values) {
    MD5Update(&ctx, reinterpret_cast<const uint8_t*>(v.data()), v.size());
    MD5Update(&ctx, reinterpret_cast<const uint8_t*>("\n"), 1);
  }
  char hex[MD5_DIGEST_STRING_LENGTH];
  MD5End(&ctx, hex);
  return hex;
}

}  // namespace lakestream::slt
