// Column pruning: a top-down pass that tells each node which of its output
// columns are used, rebuilding the node with only what they need and
// renumbering column references above it.
#include <numeric>
#include <set>

#include "columnar/check.h"
#include "expr/column_refs.h"
#include "plan/optimizer.h"

namespace lakestream {
namespace {

struct Pruned {
  LogicalPlanPtr plan;
  std::vector<int> mapping;  // old output index -> new output index, -1 if dropped
};

std::set<int> AllColumns(const LogicalPlan& p) {
  std::set<int> all;
  for (size_t i = 0; i < p.schema->num_fields(); ++i) all.insert(static_cast<int>(i));
  return all;
}

std::vector<int> Identity(size_t n) {
  std::vector<int> m(n);
  std::iota(m.begin(), m.end(), 0);
  return m;
}

std::vector<ExprPtr> Remap(const std::vector<ExprPtr>& exprs, const std::vector<int>& mapping) {
  std::vector<ExprPtr> out;
  for (const auto& e : exprs) out.push_back(RemapColumnRefs(e, mapping));
  return out;
}

Pruned Prune(const LogicalPlanPtr& plan, const std::set<int>& required);

// A node this rule does not see into: it keeps its columns and needs all of
// its children's (deeper nodes may still prune).
Pruned KeepAll(const LogicalPlanPtr& plan) {
  if (plan->children.empty()) return {plan, Identity(plan->schema->num_fields())};
  auto node = std::make_shared<LogicalPlan>(*plan);
  for (auto& child : node->children) child = Prune(child, AllColumns(*child)).plan;
  return {node, Identity(plan->schema->num_fields())};
}

Pruned PruneScan(const LogicalPlanPtr& plan, std::set<int> required) {
  size_t n = plan->schema->num_fields();
  // Something must still be read to count rows.
  if (required.empty() && n > 0) required.insert(0);
  if (required.size() == n) return {plan, Identity(n)};
  auto node = std::make_shared<LogicalPlan>(*plan);
  std::vector<Field> fields;
  std::vector<int> mapping(n, -1);
  for (int i : required) {
    mapping[i] = static_cast<int>(fields.size());
    fields.push_back(plan->schema->field(i));
  }
  node->schema = std::make_shared<Schema>(std::move(fields), plan->schema->metadata());
  return {node, mapping};
}

Pruned PruneProject(const LogicalPlanPtr& plan, std::set<int> required) {
  bool has_generator = false;
  for (const auto& e : plan->exprs) has_generator |= ContainsKind(e, ExprKind::kGenerator);
  // A generator changes the row count and may output several columns (more
  // columns than expressions): keep every expression.
  if (has_generator || required.empty()) {
    required.clear();
    for (int i = 0; i < static_cast<int>(plan->exprs.size()); ++i) required.insert(i);
  }
  std::set<int> child_required;
  for (int i : required) CollectColumnRefs(plan->exprs[i], &child_required);
  Pruned child = Prune(plan->children[0], child_required);
  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = {child.plan};
  node->exprs.clear();
  std::vector<Field> fields;
  std::vector<int> mapping(plan->exprs.size(), -1);
  for (int i : required) {
    if (!has_generator) {
      mapping[i] = static_cast<int>(fields.size());
      fields.push_back(plan->schema->field(i));
    }
    node->exprs.push_back(RemapColumnRefs(plan->exprs[i], child.mapping));
  }
  if (has_generator) return {node, Identity(plan->schema->num_fields())};
  node->schema = std::make_shared<Schema>(std::move(fields), plan->schema->metadata());
  return {node, mapping};
}

// Filter, Sort, Limit: output = input; they add the columns their own
// expressions read.
Pruned PrunePassThrough(const LogicalPlanPtr& plan, const std::set<int>& required) {
  std::set<int> child_required = required;
  if (plan->condition) CollectColumnRefs(plan->condition, &child_required);
  for (const auto& e : plan->exprs) CollectColumnRefs(e, &child_required);
  Pruned child = Prune(plan->children[0], child_required);
  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = {child.plan};
  if (plan->condition) node->condition = RemapColumnRefs(plan->condition, child.mapping);
  node->exprs = Remap(plan->exprs, child.mapping);
  node->schema = child.plan->schema;
  return {node, child.mapping};
}

Pruned PruneAggregate(const LogicalPlanPtr& plan) {
  std::set<int> child_required;
  for (const auto& e : plan->groupings) CollectColumnRefs(e, &child_required);
  for (const auto& e : plan->exprs) CollectColumnRefs(e, &child_required);
  Pruned child = Prune(plan->children[0], child_required);
  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = {child.plan};
  node->groupings = Remap(plan->groupings, child.mapping);
  node->exprs = Remap(plan->exprs, child.mapping);
  return {node, Identity(plan->schema->num_fields())};
}

Pruned PruneJoin(const LogicalPlanPtr& plan, const std::set<int>& required) {
  if (!plan->using_columns.empty()) return KeepAll(plan);
  const int left_width = static_cast<int>(plan->children[0]->schema->num_fields());
  std::set<int> needed = required;
  if (plan->condition) CollectColumnRefs(plan->condition, &needed);
  std::set<int> left_required, right_required;
  for (int i : needed) (i < left_width ? left_required : right_required).insert(i < left_width ? i : i - left_width);
  Pruned left = Prune(plan->children[0], left_required);
  Pruned right = Prune(plan->children[1], right_required);
  const int new_left_width = static_cast<int>(left.plan->schema->num_fields());
  std::vector<int> combined = left.mapping;
  for (int m : right.mapping) combined.push_back(m < 0 ? -1 : m + new_left_width);

  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = {left.plan, right.plan};
  if (plan->condition) node->condition = RemapColumnRefs(plan->condition, combined);
  bool left_only = plan->join_type == JoinType::kLeftSemi || plan->join_type == JoinType::kLeftAnti;
  std::vector<Field> fields;
  std::vector<int> mapping(plan->schema->num_fields(), -1);
  for (size_t i = 0; i < mapping.size(); ++i) {
    if (combined[i] < 0) continue;
    mapping[i] = combined[i];
    fields.push_back(plan->schema->field(i));
  }
  LS_CHECK_EQ(fields.size(), left_only ? left.plan->schema->num_fields()
                                       : left.plan->schema->num_fields() + right.plan->schema->num_fields());
  node->schema = std::make_shared<Schema>(std::move(fields), plan->schema->metadata());
  return {node, mapping};
}

// Window: output = child columns, then one column per window expression.
// Unused window expressions go; with none left the node is the child itself
// (a window never changes the rows).
Pruned PruneWindow(const LogicalPlanPtr& plan, const std::set<int>& required) {
  const int child_width = static_cast<int>(plan->children[0]->schema->num_fields());
  std::set<int> child_required;
  std::vector<int> kept_exprs;
  for (int i : required) {
    if (i < child_width) {
      child_required.insert(i);
    } else {
      kept_exprs.push_back(i - child_width);
      CollectColumnRefs(plan->exprs[i - child_width], &child_required);
    }
  }
  Pruned child = Prune(plan->children[0], child_required);
  std::vector<int> mapping(plan->schema->num_fields(), -1);
  for (int i = 0; i < child_width; ++i) mapping[i] = child.mapping[i];
  if (kept_exprs.empty()) return {child.plan, mapping};
  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = {child.plan};
  node->exprs.clear();
  std::vector<Field> fields = child.plan->schema->fields();
  for (int k : kept_exprs) {
    mapping[child_width + k] = static_cast<int>(fields.size());
    fields.push_back(plan->schema->field(child_width + k));
    node->exprs.push_back(RemapColumnRefs(plan->exprs[k], child.mapping));
  }
  node->schema = std::make_shared<Schema>(std::move(fields), plan->schema->metadata());
  return {node, mapping};
}

Pruned Prune(const LogicalPlanPtr& plan, const std::set<int>& required) {
  switch (plan->kind) {
    case PlanKind::kFileScan: return PruneScan(plan, required);
    case PlanKind::kProject: return PruneProject(plan, required);
    case PlanKind::kFilter:
    case PlanKind::kSort:
    case PlanKind::kLimit: return PrunePassThrough(plan, required);
    case PlanKind::kAggregate: return PruneAggregate(plan);
    case PlanKind::kJoin: return PruneJoin(plan, required);
    case PlanKind::kWindow: return PruneWindow(plan, required);
    default: return KeepAll(plan);
  }
}

}  // namespace

LogicalPlanPtr PruneColumns(const LogicalPlanPtr& analyzed) {
  Pruned root = Prune(analyzed, AllColumns(*analyzed));
  // The root keeps every output column, so its schema is unchanged.
  LS_CHECK_EQ(root.plan->schema->num_fields(), analyzed->schema->num_fields());
  return root.plan;
}

}  // namespace lakestream
