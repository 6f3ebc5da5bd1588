// JoinHashTable: the build side of a hash join: bucket heads and per-row
// chains over the keys of all build rows. Immutable once built, so probe
// threads read it concurrently. Keys are either encoded rows (KeyEncoder,
// any key types; bucket heads and per-row chains) or, for the common single
// integer key, values widened to int64 in an open-addressing table whose
// slots hold the key and its first row, so a probe usually touches one cache
// line; rows sharing a key chain from there. A table too large for the
// caches gets a one-bit-per-key filter (a Bloom filter with one hash) that
// stays in them, so probe keys without a match rarely reach the slots.
#pragma once

#include <cstdint>
#include <vector>

#include "exec/key_encoder.h"

namespace lakestream {

class JoinHashTable {
 public:
  // Indexes every build row r of `keys` except those with skip[r] != 0 (NULL keys).
  JoinHashTable(EncodedKeys keys, const std::vector<uint8_t>& skip);
  // The integer-key form for one or two integer key columns (`width`): build
  // row r has the key keys[r * width, (r + 1) * width).
  JoinHashTable(std::vector<int64_t> keys, int width, const std::vector<uint8_t>& skip);

  bool integer_keys() const { return width_ > 0; }

  // Appends (probe row, build row) for every match of the rows of `probe`
  // (except skipped ones), in probe-row order, build rows ascending.
  void Probe(const EncodedKeys& probe, const std::vector<uint8_t>& skip, std::vector<int32_t>& probe_rows,
             std::vector<int32_t>& build_rows) const;
  // The same for integer keys (table built from integer keys, same width).
  void Probe(const std::vector<int64_t>& probe, const std::vector<uint8_t>& skip, std::vector<int32_t>& probe_rows,
             std::vector<int32_t>& build_rows) const;

  int64_t MemoryUsage() const;

  // The hash of an integer key of `width` values (multiplicative hashing:
  // the high bits of the product are well mixed).
  static uint64_t HashInteger(const int64_t* key, int width) {
    uint64_t x = static_cast<uint64_t>(key[0]);
    if (width == 2) x = x * 0xFF51AFD7ED558CCDULL ^ static_cast<uint64_t>(key[1]);
    return x * 0x9E3779B97F4A7C15ULL;
  }

 private:
  template <int kWidth>
  void ProbeIntegers(const std::vector<int64_t>& probe, const std::vector<uint8_t>& skip,
                     std::vector<int32_t>& probe_rows, std::vector<int32_t>& build_rows) const;
  uint64_t FilterBit(uint64_t hash) const { return (hash * 0xC2B2AE3D27D4EB4FULL) >> filter_shift_; }
  bool MayContain(uint64_t hash) const {
    if (filter_.empty()) return true;
    const uint64_t bit = FilterBit(hash);
    return (filter_[bit >> 6] >> (bit & 63)) & 1;
  }

  int width_ = 0;  // integer keys: values per key; 0: encoded keys
  EncodedKeys keys_;
  std::vector<int32_t> buckets_;  // encoded keys: first row of each bucket's chain, -1 if empty
  // Integer keys: open-addressing slots of width_ key values and the first
  // build row with the key (-1: empty slot), width_ + 1 words each.
  std::vector<int64_t> slots_;
  std::vector<uint64_t> filter_;  // integer keys of a large table: bit FilterBit(hash) set for every key
  int filter_shift_ = 64;
  std::vector<int32_t> next_;  // next row with the same bucket (encoded) or key (integer), -1 at the end
  uint64_t mask_ = 0;
  int shift_ = 64;
};

}  // namespace lakestream
