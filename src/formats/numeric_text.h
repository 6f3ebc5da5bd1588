// Number parsing with the JVM's rules, which Spark's CSV and JSON readers use
// (Integer.parseInt, Long.parseLong, Double.parseDouble, java.math.BigDecimal).
// All functions take any bytes and never read outside `text`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lakestream {

// Optional sign then decimal digits, nothing else; nullopt on overflow of
// [min, max] (Long.parseLong with the bounds of the target type).
std::optional<int64_t> ParseJavaInteger(std::string_view text, int64_t min, int64_t max);

// Double.parseDouble: surrounding whitespace ignored, optional sign, digits with
// an optional fraction and exponent, an optional f/F/d/D suffix, "NaN",
// "Infinity". Hexadecimal floats are not accepted.
std::optional<double> ParseJavaDouble(std::string_view text);

// A decimal number in BigDecimal's form: unscaled digits and a scale.
struct DecimalText {
  bool negative = false;
  std::string digits;  // significant digits, no leading zeros ("" for zero)
  int32_t scale = 0;   // digits after the point; negative for an exponent
  // BigDecimal.precision(): the number of significant digits (1 for zero).
  int32_t precision() const { return digits.empty() ? 1 : static_cast<int32_t>(digits.size()); }
};

// new java.math.BigDecimal(text) after removing ',' grouping separators (Spark's
// US-locale decimal parser). nullopt unless the whole text is a number.
std::optional<DecimalText> ParseDecimalText(std::string_view text);

// The unscaled value of `d` at `scale` rounded HALF_UP; nullopt when it needs
// more than `precision` digits (Spark's Decimal.set(..., precision, scale)).
std::optional<__int128> RescaleDecimal(const DecimalText& d, int precision, int scale);

}  // namespace lakestream
