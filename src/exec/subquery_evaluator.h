// Uncorrelated subqueries are run once before their query, as Spark runs
// ScalarSubquery: their results replace them as literals (the analyzer has
// turned correlated ones into joins already).
#pragma once

#include "exec/query_context.h"
#include "plan/logical_plan.h"

namespace lakestream {

// Returns `plan` with every uncorrelated subquery expression replaced:
// scalar → its value (NULL when empty; SCALAR_SUBQUERY_TOO_MANY_ROWS when it
// returns several rows), EXISTS → true/false, x IN (subquery) → x IN (values).
LogicalPlanPtr EvaluateSubqueries(const LogicalPlanPtr& plan, QueryContext& ctx);

}  // namespace lakestream
