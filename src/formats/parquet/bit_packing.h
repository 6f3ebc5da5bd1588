// Bit packing shared by the RLE/bit-packed hybrid and DELTA_BINARY_PACKED:
// values of `bit_width` bits packed LSB first, always in groups of 8, so one
// group is exactly bit_width bytes. Unpacking is specialised per bit width at
// compile time (constant shifts and masks, no per-value branches) because it
// is the inner loop of every dictionary, level and delta decode.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

namespace lakestream::parquet {

// Values are loaded 8 bytes at a time straight from file bytes.
static_assert(std::endian::native == std::endian::little, "bit unpacking assumes a little-endian host");

// How far past the end of its groups a GroupUnpacker may read: a value's
// bits are fetched with up to two 8-byte loads from the byte it starts in.
inline constexpr int64_t kUnpackSlack = 16;

// Unpacks `groups` groups of 8 values from `in` into `out`, reading
// groups * bit_width bytes plus up to kUnpackSlack bytes past them.
template <typename T>
using GroupUnpacker = void (*)(const uint8_t* in, T* out, int64_t groups);

namespace bit_packing_internal {

inline uint64_t Load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <int W, typename T, size_t I>
inline T Extract(const uint8_t* in) {
  if constexpr (W == 0) {
    return 0;
  } else {
    constexpr int kBit = static_cast<int>(I) * W;
    constexpr int kByte = kBit / 8;
    constexpr int kShift = kBit % 8;
    uint64_t v = Load64(in + kByte) >> kShift;
    if constexpr (kShift + W > 64) v |= Load64(in + kByte + 8) << (64 - kShift);
    if constexpr (W < 64) v &= (uint64_t{1} << W) - 1;
    return static_cast<T>(v);
  }
}

template <int W, typename T, size_t... I>
inline void Unpack8(const uint8_t* in, T* out, std::index_sequence<I...>) {
  ((out[I] = Extract<W, T, I>(in)), ...);
}

template <int W, typename T>
void UnpackGroups(const uint8_t* in, T* out, int64_t groups) {
  for (int64_t g = 0; g < groups; ++g) {
    Unpack8<W, T>(in, out, std::make_index_sequence<8>());
    in += W;
    out += 8;
  }
}

template <typename T, size_t... W>
constexpr std::array<GroupUnpacker<T>, sizeof...(W)> MakeUnpackers(std::index_sequence<W...>) {
  return {&UnpackGroups<static_cast<int>(W), T>...};
}

}  // namespace bit_packing_internal

// The unpacker for bit_width in 0..8*sizeof(T); the caller validates the width.
template <typename T>
GroupUnpacker<T> UnpackerFor(int bit_width) {
  static constexpr auto kUnpackers =
      bit_packing_internal::MakeUnpackers<T>(std::make_index_sequence<sizeof(T) * 8 + 1>());
  return kUnpackers[bit_width];
}

// Unpacks `groups` groups starting at `in` from a buffer ending at `end`
// without reading past `end`: groups too close to the end for the unpacker's
// slack go through a zero-padded copy. Bytes of a group beyond `end` read as
// zero, so a caller may unpack a final partial group and keep only the
// values whose bits were present.
template <typename T>
void UnpackBounded(GroupUnpacker<T> unpack, int bit_width, const uint8_t* in, const uint8_t* end, T* out,
                   int64_t groups) {
  int64_t direct = groups;
  if (bit_width > 0) {
    const int64_t room = (end - in) - kUnpackSlack;
    direct = std::min(groups, room > 0 ? room / bit_width : 0);
  }
  unpack(in, out, direct);
  in += direct * bit_width;
  out += direct * 8;
  for (int64_t g = direct; g < groups; ++g) {
    uint8_t padded[64 + kUnpackSlack] = {};
    const int64_t present = std::clamp<int64_t>(end - in, 0, bit_width);
    if (present > 0) std::memcpy(padded, in, static_cast<size_t>(present));
    unpack(padded, out, 1);
    in += bit_width;
    out += 8;
  }
}

// Appends `groups` groups of 8 values packed at bit_width (0..64) bits;
// every value must fit in bit_width bits.
template <typename T>
void PackGroups(const T* values, int64_t groups, int bit_width, std::string* out) {
  if (bit_width == 0) return;
  uint64_t pending = 0;  // bits not yet written, LSB first
  int pending_bits = 0;  // always < 8 between values
  for (int64_t i = 0; i < groups * 8; ++i) {
    const auto v = static_cast<uint64_t>(values[i]);
    pending |= v << pending_bits;
    int total = pending_bits + bit_width;
    if (total >= 64) {
      for (int b = 0; b < 8; ++b) out->push_back(static_cast<char>(pending >> (8 * b)));
      pending = pending_bits == 0 ? 0 : v >> (64 - pending_bits);
      total -= 64;
    }
    for (; total >= 8; total -= 8) {
      out->push_back(static_cast<char>(pending));
      pending >>= 8;
    }
    pending_bits = total;
  }
}

}  // namespace lakestream::parquet
