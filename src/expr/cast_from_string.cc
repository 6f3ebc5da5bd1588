// CAST(string AS <scalar type>), following Spark's UTF8String parsers.
#include <cstdlib>
#include <limits>
#include <optional>

#include "columnar/array_builder.h"
#include "expr/cast_kernels.h"
#include "expr/datetime_format.h"
#include "expr/decimal_math.h"
#include "expr/interval_text.h"
#include "expr/kernel_builder.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

// Spark trims whitespace and ASCII control characters (UTF8String.trimAll).
std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return s.substr(b, e - b);
}

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

std::optional<bool> ParseBool(std::string_view s) {
  for (const char* t : {"t", "true", "y", "yes", "1"}) if (EqualsLower(s, t)) return true;
  for (const char* f : {"f", "false", "n", "no", "0"}) if (EqualsLower(s, f)) return false;
  return std::nullopt;
}

// UTF8String.toLong: [+-]digits, and in legacy mode a dropped fraction.
std::optional<int64_t> ParseIntegral(std::string_view s, int64_t min, int64_t max, bool allow_fraction) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  int128_t v = 0;
  size_t digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) {
    v = v * 10 + (s[i] - '0');
    if (v > static_cast<int128_t>(max) + 1) return std::nullopt;
  }
  if (digits == 0) return std::nullopt;
  if (i < s.size()) {
    if (!allow_fraction || s[i] != '.') return std::nullopt;
    for (++i; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
    }
  }
  if (negative) v = -v;
  if (v < min || v > max) return std::nullopt;
  return static_cast<int64_t>(v);
}

// java.lang.Double.parseDouble plus Spark's spellings of infinity and NaN.
template <typename T>
std::optional<T> ParseFloating(std::string_view s) {
  constexpr T kInf = std::numeric_limits<T>::infinity();
  if (EqualsLower(s, "nan")) return std::numeric_limits<T>::quiet_NaN();
  for (const char* p : {"inf", "+inf", "infinity", "+infinity"}) if (EqualsLower(s, p)) return kInf;
  for (const char* n : {"-inf", "-infinity"}) if (EqualsLower(s, n)) return -kInf;
  if (!s.empty() && (s.back() == 'd' || s.back() == 'D' || s.back() == 'f' || s.back() == 'F')) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  bool any_digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      any_digit = true;
    } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
      return std::nullopt;
    }
  }
  if (!any_digit) return std::nullopt;
  std::string copy(s);
  char* end = nullptr;
  T v;
  if constexpr (std::is_same_v<T, float>) v = std::strtof(copy.c_str(), &end); else v = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return std::nullopt;
  return v;
}

// Builds the output with `parse` (returns optional<T>), raising or NULLing
// malformed input per the cast options.
template <typename T, typename Parse>
ArrayPtr ParseEach(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o, Parse&& parse) {
  return MapUnary<T, std::string_view>(input, to, [&](std::string_view raw) -> std::optional<T> {
    std::optional<T> v = parse(Trim(raw));
    if (!v && o.raise()) ThrowCastInvalidInput(SqlValue(std::string(raw), *input->type()), *input->type(), *to);
    return v;
  });
}

template <typename T>
ArrayPtr ToIntegral(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o) {
  return ParseEach<T>(input, to, o, [&](std::string_view s) -> std::optional<T> {
    auto v = ParseIntegral(s, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), o.legacy());
    if (!v) return std::nullopt;
    return static_cast<T>(*v);
  });
}

ArrayPtr ToDecimal(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o) {
  const int p = to->precision(), s = to->scale();
  return MapUnary<int128_t, std::string_view>(input, to, [&](std::string_view raw) -> std::optional<int128_t> {
    int128_t v = 0;
    std::string_view t = Trim(raw);
    switch (decimal::Parse(t, p, s, &v)) {
      case decimal::ParseStatus::kOk: return v;
      case decimal::ParseStatus::kOverflow:
        if (o.raise()) ThrowDecimalOutOfRange(std::string(t), p, s);
        return std::nullopt;
      case decimal::ParseStatus::kMalformed:
        break;
    }
    if (o.raise()) ThrowCastInvalidInput(SqlValue(std::string(raw), *input->type()), *input->type(), *to);
    return std::nullopt;
  });
}

}  // namespace

ArrayPtr CastFromString(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o) {
  switch (to->id()) {
    case TypeId::kBoolean: return ParseEach<bool>(input, to, o, ParseBool);
    case TypeId::kByte: return ToIntegral<int8_t>(input, to, o);
    case TypeId::kShort: return ToIntegral<int16_t>(input, to, o);
    case TypeId::kInt: return ToIntegral<int32_t>(input, to, o);
    case TypeId::kLong: return ToIntegral<int64_t>(input, to, o);
    case TypeId::kFloat: return ParseEach<float>(input, to, o, ParseFloating<float>);
    case TypeId::kDouble: return ParseEach<double>(input, to, o, ParseFloating<double>);
    case TypeId::kDecimal: return ToDecimal(input, to, o);
    case TypeId::kDate: return ParseEach<int32_t>(input, to, o, ParseDateDefault);
    case TypeId::kTimestamp: {
      const TimeZone& tz = o.zone();
      return ParseEach<int64_t>(input, to, o, [&](std::string_view s) { return ParseTimestampDefault(s, tz); });
    }
    case TypeId::kTimestampNtz: return ParseEach<int64_t>(input, to, o, ParseTimestampNtzDefault);
    case TypeId::kYearMonthInterval:
      return ParseEach<int32_t>(input, to, o, [&](std::string_view s) -> std::optional<int32_t> {
        auto v = interval::ParseCast(s, *to);
        if (!v) return std::nullopt;
        return static_cast<int32_t>(*v);
      });
    case TypeId::kDayTimeInterval:
      return ParseEach<int64_t>(input, to, o, [&](std::string_view s) { return interval::ParseCast(s, *to); });
    case TypeId::kBinary: {
      // Same bytes, new type: share the buffers.
      return std::make_shared<Array>(to, input->length(), input->buffers(), std::vector<ArrayPtr>{},
                                     input->null_count());
    }
    default: break;
  }
  throw InternalError("CastFromString: unsupported target " + to->ToString());
}

}  // namespace lakestream
