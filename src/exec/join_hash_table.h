// JoinHashTable: the build side of a hash join: bucket heads and per-row
// chains over the encoded keys of all build rows. Immutable once built, so
// probe threads read it concurrently.
#pragma once

#include <cstdint>
#include <vector>

#include "exec/key_encoder.h"

namespace lakestream {

class JoinHashTable {
 public:
  // Indexes every build row r of `keys` except those with skip[r] != 0 (NULL keys).
  JoinHashTable(EncodedKeys keys, const std::vector<uint8_t>& skip);

  // Appends (probe row, build row) for every match of the rows of `probe`
  // (except skipped ones), in probe-row order, build rows ascending.
  void Probe(const EncodedKeys& probe, const std::vector<uint8_t>& skip, std::vector<int32_t>& probe_rows,
             std::vector<int32_t>& build_rows) const;

  int64_t MemoryUsage() const;

 private:
  EncodedKeys keys_;
  std::vector<int32_t> buckets_;  // first row of each bucket's chain, -1 if empty
  std::vector<int32_t> next_;     // next row in the chain, -1 at the end
  uint64_t mask_ = 0;
};

}  // namespace lakestream
