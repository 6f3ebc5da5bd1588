// WindowLayout: where the partitions, peer groups and frames of a run of
// window rows begin and end. The rows are sorted by (partition keys, ORDER BY
// keys), so each partition and each peer group (rows with equal ORDER BY
// keys) is a contiguous range. Built and used by one thread.
#pragma once

#include <cstdint>
#include <vector>

#include "exec/sort_key_comparator.h"
#include "expr/function_registry.h"

namespace lakestream {

// Per-row frame ranges [begin, end), end >= begin (an empty frame has end == begin).
struct FrameRanges {
  std::vector<int64_t> begin, end;
};

class WindowLayout {
 public:
  // Keys of the sorted rows: partition keys compared by `partition`, ORDER BY
  // keys by `order` (all rows of a partition are peers when there are none).
  WindowLayout(const SortKeyComparator& partition, const std::vector<ArrayPtr>& partition_keys,
               const SortKeyComparator& order, const std::vector<ArrayPtr>& order_keys, int64_t rows);

  int64_t rows() const { return rows_; }

  // The frame of every row under the resolved frame of `spec`. RANGE frames
  // with offsets read `order_key`, the single ORDER BY key, sorted `ascending`.
  FrameRanges Frames(const WindowSpec& spec, const ArrayPtr& order_key, bool ascending, bool nulls_first) const;

  // WindowRows over these rows with `frames` (the caller keeps both alive).
  WindowRows Rows(const FrameRanges& frames, std::vector<ArrayPtr> args) const;

  int64_t MemoryUsage() const { return static_cast<int64_t>(4 * rows_ * sizeof(int64_t)); }

 private:
  FrameRanges RangeOffsetFrames(const WindowSpec& spec, const ArrayPtr& key, bool ascending, bool nulls_first) const;

  int64_t rows_;
  std::vector<int64_t> partition_begin_, partition_end_, peer_begin_, peer_end_;
};

}  // namespace lakestream
