#include "columnar/bit_util.h"

#include <cstring>

namespace lakestream::bit_util {

int64_t CountSetBits(const uint8_t* bits, int64_t length) {
  int64_t count = 0;
  int64_t full_bytes = length >> 3;
  for (int64_t i = 0; i < full_bytes; ++i) count += __builtin_popcount(bits[i]);
  for (int64_t i = full_bytes << 3; i < length; ++i) count += GetBit(bits, i);
  return count;
}

void SetBitsInRange(uint8_t* bits, int64_t start, int64_t length) {
  int64_t i = start;
  const int64_t end = start + length;
  for (; i < end && (i & 7) != 0; ++i) SetBit(bits, i);
  const int64_t whole = (end - i) >> 3;
  if (whole > 0) {
    std::memset(bits + (i >> 3), 0xFF, static_cast<size_t>(whole));
    i += whole << 3;
  }
  for (; i < end; ++i) SetBit(bits, i);
}

}  // namespace lakestream::bit_util
