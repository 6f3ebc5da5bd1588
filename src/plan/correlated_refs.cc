#include "plan/correlated_refs.h"

#include "expr/function_registry.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {

bool ExprCorrelated(const ExprPtr& e, int level) {
  if (e->kind == ExprKind::kColumn && e->outer_depth > level) return true;
  if (e->kind == ExprKind::kSubquery && IsCorrelated(*e->subquery, level + 1)) return true;
  for (const auto& c : e->children) {
    if (ExprCorrelated(c, level)) return true;
  }
  return false;
}

[[noreturn]] void ThrowUnsupportedCorrelation(const std::string& what) {
  throw UserError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_REFERENCE", "0A000",
                  "Correlated column references are only supported in the WHERE clause of a subquery: " + what + ".");
}

ExprPtr AndAll(const std::vector<ExprPtr>& conjuncts) {
  ExprPtr out;
  for (const auto& c : conjuncts) out = out ? Call("and", {out, c}) : c;
  return out;
}

std::vector<ScopeColumn> ColumnsOf(const LogicalPlan& p) {
  std::vector<ScopeColumn> cols;
  for (const auto& f : p.schema->fields()) cols.push_back({f.name, "", {p.plan_id}, f.type, f.nullable});
  return cols;
}

ExprPtr Relocate(const ExprPtr& e, int local_offset, const std::function<int(int)>& outer_map) {
  if (e->kind == ExprKind::kColumn && e->column_index >= 0) {
    auto copy = std::make_shared<Expr>(*e);
    if (e->outer_depth == 0) {
      copy->column_index += local_offset;
    } else if (e->outer_depth == 1) {
      copy->column_index = outer_map(e->column_index);
      copy->outer_depth = 0;
    } else {
      ThrowUnsupportedCorrelation("a reference two or more queries out, " + e->ToString());
    }
    return copy;
  }
  if (e->children.empty()) return e;
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) children.push_back(Relocate(c, local_offset, outer_map));
  return WithChildren(*e, std::move(children));
}

void CollectOuterRefs(const ExprPtr& e, std::set<int>* out) {
  if (e->kind == ExprKind::kColumn && e->outer_depth == 1) out->insert(e->column_index);
  for (const auto& c : e->children) CollectOuterRefs(c, out);
}

void CollectLocalRefs(const ExprPtr& e, std::set<int>* out) {
  if (e->kind == ExprKind::kColumn && e->outer_depth == 0 && e->column_index >= 0) out->insert(e->column_index);
  for (const auto& c : e->children) CollectLocalRefs(c, out);
}

namespace {

LogicalPlanPtr RemapPlan(const LogicalPlanPtr& p, const std::function<int(int)>& map, int level, bool* ok);

// `e` inside a plan `level` queries below the new scope.
ExprPtr RemapExpr(const ExprPtr& e, const std::function<int(int)>& map, int level, bool* ok) {
  if (level > 0 && e->kind == ExprKind::kColumn && e->outer_depth == level && e->column_index >= 0) {
    const int k = map(e->column_index);
    if (k < 0) *ok = false;
    auto copy = std::make_shared<Expr>(*e);
    copy->column_index = k;
    return copy;
  }
  ExprPtr out = e;
  if (e->kind == ExprKind::kSubquery && e->subquery) {
    auto copy = std::make_shared<Expr>(*e);
    copy->subquery = RemapPlan(e->subquery, map, level + 1, ok);
    out = copy;
  }
  if (e->children.empty()) return out;
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) children.push_back(RemapExpr(c, map, level, ok));
  return WithChildren(*out, std::move(children));
}

LogicalPlanPtr RemapPlan(const LogicalPlanPtr& p, const std::function<int(int)>& map, int level, bool* ok) {
  auto copy = std::make_shared<LogicalPlan>(*p);
  for (auto& c : copy->children) c = RemapPlan(c, map, level, ok);
  for (auto& e : copy->exprs) e = RemapExpr(e, map, level, ok);
  for (auto& e : copy->groupings) e = RemapExpr(e, map, level, ok);
  if (copy->condition) copy->condition = RemapExpr(copy->condition, map, level, ok);
  for (auto& row : copy->values) {
    for (auto& e : row) e = RemapExpr(e, map, level, ok);
  }
  return copy;
}

}  // namespace

ExprPtr RemapOuterRefs(const ExprPtr& e, const std::function<int(int)>& map) {
  bool ok = true;
  ExprPtr out = RemapExpr(e, map, 0, &ok);
  return ok ? out : nullptr;
}

bool ExprDeterministic(const ExprPtr& e) {
  if (!e) return true;
  if (e->kind == ExprKind::kCall && e->function && !e->function->deterministic) return false;
  if (e->kind == ExprKind::kSubquery && e->subquery && !PlanDeterministic(*e->subquery)) return false;
  for (const auto& c : e->children) {
    if (!ExprDeterministic(c)) return false;
  }
  return true;
}

bool PlanDeterministic(const LogicalPlan& p) {
  if (p.kind == PlanKind::kLimit || p.kind == PlanKind::kDeduplicate) return false;
  if (!ExprDeterministic(p.condition)) return false;
  for (const auto* list : {&p.exprs, &p.groupings}) {
    for (const auto& e : *list) {
      if (!ExprDeterministic(e)) return false;
    }
  }
  for (const auto& row : p.values) {
    for (const auto& e : row) {
      if (!ExprDeterministic(e)) return false;
    }
  }
  for (const auto& c : p.children) {
    if (!PlanDeterministic(*c)) return false;
  }
  return true;
}

}  // namespace lakestream
