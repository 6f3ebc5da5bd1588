// ColumnIndexBuilder<T>: the page index (parquet-format PageIndex.md)
// ColumnIndex of one column chunk, one entry per data page: null_pages,
// min/max (BYTE_ARRAY bounds truncated to kColumnIndexTruncateBytes, as
// parquet-java's parquet.columnindex.truncate.length), null counts and the
// boundary order of the pages' bounds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "formats/parquet/metadata.h"
#include "formats/parquet/value_statistics.h"

namespace lakestream::parquet {

inline constexpr size_t kColumnIndexTruncateBytes = 64;

// A prefix of `value` of at most `limit` bytes that is <= value; UTF-8
// (`utf8`) is cut only between characters.
std::string TruncateLowerBound(std::string_view value, size_t limit, bool utf8);
// A string of at most `limit` bytes that is >= value (a prefix with its last
// byte incremented), still valid UTF-8 when `utf8`; `value` itself when no
// such string exists.
std::string TruncateUpperBound(std::string_view value, size_t limit, bool utf8);

template <typename T>
class ColumnIndexBuilder {
 public:
  ColumnIndexBuilder(int type_length, bool utf8) : type_length_(type_length), utf8_(utf8) {}

  void AddPage(const ValueStatistics<T>& page, bool has_values) {
    index_.null_counts.push_back(page.null_count());
    if (!has_values) {
      // Bounds of an all-NULL page must be present but are ignored.
      index_.null_pages.push_back(true);
      index_.min_values.emplace_back();
      index_.max_values.emplace_back();
      return;
    }
    index_.null_pages.push_back(false);
    if (!page.has_min_max()) {
      // Only NaN: no bound is valid, so the chunk gets no column index
      // (Arrow does the same) rather than one that would wrongly prune.
      valid_ = false;
      index_.min_values.emplace_back();
      index_.max_values.emplace_back();
      return;
    }
    std::string lo = page.MinBytes(type_length_), hi = page.MaxBytes(type_length_);
    if constexpr (std::is_same_v<T, std::string_view>) {
      lo = TruncateLowerBound(lo, kColumnIndexTruncateBytes, utf8_);
      hi = TruncateUpperBound(hi, kColumnIndexTruncateBytes, utf8_);
      // Order the pages by the bounds actually written.
      TrackOrder(std::string_view(lo), std::string_view(hi));
    } else {
      TrackOrder(page.min(), page.max());
    }
    index_.min_values.push_back(std::move(lo));
    index_.max_values.push_back(std::move(hi));
  }

  // The index of the pages added since the last Finish; nullopt when a page
  // had no valid bounds.
  std::optional<ColumnIndex> Finish() {
    std::optional<ColumnIndex> out;
    if (valid_) {
      index_.boundary_order = ascending_    ? BoundaryOrder::kAscending
                              : descending_ ? BoundaryOrder::kDescending
                                            : BoundaryOrder::kUnordered;
      out = std::move(index_);
    }
    index_ = ColumnIndex();
    valid_ = ascending_ = descending_ = true;
    has_previous_ = false;
    return out;
  }

 private:
  using Stored = typename ValueStatistics<T>::Stored;

  void TrackOrder(T lo, T hi) {
    if (has_previous_) {
      const T prev_lo = T(previous_min_), prev_hi = T(previous_max_);
      if (PhysicalValue<T>::Less(lo, prev_lo) || PhysicalValue<T>::Less(hi, prev_hi)) ascending_ = false;
      if (PhysicalValue<T>::Less(prev_lo, lo) || PhysicalValue<T>::Less(prev_hi, hi)) descending_ = false;
    }
    previous_min_ = Stored(lo);
    previous_max_ = Stored(hi);
    has_previous_ = true;
  }

  int type_length_;
  bool utf8_;
  ColumnIndex index_;
  bool valid_ = true;
  bool ascending_ = true;
  bool descending_ = true;
  bool has_previous_ = false;
  Stored previous_min_{};
  Stored previous_max_{};
};

}  // namespace lakestream::parquet
