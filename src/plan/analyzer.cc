#include "plan/analyzer.h"

#include <cctype>

#include "columnar/check.h"
#include "expr/binder.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"
#include "plan/correlated_refs.h"

namespace lakestream {

std::shared_ptr<LogicalPlan> CopyNode(const LogicalPlan& p) {
  auto c = std::make_shared<LogicalPlan>(p);
  c->analyzed = true;
  return c;
}

ExprPtr BoundColumn(int index, const ScopeColumn& c) {
  auto e = std::make_shared<Expr>(*ColParts({c.name}));
  e->column_index = index;
  e->type = c.type;
  e->nullable = c.nullable;
  return e;
}

SchemaPtr SchemaOf(const std::vector<ScopeColumn>& cols) {
  std::vector<Field> fields;
  for (const auto& c : cols) fields.emplace_back(c.name, c.type, c.nullable);
  return std::make_shared<Schema>(std::move(fields));
}

std::string Fingerprint(const Expr& e) {
  std::string s = std::to_string(static_cast<int>(e.kind)) + ":";
  switch (e.kind) {
    case ExprKind::kColumn: s += "#" + std::to_string(e.column_index) + "@" + std::to_string(e.outer_depth); break;
    case ExprKind::kSubquery: s += "subquery@" + std::to_string(reinterpret_cast<uintptr_t>(e.subquery.get())); break;
    case ExprKind::kLiteral: s += e.value.ToString() + "/" + (e.type ? e.type->ToString() : ""); break;
    case ExprKind::kAlias: return Fingerprint(*e.children[0]);
    default: s += e.name + "/" + (e.type ? e.type->ToString() : "") + (e.distinct ? "/d" : "") + (e.is_try ? "/t" : ""); break;
  }
  s += "(";
  for (const auto& c : e.children) s += Fingerprint(*c) + ",";
  return s + ")";
}

bool EqualsIgnoreCase(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

Resolved Analyzer::Analyze(const LogicalPlanPtr& plan) {
  // Rewrites build new nodes over subtrees that are already analyzed.
  if (plan->analyzed) {
    std::vector<ScopeColumn> cols;
    for (const auto& f : plan->schema->fields()) cols.push_back({f.name, "", {plan->plan_id}, f.type, f.nullable});
    return {plan, cols};
  }
  switch (plan->kind) {
    case PlanKind::kLocalRelation:
    case PlanKind::kRange:
    case PlanKind::kFileScan: return Leaf(*plan);
    case PlanKind::kProject:
      if (plan->unpivot) return Unpivot(*plan, Analyze(plan->children[0]));
      return Project(*plan, Analyze(plan->children[0]));
    case PlanKind::kFilter:
      if (plan->is_having) return Having(*plan);
      if (plan->is_qualify) return Qualify(*plan);
      // Windows filter only through SQL's QUALIFY; Spark rejects WHERE and
      // df.filter(row_number().over(w) == 1) alike.
      if (ContainsKind(plan->condition, ExprKind::kWindow)) throw WindowInFilterError("WHERE");
      return Filter(*plan, Analyze(plan->children[0]));
    case PlanKind::kAggregate:
      if (plan->pivot) return Pivot(*plan, Analyze(plan->children[0]));
      if (!plan->grouping_sets.empty()) return GroupingSets(*plan);
      return Aggregate(*plan, Analyze(plan->children[0]));
    case PlanKind::kJoin: return Join(*plan, Analyze(plan->children[0]), Analyze(plan->children[1]));
    case PlanKind::kSort: return SortClause(*plan);
    case PlanKind::kLimit: return PassThrough(*plan, Analyze(plan->children[0]));
    case PlanKind::kUnion: return Union(*plan);
    case PlanKind::kDistinct: return Distinct(*plan, Analyze(plan->children[0]));
    case PlanKind::kDeduplicate: return Deduplicate(*plan, Analyze(plan->children[0]));
    case PlanKind::kSubqueryAlias: return SubqueryAlias(*plan, Analyze(plan->children[0]));
    case PlanKind::kUnresolvedRelation: return UnresolvedRelation(*plan);
    case PlanKind::kUnresolvedTableFunction: return UnresolvedTableFunction(*plan);
    case PlanKind::kValues: return Values(*plan);
    case PlanKind::kIntersect:
    case PlanKind::kExcept: return SetOperation(*plan);
    case PlanKind::kWindow: return WindowNode(*plan, Analyze(plan->children[0]));
  }
  throw InternalError("unknown plan kind");
}

ExprPtr Analyzer::Bind(const ExprPtr& e, const std::vector<ScopeColumn>& cols, bool aggregates, bool generators,
                       bool windows) {
  BindOptions o;
  o.allow_aggregates = aggregates;
  o.allow_generators = generators;
  o.allow_windows = windows;
  o.legacy_integer_division = options_.legacy_integer_division;
  o.legacy_unary_plus = options_.legacy_unary_plus;
  if (!outer_scopes_.empty()) o.outer_scopes = &outer_scopes_;
  o.bind_subquery = [this](const Expr& subquery, const Scope& scope) { return BindSubquery(subquery, scope); };
  return BindExpression(e, Scope(cols), registry_, o);
}

void Analyzer::AddPlanId(std::vector<ScopeColumn>& cols, int64_t id) {
  for (auto& c : cols) c.plan_ids.insert(id);
}

Resolved Analyzer::Leaf(const LogicalPlan& p) {
  auto node = CopyNode(p);
  std::vector<ScopeColumn> cols;
  for (const auto& f : p.schema->fields()) cols.push_back({f.name, "", {p.plan_id}, f.type, f.nullable});
  return {node, cols};
}

Resolved Analyzer::PassThrough(const LogicalPlan& p, Resolved child) {
  auto node = CopyNode(p);
  node->children = {child.plan};
  node->schema = child.plan->schema;
  AddPlanId(child.columns, p.plan_id);
  return {node, child.columns};
}

std::vector<ExprPtr> Analyzer::ExpandStars(const std::vector<ExprPtr>& exprs, const std::vector<ScopeColumn>& cols) {
  std::vector<ExprPtr> out;
  for (const auto& e : exprs) {
    if (e->kind != ExprKind::kStar) { out.push_back(e); continue; }
    bool any = false;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (!e->name_parts.empty() && !EqualsIgnoreCase(cols[i].qualifier, e->name_parts[0])) continue;
      out.push_back(BoundColumn(static_cast<int>(i), cols[i]));
      any = true;
    }
    if (!any && !e->name_parts.empty()) {
      throw UserError("CANNOT_RESOLVE_STAR_EXPAND", "42704",
                      "Cannot resolve `" + e->name_parts[0] + "`.* given input columns.");
    }
  }
  return out;
}

void Analyzer::OutputColumns(const ExprPtr& bound, const std::vector<ScopeColumn>& input, int64_t plan_id,
                   std::vector<ScopeColumn>& out) {
  const Expr* core = bound.get();
  std::string alias;
  std::vector<std::string> aliases;  // MultiAlias: one name per generator output
  if (core->kind == ExprKind::kAlias) {
    alias = core->name;
    if (core->name_parts.size() > 1) aliases = core->name_parts;
    core = core->children[0].get();
  }
  if (core->kind == ExprKind::kGenerator) {
    const auto& in_type = core->children[0]->type;
    bool pos = core->name.rfind("posexplode", 0) == 0;
    bool outer = core->name.find("outer") != std::string::npos;
    size_t first = out.size();
    if (pos) out.push_back({"pos", "", {plan_id}, DataType::Int(), outer});
    if (in_type->id() == TypeId::kMap) {
      out.push_back({"key", "", {plan_id}, in_type->key_type(), outer});
      out.push_back({"value", "", {plan_id}, in_type->value_type(), true});
    } else {
      out.push_back({alias.empty() || !aliases.empty() ? "col" : alias, "", {plan_id}, in_type->element_type(), true});
    }
    // A single alias names a one-column generator only (Spark: explode(map) AS x fails).
    if (aliases.empty() && !alias.empty()) aliases = {alias};
    if (!aliases.empty()) {
      if (aliases.size() != out.size() - first) {
        throw UserError("UDTF_ALIAS_NUMBER_MISMATCH", "42802",
                        "The number of aliases supplied in the AS clause does not match the number of columns output "
                        "by the UDTF. Expected " + std::to_string(out.size() - first) + " aliases, but got " +
                            std::to_string(aliases.size()) + ". Please ensure that the number of aliases provided "
                            "matches the number of columns output by the UDTF.");
      }
      for (size_t i = 0; i < aliases.size(); ++i) out[first + i].name = aliases[i];
    }
    return;
  }
  if (!aliases.empty()) {
    throw UserError("UNSUPPORTED_FEATURE.MULTI_ALIAS", "0A000",
                    "The feature is not supported: several aliases for " + core->ToString() +
                        ", which is not a generator.");
  }
  ScopeColumn c{bound->OutputName(), "", {plan_id}, bound->type, bound->nullable};
  if (core->kind == ExprKind::kColumn && core->column_index >= 0) {
    const auto& src = input[core->column_index];
    c.plan_ids.insert(src.plan_ids.begin(), src.plan_ids.end());
    if (alias.empty()) { c.qualifier = src.qualifier; c.name = src.name; }
  }
  out.push_back(std::move(c));
}

Resolved Analyzer::Project(const LogicalPlan& p, Resolved child) {
  auto exprs = ExpandStars(p.exprs, child.columns);
  bool has_aggregate = false;
  for (const auto& e : exprs) {
    if (ContainsGroupAggregate(e)) has_aggregate = true;
  }
  if (has_aggregate) {
    // select(sum(x)) is a global aggregate (Spark's analyzer does the same).
    LogicalPlan agg = p;
    agg.kind = PlanKind::kAggregate;
    agg.exprs = exprs;
    agg.groupings.clear();
    return Aggregate(agg, std::move(child));
  }
  auto node = CopyNode(p);
  node->children = {child.plan};
  node->exprs.clear();
  std::vector<ScopeColumn> out;
  int generators = 0;
  for (const auto& e : exprs) {
    auto bound = Bind(e, child.columns, false, true, true);
    if (ContainsKind(bound, ExprKind::kGenerator)) {
      const Expr* core = bound->kind == ExprKind::kAlias ? bound->children[0].get() : bound.get();
      if (core->kind != ExprKind::kGenerator || ++generators > 1) {
        throw UserError("UNSUPPORTED_GENERATOR.MULTI_GENERATOR", "42K0E",
                        "Only one generator is allowed per SELECT clause, and it must be at the top level: " + e->ToString() + ".");
      }
    }
    size_t first = out.size();
    OutputColumns(bound, child.columns, p.plan_id, out);
    if (!p.alias.empty() && ContainsKind(bound, ExprKind::kGenerator)) {  // LATERAL VIEW explode(x) t: t.col
      for (size_t i = first; i < out.size(); ++i) out[i].qualifier = p.alias;
    }
    node->exprs.push_back(bound);
  }
  for (const auto& e : node->exprs) {
    if (HasCorrelatedSubquery(e)) return ProjectWithSubqueries(p, std::move(child), node->exprs);
  }
  node->schema = SchemaOf(out);
  return PlanWindows({node, out}, child.columns);
}

bool Analyzer::ContainsAggregateCall(const ExprPtr& e) {
  if (e->kind == ExprKind::kCall && registry_.FindAggregate(e->name) && !registry_.FindScalar(e->name)) return true;
  for (const auto& c : e->children) if (ContainsAggregateCall(c)) return true;
  return false;
}

Resolved Analyzer::Filter(const LogicalPlan& p, Resolved child) {
  auto node = CopyNode(p);
  node->children = {child.plan};
  node->condition = Bind(p.condition, child.columns);
  if (node->condition->type->id() != TypeId::kBoolean && node->condition->type->id() != TypeId::kNull) {
    throw UserError("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", "42K09",
                    "Cannot resolve \"" + p.condition->ToString() + "\" due to data type mismatch: Filter expression \"" +
                        p.condition->ToString() + "\" of type \"" + node->condition->type->ToSql() + "\" is not a boolean.");
  }
  if (HasCorrelatedSubquery(node->condition)) return FilterWithSubqueries(p, std::move(child), node->condition);
  node->schema = child.plan->schema;
  AddPlanId(child.columns, p.plan_id);
  return {node, child.columns};
}

Resolved Analyzer::Sort(const LogicalPlan& p, Resolved child) {
  auto node = CopyNode(p);
  node->children = {child.plan};
  node->exprs.clear();
  for (const auto& o : p.exprs) {
    ExprPtr order = o->kind == ExprKind::kSortOrder ? o : SortOrder(o, true, true);
    auto bound_child = Bind(order->children[0], child.columns);
    auto bound = WithChildren(*order, {bound_child});
    auto typed = std::make_shared<Expr>(*bound);
    typed->type = bound_child->type;
    node->exprs.push_back(typed);
  }
  node->schema = child.plan->schema;
  AddPlanId(child.columns, p.plan_id);
  return {node, child.columns};
}

Resolved Analyzer::SubqueryAlias(const LogicalPlan& p, Resolved child) {
  for (auto& c : child.columns) {
    c.qualifier = p.alias;
    c.plan_ids.insert(p.plan_id);
  }
  return child;
}

LogicalPlanPtr Analyze(const LogicalPlanPtr& plan, const FunctionRegistry& registry, const AnalyzerOptions& options) {
  if (plan->analyzed) return plan;
  Analyzer analyzer(registry, options);
  LogicalPlanPtr analyzed = analyzer.Analyze(plan).plan;
  CheckNoCorrelatedSubqueries(*analyzed);
  return analyzed;
}

}  // namespace lakestream
