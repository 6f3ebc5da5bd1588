// LeafBatch: one leaf column's share of a batch of records as the column
// chunk reader decodes it and the record assembler consumes it.
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "columnar/buffer.h"
#include "formats/parquet/metadata.h"

namespace lakestream::parquet {

// STRING/BINARY bytes one batch of one column may hold (int32 offsets).
inline constexpr int64_t kMaxBatchBytes = INT32_MAX;

// Raises ParquetUnsupportedError for a batch of `column` whose strings exceed
// kMaxBatchBytes: the file is valid, Lakestream's 32-bit offsets cannot hold it.
[[noreturn]] inline void ThrowBatchBytesOverflow(const std::string& column) {
  throw ParquetUnsupportedError("more than 2 GiB of string data in one batch of column `" + column + "`");
}

struct LeafBatch {
  // Level entries; equal to the record count for a leaf without repetition.
  int64_t num_levels = 0;
  // num_levels entries each; empty when the leaf's max level is 0, and
  // def_levels also for leaves without repetition whose max definition level
  // is 1: their levels are `validity` instead.
  std::vector<int16_t> def_levels;
  std::vector<int16_t> rep_levels;
  // Leaves without repetition and max definition level 1: bit i set iff
  // level i is 1 (present); nullptr when every level is.
  BufferPtr validity;
  int64_t null_count = 0;
  // Present (non-null) values: one per entry whose definition level is the
  // leaf's maximum, densely packed in the leaf type's Arrow layout.
  int64_t num_values = 0;
  // Fixed-width types: num_values values; BOOLEAN: one byte (0/1) per value.
  // Its size is at least num_levels values, so the assembler can spread the
  // values over their slots in place.
  BufferPtr values;
  // STRING/BINARY: num_values + 1 offsets (starting at 0) and the bytes.
  std::vector<int32_t> offsets;
  std::string bytes;

  // Room for `count` more fixed-width values of `width` bytes after the
  // num_values present; returns where the first goes.
  uint8_t* FixedValuesFor(int64_t count, int width) {
    int64_t need = (num_values + count) * width;
    if (!values) {
      values = Buffer::AllocateUninitialized(need);  // every byte is written (NULL slots by the assembler)
    } else if (values->size() < need) {
      values->Resize(need);  // grows capacity geometrically
    }
    return values->mutable_data() + num_values * width;
  }

  // Empties the batch for the next records (values are handed to arrays, so
  // they are never reused).
  void Clear() {
    num_levels = 0;
    def_levels.clear();
    rep_levels.clear();
    validity.reset();
    null_count = 0;
    num_values = 0;
    values.reset();
    offsets.assign(1, 0);
    bytes.clear();
  }
};

}  // namespace lakestream::parquet
