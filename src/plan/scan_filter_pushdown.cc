// Filter pushdown into scans: the conjuncts of a filter sitting on a file scan
// travel into the scan so readers can skip row groups and pages. The filter
// stays, because readers only skip what provably cannot match.
#include "expr/conjuncts.h"
#include "plan/optimizer.h"

namespace lakestream {
namespace {

LogicalPlanPtr Push(const LogicalPlanPtr& plan) {
  std::vector<LogicalPlanPtr> children;
  bool changed = false;
  for (const auto& c : plan->children) {
    children.push_back(Push(c));
    changed |= children.back() != c;
  }
  if (plan->kind == PlanKind::kFilter && children[0]->kind == PlanKind::kFileScan) {
    auto scan = std::make_shared<LogicalPlan>(*children[0]);
    SplitConjuncts(plan->condition, &scan->scan.pushed_filters);
    children[0] = scan;
    changed = true;
  }
  if (!changed) return plan;
  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = std::move(children);
  return node;
}

}  // namespace

LogicalPlanPtr PushFiltersIntoScans(const LogicalPlanPtr& analyzed) { return Push(analyzed); }

}  // namespace lakestream
