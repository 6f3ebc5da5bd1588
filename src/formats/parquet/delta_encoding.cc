// DELTA_BINARY_PACKED (parquet-format Encodings.md): a header
// <block size> <miniblocks per block> <total count> <zigzag first value>, then
// blocks of <zigzag min delta> <one bit-width byte per miniblock> <miniblocks>,
// each miniblock bit-packed and padded to its full size. All arithmetic is
// unsigned so that the deltas wrap in two's complement as the spec requires.
#include <algorithm>
#include <limits>

#include "columnar/check.h"
#include "formats/parquet/bit_packing.h"
#include "formats/parquet/byte_cursor.h"
#include "formats/parquet/encoding.h"
#include "formats/parquet/uleb128.h"

namespace lakestream::parquet {

namespace {

// Block sizes above this are not written by any implementation and would
// only let a corrupt header ask for absurd miniblocks.
constexpr uint64_t kMaxBlockSize = uint64_t{1} << 31;

// Turns `count` unpacked deltas in out[] into values, continuing from *last.
template <typename U>
void AccumulateDeltas(U min_delta, U* last, U* out, int64_t count) {
  U value = *last;
  for (int64_t i = 0; i < count; ++i) {
    value += min_delta + out[i];
    out[i] = value;
  }
  *last = value;
}

// U is uint32_t for INT32 (deltas wrap mod 2^32) or uint64_t for INT64.
template <typename U>
size_t DecodeDeltaBinaryPacked(const uint8_t* data, size_t size, int64_t count, U* out) {
  constexpr int kMaxWidth = static_cast<int>(sizeof(U) * 8);
  ByteCursor in(data, size, "DELTA_BINARY_PACKED data");
  if (count < 0) in.Fail("negative value count " + std::to_string(count));
  // Writers may leave the value section of an all-null page empty.
  if (count == 0 && size == 0) return 0;
  const uint64_t block_size = in.ReadUleb128();
  const uint64_t miniblocks = in.ReadUleb128();
  const uint64_t total = in.ReadUleb128();
  U last = static_cast<U>(in.ReadZigZag());
  if (block_size == 0 || block_size % 128 != 0 || block_size > kMaxBlockSize) {
    in.Fail("block size " + std::to_string(block_size) + " is not a positive multiple of 128");
  }
  if (miniblocks == 0 || block_size % miniblocks != 0 || (block_size / miniblocks) % 32 != 0) {
    in.Fail(std::to_string(miniblocks) + " miniblocks do not split a block of " + std::to_string(block_size) +
            " into multiples of 32 values");
  }
  if (total < static_cast<uint64_t>(count)) {
    in.Fail("holds " + std::to_string(total) + " values but " + std::to_string(count) + " are needed");
  }
  const uint64_t per_miniblock = block_size / miniblocks;
  int64_t produced = 0;
  if (count > 0) out[produced++] = last;
  // Deltas past `count` are skipped, not decoded, but still walked so the
  // returned size covers the whole stream.
  uint64_t deltas_left = total == 0 ? 0 : total - 1;
  while (deltas_left > 0) {
    const U min_delta = static_cast<U>(in.ReadZigZag());
    const uint8_t* widths = in.Take(miniblocks);
    // Bit widths of miniblocks after the last value are unused and may hold anything.
    for (uint64_t m = 0; m < miniblocks && deltas_left > 0; ++m) {
      const int width = widths[m];
      if (width > kMaxWidth) {
        in.Fail("miniblock bit width " + std::to_string(width) + " exceeds " + std::to_string(kMaxWidth));
      }
      const uint8_t* packed = in.Take(per_miniblock / 8 * static_cast<uint64_t>(width));
      const uint64_t in_miniblock = std::min(per_miniblock, deltas_left);
      deltas_left -= in_miniblock;
      const int64_t wanted = std::min(static_cast<int64_t>(in_miniblock), count - produced);
      if (wanted <= 0) continue;
      const GroupUnpacker<U> unpack = UnpackerFor<U>(width);
      U* dest = out + produced;
      const int64_t whole_groups = wanted / 8;
      UnpackBounded(unpack, width, packed, in.end(), dest, whole_groups);
      if (wanted % 8 != 0) {
        U group[8];
        UnpackBounded(unpack, width, packed + whole_groups * width, in.end(), group, 1);
        std::copy_n(group, wanted % 8, dest + whole_groups * 8);
      }
      AccumulateDeltas(min_delta, &last, dest, wanted);
      produced += wanted;
    }
  }
  return in.offset();
}

}  // namespace

size_t DecodeDeltaBinaryPacked32(const uint8_t* data, size_t size, int64_t count, int32_t* out) {
  return DecodeDeltaBinaryPacked(data, size, count, reinterpret_cast<uint32_t*>(out));
}

size_t DecodeDeltaBinaryPacked64(const uint8_t* data, size_t size, int64_t count, int64_t* out) {
  return DecodeDeltaBinaryPacked(data, size, count, reinterpret_cast<uint64_t*>(out));
}

void EncodeDeltaBinaryPacked64(const int64_t* values, int64_t count, std::string* out) {
  // parquet-mr's and Arrow's layout: blocks of 128 values in 4 miniblocks.
  constexpr int64_t kBlockSize = 128;
  constexpr int kMiniblocks = 4;
  constexpr int64_t kPerMiniblock = kBlockSize / kMiniblocks;
  LS_CHECK(count >= 0);
  AppendUleb128(kBlockSize, out);
  AppendUleb128(kMiniblocks, out);
  AppendUleb128(static_cast<uint64_t>(count), out);
  AppendUleb128(ZigZagEncode(count > 0 ? values[0] : 0), out);
  uint64_t deltas[kBlockSize];
  for (int64_t start = 1; start < count; start += kBlockSize) {
    const int64_t n = std::min(kBlockSize, count - start);
    int64_t min_delta = std::numeric_limits<int64_t>::max();
    for (int64_t i = 0; i < n; ++i) {
      deltas[i] = static_cast<uint64_t>(values[start + i]) - static_cast<uint64_t>(values[start + i - 1]);
      min_delta = std::min(min_delta, static_cast<int64_t>(deltas[i]));
    }
    for (int64_t i = 0; i < n; ++i) deltas[i] -= static_cast<uint64_t>(min_delta);
    std::fill(deltas + n, deltas + kBlockSize, 0);
    AppendUleb128(ZigZagEncode(min_delta), out);
    int widths[kMiniblocks] = {};
    for (int m = 0; m * kPerMiniblock < n; ++m) {
      const uint64_t* first = deltas + m * kPerMiniblock;
      widths[m] = BitWidth(*std::max_element(first, first + kPerMiniblock));
    }
    for (int width : widths) out->push_back(static_cast<char>(width));
    for (int m = 0; m * kPerMiniblock < n; ++m) {
      PackGroups(deltas + m * kPerMiniblock, kPerMiniblock / 8, widths[m], out);
    }
  }
}

}  // namespace lakestream::parquet
