#include "plan/optimizer.h"

namespace lakestream {

LogicalPlanPtr Optimize(const LogicalPlanPtr& analyzed, const EvalContext& ctx) {
  LogicalPlanPtr plan = FoldConstants(analyzed, ctx);
  // Pruning before pushdown, so pushed filters are bound against the pruned scan output.
  plan = PruneColumns(plan);
  return PushFiltersIntoScans(plan);
}

}  // namespace lakestream
