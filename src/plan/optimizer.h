// Optimizer: rewrites an analyzed plan into an equivalent one that is cheaper
// to run. Every rule keeps the plan analyzed (bound expressions, schemas) and
// the root's output schema unchanged.
#pragma once

#include "expr/eval_context.h"
#include "plan/logical_plan.h"

namespace lakestream {

// Runs the rules in order: constant folding, column pruning, then filter
// pushdown into scans. `ctx` is the query's evaluation context (folding
// evaluates constant expressions with the session's time zone and ANSI mode).
LogicalPlanPtr Optimize(const LogicalPlanPtr& analyzed, const EvalContext& ctx);

// Replaces deterministic constant subexpressions by their values and drops
// filters that are always true.
LogicalPlanPtr FoldConstants(const LogicalPlanPtr& analyzed, const EvalContext& ctx);

// Drops columns no ancestor uses: file scans read only the columns the query
// needs, and projections and aggregates compute only what is used.
LogicalPlanPtr PruneColumns(const LogicalPlanPtr& analyzed);

// Copies the conjuncts of a filter directly above a file scan into the scan's
// FileScanSpec::pushed_filters, so readers can skip data (row groups, pages).
LogicalPlanPtr PushFiltersIntoScans(const LogicalPlanPtr& analyzed);

}  // namespace lakestream
