// Window specifications for window functions, as Spark's
// org.apache.spark.sql.expressions.Window and WindowSpec:
//
//   using lakestream::expressions::Window;
//   auto w = Window::partitionBy("dept").orderBy(col("salary").desc());
//   df.withColumn("rank", rank().over(w))
//     .withColumn("running", sum(col("salary")).over(w.rowsBetween(Window::unboundedPreceding, Window::currentRow)));
//
// Without a frame, an ordered window's frame is RANGE BETWEEN UNBOUNDED
// PRECEDING AND CURRENT ROW (peers of the current row included) and an
// unordered one's the whole partition. WindowSpec values are immutable and
// cheap to copy.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "lakestream/column.h"
#include "lakestream/dataframe.h"

namespace lakestream::expressions {

class WindowSpec {
 public:
  // OVER (): one partition, unordered, every row in the frame.
  WindowSpec() = default;

  // Strings name columns, as in Spark; orderBy takes sort orders (col("a").desc()).
  WindowSpec partitionBy(const std::vector<Column>& cols) const;
  template <typename First, typename... Rest>
  WindowSpec partitionBy(const First& first, const Rest&... rest) const {
    return partitionBy(std::vector<Column>{SelectArgument(first), SelectArgument(rest)...});
  }
  WindowSpec orderBy(const std::vector<Column>& cols) const;
  template <typename First, typename... Rest>
  WindowSpec orderBy(const First& first, const Rest&... rest) const {
    return orderBy(std::vector<Column>{SelectArgument(first), SelectArgument(rest)...});
  }

  // ROWS frame from `start` to `end` rows after the current row (negative:
  // before it), both inclusive; Window::unboundedPreceding/currentRow/
  // unboundedFollowing as bounds. Offsets must fit an INT (INVALID_BOUNDARY).
  WindowSpec rowsBetween(int64_t start, int64_t end) const;
  // RANGE frame: rows whose ORDER BY value lies within [value + start, value
  // + end] of the current row's (offsets need one numeric or DATE key).
  WindowSpec rangeBetween(int64_t start, int64_t end) const;

 private:
  friend class lakestream::Column;
  enum class Frame : uint8_t { kDefault, kRows, kRange };
  std::vector<Column> partition_by_;
  std::vector<Column> order_by_;
  Frame frame_ = Frame::kDefault;
  int64_t start_ = 0;
  int64_t end_ = 0;
};

// Entry points that start a WindowSpec.
class Window {
 public:
  static constexpr int64_t unboundedPreceding = std::numeric_limits<int64_t>::min();
  static constexpr int64_t unboundedFollowing = std::numeric_limits<int64_t>::max();
  static constexpr int64_t currentRow = 0;

  template <typename... Cols>
  static WindowSpec partitionBy(const Cols&... cols) {
    return WindowSpec().partitionBy(cols...);
  }
  template <typename... Cols>
  static WindowSpec orderBy(const Cols&... cols) {
    return WindowSpec().orderBy(cols...);
  }
  static WindowSpec rowsBetween(int64_t start, int64_t end) { return WindowSpec().rowsBetween(start, end); }
  static WindowSpec rangeBetween(int64_t start, int64_t end) { return WindowSpec().rangeBetween(start, end); }
};

}  // namespace lakestream::expressions
