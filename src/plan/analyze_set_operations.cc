// Analyzer rules for set operations: UNION, INTERSECT, EXCEPT, DISTINCT,
// dropDuplicates.
#include <unordered_map>

#include "expr/binder.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {

Resolved Analyzer::Union(const LogicalPlan& p) {
  std::vector<Resolved> children;
  for (const auto& c : p.children) children.push_back(Analyze(c));
  size_t width = children[0].columns.size();
  std::vector<DataTypePtr> types;
  for (const auto& c : children[0].columns) types.push_back(c.type);
  for (size_t i = 1; i < children.size(); ++i) {
    if (children[i].columns.size() != width) {
      throw UserError("NUM_COLUMNS_MISMATCH", "42826",
                      "UNION can only be performed on inputs with the same number of columns, but the first input has " +
                          std::to_string(width) + " columns and input " + std::to_string(i + 1) + " has " +
                          std::to_string(children[i].columns.size()) + " columns.");
    }
    for (size_t c = 0; c < width; ++c) {
      auto wider = WiderType(types[c], children[i].columns[c].type);
      if (!wider) {
        throw UserError("INCOMPATIBLE_COLUMN_TYPE", "42825",
                        "UNION can only be performed on inputs with compatible column types. Column " +
                            std::to_string(c + 1) + " is " + children[i].columns[c].type->ToSql() + " in input " +
                            std::to_string(i + 1) + " and " + types[c]->ToSql() + " before.");
      }
      types[c] = wider;
    }
  }
  auto node = CopyNode(p);
  node->children.clear();
  std::vector<ScopeColumn> out = children[0].columns;
  for (size_t c = 0; c < width; ++c) {
    out[c].type = types[c];
    out[c].plan_ids = {p.plan_id};
    for (const auto& ch : children) out[c].nullable |= ch.columns[c].nullable;
  }
  for (auto& ch : children) {
    bool same = true;
    for (size_t c = 0; c < width; ++c) same &= TypeEquals(ch.columns[c].type, types[c]);
    if (same) { node->children.push_back(ch.plan); continue; }
    auto project = std::make_shared<LogicalPlan>();
    project->kind = PlanKind::kProject;
    project->analyzed = true;
    project->children = {ch.plan};
    std::vector<Field> fields;
    for (size_t c = 0; c < width; ++c) {
      auto e = ImplicitCast(BoundColumn(static_cast<int>(c), ch.columns[c]), types[c]);
      project->exprs.push_back(Alias(e, ch.columns[c].name));
      auto typed = std::make_shared<Expr>(*project->exprs.back());
      typed->type = types[c];
      typed->nullable = e->nullable;
      project->exprs.back() = typed;
      fields.emplace_back(ch.columns[c].name, types[c], ch.columns[c].nullable);
    }
    project->schema = std::make_shared<Schema>(std::move(fields));
    node->children.push_back(project);
  }
  node->schema = SchemaOf(out);
  return {node, out};
}

Resolved Analyzer::Distinct(const LogicalPlan& p, Resolved child) {
  LogicalPlan agg;
  agg.kind = PlanKind::kAggregate;
  agg.plan_id = p.plan_id;
  for (size_t i = 0; i < child.columns.size(); ++i) {
    agg.groupings.push_back(BoundColumn(static_cast<int>(i), child.columns[i]));
    agg.exprs.push_back(BoundColumn(static_cast<int>(i), child.columns[i]));
  }
  auto r = Aggregate(agg, child);
  for (size_t i = 0; i < r.columns.size(); ++i) r.columns[i].qualifier = child.columns[i].qualifier;
  return r;
}

Resolved Analyzer::Deduplicate(const LogicalPlan& p, Resolved child) {
  if (p.exprs.empty()) return Distinct(p, std::move(child));
  LogicalPlan agg;
  agg.kind = PlanKind::kAggregate;
  agg.plan_id = p.plan_id;
  std::vector<bool> is_key(child.columns.size(), false);
  for (const auto& k : p.exprs) {
    int idx = Scope(child.columns).Resolve(k->name_parts, -1);
    if (!is_key[idx]) agg.groupings.push_back(BoundColumn(idx, child.columns[idx]));
    is_key[idx] = true;
  }
  // Keys stay as they are; every other column takes its group's first value.
  for (size_t i = 0; i < child.columns.size(); ++i) {
    auto c = BoundColumn(static_cast<int>(i), child.columns[i]);
    agg.exprs.push_back(is_key[i] ? c : Alias(::lakestream::Aggregate("first", {c}), child.columns[i].name));
  }
  return Aggregate(agg, child);
}

// INTERSECT and EXCEPT (DISTINCT) are a left semi / anti join on every
// column with null-safe equality, then DISTINCT, as Spark's optimizer does.
Resolved Analyzer::SetOperation(const LogicalPlan& p) {
  const char* op = p.kind == PlanKind::kIntersect ? "INTERSECT" : "EXCEPT";
  if (p.set_all) {
    throw UserError("UNSUPPORTED_FEATURE.SET_OPERATION", "0A000",
                    std::string("The feature is not supported: ") + op + " ALL.");
  }
  // Analyzing the pair as a UNION widens the column types and checks widths.
  Resolved both = Union(*MakeUnion({p.children[0], p.children[1]}));
  const size_t width = both.columns.size();
  std::vector<ScopeColumn> names;
  for (size_t i = 0; i < 2 * width; ++i) {
    ScopeColumn c = both.columns[i % width];
    c.name = (i < width ? "__l" : "__r") + std::to_string(i % width);
    c.qualifier.clear();
    names.push_back(c);
  }
  ExprPtr condition;
  for (size_t i = 0; i < width; ++i) {
    auto eq = Call("<=>", {Col("__l" + std::to_string(i)), Col("__r" + std::to_string(i))});
    condition = condition ? Call("and", {condition, eq}) : eq;
  }
  auto join = CopyNode(p);
  join->kind = PlanKind::kJoin;
  join->join_type = p.kind == PlanKind::kIntersect ? JoinType::kLeftSemi : JoinType::kLeftAnti;
  join->children = {both.plan->children[0], both.plan->children[1]};
  join->condition = Bind(condition, names);
  std::vector<ScopeColumn> out = both.columns;
  for (auto& c : out) c.plan_ids = {p.plan_id};
  join->schema = SchemaOf(out);
  LogicalPlan distinct;
  distinct.kind = PlanKind::kDistinct;
  distinct.plan_id = p.plan_id;
  return Distinct(distinct, {join, out});
}

}  // namespace lakestream
