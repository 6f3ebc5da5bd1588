// SegmentTree: range queries of an associative operation over a fixed array
// (sums, minimum positions) in O(log n) after an O(n) build, for window
// frames that slide (a prefix difference would lose precision or not exist).
// Immutable after construction; queries are thread-safe.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace lakestream {

// Combine(a, b) is associative with `identity` as neutral element; a query
// combines the leaves of the range left to right.
template <typename T, typename Combine>
class SegmentTree {
 public:
  SegmentTree(std::vector<T> leaves, T identity, Combine combine)
      : n_(static_cast<int64_t>(leaves.size())), identity_(identity), combine_(std::move(combine)) {
    tree_.assign(static_cast<size_t>(2 * n_), identity_);
    for (int64_t i = 0; i < n_; ++i) tree_[n_ + i] = std::move(leaves[i]);
    for (int64_t i = n_ - 1; i > 0; --i) tree_[i] = combine_(tree_[2 * i], tree_[2 * i + 1]);
  }

  // Combination of leaves [begin, end); identity when the range is empty.
  T Query(int64_t begin, int64_t end) const {
    T left = identity_, right = identity_;
    for (begin += n_, end += n_; begin < end; begin >>= 1, end >>= 1) {
      if (begin & 1) left = combine_(left, tree_[begin++]);
      if (end & 1) right = combine_(tree_[--end], right);
    }
    return combine_(left, right);
  }

  int64_t MemoryUsage() const { return static_cast<int64_t>(tree_.capacity() * sizeof(T)); }

 private:
  int64_t n_;
  T identity_;
  Combine combine_;
  std::vector<T> tree_;
};

}  // namespace lakestream
