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

namespace {

// An analyzed projection of one side of a set operation: its columns renamed
// __c0, __c1, ... followed by the integer `markers` (__l, __r).
LogicalPlanPtr MarkedSide(const LogicalPlanPtr& side, const std::vector<ScopeColumn>& columns, int64_t left_marker,
                          int64_t right_marker) {
  auto project = std::make_shared<LogicalPlan>();
  project->kind = PlanKind::kProject;
  project->analyzed = true;
  project->children = {side};
  std::vector<Field> fields;
  auto add = [&](ExprPtr e, const std::string& name, const DataTypePtr& type, bool nullable) {
    auto typed = std::make_shared<Expr>(*Alias(e, name));
    typed->type = type;
    typed->nullable = nullable;
    project->exprs.push_back(typed);
    fields.emplace_back(name, type, nullable);
  };
  for (size_t c = 0; c < columns.size(); ++c) {
    add(BoundColumn(static_cast<int>(c), columns[c]), "__c" + std::to_string(c), columns[c].type, columns[c].nullable);
  }
  add(Lit(Value(left_marker), DataType::Long()), "__l", DataType::Long(), false);
  add(Lit(Value(right_marker), DataType::Long()), "__r", DataType::Long(), false);
  project->schema = std::make_shared<Schema>(std::move(fields));
  return project;
}

}  // namespace

// INTERSECT ALL and EXCEPT ALL as Spark rewrites them: count each distinct
// row on both sides (null-safe, by grouping), keep min(left, right) copies
// (INTERSECT ALL) or left - right copies (EXCEPT ALL), and replicate each row
// that many times with a generator.
Resolved Analyzer::SetOperationAll(const LogicalPlan& p, const Resolved& both) {
  const size_t width = both.columns.size();
  auto column = [](size_t c) { return Col("__c" + std::to_string(c)); };
  auto left = MarkedSide(both.plan->children[0], both.columns, 1, 0);
  auto right = MarkedSide(both.plan->children[1], both.columns, 0, 1);
  std::vector<ExprPtr> keys, outputs;
  for (size_t c = 0; c < width; ++c) keys.push_back(column(c));
  outputs = keys;
  outputs.push_back(Alias(::lakestream::Aggregate("sum", {Col("__l")}), "__l"));
  outputs.push_back(Alias(::lakestream::Aggregate("sum", {Col("__r")}), "__r"));
  auto counted = MakeAggregate(MakeUnion({left, right}), keys, outputs);
  auto zero = Lit(Value(int64_t{0}), DataType::Long());
  ExprPtr copies = p.kind == PlanKind::kIntersect ? Call("least", {Col("__l"), Col("__r")})
                                                  : Call("-", {Col("__l"), Col("__r")});
  auto kept = MakeFilter(counted, Call(">", {copies, zero}));
  std::vector<ExprPtr> replicated = keys;
  replicated.push_back(Generator("explode", Call("sequence", {Lit(Value(int64_t{1}), DataType::Long()), copies})));
  std::vector<ExprPtr> named;
  for (size_t c = 0; c < width; ++c) named.push_back(Alias(column(c), both.columns[c].name));
  Resolved r = Analyze(MakeProject(MakeProject(kept, replicated), named));
  for (size_t c = 0; c < width; ++c) r.columns[c].nullable = both.columns[c].nullable;
  AddPlanId(r.columns, p.plan_id);
  return r;
}

// INTERSECT and EXCEPT (DISTINCT) are a left semi / anti join on every
// column with null-safe equality, then DISTINCT, as Spark's optimizer does.
Resolved Analyzer::SetOperation(const LogicalPlan& p) {
  // Analyzing the pair as a UNION widens the column types and checks widths.
  Resolved both = Union(*MakeUnion({p.children[0], p.children[1]}));
  if (p.set_all) return SetOperationAll(p, both);
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
