// The varints of the Parquet value encodings (RLE run headers,
// DELTA_BINARY_PACKED headers and min deltas): ULEB128, and zigzag for signed
// values. Reading them is ByteCursor's job; this file holds the writing side
// and the zigzag mapping both sides share. Thrift's varints live in
// thrift_compact.h.
#pragma once

#include <cstdint>
#include <string>

namespace lakestream::parquet {

inline void AppendUleb128(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// Computed in the unsigned domain so INT64_MIN maps without overflow.
inline uint64_t ZigZagEncode(int64_t value) {
  const auto u = static_cast<uint64_t>(value);
  return (u << 1) ^ (0 - (u >> 63));
}

inline int64_t ZigZagDecode(uint64_t value) {
  return static_cast<int64_t>((value >> 1) ^ (0 - (value & 1)));
}

}  // namespace lakestream::parquet
