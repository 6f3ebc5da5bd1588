// The physical planner: maps an analyzed LogicalPlan onto physical operators.
// Joins with equi-key conjuncts become HashJoin (the other conjuncts a
// residual), others NestedLoopJoin; Sort under Limit becomes TopN; a
// projection with a generator becomes Generate.
#pragma once

#include "exec/physical_operator.h"
#include "plan/logical_plan.h"

namespace lakestream {

// Throws InternalError for unanalyzed plans and for nodes the analyzer should
// have removed (SubqueryAlias, Distinct, Deduplicate).
PhysicalOperatorPtr CreatePhysicalPlan(const LogicalPlanPtr& analyzed);

}  // namespace lakestream
