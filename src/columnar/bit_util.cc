#include "columnar/bit_util.h"

namespace lakestream::bit_util {

int64_t CountSetBits(const uint8_t* bits, int64_t length) {
  int64_t count = 0;
  int64_t full_bytes = length >> 3;
  for (int64_t i = 0; i < full_bytes; ++i) count += __builtin_popcount(bits[i]);
  for (int64_t i = full_bytes << 3; i < length; ++i) count += GetBit(bits, i);
  return count;
}

}  // namespace lakestream::bit_util
