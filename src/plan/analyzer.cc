#include "plan/analyzer.h"

#include <unordered_map>

#include "columnar/check.h"
#include "expr/binder.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

// An analyzed subtree and the columns its output exposes for resolution.
struct Resolved {
  LogicalPlanPtr plan;
  std::vector<ScopeColumn> columns;
};

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

// A structural key of a bound expression (column refs by index), to match
// GROUP BY expressions inside aggregate outputs.
std::string Fingerprint(const Expr& e) {
  std::string s = std::to_string(static_cast<int>(e.kind)) + ":";
  switch (e.kind) {
    case ExprKind::kColumn: s += "#" + std::to_string(e.column_index); break;
    case ExprKind::kLiteral: s += e.value.ToString() + "/" + (e.type ? e.type->ToString() : ""); break;
    case ExprKind::kAlias: return Fingerprint(*e.children[0]);
    default: s += e.name + "/" + (e.type ? e.type->ToString() : "") + (e.distinct ? "/d" : "") + (e.is_try ? "/t" : ""); break;
  }
  s += "(";
  for (const auto& c : e.children) s += Fingerprint(*c) + ",";
  return s + ")";
}

class Analyzer {
 public:
  Analyzer(const FunctionRegistry& registry, const AnalyzerOptions& options)
      : registry_(registry), options_(options) {}

  Resolved Analyze(const LogicalPlanPtr& plan) {
    switch (plan->kind) {
      case PlanKind::kLocalRelation:
      case PlanKind::kRange:
      case PlanKind::kFileScan: return Leaf(*plan);
      case PlanKind::kProject: return Project(*plan, Analyze(plan->children[0]));
      case PlanKind::kFilter: return Filter(*plan, Analyze(plan->children[0]));
      case PlanKind::kAggregate: return Aggregate(*plan, Analyze(plan->children[0]));
      case PlanKind::kJoin: return Join(*plan, Analyze(plan->children[0]), Analyze(plan->children[1]));
      case PlanKind::kSort: return Sort(*plan, Analyze(plan->children[0]));
      case PlanKind::kLimit: return PassThrough(*plan, Analyze(plan->children[0]));
      case PlanKind::kUnion: return Union(*plan);
      case PlanKind::kDistinct: return Distinct(*plan, Analyze(plan->children[0]));
      case PlanKind::kDeduplicate: return Deduplicate(*plan, Analyze(plan->children[0]));
      case PlanKind::kSubqueryAlias: return SubqueryAlias(*plan, Analyze(plan->children[0]));
      case PlanKind::kUnresolvedRelation:
      case PlanKind::kUnresolvedTableFunction:
      case PlanKind::kValues:
      case PlanKind::kWindow:
      case PlanKind::kIntersect:
      case PlanKind::kExcept:
        throw UserError("UNSUPPORTED_FEATURE", "0A000", "The feature is not supported: " + plan->Describe() + ".");
    }
    throw InternalError("unknown plan kind");
  }

 private:
  ExprPtr Bind(const ExprPtr& e, const std::vector<ScopeColumn>& cols, bool aggregates = false, bool generators = false) {
    BindOptions o;
    o.allow_aggregates = aggregates;
    o.allow_generators = generators;
    o.legacy_integer_division = options_.legacy_integer_division;
    return BindExpression(e, Scope(cols), registry_, o);
  }

  static void AddPlanId(std::vector<ScopeColumn>& cols, int64_t id) {
    for (auto& c : cols) c.plan_ids.insert(id);
  }

  Resolved Leaf(const LogicalPlan& p) {
    auto node = CopyNode(p);
    std::vector<ScopeColumn> cols;
    for (const auto& f : p.schema->fields()) cols.push_back({f.name, "", {p.plan_id}, f.type, f.nullable});
    return {node, cols};
  }

  Resolved PassThrough(const LogicalPlan& p, Resolved child) {
    auto node = CopyNode(p);
    node->children = {child.plan};
    node->schema = child.plan->schema;
    AddPlanId(child.columns, p.plan_id);
    return {node, child.columns};
  }

  // Expands `*` and `t.*` into column references.
  std::vector<ExprPtr> ExpandStars(const std::vector<ExprPtr>& exprs, const std::vector<ScopeColumn>& cols) {
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

  static bool EqualsIgnoreCase(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
  }

  // The output column(s) of one bound projection expression.
  void OutputColumns(const ExprPtr& bound, const std::vector<ScopeColumn>& input, int64_t plan_id,
                     std::vector<ScopeColumn>& out) {
    const Expr* core = bound.get();
    std::string alias;
    if (core->kind == ExprKind::kAlias) { alias = core->name; core = core->children[0].get(); }
    if (core->kind == ExprKind::kGenerator) {
      const auto& in_type = core->children[0]->type;
      bool pos = core->name.rfind("posexplode", 0) == 0;
      bool outer = core->name.find("outer") != std::string::npos;
      if (pos) out.push_back({"pos", "", {plan_id}, DataType::Int(), outer});
      if (in_type->id() == TypeId::kMap) {
        out.push_back({"key", "", {plan_id}, in_type->key_type(), outer});
        out.push_back({"value", "", {plan_id}, in_type->value_type(), true});
      } else {
        out.push_back({alias.empty() ? "col" : alias, "", {plan_id}, in_type->element_type(), true});
      }
      return;
    }
    ScopeColumn c{bound->OutputName(), "", {plan_id}, bound->type, bound->nullable};
    if (core->kind == ExprKind::kColumn && core->column_index >= 0) {
      const auto& src = input[core->column_index];
      c.plan_ids.insert(src.plan_ids.begin(), src.plan_ids.end());
      if (alias.empty()) { c.qualifier = src.qualifier; c.name = src.name; }
    }
    out.push_back(std::move(c));
  }

  Resolved Project(const LogicalPlan& p, Resolved child) {
    auto exprs = ExpandStars(p.exprs, child.columns);
    bool has_aggregate = false;
    for (const auto& e : exprs) {
      if (ContainsKind(e, ExprKind::kAggregate) || ContainsAggregateCall(e)) has_aggregate = true;
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
      auto bound = Bind(e, child.columns, false, true);
      if (ContainsKind(bound, ExprKind::kGenerator)) {
        const Expr* core = bound->kind == ExprKind::kAlias ? bound->children[0].get() : bound.get();
        if (core->kind != ExprKind::kGenerator || ++generators > 1) {
          throw UserError("UNSUPPORTED_GENERATOR.MULTI_GENERATOR", "42K0E",
                          "Only one generator is allowed per SELECT clause, and it must be at the top level: " + e->ToString() + ".");
        }
      }
      OutputColumns(bound, child.columns, p.plan_id, out);
      node->exprs.push_back(bound);
    }
    node->schema = SchemaOf(out);
    return {node, out};
  }

  // A kCall whose name is an aggregate function (from SQL or expr()).
  bool ContainsAggregateCall(const ExprPtr& e) {
    if (e->kind == ExprKind::kCall && registry_.FindAggregate(e->name) && !registry_.FindScalar(e->name)) return true;
    for (const auto& c : e->children) if (ContainsAggregateCall(c)) return true;
    return false;
  }

  Resolved Filter(const LogicalPlan& p, Resolved child) {
    auto node = CopyNode(p);
    node->children = {child.plan};
    node->condition = Bind(p.condition, child.columns);
    if (node->condition->type->id() != TypeId::kBoolean && node->condition->type->id() != TypeId::kNull) {
      throw UserError("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", "42K09",
                      "Cannot resolve \"" + p.condition->ToString() + "\" due to data type mismatch: Filter expression \"" +
                          p.condition->ToString() + "\" of type \"" + node->condition->type->ToSql() + "\" is not a boolean.");
    }
    node->schema = child.plan->schema;
    AddPlanId(child.columns, p.plan_id);
    return {node, child.columns};
  }

  // Rewrites a bound output expression over the aggregate's output: grouping
  // expressions and aggregate calls become column references.
  ExprPtr RewriteAggregateOutput(const ExprPtr& e, const std::unordered_map<std::string, int>& group_index,
                                 std::vector<ExprPtr>& aggregates, std::unordered_map<std::string, int>& agg_index,
                                 const std::vector<ScopeColumn>& agg_out_prefix, size_t num_groups) {
    if (e->kind != ExprKind::kAlias) {
      auto it = group_index.find(Fingerprint(*e));
      if (it != group_index.end()) {
        auto c = BoundColumn(it->second, agg_out_prefix[it->second]);
        return c;
      }
    }
    if (e->kind == ExprKind::kAggregate) {
      std::string key = Fingerprint(*e);
      auto it = agg_index.find(key);
      int idx;
      if (it == agg_index.end()) {
        idx = static_cast<int>(num_groups + aggregates.size());
        agg_index[key] = idx;
        aggregates.push_back(e);
      } else {
        idx = it->second;
      }
      ScopeColumn c{e->OutputName(), "", {}, e->type, e->nullable};
      return BoundColumn(idx, c);
    }
    if (e->kind == ExprKind::kColumn) {
      throw UserError("MISSING_AGGREGATION", "42803",
                      "The non-aggregating expression \"" + e->ToString() +
                          "\" is based on columns which are not participating in the GROUP BY clause. Add the columns "
                          "or the expression to the GROUP BY, aggregate the expression, or use \"any_value(" +
                          e->ToString() + ")\" if you do not care which of the values within a group is returned.");
    }
    std::vector<ExprPtr> children;
    for (const auto& c : e->children) {
      children.push_back(RewriteAggregateOutput(c, group_index, aggregates, agg_index, agg_out_prefix, num_groups));
    }
    return WithChildren(*e, std::move(children));
  }

  Resolved Aggregate(const LogicalPlan& p, Resolved child) {
    auto agg = CopyNode(p);
    agg->children = {child.plan};
    agg->groupings.clear();
    agg->exprs.clear();
    std::vector<ScopeColumn> agg_out;
    std::unordered_map<std::string, int> group_index;
    for (const auto& g : p.groupings) {
      auto bound = Bind(g, child.columns);
      if (bound->kind == ExprKind::kAlias) bound = bound->children[0];
      group_index.emplace(Fingerprint(*bound), static_cast<int>(agg->groupings.size()));
      std::vector<ScopeColumn> one;
      OutputColumns(bound, child.columns, p.plan_id, one);
      agg_out.push_back(one[0]);
      agg->groupings.push_back(bound);
    }
    std::vector<ExprPtr> aggregates;
    std::unordered_map<std::string, int> agg_index;
    std::vector<ExprPtr> outputs;
    auto exprs = ExpandStars(p.exprs, child.columns);
    for (const auto& e : exprs) {
      auto bound = Bind(e, child.columns, /*aggregates=*/true);
      auto rewritten = RewriteAggregateOutput(bound, group_index, aggregates, agg_index, agg_out, p.groupings.size());
      // Keep the user-visible name of the original expression.
      if (rewritten->kind != ExprKind::kAlias) rewritten = Alias(rewritten, bound->OutputName());
      outputs.push_back(rewritten);
    }
    for (const auto& a : aggregates) {
      agg_out.push_back({a->OutputName(), "", {p.plan_id}, a->type, a->nullable});
      agg->exprs.push_back(a);
    }
    agg->schema = SchemaOf(agg_out);
    // The final projection over [groupings..., aggregates...].
    auto project = std::make_shared<LogicalPlan>();
    project->kind = PlanKind::kProject;
    project->plan_id = p.plan_id;
    project->analyzed = true;
    project->children = {agg};
    std::vector<ScopeColumn> out;
    for (auto& o : outputs) {
      // Rebind the alias node so it has a type.
      auto typed = std::make_shared<Expr>(*o);
      if (typed->kind == ExprKind::kAlias) { typed->type = typed->children[0]->type; typed->nullable = typed->children[0]->nullable; }
      OutputColumns(typed, agg_out, p.plan_id, out);
      project->exprs.push_back(typed);
    }
    project->schema = SchemaOf(out);
    return {project, out};
  }

  Resolved Join(const LogicalPlan& p, Resolved left, Resolved right) {
    auto node = CopyNode(p);
    node->children = {left.plan, right.plan};
    std::vector<ScopeColumn> both = left.columns;
    both.insert(both.end(), right.columns.begin(), right.columns.end());
    node->using_columns.clear();
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

  // join(df, ["k"]): equality on each key, keys once in the output (Spark's USING).
  Resolved UsingJoin(const LogicalPlan& p, Resolved left, Resolved right) {
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

  Resolved Sort(const LogicalPlan& p, Resolved child) {
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

  Resolved Union(const LogicalPlan& p) {
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

  Resolved Distinct(const LogicalPlan& p, Resolved child) {
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

  Resolved Deduplicate(const LogicalPlan& p, Resolved child) {
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

  Resolved SubqueryAlias(const LogicalPlan& p, Resolved child) {
    for (auto& c : child.columns) {
      c.qualifier = p.alias;
      c.plan_ids.insert(p.plan_id);
    }
    return child;
  }

  const FunctionRegistry& registry_;
  AnalyzerOptions options_;
};

}  // namespace

LogicalPlanPtr Analyze(const LogicalPlanPtr& plan, const FunctionRegistry& registry, const AnalyzerOptions& options) {
  if (plan->analyzed) return plan;
  Analyzer analyzer(registry, options);
  return analyzer.Analyze(plan).plan;
}

}  // namespace lakestream
