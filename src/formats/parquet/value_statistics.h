// ValueStatistics<T>: min, max and null count of a page or column chunk in
// the type-defined order of PhysicalValue<T> (see physical_value.h): NaN is
// left out, a zero minimum is written as -0.0 and a zero maximum as +0.0, as
// parquet-format asks, so readers may prune with either sign of zero.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "formats/parquet/metadata.h"
#include "formats/parquet/physical_value.h"

namespace lakestream::parquet {

// Chunk statistics with a longer min or max are dropped (parquet-java and Arrow
// drop them too) so that huge values do not bloat the footer.
inline constexpr size_t kMaxStatisticsBytes = 4096;

template <typename T>
class ValueStatistics {
 public:
  // BYTE_ARRAY values are borrowed from batches, so the bounds keep copies.
  using Stored = std::conditional_t<std::is_same_v<T, std::string_view>, std::string, T>;

  void AddNulls(int64_t count) { null_count_ += count; }

  void Update(const T* values, int64_t count) {
    // Find the bounds of the run first so that BYTE_ARRAY bounds are copied
    // at most once per call.
    bool found = false;
    T lo{}, hi{};
    for (int64_t i = 0; i < count; ++i) {
      const T& v = values[i];
      if (PhysicalValue<T>::Ignored(v)) continue;
      if (!found) {
        lo = hi = v;
        found = true;
      } else if (PhysicalValue<T>::Less(v, lo)) {
        lo = v;
      } else if (PhysicalValue<T>::Less(hi, v)) {
        hi = v;
      }
    }
    if (found) Include(lo, hi);
  }

  void Merge(const ValueStatistics& other) {
    null_count_ += other.null_count_;
    if (other.has_min_max_) Include(T(other.min_), T(other.max_));
  }

  int64_t null_count() const { return null_count_; }
  bool has_min_max() const { return has_min_max_; }
  T min() const { return T(min_); }
  T max() const { return T(max_); }

  std::string MinBytes(int type_length) const {
    if constexpr (std::is_floating_point_v<T>) {
      if (min_ == 0) return PhysicalValue<T>::StatBytes(-T(0), type_length);
    }
    return PhysicalValue<T>::StatBytes(T(min_), type_length);
  }
  std::string MaxBytes(int type_length) const {
    if constexpr (std::is_floating_point_v<T>) {
      if (max_ == 0) return PhysicalValue<T>::StatBytes(T(0), type_length);
    }
    return PhysicalValue<T>::StatBytes(T(max_), type_length);
  }

  // ColumnMetaData.statistics: min_value/max_value always, the deprecated
  // min/max only where their signed order is the type's order.
  Statistics ToThrift(int type_length) const {
    Statistics out;
    out.null_count = null_count_;
    if (!has_min_max_) return out;
    std::string lo = MinBytes(type_length), hi = MaxBytes(type_length);
    if (lo.size() > kMaxStatisticsBytes || hi.size() > kMaxStatisticsBytes) return out;
    if (PhysicalValue<T>::kLegacyOrderAgrees) {
      out.min = lo;
      out.max = hi;
    }
    out.min_value = std::move(lo);
    out.max_value = std::move(hi);
    return out;
  }

 private:
  void Include(T lo, T hi) {
    if (!has_min_max_) {
      min_ = Stored(lo);
      max_ = Stored(hi);
      has_min_max_ = true;
      return;
    }
    if (PhysicalValue<T>::Less(lo, T(min_))) min_ = Stored(lo);
    if (PhysicalValue<T>::Less(T(max_), hi)) max_ = Stored(hi);
  }

  int64_t null_count_ = 0;
  bool has_min_max_ = false;
  Stored min_{};
  Stored max_{};
};

}  // namespace lakestream::parquet
