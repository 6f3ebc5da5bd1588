// Analyzer rules for aggregation: GROUP BY and aggregates in projections.
#include <unordered_map>

#include "expr/binder.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"
#include "plan/correlated_refs.h"

namespace lakestream {

ExprPtr Analyzer::RewriteAggregateOutput(const ExprPtr& e, const std::unordered_map<std::string, int>& group_index,
                               std::vector<ExprPtr>& aggregates, std::unordered_map<std::string, int>& agg_index,
                               const std::vector<ScopeColumn>& agg_out_prefix, size_t num_groups) {
  if (e->kind != ExprKind::kAlias) {
    auto it = group_index.find(Fingerprint(*e));
    if (it != group_index.end()) {
      auto c = BoundColumn(it->second, agg_out_prefix[it->second]);
      return c;
    }
  }
  if (e->kind == ExprKind::kWindow) {
    return RewriteWindowOverAggregate(e, group_index, aggregates, agg_index, agg_out_prefix, num_groups);
  }
  if (e->kind == ExprKind::kColumn && e->outer_depth == 0 && options_.legacy_bare_columns_in_aggregate) {
    // SQLite's bare column: the value of some row of the group.
    BindOptions o;
    o.allow_aggregates = true;
    ExprPtr any = BindExpression(lakestream::Aggregate("any_value", {e}), Scope(std::vector<ScopeColumn>{}), registry_, o);
    return RewriteAggregateOutput(any, group_index, aggregates, agg_index, agg_out_prefix, num_groups);
  }
  if (e->kind == ExprKind::kAggregate) {
    std::string key = Fingerprint(*e);
    auto it = agg_index.find(key);
    int idx;
    if (it == agg_index.end()) {
      idx = static_cast<int>(num_groups + aggregates.size());
      agg_index[key] = idx;
      aggregates.push_back(e);
    } else {
      idx = it->second;
    }
    ScopeColumn c{e->OutputName(), "", {}, e->type, e->nullable};
    return BoundColumn(idx, c);
  }
  if (e->kind == ExprKind::kColumn) {
    throw UserError("MISSING_AGGREGATION", "42803",
                    "The non-aggregating expression \"" + e->ToString() +
                        "\" is based on columns which are not participating in the GROUP BY clause. Add the columns "
                        "or the expression to the GROUP BY, aggregate the expression, or use \"any_value(" +
                        e->ToString() + ")\" if you do not care which of the values within a group is returned.");
  }
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) {
    children.push_back(RewriteAggregateOutput(c, group_index, aggregates, agg_index, agg_out_prefix, num_groups));
  }
  return WithChildren(*e, std::move(children));
}

Resolved Analyzer::Aggregate(const LogicalPlan& p, Resolved child) {
  auto agg = CopyNode(p);
  agg->children = {child.plan};
  agg->groupings.clear();
  agg->exprs.clear();
  std::vector<ScopeColumn> agg_out;
  std::unordered_map<std::string, int> group_index;
  const std::vector<ExprPtr> groupings = ResolveGroupingShortcuts(p, child.columns);
  for (const auto& g : groupings) {
    auto bound = Bind(g, child.columns);
    if (bound->kind == ExprKind::kAlias) bound = bound->children[0];
    group_index.emplace(Fingerprint(*bound), static_cast<int>(agg->groupings.size()));
    std::vector<ScopeColumn> one;
    OutputColumns(bound, child.columns, p.plan_id, one);
    agg_out.push_back(one[0]);
    agg->groupings.push_back(bound);
  }
  std::vector<ExprPtr> aggregates;
  std::unordered_map<std::string, int> agg_index;
  std::vector<ExprPtr> outputs;
  auto exprs = ExpandStars(p.exprs, child.columns);
  for (const auto& e : exprs) {
    auto bound = Bind(e, child.columns, /*aggregates=*/true, /*generators=*/false, /*windows=*/true);
    auto rewritten = RewriteAggregateOutput(bound, group_index, aggregates, agg_index, agg_out, groupings.size());
    // Keep the user-visible name of the original expression.
    if (rewritten->kind != ExprKind::kAlias) rewritten = Alias(rewritten, bound->OutputName());
    outputs.push_back(rewritten);
  }
  for (const auto& a : aggregates) {
    agg_out.push_back({a->OutputName(), "", {p.plan_id}, a->type, a->nullable});
    agg->exprs.push_back(a);
  }
  agg->schema = SchemaOf(agg_out);
  // A correlated subquery in the SELECT list that reads only grouping
  // columns reads them from the aggregate's output instead, and joins above
  // it as in an ungrouped SELECT list (other ones are refused later).
  Resolved input{agg, agg_out};
  bool correlated = false, all_moved = true;
  for (auto& o : outputs) {
    if (!HasCorrelatedSubquery(o)) continue;
    ExprPtr moved = RemapOuterRefs(o, [&](int k) {
      for (size_t i = 0; i < agg->groupings.size(); ++i) {
        const ExprPtr& g = agg->groupings[i];
        if (g->kind == ExprKind::kColumn && g->outer_depth == 0 && g->column_index == k) return static_cast<int>(i);
      }
      return -1;
    });
    if (moved) {
      o = moved;
      correlated = true;
    } else {
      all_moved = false;
    }
  }
  if (correlated && all_moved && p.grouping_sets.empty()) {
    input = JoinScalarSubqueries(std::move(input), &outputs);
    for (auto& o : outputs) o = Bind(o, input.columns, /*aggregates=*/false, /*generators=*/false, /*windows=*/true);
  }
  // The final projection over [groupings..., aggregates...].
  auto project = std::make_shared<LogicalPlan>();
  project->kind = PlanKind::kProject;
  project->plan_id = p.plan_id;
  project->analyzed = true;
  project->children = {input.plan};
  std::vector<ScopeColumn> out;
  for (auto& o : outputs) {
    // Rebind the alias node so it has a type.
    auto typed = std::make_shared<Expr>(*o);
    if (typed->kind == ExprKind::kAlias) { typed->type = typed->children[0]->type; typed->nullable = typed->children[0]->nullable; }
    OutputColumns(typed, input.columns, p.plan_id, out);
    project->exprs.push_back(typed);
  }
  project->schema = SchemaOf(out);
  return PlanWindows({project, out}, input.columns);
}

}  // namespace lakestream
