// RowStore: values kept by aggregates that return input values unchanged
// (first, last, collect_list, collect_set), stored as the input arrays
// themselves and referenced by a global row number, so any type works and
// nothing is boxed into Values. Used by one thread.
#pragma once

#include <vector>

#include "columnar/array.h"

namespace lakestream {

class RowStore {
 public:
  explicit RowStore(DataTypePtr type) : type_(std::move(type)) {}

  // Keeps `rows`; returns the global number of its row 0.
  int64_t Append(const ArrayPtr& rows) {
    int64_t base = size_;
    if (rows->length() == 0) return base;
    chunks_.push_back(rows);
    size_ += rows->length();
    memory_ += rows->MemoryUsage();
    return base;
  }
  int64_t size() const { return size_; }
  int64_t MemoryUsage() const { return memory_; }

  // Every kept row as one array (row numbers are positions).
  ArrayPtr All() const {
    if (chunks_.empty()) return MakeNullArray(type_, 0);
    return chunks_.size() == 1 ? chunks_[0] : Concatenate(chunks_);
  }

  // The rows `refs` refers to; a ref of -1 gives NULL.
  ArrayPtr Gather(const std::vector<int64_t>& refs) const {
    std::vector<int32_t> idx(refs.begin(), refs.end());
    return Take(All(), idx);
  }

  // Keeps only the referenced rows and renumbers `refs` to match.
  void Compact(std::vector<int64_t>& refs) {
    ArrayPtr live = Gather(refs);
    chunks_.clear();
    size_ = 0;
    memory_ = 0;
    Append(live);
    for (size_t i = 0; i < refs.size(); ++i) {
      if (refs[i] >= 0) refs[i] = static_cast<int64_t>(i);
    }
  }

 private:
  DataTypePtr type_;
  std::vector<ArrayPtr> chunks_;
  int64_t size_ = 0;
  int64_t memory_ = 0;
};

}  // namespace lakestream
