// The DataFrame API's window specifications and Column::over, which turns a
// function column into a window expression (kWindow) for the analyzer.
#include "lakestream/window.h"

#include "expr/expression.h"
#include "lakestream/error.h"

namespace lakestream {

namespace expressions {

namespace {

// Spark's rowsBetween: offsets are INT rows; only the matching extreme is unbounded.
[[noreturn]] void ThrowInvalidBoundary(const char* which, int64_t value) {
  throw UserError(std::string("INVALID_BOUNDARY.") + which, "22003",
                  std::string("The boundary <") + (which[0] == 'S' ? "start" : "end") + "> is invalid: " +
                      std::to_string(value) + ". Expected the value is '0', '" +
                      (which[0] == 'S' ? "Long.MinValue" : "Long.MaxValue") + "', or in [-2147483648, 2147483647].");
}

}  // namespace

WindowSpec WindowSpec::partitionBy(const std::vector<Column>& cols) const {
  WindowSpec w = *this;
  w.partition_by_ = cols;
  return w;
}

WindowSpec WindowSpec::orderBy(const std::vector<Column>& cols) const {
  WindowSpec w = *this;
  w.order_by_ = cols;
  return w;
}

WindowSpec WindowSpec::rowsBetween(int64_t start, int64_t end) const {
  if (start != Window::unboundedPreceding && (start < INT32_MIN || start > INT32_MAX)) ThrowInvalidBoundary("START", start);
  if (end != Window::unboundedFollowing && (end < INT32_MIN || end > INT32_MAX)) ThrowInvalidBoundary("END", end);
  WindowSpec w = *this;
  w.frame_ = Frame::kRows;
  w.start_ = start;
  w.end_ = end;
  return w;
}

WindowSpec WindowSpec::rangeBetween(int64_t start, int64_t end) const {
  WindowSpec w = *this;
  w.frame_ = Frame::kRange;
  w.start_ = start;
  w.end_ = end;
  return w;
}

}  // namespace expressions

namespace {

// A DataFrame frame bound: 0 is CURRENT ROW, the extremes are UNBOUNDED, any
// other value an offset (Spark names it "-3 FOLLOWING").
FrameBound BoundOf(int64_t value, bool rows) {
  FrameBound b;
  if (value == expressions::Window::unboundedPreceding) {
    b.kind = FrameBound::Kind::kUnboundedPreceding;
  } else if (value == expressions::Window::unboundedFollowing) {
    b.kind = FrameBound::Kind::kUnboundedFollowing;
  } else if (value == 0) {
    b.kind = FrameBound::Kind::kCurrentRow;
  } else {
    b.kind = FrameBound::Kind::kFollowing;
    b.offset = rows ? Lit(Value(value), DataType::Int()) : Lit(Value(value), DataType::Long());
  }
  return b;
}

}  // namespace

Column Column::over() const { return over(expressions::WindowSpec()); }

Column Column::over(const expressions::WindowSpec& window) const {
  WindowSpec spec;
  for (const auto& c : window.partition_by_) spec.partition_by.push_back(c.expr());
  for (const auto& c : window.order_by_) {
    spec.order_by.push_back(c.expr()->kind == ExprKind::kSortOrder ? c.expr() : SortOrder(c.expr(), true, true));
  }
  using Frame = expressions::WindowSpec::Frame;
  if (window.frame_ != Frame::kDefault) {
    const bool rows = window.frame_ == Frame::kRows;
    spec.frame_type = rows ? WindowSpec::FrameType::kRows : WindowSpec::FrameType::kRange;
    spec.frame_start = BoundOf(window.start_, rows);
    spec.frame_end = BoundOf(window.end_, rows);
  }
  return Column(WindowExpr(expr(), std::move(spec)));
}

}  // namespace lakestream
