// Analyzer rules for SQL clauses that look past the select list: HAVING,
// ORDER BY on columns or aggregates not selected, ORDER BY / GROUP BY
// ordinals, GROUP BY select-list aliases and GROUP BY ALL.
#include <optional>

#include "expr/binder.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {

namespace {

constexpr const char* kHiddenPrefix = "__hidden_";

// An integer literal in ORDER BY / GROUP BY is a 1-based position in the
// select list (spark.sql.orderByOrdinal / groupByOrdinal).
bool IsOrdinal(const ExprPtr& e, int64_t* position) {
  if (e->kind != ExprKind::kLiteral || e->value.is_null() || !e->type) return false;
  if (e->type->id() != TypeId::kInt && e->type->id() != TypeId::kLong) return false;
  *position = e->value.as_int();
  return true;
}

bool IsSelectNode(const LogicalPlan& p) { return p.kind == PlanKind::kProject || p.kind == PlanKind::kAggregate; }

}  // namespace

Resolved Analyzer::AnalyzeWithExtraOutputs(const LogicalPlanPtr& select, const std::vector<ExprPtr>& extras) {
  auto copy = std::make_shared<LogicalPlan>(*select);
  for (size_t i = 0; i < extras.size(); ++i) copy->exprs.push_back(Alias(extras[i], kHiddenPrefix + std::to_string(i)));
  return Analyze(copy);
}

Resolved Analyzer::DropHiddenColumns(Resolved r, size_t visible, int64_t plan_id) {
  auto project = std::make_shared<LogicalPlan>();
  project->kind = PlanKind::kProject;
  project->plan_id = plan_id;
  project->analyzed = true;
  project->children = {r.plan};
  std::vector<ScopeColumn> out(r.columns.begin(), r.columns.begin() + static_cast<long>(visible));
  for (size_t i = 0; i < visible; ++i) project->exprs.push_back(BoundColumn(static_cast<int>(i), r.columns[i]));
  project->schema = SchemaOf(out);
  return {project, out};
}

Resolved Analyzer::Having(const LogicalPlan& p) {
  const LogicalPlanPtr& select = p.children[0];
  if (!IsSelectNode(*select)) {
    throw UserError("UNSUPPORTED_FEATURE", "0A000", "HAVING must follow a SELECT with GROUP BY or aggregates.");
  }
  // A select without aggregates under HAVING is a global aggregate in Spark.
  auto agg = std::make_shared<LogicalPlan>(*select);
  agg->kind = PlanKind::kAggregate;
  Resolved r = AnalyzeWithExtraOutputs(agg, {p.condition});
  const size_t visible = r.columns.size() - 1;
  auto filter = CopyNode(p);
  filter->is_having = false;
  filter->children = {r.plan};
  filter->condition = BoundColumn(static_cast<int>(visible), r.columns[visible]);
  if (filter->condition->type->id() != TypeId::kBoolean) {
    throw UserError("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", "42K09",
                    "Cannot resolve \"" + p.condition->ToString() + "\" due to data type mismatch: Filter expression \"" +
                        p.condition->ToString() + "\" of type \"" + filter->condition->type->ToSql() +
                        "\" is not a boolean.");
  }
  filter->schema = r.plan->schema;
  return DropHiddenColumns({filter, r.columns}, visible, p.plan_id);
}

Resolved Analyzer::SortClause(const LogicalPlan& p) {
  Resolved child = Analyze(p.children[0]);
  std::vector<ExprPtr> orders;    // bound, or null when missing from the select list
  std::vector<ExprPtr> missing;   // unbound order keys to add as hidden outputs
  std::vector<size_t> missing_at;
  std::optional<UserError> first_error;
  for (const auto& o : p.exprs) {
    ExprPtr order = o->kind == ExprKind::kSortOrder ? o : SortOrder(o, true, true);
    int64_t position;
    if (IsOrdinal(order->children[0], &position)) {
      if (position < 1 || position > static_cast<int64_t>(child.columns.size())) {
        throw UserError("ORDER_BY_POS_OUT_OF_RANGE", "42805",
                        "ORDER BY position " + std::to_string(position) +
                            " is not in select list (valid range is [1, " + std::to_string(child.columns.size()) + "]).");
      }
      int index = static_cast<int>(position - 1);
      orders.push_back(WithChildren(*order, {BoundColumn(index, child.columns[index])}));
      continue;
    }
    try {
      orders.push_back(WithChildren(*order, {Bind(order->children[0], child.columns)}));
    } catch (const UserError& e) {
      if (!IsSelectNode(*p.children[0])) throw;
      if (!first_error) first_error = e;
      orders.push_back(nullptr);
      missing.push_back(order->children[0]);
      missing_at.push_back(orders.size() - 1);
    }
  }
  size_t visible = child.columns.size();
  if (!missing.empty()) {
    child = AnalyzeWithExtraOutputs(p.children[0], missing);
    for (size_t j = 0; j < missing.size(); ++j) {
      ExprPtr order = p.exprs[missing_at[j]];
      if (order->kind != ExprKind::kSortOrder) order = SortOrder(order, true, true);
      int index = static_cast<int>(visible + j);
      orders[missing_at[j]] = WithChildren(*order, {BoundColumn(index, child.columns[index])});
    }
  }
  auto node = CopyNode(p);
  node->children = {child.plan};
  node->exprs.clear();
  for (const auto& o : orders) {
    auto typed = std::make_shared<Expr>(*o);
    typed->type = o->children[0]->type;
    node->exprs.push_back(typed);
  }
  node->schema = child.plan->schema;
  for (auto& c : child.columns) c.plan_ids.insert(p.plan_id);
  Resolved sorted{node, child.columns};
  return missing.empty() ? sorted : DropHiddenColumns(sorted, visible, p.plan_id);
}

std::vector<ExprPtr> Analyzer::ResolveGroupingShortcuts(const LogicalPlan& p, const std::vector<ScopeColumn>& input) {
  auto strip_alias = [](const ExprPtr& e) { return e->kind == ExprKind::kAlias ? e->children[0] : e; };
  std::vector<ExprPtr> groupings;
  if (p.group_by_all) {
    for (const auto& e : p.exprs) {
      if (e->kind == ExprKind::kStar) {
        for (const auto& s : ExpandStars({e}, input)) groupings.push_back(s);
      } else if (!ContainsKind(e, ExprKind::kAggregate) && !ContainsAggregateCall(e)) {
        groupings.push_back(strip_alias(e));
      }
    }
    return groupings;
  }
  Scope scope(input);
  for (const auto& g : p.groupings) {
    int64_t position;
    if (IsOrdinal(g, &position)) {
      if (position < 1 || position > static_cast<int64_t>(p.exprs.size())) {
        throw UserError("GROUP_BY_POS_OUT_OF_RANGE", "42805",
                        "GROUP BY position " + std::to_string(position) +
                            " is not in select list (valid range is [1, " + std::to_string(p.exprs.size()) + "]).");
      }
      ExprPtr target = strip_alias(p.exprs[position - 1]);
      if (ContainsKind(target, ExprKind::kAggregate) || ContainsAggregateCall(target)) {
        throw UserError("GROUP_BY_POS_AGGREGATE", "42903",
                        "GROUP BY " + std::to_string(position) + " refers to an expression " + target->ToString() +
                            " that contains an aggregate function. Aggregate functions are not allowed in GROUP BY.");
      }
      groupings.push_back(target);
      continue;
    }
    // A name the input lacks may be a select-list alias (spark.sql.groupByAliases).
    if (g->kind == ExprKind::kColumn && g->column_index < 0 && g->name_parts.size() == 1 &&
        scope.TryResolve(g->name_parts, g->plan_id) < 0) {
      bool found = false;
      for (const auto& e : p.exprs) {
        if (e->kind == ExprKind::kAlias && EqualsIgnoreCase(e->name, g->name_parts[0])) {
          groupings.push_back(e->children[0]);
          found = true;
          break;
        }
      }
      if (found) continue;
    }
    groupings.push_back(g);
  }
  return groupings;
}

}  // namespace lakestream
