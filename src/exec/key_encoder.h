// KeyEncoder: encodes the key columns of each row into one byte string, so
// that hash tables (aggregate groups, join keys) hash and compare rows with
// XXH3 and memcmp. Two rows encode to the same bytes iff their keys are equal
// as grouping keys: NULL equals NULL, NaN equals NaN and -0.0 equals 0.0.
// Decode() turns encoded keys back into columns.
#pragma once

#include <cstdint>
#include <vector>

#include "columnar/array.h"

namespace lakestream {

struct EncodedKeys {
  std::vector<uint8_t> data;
  std::vector<uint32_t> offsets;  // row r is data[offsets[r], offsets[r + 1])
  std::vector<uint64_t> hashes;   // XXH3 of each row's bytes

  int64_t rows() const { return offsets.empty() ? 0 : static_cast<int64_t>(offsets.size()) - 1; }
  const uint8_t* row(int64_t r) const { return data.data() + offsets[r]; }
  uint32_t length(int64_t r) const { return offsets[r + 1] - offsets[r]; }
  void Clear() { data.clear(); offsets.clear(); hashes.clear(); }
};

class KeyEncoder {
 public:
  explicit KeyEncoder(std::vector<DataTypePtr> types);

  const std::vector<DataTypePtr>& types() const { return types_; }
  // Bytes per row when every key is fixed-width; -1 otherwise.
  int64_t fixed_width() const { return fixed_width_; }

  // Replaces `out` with the encoded rows [0, rows) of `columns` (one per type).
  void Encode(const std::vector<ArrayPtr>& columns, int64_t rows, EncodedKeys& out) const;
  // Columns holding the decoded keys `rows[i]` (pointers to encoded rows).
  std::vector<ArrayPtr> Decode(const std::vector<const uint8_t*>& rows) const;

 private:
  std::vector<DataTypePtr> types_;
  std::vector<int> widths_;  // value bytes per fixed-width column; -1 var-length
  int64_t fixed_width_ = 0;
};

}  // namespace lakestream
