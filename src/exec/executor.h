// Entry points of the execution layer: turn an analyzed logical plan into a
// physical plan of vectorized operators and run it morsel-parallel.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "exec/query_context.h"
#include "plan/logical_plan.h"

namespace lakestream {

// Runs the plan and returns all result batches in result order.
std::vector<RecordBatchPtr> ExecutePlan(const LogicalPlanPtr& analyzed, QueryContext& ctx);

// The physical plan as explain() prints it ("== Physical Plan ==" body).
std::string ExplainPhysicalPlan(const LogicalPlanPtr& analyzed, const QueryContext& ctx);

}  // namespace lakestream
