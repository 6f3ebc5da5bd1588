// GroupHashTable: maps encoded group keys (key_encoder.h) to dense group ids
// 0, 1, 2, ... in first-seen order. Open addressing with linear probing; each
// slot holds the upper hash bits and the group id, keys live in an arena.
// Used by one thread at a time.
#pragma once

#include <cstdint>
#include <vector>

#include "exec/key_encoder.h"

namespace lakestream {

class GroupHashTable {
 public:
  // fixed_width: bytes per key when all keys are fixed-width, else -1.
  explicit GroupHashTable(int64_t fixed_width);

  // Appends the group id of each row of `keys` to `group_ids`, adding new groups.
  void FindOrInsert(const EncodedKeys& keys, std::vector<uint32_t>& group_ids);
  uint32_t FindOrInsert(const uint8_t* key, uint32_t length, uint64_t hash);

  // Starts loading the slot a key with `hash` probes first (batch loops).
  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[hash & mask_]); }
  static constexpr int kPrefetchDistance = 8;

  int64_t num_groups() const { return static_cast<int64_t>(hashes_.size()); }
  const uint8_t* key(uint32_t group) const { return key_data_.data() + KeyOffset(group); }
  uint32_t key_length(uint32_t group) const {
    return static_cast<uint32_t>(KeyOffset(group + 1) - KeyOffset(group));
  }
  uint64_t hash(uint32_t group) const { return hashes_[group]; }
  // Bytes held (slots, keys, hashes).
  int64_t MemoryUsage() const;

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t tag;    // upper 32 bits of the hash
    uint32_t group;  // kEmpty when unused
  };
  uint64_t KeyOffset(uint32_t group) const {
    return fixed_width_ >= 0 ? static_cast<uint64_t>(group) * fixed_width_ : key_offsets_[group];
  }
  void Grow();

  int64_t fixed_width_;
  std::vector<Slot> slots_;
  uint64_t mask_;
  std::vector<uint8_t> key_data_;
  std::vector<uint64_t> key_offsets_;  // variable-width keys only (num_groups + 1)
  std::vector<uint64_t> hashes_;
};

}  // namespace lakestream
