#include "expr/column_refs.h"

#include "columnar/check.h"

namespace lakestream {

void CollectColumnRefs(const ExprPtr& e, std::set<int>* out) {
  if (e->kind == ExprKind::kColumn && e->column_index >= 0) out->insert(e->column_index);
  for (const auto& c : e->children) CollectColumnRefs(c, out);
}

ExprPtr RemapColumnRefs(const ExprPtr& e, const std::vector<int>& mapping) {
  if (e->kind == ExprKind::kColumn && e->column_index >= 0) {
    LS_CHECK_LT(e->column_index, static_cast<int>(mapping.size()));
    int to = mapping[e->column_index];
    LS_CHECK_GE(to, 0);
    if (to == e->column_index) return e;
    auto copy = std::make_shared<Expr>(*e);
    copy->column_index = to;
    return copy;
  }
  if (e->children.empty()) return e;
  std::vector<ExprPtr> children;
  bool changed = false;
  for (const auto& c : e->children) {
    children.push_back(RemapColumnRefs(c, mapping));
    changed |= children.back() != c;
  }
  return changed ? WithChildren(*e, std::move(children)) : e;
}

}  // namespace lakestream
