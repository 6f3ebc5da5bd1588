// DISTINCT aggregates (count(DISTINCT a), sum(DISTINCT a), ...): a wrapper
// accumulator that keeps, per group, the set of argument tuples already seen
// (keyed by their canonical bytes, element_order.h) and feeds only first
// occurrences to the wrapped aggregate when finalizing.
#pragma once

#include "expr/function_registry.h"

namespace lakestream {

// The same function, counting each distinct argument tuple once per group.
BoundAggregateFunction MakeDistinct(BoundAggregateFunction inner);

}  // namespace lakestream
