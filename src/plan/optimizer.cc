#include "plan/optimizer.h"

namespace lakestream {
namespace {

LogicalPlanPtr OptimizeSubqueries(const LogicalPlanPtr& plan, const EvalContext& ctx);

ExprPtr OptimizeSubqueries(const ExprPtr& e, const EvalContext& ctx) {
  if (e->kind == ExprKind::kSubquery) {
    auto copy = std::make_shared<Expr>(*e);
    copy->subquery = Optimize(e->subquery, ctx);
    std::vector<ExprPtr> children;
    for (const auto& c : e->children) children.push_back(OptimizeSubqueries(c, ctx));
    copy->children = std::move(children);
    return copy;
  }
  if (!ContainsKind(e, ExprKind::kSubquery)) return e;
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) children.push_back(OptimizeSubqueries(c, ctx));
  return WithChildren(*e, std::move(children));
}

// The plan with the plans of the (uncorrelated) subquery expressions it holds
// optimized: the executor runs them as they are.
LogicalPlanPtr OptimizeSubqueries(const LogicalPlanPtr& plan, const EvalContext& ctx) {
  auto node = std::make_shared<LogicalPlan>(*plan);
  for (auto& c : node->children) c = OptimizeSubqueries(c, ctx);
  for (auto& e : node->exprs) e = OptimizeSubqueries(e, ctx);
  for (auto& e : node->groupings) e = OptimizeSubqueries(e, ctx);
  if (node->condition) node->condition = OptimizeSubqueries(node->condition, ctx);
  return node;
}

}  // namespace

LogicalPlanPtr Optimize(const LogicalPlanPtr& analyzed, const EvalContext& ctx) {
  LogicalPlanPtr plan = FoldConstants(OptimizeSubqueries(analyzed, ctx), ctx);
  plan = ReorderJoins(PushDownPredicates(plan));
  // Pruning before pushdown, so pushed filters are bound against the pruned scan output.
  plan = PruneColumns(plan);
  return PushFiltersIntoScans(plan);
}

}  // namespace lakestream
