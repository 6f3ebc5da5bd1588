// SortKeyComparator: compares rows by sort key columns, each ascending or
// descending with NULLs first or last (Spark: NaN is larger than any other
// value, -0.0 equals 0.0; strings compare by bytes).
#pragma once

#include <cstdint>
#include <vector>

#include "columnar/array.h"
#include "expr/expression.h"

namespace lakestream {

struct SortKey {
  bool ascending = true;
  bool nulls_first = true;
};

class SortKeyComparator {
 public:
  // `orders` are kSortOrder expressions; their children are the key values.
  explicit SortKeyComparator(const std::vector<ExprPtr>& orders);

  // <0, 0, >0 as row i of `a` sorts before, with, after row j of `b`.
  int Compare(const std::vector<ArrayPtr>& a, int64_t i, const std::vector<ArrayPtr>& b, int64_t j) const {
    for (size_t k = 0; k < keys_.size(); ++k) {
      int c = CompareColumn(k, *a[k], i, *b[k], j);
      if (c != 0) return c;
    }
    return 0;
  }
  size_t num_keys() const { return keys_.size(); }

 private:
  using ValueCompare = int (*)(const Array&, int64_t, const Array&, int64_t);
  int CompareColumn(size_t k, const Array& a, int64_t i, const Array& b, int64_t j) const {
    bool an = a.IsNull(i), bn = b.IsNull(j);
    if (an || bn) {
      if (an && bn) return 0;
      return (an ? -1 : 1) * (keys_[k].nulls_first ? 1 : -1);
    }
    int c = compare_[k](a, i, b, j);
    return keys_[k].ascending ? c : -c;
  }

  std::vector<SortKey> keys_;
  std::vector<ValueCompare> compare_;
};

}  // namespace lakestream
