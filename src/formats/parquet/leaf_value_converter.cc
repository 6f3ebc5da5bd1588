#include "formats/parquet/leaf_value_converter.h"

#include <climits>
#include <cstring>

#include "columnar/check.h"
#include "formats/parquet/leaf_batch.h"

namespace lakestream::parquet {

namespace {

using int128_t = __int128;
using uint128_t = unsigned __int128;

constexpr int64_t kMicrosPerDay = 86400LL * 1000 * 1000;
// Julian day number of 1970-01-01.
constexpr int64_t kJulianDayOfEpoch = 2440588;

template <typename From, typename To, typename F>
void Map(const uint8_t* src, int64_t n, uint8_t* dst, F f) {
  for (int64_t i = 0; i < n; ++i) {
    From v;
    std::memcpy(&v, src + i * sizeof(From), sizeof(From));
    To out = f(v);
    std::memcpy(dst + i * sizeof(To), &out, sizeof(To));
  }
}

// IEEE 754 binary16 -> binary32, exactly (every half value is a float value).
float HalfToFloat(uint16_t h) {
  uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  uint32_t exponent = (h >> 10) & 0x1f;
  uint32_t mantissa = h & 0x3ff;
  uint32_t bits;
  if (exponent == 0x1f) {
    bits = sign | 0x7f800000 | (mantissa << 13);
  } else if (exponent != 0) {
    bits = sign | ((exponent + 127 - 15) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    bits = sign;
  } else {
    // Subnormal half: normalize into the float's wider exponent range.
    int e = 127 - 15 + 1;
    while ((mantissa & 0x400) == 0) mantissa <<= 1, --e;
    bits = sign | (static_cast<uint32_t>(e) << 23) | ((mantissa & 0x3ff) << 13);
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

// A big-endian two's complement DECIMAL value of `length` bytes.
int128_t BigEndianDecimal(const uint8_t* p, int64_t length, const LeafDescriptor& leaf) {
  uint8_t sign = length > 0 && (p[0] & 0x80) ? 0xff : 0x00;
  int64_t first = 0;
  if (length > 16) {
    // Wider than 128 bits: only sign-extension bytes may lead.
    first = length - 16;
    bool fits = (p[first] & 0x80) == (sign & 0x80);
    for (int64_t k = 0; k < first; ++k) fits &= p[k] == sign;
    if (!fits) {
      throw UserError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", "22003",
                      "A " + std::to_string(length) + "-byte DECIMAL value in Parquet column `" + leaf.DottedPath() +
                          "` does not fit " + leaf.type->ToSql() + ".");
    }
  }
  uint128_t v = sign ? ~uint128_t{0} : 0;
  for (int64_t k = first; k < length; ++k) v = (v << 8) | p[k];
  return static_cast<int128_t>(v);
}

}  // namespace

LeafValueConverter::LeafValueConverter(const LeafDescriptor& leaf) : leaf_(leaf) {
  switch (leaf.physical_type) {
    case PhysicalType::kBoolean: physical_width_ = 1; break;
    case PhysicalType::kInt32:
    case PhysicalType::kFloat: physical_width_ = 4; break;
    case PhysicalType::kInt64:
    case PhysicalType::kDouble: physical_width_ = 8; break;
    case PhysicalType::kInt96: physical_width_ = 12; break;
    case PhysicalType::kByteArray: physical_width_ = 0; break;
    case PhysicalType::kFixedLenByteArray: physical_width_ = leaf.type_length; break;
  }
  TypeId id = leaf.type->id();
  target_ = id == TypeId::kBoolean ? Target::kBoolean : leaf.type->IsBinaryLike() ? Target::kBinary : Target::kFixed;
  target_width_ = target_ == Target::kBoolean ? 1 : target_ == Target::kFixed ? leaf.type->byte_width() : 0;
}

void LeafValueConverter::FixedToFixed(const uint8_t* src, int64_t n, uint8_t* dst) const {
  if (n == 0) return;  // empty pages and dictionaries may come with null spans
  switch (leaf_.conversion) {
    case LeafConversion::kNone:
      std::memcpy(dst, src, static_cast<size_t>(n) * target_width_);
      return;
    case LeafConversion::kInt32ToInt8:
      Map<int32_t, int8_t>(src, n, dst, [](int32_t v) { return static_cast<int8_t>(v); });
      return;
    case LeafConversion::kInt32ToInt16:
      Map<int32_t, int16_t>(src, n, dst, [](int32_t v) { return static_cast<int16_t>(v); });
      return;
    case LeafConversion::kUint8ToInt16:
      Map<int32_t, int16_t>(src, n, dst, [](int32_t v) { return static_cast<int16_t>(static_cast<uint8_t>(v)); });
      return;
    case LeafConversion::kUint16ToInt32:
      Map<int32_t, int32_t>(src, n, dst, [](int32_t v) { return static_cast<int32_t>(static_cast<uint16_t>(v)); });
      return;
    case LeafConversion::kUint32ToInt64:
      Map<int32_t, int64_t>(src, n, dst, [](int32_t v) { return static_cast<int64_t>(static_cast<uint32_t>(v)); });
      return;
    case LeafConversion::kInt32ToDecimal:
      Map<int32_t, int128_t>(src, n, dst, [](int32_t v) { return int128_t{v}; });
      return;
    case LeafConversion::kInt64ToDecimal:
      Map<int64_t, int128_t>(src, n, dst, [](int64_t v) { return int128_t{v}; });
      return;
    case LeafConversion::kUint64ToDecimal:
      Map<uint64_t, int128_t>(src, n, dst, [](uint64_t v) { return static_cast<int128_t>(v); });
      return;
    case LeafConversion::kMillis32ToMicros:
      Map<int32_t, int64_t>(src, n, dst, [](int32_t v) { return int64_t{v} * 1000; });
      return;
    case LeafConversion::kMillisToMicros:
      // Wraps like Spark's and DuckDB's arithmetic on values beyond ±292,000 years.
      Map<int64_t, int64_t>(src, n, dst, [](int64_t v) {
        return static_cast<int64_t>(static_cast<uint64_t>(v) * 1000u);
      });
      return;
    case LeafConversion::kNanosToMicros:
      Map<int64_t, int64_t>(src, n, dst, [](int64_t v) { return v / 1000 - (v % 1000 < 0 ? 1 : 0); });
      return;
    case LeafConversion::kInt96ToMicros:
      for (int64_t i = 0; i < n; ++i) {
        int64_t nanos;
        int32_t julian_day;
        std::memcpy(&nanos, src + i * 12, 8);
        std::memcpy(&julian_day, src + i * 12 + 8, 4);
        // Days and nanoseconds combine in µs: whole int96 range, no int64-nanosecond detour.
        uint64_t day_micros = static_cast<uint64_t>(julian_day - kJulianDayOfEpoch) * kMicrosPerDay;
        int64_t micros = static_cast<int64_t>(day_micros + static_cast<uint64_t>(nanos / 1000 - (nanos % 1000 < 0)));
        std::memcpy(dst + i * 8, &micros, 8);
      }
      return;
    case LeafConversion::kFloat16ToFloat:
      Map<uint16_t, float>(src, n, dst, HalfToFloat);
      return;
    case LeafConversion::kFixedToDecimal:
      for (int64_t i = 0; i < n; ++i) {
        int128_t v = BigEndianDecimal(src + i * physical_width_, physical_width_, leaf_);
        std::memcpy(dst + i * 16, &v, 16);
      }
      return;
    case LeafConversion::kBinaryToDecimal:
    case LeafConversion::kFixedToBinary:
    case LeafConversion::kUuidToString: break;
  }
  LS_CHECK(false);
}

void LeafValueConverter::FixedToBinary(const uint8_t* src, int64_t n, std::vector<int32_t>* offsets,
                                       std::string* bytes) const {
  if (n == 0) return;
  int width = leaf_.conversion == LeafConversion::kUuidToString ? 36 : physical_width_;
  int64_t start = offsets->back();
  if (start + n * width > kMaxBatchBytes) ThrowBatchBytesOverflow(leaf_.DottedPath());
  offsets->reserve(offsets->size() + n);
  for (int64_t i = 1; i <= n; ++i) offsets->push_back(static_cast<int32_t>(start + i * width));
  if (leaf_.conversion != LeafConversion::kUuidToString) {
    bytes->append(reinterpret_cast<const char*>(src), static_cast<size_t>(n) * width);
    return;
  }
  static const char kHex[] = "0123456789abcdef";
  size_t at = bytes->size();
  bytes->resize(at + static_cast<size_t>(n) * 36);
  char* out = bytes->data() + at;
  for (int64_t i = 0; i < n; ++i) {
    const uint8_t* u = src + i * 16;
    for (int b = 0; b < 16; ++b) {
      if (b == 4 || b == 6 || b == 8 || b == 10) *out++ = '-';
      *out++ = kHex[u[b] >> 4];
      *out++ = kHex[u[b] & 15];
    }
  }
}

void LeafValueConverter::BinaryToFixed(const int32_t* offsets, const uint8_t* bytes, int64_t n,
                                       uint8_t* dst) const {
  LS_CHECK(target_ == Target::kFixed && target_width_ == 16);
  for (int64_t i = 0; i < n; ++i) {
    int128_t v = BigEndianDecimal(bytes + offsets[i], offsets[i + 1] - offsets[i], leaf_);
    std::memcpy(dst + i * 16, &v, 16);
  }
}

Value LeafValueConverter::FixedValue(const uint8_t* p) const {
  auto load = [p](auto v) {
    std::memcpy(&v, p, sizeof(v));
    return v;
  };
  switch (leaf_.type->id()) {
    case TypeId::kBoolean: return Value(p[0] != 0);
    case TypeId::kByte: return Value(int64_t{load(int8_t{})});
    case TypeId::kShort: return Value(int64_t{load(int16_t{})});
    case TypeId::kInt:
    case TypeId::kDate: return Value(int64_t{load(int32_t{})});
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz: return Value(load(int64_t{}));
    case TypeId::kFloat: return Value(double{load(float{})});
    case TypeId::kDouble: return Value(load(double{}));
    case TypeId::kDecimal: return Value::Decimal(load(int128_t{}));
    default: LS_CHECK(false);
  }
}

}  // namespace lakestream::parquet
