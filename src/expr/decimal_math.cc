#include "expr/decimal_math.h"

#include <charconv>
#include <cstdlib>
#include <vector>

namespace lakestream::decimal {

namespace {

using uint128_t = unsigned __int128;

// Unsigned big integer in base 2^32 limbs, least significant first; just
// enough for exact decimal products and quotients before rounding.
class BigUnsigned {
 public:
  explicit BigUnsigned(uint128_t v) {
    while (v) {
      limbs_.push_back(static_cast<uint32_t>(v));
      v >>= 32;
    }
  }

  void MulSmall(uint32_t m) {
    uint64_t carry = 0;
    for (auto& l : limbs_) {
      uint64_t x = static_cast<uint64_t>(l) * m + carry;
      l = static_cast<uint32_t>(x);
      carry = x >> 32;
    }
    if (carry) limbs_.push_back(static_cast<uint32_t>(carry));
  }
  void MulPow10(int n) {
    for (; n >= 9; n -= 9) MulSmall(1000000000u);
    for (; n > 0; --n) MulSmall(10);
  }
  void Mul(const BigUnsigned& o) {
    std::vector<uint32_t> r(limbs_.size() + o.limbs_.size() + 1, 0);
    for (size_t i = 0; i < limbs_.size(); ++i) {
      uint64_t carry = 0;
      for (size_t j = 0; j < o.limbs_.size(); ++j) {
        uint64_t x = static_cast<uint64_t>(limbs_[i]) * o.limbs_[j] + r[i + j] + carry;
        r[i + j] = static_cast<uint32_t>(x);
        carry = x >> 32;
      }
      size_t k = i + o.limbs_.size();
      while (carry) {
        uint64_t x = static_cast<uint64_t>(r[k]) + carry;
        r[k++] = static_cast<uint32_t>(x);
        carry = x >> 32;
      }
    }
    limbs_ = std::move(r);
    Trim();
  }
  // Divides in place, returning the remainder.
  uint32_t DivSmall(uint32_t d) {
    uint64_t rem = 0;
    for (size_t i = limbs_.size(); i-- > 0;) {
      uint64_t x = (rem << 32) | limbs_[i];
      limbs_[i] = static_cast<uint32_t>(x / d);
      rem = x % d;
    }
    Trim();
    return static_cast<uint32_t>(rem);
  }
  void DivPow10(int n) {
    for (; n >= 9; n -= 9) DivSmall(1000000000u);
    for (; n > 0; --n) DivSmall(10);
  }
  // Floor division by d < 2^127, bit by bit (the remainder stays below d).
  void DivWide(uint128_t d) {
    std::vector<uint32_t> q(limbs_.size(), 0);
    uint128_t rem = 0;
    for (size_t i = limbs_.size(); i-- > 0;) {
      for (int b = 31; b >= 0; --b) {
        rem = (rem << 1) | ((limbs_[i] >> b) & 1u);
        if (rem >= d) {
          rem -= d;
          q[i] |= 1u << b;
        }
      }
    }
    limbs_ = std::move(q);
    Trim();
  }
  std::optional<uint128_t> ToU128() const {
    if (limbs_.size() > 4) return std::nullopt;
    uint128_t v = 0;
    for (size_t i = limbs_.size(); i-- > 0;) v = (v << 32) | limbs_[i];
    return v;
  }

 private:
  void Trim() {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
  }
  std::vector<uint32_t> limbs_;
};

uint128_t Abs(int128_t v) { return v < 0 ? -static_cast<uint128_t>(v) : static_cast<uint128_t>(v); }

// `tenfold` is floor(10 * |exact result|): its last digit decides HALF_UP.
std::optional<int128_t> RoundTenfold(const BigUnsigned& tenfold, bool negative) {
  BigUnsigned q = tenfold;
  uint32_t digit = q.DivSmall(10);
  auto mag = q.ToU128();
  if (!mag) return std::nullopt;
  uint128_t m = *mag + (digit >= 5 ? 1 : 0);
  if (m > static_cast<uint128_t>(~static_cast<uint128_t>(0) >> 1)) return std::nullopt;
  return negative ? -static_cast<int128_t>(m) : static_cast<int128_t>(m);
}

}  // namespace

int128_t Pow10(int n) {
  static const auto kTable = [] {
    std::vector<int128_t> t(39);
    t[0] = 1;
    for (int i = 1; i <= 38; ++i) t[i] = t[i - 1] * 10;
    return t;
  }();
  return kTable[n];
}

bool FitsPrecision(int128_t v, int precision) { return Abs(v) < static_cast<uint128_t>(Pow10(precision)); }

std::optional<int128_t> Rescale(int128_t v, int from, int to) {
  if (to == from) return v;
  if (to > from) {
    if (to - from > 38) return v == 0 ? std::optional<int128_t>(0) : std::nullopt;
    int128_t out;
    if (__builtin_mul_overflow(v, Pow10(to - from), &out)) return std::nullopt;
    return out;
  }
  return MultiplyRound(v, 1, from - to);
}

std::optional<int128_t> MultiplyRound(int128_t a, int128_t b, int drop) {
  // The common case, a product that fits 128 bits, without big arithmetic:
  // the same half-up rounding of the magnitude.
  int128_t product;
  const bool narrow = a == static_cast<int64_t>(a) && b == static_cast<int64_t>(b);
  if (narrow) product = static_cast<int128_t>(static_cast<int64_t>(a)) * static_cast<int64_t>(b);
  if (drop >= 0 && drop <= 38 && (narrow || !__builtin_mul_overflow(a, b, &product))) {
    if (drop == 0) return product;
    const uint128_t m = Abs(product);
    uint128_t q, r;
    const uint128_t d = static_cast<uint128_t>(Pow10(drop));
    if ((m >> 64) == 0 && (d >> 64) == 0) {
      q = static_cast<uint64_t>(m) / static_cast<uint64_t>(d);
      r = static_cast<uint64_t>(m) % static_cast<uint64_t>(d);
    } else {
      q = m / d;
      r = m % d;
    }
    if (r >= d - r) q += 1;
    return product < 0 ? -static_cast<int128_t>(q) : static_cast<int128_t>(q);
  }
  BigUnsigned x(Abs(a));
  x.Mul(BigUnsigned(Abs(b)));
  if (drop == 0) {
    x.MulSmall(10);
  } else {
    x.DivPow10(drop - 1);
  }
  return RoundTenfold(x, (a < 0) != (b < 0));
}

std::optional<int128_t> DivideRound(int128_t a, int128_t b, int shift) {
  BigUnsigned x(Abs(a));
  if (shift + 1 >= 0) {
    x.MulPow10(shift + 1);
    x.DivWide(Abs(b));
  } else {
    x.DivWide(Abs(b));
    x.DivPow10(-(shift + 1));
  }
  return RoundTenfold(x, (a < 0) != (b < 0));
}

std::string ToString(int128_t v, int scale) {
  uint128_t m = Abs(v);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  } while (m);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale, ".");
  }
  return v < 0 ? "-" + digits : digits;
}

double ToDouble(int128_t v, int scale) {
  std::string s = ToString(v, scale);
  return std::strtod(s.c_str(), nullptr);
}

ParseStatus Parse(std::string_view text, int precision, int scale, int128_t* out) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::string digits;
  int fraction_digits = 0;
  bool any_digit = false, seen_point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (!(digits.empty() && c == '0')) digits += c;
      if (seen_point) ++fraction_digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any_digit) return ParseStatus::kMalformed;
  int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) eneg = text[i++] == '-';
    if (i == text.size()) return ParseStatus::kMalformed;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
    }
    if (eneg) exponent = -exponent;
  }
  if (i != text.size()) return ParseStatus::kMalformed;
  if (digits.empty()) {
    *out = 0;
    return ParseStatus::kOk;
  }
  // value = digits * 10^(exponent - fraction_digits); we need it at `scale`.
  int64_t shift = exponent - fraction_digits + scale;
  if (shift >= 0) {
    if (static_cast<int64_t>(digits.size()) + shift > precision) return ParseStatus::kOverflow;
    digits.append(static_cast<size_t>(shift), '0');
  } else {
    int64_t keep = static_cast<int64_t>(digits.size()) + shift;
    if (keep < 0) {
      *out = 0;
      return ParseStatus::kOk;
    }
    bool round_up = digits[keep] >= '5';
    digits.resize(keep);
    if (round_up) {
      int64_t k = keep - 1;
      while (k >= 0 && digits[k] == '9') digits[k--] = '0';
      if (k < 0) digits.insert(digits.begin(), '1'); else ++digits[k];
    }
    if (digits.empty()) digits = "0";
    if (static_cast<int64_t>(digits.size()) > precision) return ParseStatus::kOverflow;
  }
  int128_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  *out = negative ? -v : v;
  return ParseStatus::kOk;
}

}  // namespace lakestream::decimal
