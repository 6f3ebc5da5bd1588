#include "plan/correlated_refs.h"

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

}  // namespace lakestream
