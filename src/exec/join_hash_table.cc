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

int64_t JoinHashTable::MemoryUsage() const {
  return static_cast<int64_t>(keys_.data.capacity() + keys_.offsets.capacity() * 4 + keys_.hashes.capacity() * 8 +
                              buckets_.capacity() * 4 + next_.capacity() * 4);
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

}  // namespace lakestream
