// Analyzer rules for window expressions, as Spark's ExtractWindowExpressions:
// a projection (or an aggregate's output list) holding `f OVER (...)` becomes
// Project(Window(... Window(input))), one Window node per distinct PARTITION
// BY / ORDER BY, and the projection reads the windows' output columns. A
// filter over a SELECT may hold windows too (QUALIFY).
#include <unordered_map>

#include "expr/binder.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {

namespace {

constexpr const char* kWindowColumnPrefix = "__window_";
constexpr const char* kQualifyColumn = "__qualify";

ExprPtr TypedAlias(const ExprPtr& child, const std::string& name) {
  auto a = std::make_shared<Expr>(*Alias(child, name));
  a->type = child->type;
  a->nullable = child->nullable;
  return a;
}

// PARTITION BY and ORDER BY of a bound window: windows with equal keys share a Window node.
std::string KeysOf(const WindowSpec& w) {
  std::string key = "P";
  for (const auto& p : w.partition_by) key += Fingerprint(*p) + ";";
  key += "O";
  for (const auto& o : w.order_by) {
    key += Fingerprint(*o->children[0]) + (o->ascending ? "a" : "d") + (o->nulls_first ? "f" : "l") + ";";
  }
  return key;
}

// A bound window expression: equal keys compute the same column.
std::string WindowKey(const Expr& w) { return Fingerprint(w) + KeysOf(*w.window) + FrameName(*w.window); }

void CollectWindows(const ExprPtr& e, std::vector<ExprPtr>& out, std::unordered_map<std::string, size_t>& seen) {
  if (e->kind == ExprKind::kWindow) {
    if (seen.emplace(WindowKey(*e), out.size()).second) out.push_back(e);
    return;
  }
  for (const auto& c : e->children) CollectWindows(c, out, seen);
}

ExprPtr ReplaceWindows(const ExprPtr& e, const std::unordered_map<std::string, ExprPtr>& columns) {
  if (e->kind == ExprKind::kWindow) return columns.at(WindowKey(*e));
  if (!ContainsKind(e, ExprKind::kWindow)) return e;
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) children.push_back(ReplaceWindows(c, columns));
  return WithChildren(*e, std::move(children));
}

bool IsSelect(const LogicalPlan& p) { return p.kind == PlanKind::kProject || p.kind == PlanKind::kAggregate; }
bool IsHaving(const LogicalPlan& p) { return p.kind == PlanKind::kFilter && p.is_having; }

void CheckBooleanCondition(const ExprPtr& bound, const ExprPtr& condition) {
  if (bound->type->id() == TypeId::kBoolean || bound->type->id() == TypeId::kNull) return;
  throw UserError("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", "42K09",
                  "Cannot resolve \"" + condition->ToString() + "\" due to data type mismatch: Filter expression \"" +
                      condition->ToString() + "\" of type \"" + bound->type->ToSql() + "\" is not a boolean.");
}

}  // namespace

bool Analyzer::ContainsGroupAggregate(const ExprPtr& e) {
  if (e->kind == ExprKind::kWindow) {
    // sum(x) OVER w aggregates over the window, but sum(sum(x)) OVER w and
    // rank() OVER (ORDER BY sum(x)) also aggregate the SELECT.
    for (const auto& arg : e->children[0]->children) {
      if (ContainsGroupAggregate(arg)) return true;
    }
    for (const auto& k : e->window->partition_by) {
      if (ContainsGroupAggregate(k)) return true;
    }
    for (const auto& o : e->window->order_by) {
      if (ContainsGroupAggregate(o)) return true;
    }
    return false;
  }
  if (e->kind == ExprKind::kAggregate) return true;
  if (e->kind == ExprKind::kCall && registry_.FindAggregate(e->name) && !registry_.FindScalar(e->name)) return true;
  for (const auto& c : e->children) {
    if (ContainsGroupAggregate(c)) return true;
  }
  return false;
}

Resolved Analyzer::PlanWindows(Resolved project, const std::vector<ScopeColumn>& input) {
  const LogicalPlan& p = *project.plan;
  std::vector<ExprPtr> windows;
  std::unordered_map<std::string, size_t> seen;
  for (const auto& e : p.exprs) CollectWindows(e, windows, seen);
  if (windows.empty()) return project;
  // One Window node per PARTITION BY / ORDER BY, in order of first use.
  std::vector<std::string> key_order;
  std::unordered_map<std::string, std::vector<ExprPtr>> by_keys;
  for (const auto& w : windows) {
    auto [it, inserted] = by_keys.try_emplace(KeysOf(*w->window));
    if (inserted) key_order.push_back(it->first);
    it->second.push_back(w);
  }
  LogicalPlanPtr child = p.children[0];
  std::vector<ScopeColumn> columns = input;
  std::unordered_map<std::string, ExprPtr> column_of;
  for (const auto& keys : key_order) {
    auto node = std::make_shared<LogicalPlan>();
    node->kind = PlanKind::kWindow;
    node->analyzed = true;
    node->children = {child};
    for (const auto& w : by_keys[keys]) {
      const int index = static_cast<int>(columns.size());
      const std::string name = kWindowColumnPrefix + std::to_string(index);
      node->exprs.push_back(TypedAlias(w, name));
      columns.push_back({name, "", {}, w->type, w->nullable});
      column_of[WindowKey(*w)] = BoundColumn(index, columns.back());
    }
    node->schema = SchemaOf(columns);
    child = node;
  }
  auto out = CopyNode(p);
  out->children = {child};
  out->exprs.clear();
  for (const auto& e : p.exprs) {
    ExprPtr replaced = ReplaceWindows(e, column_of);
    // The projection keeps its output names, e.g. "rank() OVER (...)".
    if (replaced != e && replaced->kind != ExprKind::kAlias) replaced = TypedAlias(replaced, e->OutputName());
    out->exprs.push_back(replaced);
  }
  return {out, project.columns};
}

ExprPtr Analyzer::RewriteWindowOverAggregate(const ExprPtr& e, const std::unordered_map<std::string, int>& group_index,
                                             std::vector<ExprPtr>& aggregates,
                                             std::unordered_map<std::string, int>& agg_index,
                                             const std::vector<ScopeColumn>& agg_out_prefix, size_t num_groups) {
  auto rewrite = [&](const ExprPtr& x) {
    return RewriteAggregateOutput(x, group_index, aggregates, agg_index, agg_out_prefix, num_groups);
  };
  const Expr& function = *e->children[0];
  std::vector<ExprPtr> args;
  for (const auto& a : function.children) args.push_back(rewrite(a));
  WindowSpec spec = *e->window;
  for (auto& k : spec.partition_by) k = rewrite(k);
  for (auto& o : spec.order_by) o = WithChildren(*o, {rewrite(o->children[0])});
  auto out = std::make_shared<Expr>(*e);
  out->children = {WithChildren(function, std::move(args))};
  out->window = std::make_shared<const WindowSpec>(std::move(spec));
  return out;
}

UserError WindowInFilterError(const std::string& clause) {
  return UserError("_LEGACY_ERROR_TEMP_1034", "42601",
                   "It is not allowed to use window functions inside " + clause + " clause.");
}

Resolved Analyzer::Qualify(const LogicalPlan& p) {
  const LogicalPlanPtr& select = p.children[0];
  if (!IsSelect(*select) && !IsHaving(*select)) throw WindowInFilterError("QUALIFY");
  // The condition may name the SELECT's outputs (QUALIFY rn = 1) or, failing
  // that, its inputs; either way it becomes a hidden output to filter on.
  Resolved child = Analyze(select);
  ExprPtr condition;
  try {
    condition = Bind(p.condition, child.columns, false, false, true);
  } catch (const UserError&) {
    if (!IsSelect(*select)) throw;  // after HAVING only the outputs are visible
  }
  Resolved with_condition;
  size_t visible;
  if (condition) {
    visible = child.columns.size();
    auto project = std::make_shared<LogicalPlan>();
    project->kind = PlanKind::kProject;
    project->plan_id = p.plan_id;
    project->analyzed = true;
    project->children = {child.plan};
    std::vector<ScopeColumn> columns = child.columns;
    for (size_t i = 0; i < visible; ++i) project->exprs.push_back(BoundColumn(static_cast<int>(i), child.columns[i]));
    project->exprs.push_back(TypedAlias(condition, kQualifyColumn));
    columns.push_back({kQualifyColumn, "", {}, condition->type, condition->nullable});
    project->schema = SchemaOf(columns);
    with_condition = PlanWindows({project, columns}, child.columns);
  } else {
    with_condition = AnalyzeWithExtraOutputs(select, {p.condition});
    visible = with_condition.columns.size() - 1;
  }
  auto filter = CopyNode(p);
  filter->children = {with_condition.plan};
  filter->condition = BoundColumn(static_cast<int>(visible), with_condition.columns[visible]);
  CheckBooleanCondition(filter->condition, p.condition);
  filter->schema = with_condition.plan->schema;
  return DropHiddenColumns({filter, with_condition.columns}, visible, p.plan_id);
}

Resolved Analyzer::WindowNode(const LogicalPlan& p, Resolved child) {
  LogicalPlan project = p;
  project.kind = PlanKind::kProject;
  project.exprs.clear();
  for (size_t i = 0; i < child.columns.size(); ++i) {
    project.exprs.push_back(BoundColumn(static_cast<int>(i), child.columns[i]));
  }
  for (const auto& e : p.exprs) project.exprs.push_back(e);
  return Project(project, std::move(child));
}

}  // namespace lakestream
