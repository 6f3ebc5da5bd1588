// Optimizer: rewrites an analyzed plan into an equivalent one that is cheaper
// to run. Every rule keeps the plan analyzed (bound expressions, schemas) and
// the root's output schema unchanged.
#pragma once

#include "expr/eval_context.h"
#include "plan/logical_plan.h"

namespace lakestream {

// Runs the rules in order: constant folding, predicate pushdown, join
// reordering, column pruning, then filter pushdown into scans. `ctx` is the query's evaluation context (folding
// evaluates constant expressions with the session's time zone and ANSI mode).
LogicalPlanPtr Optimize(const LogicalPlanPtr& analyzed, const EvalContext& ctx);

// Replaces deterministic constant subexpressions by their values and drops
// filters that are always true.
LogicalPlanPtr FoldConstants(const LogicalPlanPtr& analyzed, const EvalContext& ctx);

// Moves filter conjuncts down through projections, sorts, aggregates (over
// grouping columns) and joins; conjuncts over both sides of an inner join
// become its condition (predicate_pushdown.cc).
LogicalPlanPtr PushDownPredicates(const LogicalPlanPtr& analyzed);

// Orders trees of inner joins greedily by estimated result size, building
// hash tables over the smaller inputs; mirrors outer joins whose preserved
// side is the small one (join_reorder.cc).
LogicalPlanPtr ReorderJoins(const LogicalPlanPtr& analyzed);

// Drops columns no ancestor uses: file scans read only the columns the query
// needs, and projections and aggregates compute only what is used.
LogicalPlanPtr PruneColumns(const LogicalPlanPtr& analyzed);

// Copies the conjuncts of a filter directly above a file scan into the scan's
// FileScanSpec::pushed_filters, so readers can skip data (row groups, pages).
LogicalPlanPtr PushFiltersIntoScans(const LogicalPlanPtr& analyzed);

}  // namespace lakestream
