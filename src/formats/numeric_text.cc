#include "formats/numeric_text.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace lakestream {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<int64_t> ParseJavaInteger(std::string_view text, int64_t min, int64_t max) {
  size_t i = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    i = 1;
  }
  if (i == text.size()) return std::nullopt;
  if (text.size() - i <= 18) {
    // Up to 18 digits cannot overflow: the common case, without per-digit checks.
    int64_t v = 0;
    for (; i < text.size(); ++i) {
      unsigned digit = static_cast<unsigned char>(text[i]) - '0';
      if (digit > 9) return std::nullopt;
      v = v * 10 + digit;
    }
    if (negative) v = -v;
    if (v < min || v > max) return std::nullopt;
    return v;
  }
  // Accumulate negatively so that INT64_MIN parses without overflow.
  int64_t acc = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (!IsDigit(c)) return std::nullopt;
    int digit = c - '0';
    if (acc < (std::numeric_limits<int64_t>::min() + digit) / 10) return std::nullopt;
    acc = acc * 10 - digit;
  }
  if (!negative) {
    if (acc == std::numeric_limits<int64_t>::min()) return std::nullopt;
    acc = -acc;
  }
  if (acc < min || acc > max) return std::nullopt;
  return acc;
}

std::optional<double> ParseJavaDouble(std::string_view text) {
  // Java trims every char <= ' ' from both ends.
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= ' ') text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  bool negative = false;
  std::string_view body = text;
  if (body[0] == '-' || body[0] == '+') {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (body == "Infinity") return negative ? -HUGE_VAL : HUGE_VAL;
  char last = body.empty() ? '\0' : body.back();
  if (last == 'f' || last == 'F' || last == 'd' || last == 'D') body.remove_suffix(1);
  // Validate the shape ourselves: from_chars accepts "inf"/"nan" spellings Java does not.
  size_t i = 0;
  size_t mantissa_digits = 0;
  while (i < body.size() && IsDigit(body[i])) ++i, ++mantissa_digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && IsDigit(body[i])) ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return std::nullopt;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < body.size() && IsDigit(body[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  double out = 0;
  auto [p, ec] = std::from_chars(body.data(), body.data() + body.size(), out);
  if (ec == std::errc::result_out_of_range) {
    // Java rounds to infinity or zero instead of failing.
    bool huge = false;
    size_t e = body.find_first_of("eE");
    huge = e == std::string_view::npos || body[e + 1] != '-';
    out = huge ? HUGE_VAL : 0.0;
  } else if (ec != std::errc() || p != body.data() + body.size()) {
    return std::nullopt;
  }
  return negative ? -out : out;
}

std::optional<DecimalText> ParseDecimalText(std::string_view text) {
  DecimalText d;
  size_t i = 0;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    d.negative = text[0] == '-';
    i = 1;
  }
  size_t digit_count = 0;
  int64_t fraction_digits = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (IsDigit(c)) {
      ++digit_count;
      if (seen_point) ++fraction_digits;
      if (c != '0' || !d.digits.empty()) d.digits.push_back(c);
      if (d.digits.size() > 4096) return std::nullopt;  // far beyond any decimal type
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (c == ',' && !seen_point) {
      continue;
    } else {
      break;
    }
  }
  if (digit_count == 0) return std::nullopt;
  int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    auto e = ParseJavaInteger(text.substr(i + 1), -1000000000, 1000000000);
    if (!e) return std::nullopt;
    exponent = *e;
    i = text.size();
  }
  if (i != text.size()) return std::nullopt;
  int64_t scale = fraction_digits - exponent;
  if (scale > INT32_MAX || scale < INT32_MIN) return std::nullopt;
  d.scale = static_cast<int32_t>(scale);
  if (d.digits.empty()) d.negative = false;
  return d;
}

std::optional<__int128> RescaleDecimal(const DecimalText& d, int precision, int scale) {
  // Digits of the value at the target scale: drop (with HALF_UP) or append zeros.
  int64_t shift = static_cast<int64_t>(scale) - d.scale;
  std::string_view digits = d.digits;
  bool round_up = false;
  int64_t appended_zeros = 0;
  if (shift < 0) {
    int64_t drop = -shift;
    if (drop > static_cast<int64_t>(digits.size())) {
      digits = {};
    } else {
      round_up = digits[digits.size() - drop] >= '5';
      digits = digits.substr(0, digits.size() - drop);
    }
  } else {
    appended_zeros = shift;
  }
  if (static_cast<int64_t>(digits.size()) + (digits.empty() ? 0 : appended_zeros) > precision) {
    return std::nullopt;
  }
  __int128 v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  if (!digits.empty()) {
    for (int64_t k = 0; k < appended_zeros; ++k) v *= 10;
  }
  if (round_up) v += 1;
  __int128 limit = 1;
  for (int k = 0; k < precision; ++k) limit *= 10;
  if (v >= limit) return std::nullopt;
  return d.negative ? -v : v;
}

}  // namespace lakestream
