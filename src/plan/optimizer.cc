#include "plan/optimizer.h"

namespace lakestream {

// Pruning first, so pushed filters are bound against the pruned scan output.
LogicalPlanPtr Optimize(const LogicalPlanPtr& analyzed) { return PushFiltersIntoScans(PruneColumns(analyzed)); }

}  // namespace lakestream
