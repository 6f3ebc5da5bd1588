#include "exec/group_hash_table.h"

#include <cstring>

#include "lakestream/error.h"

namespace lakestream {

namespace {
// Equality of two encoded keys of `length` bytes; short keys (most group keys)
// compare as two overlapping 8-byte words instead of calling memcmp.
inline bool KeysEqual(const uint8_t* a, const uint8_t* b, uint32_t length) {
  if (length >= 8 && length <= 16) {
    uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 8);
    std::memcpy(&b0, b, 8);
    std::memcpy(&a1, a + length - 8, 8);
    std::memcpy(&b1, b + length - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  return std::memcmp(a, b, length) == 0;
}
}  // namespace

GroupHashTable::GroupHashTable(int64_t fixed_width) : fixed_width_(fixed_width) {
  slots_.assign(1024, Slot{0, kEmpty});
  mask_ = slots_.size() - 1;
  if (fixed_width_ < 0) key_offsets_.push_back(0);
}

int64_t GroupHashTable::MemoryUsage() const {
  return static_cast<int64_t>(slots_.capacity() * sizeof(Slot) + key_data_.capacity() +
                              key_offsets_.capacity() * sizeof(uint64_t) + hashes_.capacity() * sizeof(uint64_t));
}

void GroupHashTable::Grow() {
  std::vector<Slot> slots(slots_.size() * 2, Slot{0, kEmpty});
  uint64_t mask = slots.size() - 1;
  for (uint32_t g = 0; g < hashes_.size(); ++g) {
    uint64_t i = hashes_[g] & mask;
    while (slots[i].group != kEmpty) i = (i + 1) & mask;
    slots[i] = Slot{static_cast<uint32_t>(hashes_[g] >> 32), g};
  }
  slots_ = std::move(slots);
  mask_ = mask;
}

uint32_t GroupHashTable::FindOrInsert(const uint8_t* key, uint32_t length, uint64_t hash) {
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  uint64_t i = hash & mask_;
  while (true) {
    Slot& s = slots_[i];
    if (s.group == kEmpty) break;
    if (s.tag == tag && key_length(s.group) == length && KeysEqual(this->key(s.group), key, length)) {
      return s.group;
    }
    i = (i + 1) & mask_;
  }
  if (hashes_.size() >= kEmpty - 1) throw InternalError("more than 4 billion groups in one hash table");
  uint32_t group = static_cast<uint32_t>(hashes_.size());
  slots_[i] = Slot{tag, group};
  hashes_.push_back(hash);
  key_data_.insert(key_data_.end(), key, key + length);
  if (fixed_width_ < 0) key_offsets_.push_back(key_data_.size());
  if (hashes_.size() * 2 > slots_.size()) Grow();
  return group;
}

void GroupHashTable::FindOrInsert(const EncodedKeys& keys, std::vector<uint32_t>& group_ids) {
  const int64_t rows = keys.rows();
  const size_t base = group_ids.size();
  group_ids.resize(base + rows);
  uint32_t* out = group_ids.data() + base;
  for (int64_t r = 0; r < rows; ++r) {
    // The slot of a row a few ahead is likely a cache miss: start loading it now.
    if (r + kPrefetchDistance < rows) Prefetch(keys.hashes[r + kPrefetchDistance]);
    out[r] = FindOrInsert(keys.row(r), keys.length(r), keys.hashes[r]);
  }
}

}  // namespace lakestream
