// Analyzer rules for joins: conditions, USING columns.
#include <unordered_map>

#include "expr/binder.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {

Resolved Analyzer::Join(const LogicalPlan& p, Resolved left, Resolved right) {
  auto node = CopyNode(p);
  node->children = {left.plan, right.plan};
  std::vector<ScopeColumn> both = left.columns;
  both.insert(both.end(), right.columns.begin(), right.columns.end());
  node->using_columns.clear();
  if (p.natural) {
    // NATURAL JOIN is USING over the column names both sides share.
    LogicalPlan natural = p;
    natural.natural = false;
    natural.using_columns.clear();
    for (const auto& l : left.columns) {
      for (const auto& r : right.columns) {
        if (EqualsIgnoreCase(l.name, r.name)) { natural.using_columns.push_back(l.name); break; }
      }
    }
    if (natural.using_columns.empty()) {
      natural.join_type = p.join_type == JoinType::kInner ? JoinType::kCross : p.join_type;
      return Join(natural, std::move(left), std::move(right));
    }
    return UsingJoin(natural, std::move(left), std::move(right));
  }
  if (!p.using_columns.empty()) return UsingJoin(p, std::move(left), std::move(right));
  if (p.condition) {
    node->condition = Bind(p.condition, both);
    if (node->condition->type->id() != TypeId::kBoolean) {
      throw UserError("DATATYPE_MISMATCH.JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE", "42K09",
                      "The join condition " + p.condition->ToString() + " has the invalid type \"" +
                          node->condition->type->ToSql() + "\", expected \"BOOLEAN\".");
    }
  }
  std::vector<ScopeColumn> out;
  bool left_nullable = p.join_type == JoinType::kRight || p.join_type == JoinType::kFull;
  bool right_nullable = p.join_type == JoinType::kLeft || p.join_type == JoinType::kFull;
  for (auto c : left.columns) { c.nullable |= left_nullable; out.push_back(c); }
  if (p.join_type != JoinType::kLeftSemi && p.join_type != JoinType::kLeftAnti) {
    for (auto c : right.columns) { c.nullable |= right_nullable; out.push_back(c); }
  }
  AddPlanId(out, p.plan_id);
  node->schema = SchemaOf(out);
  return {node, out};
}

Resolved Analyzer::UsingJoin(const LogicalPlan& p, Resolved left, Resolved right) {
  ExprPtr condition;
  std::vector<int> left_keys, right_keys;
  for (const auto& name : p.using_columns) {
    int l = Scope(left.columns).TryResolve({name}, -1);
    int r = Scope(right.columns).TryResolve({name}, -1);
    if (l < 0 || r < 0) {
      throw UserError("UNRESOLVED_USING_COLUMN_FOR_JOIN", "42703",
                      "USING column `" + name + "` cannot be resolved on the " + (l < 0 ? "left" : "right") + " side of the join.");
    }
    left_keys.push_back(l);
    right_keys.push_back(r);
    auto eq = Call("=", {BoundColumn(l, left.columns[l]),
                         BoundColumn(static_cast<int>(left.columns.size()) + r, right.columns[r])});
    condition = condition ? Call("and", {condition, eq}) : eq;
  }
  LogicalPlan join = p;
  join.using_columns.clear();
  join.condition = condition;
  size_t left_width = left.columns.size();
  Resolved joined = Join(join, left, right);
  // Projection: keys, then the rest of left, then the rest of right.
  std::vector<ExprPtr> exprs;
  bool semi = p.join_type == JoinType::kLeftSemi || p.join_type == JoinType::kLeftAnti;
  for (size_t k = 0; k < left_keys.size(); ++k) {
    const auto& lc = joined.columns[left_keys[k]];
    if (p.join_type == JoinType::kFull) {
      const auto& rc = joined.columns[left_width + right_keys[k]];
      exprs.push_back(Alias(Call("coalesce", {BoundColumn(left_keys[k], lc), BoundColumn(static_cast<int>(left_width + right_keys[k]), rc)}), lc.name));
    } else if (p.join_type == JoinType::kRight) {
      exprs.push_back(BoundColumn(static_cast<int>(left_width + right_keys[k]), joined.columns[left_width + right_keys[k]]));
    } else {
      exprs.push_back(BoundColumn(left_keys[k], lc));
    }
  }
  auto is_key = [](const std::vector<int>& keys, int i) { return std::find(keys.begin(), keys.end(), i) != keys.end(); };
  for (size_t i = 0; i < left_width; ++i) {
    if (!is_key(left_keys, static_cast<int>(i))) exprs.push_back(BoundColumn(static_cast<int>(i), joined.columns[i]));
  }
  if (!semi) {
    for (size_t i = 0; i < right.columns.size(); ++i) {
      if (!is_key(right_keys, static_cast<int>(i))) {
        exprs.push_back(BoundColumn(static_cast<int>(left_width + i), joined.columns[left_width + i]));
      }
    }
  }
  auto project = std::make_shared<LogicalPlan>();
  project->kind = PlanKind::kProject;
  project->plan_id = p.plan_id;
  project->children = {joined.plan};
  std::vector<ScopeColumn> out;
  for (const auto& e : exprs) {
    auto bound = e->bound() ? e : Bind(e, joined.columns);
    OutputColumns(bound, joined.columns, p.plan_id, out);
    project->exprs.push_back(bound);
  }
  project->analyzed = true;
  project->schema = SchemaOf(out);
  return {project, out};
}

}  // namespace lakestream
