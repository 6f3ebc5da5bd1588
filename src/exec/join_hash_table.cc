#include "exec/join_hash_table.h"

#include <cstring>

namespace lakestream {

JoinHashTable::JoinHashTable(EncodedKeys keys, const std::vector<uint8_t>& skip) : keys_(std::move(keys)) {
  const int64_t n = keys_.rows();
  uint64_t buckets = 16;
  while (buckets < static_cast<uint64_t>(2 * n)) buckets <<= 1;
  buckets_.assign(buckets, -1);
  mask_ = buckets - 1;
  next_.assign(n, -1);
  // Inserting backwards leaves every chain in ascending row order.
  for (int64_t r = n - 1; r >= 0; --r) {
    if (skip[r]) continue;
    int32_t& head = buckets_[keys_.hashes[r] & mask_];
    next_[r] = head;
    head = static_cast<int32_t>(r);
  }
}

JoinHashTable::JoinHashTable(std::vector<int64_t> keys, int width, const std::vector<uint8_t>& skip)
    : width_(width) {
  const int64_t n = static_cast<int64_t>(keys.size()) / width;
  const int stride = width + 1;
  // At most two thirds full, so probes (hits and misses) stay short.
  uint64_t capacity = 16;
  int bits = 4;
  while (capacity < static_cast<uint64_t>(n + n / 2)) capacity <<= 1, ++bits;
  slots_.assign(capacity * stride, -1);
  mask_ = capacity - 1;
  shift_ = 64 - bits;
  next_.assign(n, -1);
  // Slots beyond what the caches hold: a filter of about 8 bits per row
  // (one hash: under 12% false positives) answers most misses from cache.
  constexpr uint64_t kCachedSlotBytes = uint64_t{1} << 20;
  if (capacity * stride * sizeof(int64_t) > kCachedSlotBytes) {
    uint64_t filter_bits = 64;
    int filter_log2 = 6;
    while (filter_bits < static_cast<uint64_t>(8 * n)) filter_bits <<= 1, ++filter_log2;
    filter_.assign(filter_bits / 64, 0);
    filter_shift_ = 64 - filter_log2;
  }
  // Inserting backwards leaves every key's chain in ascending row order.
  for (int64_t r = n - 1; r >= 0; --r) {
    if (skip[r]) continue;
    const int64_t* key = &keys[r * width];
    const uint64_t h = HashInteger(key, width);
    if (!filter_.empty()) {
      const uint64_t bit = FilterBit(h);
      filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
    uint64_t i = h >> shift_;
    while (true) {
      int64_t* slot = &slots_[i * stride];
      if (slot[width] < 0) {
        for (int k = 0; k < width; ++k) slot[k] = key[k];
      } else if (slot[0] != key[0] || (width == 2 && slot[1] != key[1])) {
        i = (i + 1) & mask_;
        continue;
      }
      next_[r] = static_cast<int32_t>(slot[width]);
      slot[width] = r;
      break;
    }
  }
}

int64_t JoinHashTable::MemoryUsage() const {
  return static_cast<int64_t>(keys_.data.capacity() + keys_.offsets.capacity() * 4 + keys_.hashes.capacity() * 8 +
                              slots_.capacity() * 8 + filter_.capacity() * 8 + buckets_.capacity() * 4 +
                              next_.capacity() * 4);
}

void JoinHashTable::Probe(const EncodedKeys& probe, const std::vector<uint8_t>& skip, std::vector<int32_t>& probe_rows,
                          std::vector<int32_t>& build_rows) const {
  const int64_t n = probe.rows();
  for (int64_t r = 0; r < n; ++r) {
    if (skip[r]) continue;
    const uint64_t h = probe.hashes[r];
    const uint8_t* key = probe.row(r);
    const uint32_t len = probe.length(r);
    for (int32_t b = buckets_[h & mask_]; b >= 0; b = next_[b]) {
      if (keys_.hashes[b] == h && keys_.length(b) == len && std::memcmp(keys_.row(b), key, len) == 0) {
        probe_rows.push_back(static_cast<int32_t>(r));
        build_rows.push_back(b);
      }
    }
  }
}

void JoinHashTable::Probe(const std::vector<int64_t>& probe, const std::vector<uint8_t>& skip,
                          std::vector<int32_t>& probe_rows, std::vector<int32_t>& build_rows) const {
  if (width_ == 1) {
    ProbeIntegers<1>(probe, skip, probe_rows, build_rows);
  } else {
    ProbeIntegers<2>(probe, skip, probe_rows, build_rows);
  }
}

template <int kWidth>
void JoinHashTable::ProbeIntegers(const std::vector<int64_t>& probe, const std::vector<uint8_t>& skip,
                                  std::vector<int32_t>& probe_rows, std::vector<int32_t>& build_rows) const {
  // Loads run ahead of the probes: the filter word 32 rows ahead, the slot
  // 16 rows ahead (once the filter, by then cached, says it may match).
  constexpr int64_t kPrefetchDistance = 16;
  constexpr int kStride = kWidth + 1;
  const int64_t n = static_cast<int64_t>(probe.size()) / kWidth;
  const int64_t* keys = probe.data();
  const int64_t* slots = slots_.data();
  const int32_t* next = next_.data();
  const uint64_t* filter = filter_.empty() ? nullptr : filter_.data();
  for (int64_t r = 0; r < n; ++r) {
    if (filter && r + 2 * kPrefetchDistance < n) {
      __builtin_prefetch(&filter[FilterBit(HashInteger(keys + (r + 2 * kPrefetchDistance) * kWidth, kWidth)) >> 6]);
    }
    if (r + kPrefetchDistance < n) {
      const uint64_t ahead = HashInteger(keys + (r + kPrefetchDistance) * kWidth, kWidth);
      if (MayContain(ahead)) __builtin_prefetch(&slots[(ahead >> shift_) * kStride]);
    }
    if (skip[r]) continue;
    const int64_t* key = keys + r * kWidth;
    const uint64_t h = HashInteger(key, kWidth);
    if (!MayContain(h)) continue;
    for (uint64_t i = h >> shift_;; i = (i + 1) & mask_) {
      const int64_t* slot = slots + i * kStride;
      if (slot[kWidth] < 0) break;
      if (slot[0] == key[0] && (kWidth == 1 || slot[kWidth - 1] == key[kWidth - 1])) {
        for (int32_t b = static_cast<int32_t>(slot[kWidth]); b >= 0; b = next[b]) {
          probe_rows.push_back(static_cast<int32_t>(r));
          build_rows.push_back(b);
        }
        break;
      }
    }
  }
}

}  // namespace lakestream
