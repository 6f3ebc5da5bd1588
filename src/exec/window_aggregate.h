// Aggregate functions over window frames: sum(x) OVER (...) and every other
// aggregate of the registry.
//
// count, sum, avg over integral and floating inputs, min, max and
// first/last/any_value have frame-aware paths: prefix sums, running sums,
// segment trees or next-valid-row tables, O(n log n) at most for any frame.
// Every other aggregate runs its GroupedAccumulator: once per partition when
// the frame is the whole partition, incrementally (one snapshot per row,
// through Merge) when frames only grow, and recomputed frame by frame
// otherwise, as Spark does.
#pragma once

#include <functional>

#include "expr/function_registry.h"

namespace lakestream {

// Evaluates the bound kAggregate `aggregate` over the frames of `rows` (its
// arguments in rows.args). `reserve(bytes)` is told the transient bytes this
// evaluation holds before it allocates them, and may throw
// MEMORY_LIMIT_EXCEEDED. Returns rows.num_rows results of aggregate.type.
ArrayPtr EvaluateWindowAggregate(const Expr& aggregate, const WindowRows& rows, const EvalContext& ctx,
                                 const std::function<void(int64_t)>& reserve);

}  // namespace lakestream
