// Exact arithmetic on DECIMAL unscaled values (int128), with Spark's
// ROUND_HALF_UP rounding. Intermediate products and quotients are computed
// exactly in wider integers, so only the final result can overflow.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lakestream/value.h"

namespace lakestream::decimal {

// 10^n for n in [0, 38].
int128_t Pow10(int n);
// Whether |v| < 10^precision.
bool FitsPrecision(int128_t v, int precision);
// v (at scale `from`) at scale `to`, rounding HALF_UP when the scale drops;
// nullopt if the result does not fit in int128.
std::optional<int128_t> Rescale(int128_t v, int from, int to);
// round(a * b / 10^drop) HALF_UP, drop >= 0; nullopt when it exceeds int128.
std::optional<int128_t> MultiplyRound(int128_t a, int128_t b, int drop);
// round(a * 10^shift / b) HALF_UP (shift may be negative), b != 0.
std::optional<int128_t> DivideRound(int128_t a, int128_t b, int shift);

// Plain notation with exactly `scale` fraction digits: "-12.50", "0.001".
std::string ToString(int128_t v, int scale);
// Correctly rounded nearest double.
double ToDouble(int128_t v, int scale);

enum class ParseStatus { kOk, kMalformed, kOverflow };
// Parses "[+-]digits[.digits][e[+-]digits]" (no surrounding spaces) to an
// unscaled value with `scale`, rounding HALF_UP; kOverflow if more than
// `precision` digits remain.
ParseStatus Parse(std::string_view text, int precision, int scale, int128_t* out);

}  // namespace lakestream::decimal
