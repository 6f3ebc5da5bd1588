#include "expr/column_refs.h"

#include "columnar/check.h"

namespace lakestream {

void CollectColumnRefs(const ExprPtr& e, std::set<int>* out) {
  if (e->kind == ExprKind::kColumn && e->column_index >= 0) out->insert(e->column_index);
  for (const auto& c : e->children) CollectColumnRefs(c, out);
  if (e->window) {
    for (const auto& k : e->window->partition_by) CollectColumnRefs(k, out);
    for (const auto& k : e->window->order_by) CollectColumnRefs(k, out);
  }
}

namespace {

// The window's keys remapped; nullptr when none changes.
std::shared_ptr<const WindowSpec> RemapWindow(const WindowSpec& window, const std::vector<int>& mapping) {
  bool changed = false;
  auto remap_all = [&](const std::vector<ExprPtr>& keys) {
    std::vector<ExprPtr> out;
    for (const auto& k : keys) {
      out.push_back(RemapColumnRefs(k, mapping));
      changed |= out.back() != k;
    }
    return out;
  };
  WindowSpec copy = window;
  copy.partition_by = remap_all(window.partition_by);
  copy.order_by = remap_all(window.order_by);
  return changed ? std::make_shared<const WindowSpec>(std::move(copy)) : nullptr;
}

}  // namespace

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
  std::shared_ptr<const WindowSpec> window = e->window ? RemapWindow(*e->window, mapping) : nullptr;
  if (e->children.empty() && !window) return e;
  std::vector<ExprPtr> children;
  bool changed = false;
  for (const auto& c : e->children) {
    children.push_back(RemapColumnRefs(c, mapping));
    changed |= children.back() != c;
  }
  if (!changed && !window) return e;
  auto copy = std::make_shared<Expr>(*e);
  copy->children = std::move(children);
  if (window) copy->window = std::move(window);
  return copy;
}

}  // namespace lakestream
