// ListResultBuilder: builds an ARRAY (or MAP) column whose elements are picked
// by index from an existing elements array, so array_sort, array_distinct,
// slice and friends work for every element type with one Take at the end.
// Used by one thread; spent after Finish().
#pragma once

#include <cstring>
#include <vector>

#include "columnar/array_builder.h"

namespace lakestream {

class ListResultBuilder {
 public:
  explicit ListResultBuilder(int64_t rows) {
    offsets_.reserve(static_cast<size_t>(rows) + 1);
    offsets_.push_back(0);
  }

  // Adds element `index` of the source elements to the current row; -1 adds a NULL element.
  void Add(int32_t index) { indices_.push_back(index); }
  // Number of elements added to the current row so far.
  int32_t CurrentSize() const { return static_cast<int32_t>(indices_.size()) - offsets_.back(); }
  // Drops the current row's elements (a row that turns out NULL).
  void DiscardRow() { indices_.resize(static_cast<size_t>(offsets_.back())); }
  void FinishRow() {
    offsets_.push_back(static_cast<int32_t>(indices_.size()));
    validity_.AppendValid();
  }
  void AppendNull() {
    DiscardRow();
    offsets_.push_back(static_cast<int32_t>(indices_.size()));
    validity_.AppendNull();
  }

  // `list_type` is the ARRAY or MAP type; `elements` the array the indices point into.
  ArrayPtr Finish(const DataTypePtr& list_type, const ArrayPtr& elements) {
    return MakeList(list_type, Take(elements, indices_));
  }

  // Finishes with elements built elsewhere (one per Add, in order).
  ArrayPtr MakeList(const DataTypePtr& list_type, ArrayPtr child) {
    auto offsets = Buffer::Allocate(static_cast<int64_t>(offsets_.size() * sizeof(int32_t)));
    std::memcpy(offsets->mutable_data(), offsets_.data(), offsets_.size() * sizeof(int32_t));
    int64_t rows = validity_.length();
    auto validity = validity_.Finish();
    return std::make_shared<Array>(list_type, rows, std::vector<BufferPtr>{validity, offsets},
                                   std::vector<ArrayPtr>{std::move(child)}, validity_.null_count());
  }

 private:
  std::vector<int32_t> offsets_;
  std::vector<int32_t> indices_;
  ValidityBuilder validity_;
};

}  // namespace lakestream
