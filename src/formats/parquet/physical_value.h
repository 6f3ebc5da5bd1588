// PhysicalValue<T>: what the writer needs to know about one in-memory value
// type per Parquet physical type -- its PLAIN encoding, its statistics bytes,
// the type-defined sort order of parquet-format's column-order rules, and a
// dictionary key. The types:
//   uint8_t (BOOLEAN, 0 or 1), int32_t (INT32), int64_t (INT64), float, double,
//   std::string_view (BYTE_ARRAY), int128_t (DECIMAL as FIXED_LEN_BYTE_ARRAY,
//   stored big-endian in `type_length` bytes).
// `type_length` is ignored by all but int128_t.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

#include "formats/parquet/encoding.h"
#include "lakestream/value.h"

namespace lakestream::parquet {

template <typename T>
struct PhysicalValue;

// Shared by the fixed-width numeric types: little-endian PLAIN bytes, signed
// numeric order (parquet-format's order for INT32/INT64 and every logical
// type Spark writes on them), the value's bits as dictionary key.
template <typename T, typename Bits>
struct FixedWidthValue {
  using Key = Bits;
  static constexpr bool kLegacyOrderAgrees = true;  // Statistics.min/max are signed too
  static int64_t PlainSize(T, int) { return sizeof(T); }
  static void EncodePlain(const T* values, int64_t count, int, std::string* out) {
    EncodePlainFixed(reinterpret_cast<const uint8_t*>(values), count, sizeof(T), out);
  }
  static std::string StatBytes(T value, int) { return std::string(reinterpret_cast<const char*>(&value), sizeof(T)); }
  static Key ToKey(T value) {
    Bits bits;
    std::memcpy(&bits, &value, sizeof(T));
    return bits;
  }
  // parquet-format: NaN never enters min/max.
  static bool Ignored(T value) {
    if constexpr (std::is_floating_point_v<T>) return std::isnan(value);
    return false;
  }
  static bool Less(T a, T b) { return a < b; }
};

template <> struct PhysicalValue<int32_t> : FixedWidthValue<int32_t, uint32_t> {};
template <> struct PhysicalValue<int64_t> : FixedWidthValue<int64_t, uint64_t> {};
// Dictionary keys are the bits, so -0.0 and +0.0 stay distinct values and
// every NaN payload round-trips.
template <> struct PhysicalValue<float> : FixedWidthValue<float, uint32_t> {};
template <> struct PhysicalValue<double> : FixedWidthValue<double, uint64_t> {};

template <>
struct PhysicalValue<uint8_t> : FixedWidthValue<uint8_t, uint8_t> {
  static void EncodePlain(const uint8_t* values, int64_t count, int, std::string* out) {
    EncodePlainBoolean(values, count, out);
  }
};

// BYTE_ARRAY: strings and binary compare as unsigned bytes; the legacy
// statistics used signed bytes, so they are not written.
template <>
struct PhysicalValue<std::string_view> {
  using Key = std::string_view;
  static constexpr bool kLegacyOrderAgrees = false;
  static int64_t PlainSize(std::string_view v, int) { return 4 + static_cast<int64_t>(v.size()); }
  static void EncodePlain(const std::string_view* values, int64_t count, int, std::string* out) {
    EncodePlainByteArray(values, count, out);
  }
  static std::string StatBytes(std::string_view v, int) { return std::string(v); }
  static Key ToKey(std::string_view v) { return v; }
  static bool Ignored(std::string_view) { return false; }
  // char_traits<char>::compare orders bytes as unsigned char, as the spec asks.
  static bool Less(std::string_view a, std::string_view b) { return a < b; }
};

// DECIMAL in FIXED_LEN_BYTE_ARRAY: ordered by value (signed), which the legacy
// bytewise statistics do not match.
template <>
struct PhysicalValue<int128_t> {
  struct Key {
    int128_t v;
    bool operator==(const Key& o) const { return v == o.v; }
  };
  static constexpr bool kLegacyOrderAgrees = false;
  static int64_t PlainSize(int128_t, int type_length) { return type_length; }
  static void AppendBigEndian(int128_t v, int type_length, std::string* out) {
    auto u = static_cast<unsigned __int128>(v);
    for (int i = type_length - 1; i >= 0; --i) out->push_back(static_cast<char>(static_cast<uint8_t>(u >> (8 * i))));
  }
  static void EncodePlain(const int128_t* values, int64_t count, int type_length, std::string* out) {
    out->reserve(out->size() + count * type_length);
    for (int64_t i = 0; i < count; ++i) AppendBigEndian(values[i], type_length, out);
  }
  static std::string StatBytes(int128_t v, int type_length) {
    std::string out;
    AppendBigEndian(v, type_length, &out);
    return out;
  }
  static Key ToKey(int128_t v) { return Key{v}; }
  static bool Ignored(int128_t) { return false; }
  static bool Less(int128_t a, int128_t b) { return a < b; }
};

struct Int128KeyHash {
  size_t operator()(const PhysicalValue<int128_t>::Key& k) const {
    auto u = static_cast<unsigned __int128>(k.v);
    return std::hash<uint64_t>()(static_cast<uint64_t>(u) ^ (static_cast<uint64_t>(u >> 64) * 0x9E3779B97F4A7C15ULL));
  }
};

template <typename Key>
using PhysicalKeyHash = std::conditional_t<std::is_same_v<Key, PhysicalValue<int128_t>::Key>, Int128KeyHash,
                                           std::hash<Key>>;

}  // namespace lakestream::parquet
