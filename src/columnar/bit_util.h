// Bit-level helpers for Arrow validity bitmaps and boolean values (LSB first).
#pragma once

#include <cstdint>

namespace lakestream::bit_util {

inline bool GetBit(const uint8_t* bits, int64_t i) { return (bits[i >> 3] >> (i & 7)) & 1; }
inline void SetBit(uint8_t* bits, int64_t i) { bits[i >> 3] |= static_cast<uint8_t>(1u << (i & 7)); }
inline void ClearBit(uint8_t* bits, int64_t i) { bits[i >> 3] &= static_cast<uint8_t>(~(1u << (i & 7))); }
inline void SetBitTo(uint8_t* bits, int64_t i, bool v) { v ? SetBit(bits, i) : ClearBit(bits, i); }
inline int64_t BytesForBits(int64_t bits) { return (bits + 7) >> 3; }
// Sets bits [start, start + length).
void SetBitsInRange(uint8_t* bits, int64_t start, int64_t length);
// Number of set bits in [0, length).
int64_t CountSetBits(const uint8_t* bits, int64_t length);

}  // namespace lakestream::bit_util
