// Analyzer rules for subqueries. Binding a subquery analyzes its plan with the
// enclosing query's columns visible (correlated references). Uncorrelated
// subqueries stay in the plan and the executor evaluates them once;
// correlated ones become joins here:
//  - [NOT] EXISTS and [NOT] IN as conjuncts of a filter: left semi / anti
//    joins on the subquery's correlated predicates;
//  - scalar aggregate subqueries correlated by equalities only: an aggregate
//    grouped by the correlated columns, left-outer-joined (Spark's
//    RewriteCorrelatedScalarSubquery; analyze_scalar_subquery.cc);
//  - other scalar subqueries (and EXISTS used as a value): a "dependent join" —
//    the distinct values of the outer columns the subquery reads (D) are
//    left-joined to the subquery's input on its correlated predicates,
//    aggregated per D row, and joined back null-safely, so any predicate
//    (=, <, ...) works and empty groups keep count() = 0.
// Correlated references are supported in filters of the subquery (through
// projections), which covers the forms TPC-H and the SQL logic tests use.
#include <algorithm>
#include <functional>
#include <set>

#include "columnar/check.h"
#include "expr/binder.h"
#include "expr/conjuncts.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"
#include "plan/correlated_refs.h"

namespace lakestream {

namespace {

std::vector<ExprPtr> NodeExpressions(const LogicalPlan& p) {
  std::vector<ExprPtr> out = p.exprs;
  out.insert(out.end(), p.groupings.begin(), p.groupings.end());
  if (p.condition) out.push_back(p.condition);
  return out;
}

// A subquery plan with its correlated conjuncts removed, and those conjuncts
// bound over the plan's output (a prefix of the original output) and the
// enclosing query (outer_depth 1).
struct Decorrelated {
  LogicalPlanPtr plan;
  std::vector<ExprPtr> predicates;
};

}  // namespace

bool IsCorrelated(const LogicalPlan& plan, int level) {
  for (const auto& e : NodeExpressions(plan)) {
    if (ExprCorrelated(e, level)) return true;
  }
  for (const auto& c : plan.children) {
    if (IsCorrelated(*c, level)) return true;
  }
  return false;
}

bool HasCorrelatedSubquery(const ExprPtr& e) {
  if (e->kind == ExprKind::kSubquery && IsCorrelated(*e->subquery, 0)) return true;
  for (const auto& c : e->children) {
    if (HasCorrelatedSubquery(c)) return true;
  }
  return false;
}

namespace {

void CheckDecorrelated(const ExprPtr& e) {
  if (e->kind == ExprKind::kSubquery && e->subquery) {
    if (IsCorrelated(*e->subquery, 0)) {
      throw UserError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY", "0A000",
                      "Correlated subqueries are only supported in WHERE and in the SELECT list of a query "
                      "without GROUP BY, not here (GROUP BY, HAVING, ORDER BY, JOIN ON): " + e->ToString() + ".");
    }
    CheckNoCorrelatedSubqueries(*e->subquery);
  }
  for (const auto& c : e->children) CheckDecorrelated(c);
}

}  // namespace

void CheckNoCorrelatedSubqueries(const LogicalPlan& plan) {
  for (const auto& e : NodeExpressions(plan)) CheckDecorrelated(e);
  for (const auto& row : plan.values) {
    for (const auto& e : row) CheckDecorrelated(e);
  }
  for (const auto& c : plan.children) CheckNoCorrelatedSubqueries(*c);
}

ExprPtr Analyzer::BindSubquery(const Expr& e, const Scope& scope) {
  outer_scopes_.push_back(scope);
  Resolved sub;
  try {
    sub = Analyze(e.subquery);
  } catch (...) {
    outer_scopes_.pop_back();
    throw;
  }
  outer_scopes_.pop_back();
  auto out = std::make_shared<Expr>(e);
  out->subquery = sub.plan;
  if (e.subquery_kind == SubqueryKind::kExists) {
    out->type = DataType::Boolean();
    out->nullable = false;
    return out;
  }
  if (sub.columns.size() != 1) {
    throw UserError("INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN", "42823",
                    "The subquery " + e.ToString() + " returns " + std::to_string(sub.columns.size()) +
                        " columns; it must return one.");
  }
  if (e.subquery_kind == SubqueryKind::kScalar) {
    out->type = sub.columns[0].type;
    out->nullable = true;
    return out;
  }
  // value IN (SELECT col ...): both sides widened to a common type.
  BindOptions o;
  o.legacy_integer_division = options_.legacy_integer_division;
  o.legacy_unary_plus = options_.legacy_unary_plus;
  if (!outer_scopes_.empty()) o.outer_scopes = &outer_scopes_;
  o.bind_subquery = [this](const Expr& s, const Scope& sc) { return BindSubquery(s, sc); };
  ExprPtr value = BindExpression(e.children[0], scope, registry_, o);
  DataTypePtr common = WiderType(value->type, sub.columns[0].type);
  if (!common) {
    throw UserError("DATATYPE_MISMATCH.DATA_DIFF_TYPES", "42K09",
                    "Cannot resolve \"" + e.ToString() + "\": the value has type " + value->type->ToSql() +
                        " and the subquery returns " + sub.columns[0].type->ToSql() + ".");
  }
  value = ImplicitCast(value, common);
  if (!TypeEquals(sub.columns[0].type, common)) {
    ExprPtr cast = ImplicitCast(BoundColumn(0, sub.columns[0]), common);
    out->subquery = Analyze(MakeProject(sub.plan, {Alias(cast, sub.columns[0].name)})).plan;
  }
  out->children = {value};
  out->type = DataType::Boolean();
  out->nullable = true;
  return out;
}

namespace {

Decorrelated PullUpPredicates(const LogicalPlanPtr& plan, const std::function<Resolved(const LogicalPlanPtr&)>& analyze) {
  switch (plan->kind) {
    case PlanKind::kFilter: {
      Decorrelated d = PullUpPredicates(plan->children[0], analyze);
      std::vector<ExprPtr> conjuncts, kept;
      SplitConjuncts(plan->condition, &conjuncts);
      for (const auto& c : conjuncts) (ExprCorrelated(c, 0) ? d.predicates : kept).push_back(c);
      if (!kept.empty()) {
        auto filter = std::make_shared<LogicalPlan>(*plan);
        filter->children = {d.plan};
        filter->condition = AndAll(kept);
        filter->schema = d.plan->schema;
        d.plan = filter;
      }
      return d;
    }
    case PlanKind::kProject: {
      for (const auto& e : plan->exprs) {
        if (ExprCorrelated(e, 0)) ThrowUnsupportedCorrelation(e->ToString());
      }
      Decorrelated d = PullUpPredicates(plan->children[0], analyze);
      auto project = std::make_shared<LogicalPlan>(*plan);
      project->children = {d.plan};
      // Columns the pulled-up predicates read are carried through the projection.
      std::set<int> needed;
      for (const auto& p : d.predicates) CollectLocalRefs(p, &needed);
      std::vector<Field> fields = plan->schema->fields();
      std::vector<int> mapping(d.plan->schema->num_fields(), -1);
      for (int i : needed) {
        mapping[i] = static_cast<int>(fields.size());
        const Field& f = d.plan->schema->field(i);
        auto ref = std::make_shared<Expr>(*ColParts({f.name}));
        ref->column_index = i;
        ref->type = f.type;
        ref->nullable = f.nullable;
        project->exprs.push_back(ref);
        fields.push_back(f);
      }
      project->schema = std::make_shared<Schema>(std::move(fields));
      for (auto& p : d.predicates) {
        std::function<ExprPtr(const ExprPtr&)> remap = [&](const ExprPtr& e) -> ExprPtr {
          if (e->kind == ExprKind::kColumn && e->outer_depth == 0 && e->column_index >= 0) {
            auto copy = std::make_shared<Expr>(*e);
            copy->column_index = mapping[e->column_index];
            return copy;
          }
          if (e->children.empty()) return e;
          std::vector<ExprPtr> children;
          for (const auto& c : e->children) children.push_back(remap(c));
          return WithChildren(*e, std::move(children));
        };
        p = remap(p);
      }
      return {project, d.predicates};
    }
    default:
      if (IsCorrelated(*plan, 0)) ThrowUnsupportedCorrelation(plan->Describe());
      return {plan, {}};
  }
}

bool IsCountStar(const Expr& e) {
  if (e.kind != ExprKind::kAggregate || e.name != "count") return false;
  for (const auto& c : e.children) {
    if (c->kind != ExprKind::kLiteral) return false;
  }
  return true;
}

// Aggregate calls of `e` (bound over the subquery's input) moved behind the
// dependent join's D columns; count(*) counts matched rows via the marker.
ExprPtr RelocateAggregate(const ExprPtr& e, int offset, const ExprPtr& marker) {
  if (e->kind == ExprKind::kAggregate && IsCountStar(*e)) {
    auto copy = std::make_shared<Expr>(*e);
    copy->children = {marker};
    return copy;
  }
  if (e->kind == ExprKind::kColumn && e->column_index >= 0 && e->outer_depth == 0) {
    auto copy = std::make_shared<Expr>(*e);
    copy->column_index += offset;
    return copy;
  }
  if (e->children.empty()) return e;
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) children.push_back(RelocateAggregate(c, offset, marker));
  return WithChildren(*e, std::move(children));
}

ExprPtr ColumnRef(int index, const ScopeColumn& c) { return BoundColumn(index, c); }


}  // namespace

Resolved Analyzer::JoinOneScalarSubquery(Resolved current, const Expr& subquery, ExprPtr* value) {
  auto analyze = [this](const LogicalPlanPtr& p) { return Analyze(p); };
  const LogicalPlanPtr& s = subquery.subquery;
  const bool exists = subquery.subquery_kind == SubqueryKind::kExists;
  if (subquery.subquery_kind == SubqueryKind::kIn) {
    throw UserError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY", "0A000",
                    "A correlated IN subquery is only supported as a condition of WHERE: " + subquery.ToString() + ".");
  }
  // The scalar form Spark accepts: Project over a global Aggregate.
  const LogicalPlan* top = nullptr;
  const LogicalPlan* agg = nullptr;
  if (!exists) {
    top = s.get();
    agg = top->kind == PlanKind::kProject ? top->children[0].get() : nullptr;
    if (!agg || agg->kind != PlanKind::kAggregate || !agg->groupings.empty()) {
      throw UserError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY", "0A000",
                      "Correlated scalar subqueries must be aggregated to return at most one row: " +
                          subquery.ToString() + ".");
    }
  }
  Decorrelated d = PullUpPredicates(exists ? s : agg->children[0], analyze);
  if (!exists) {
    std::optional<Resolved> rewritten = JoinEqualityScalarSubquery(current, *top, *agg, d.plan, d.predicates, value);
    if (rewritten) return *rewritten;
  }
  std::set<int> outer_refs;
  for (const auto& p : d.predicates) CollectOuterRefs(p, &outer_refs);
  if (outer_refs.empty()) ThrowUnsupportedCorrelation(subquery.ToString());
  const std::vector<int> keys(outer_refs.begin(), outer_refs.end());
  const int nkeys = static_cast<int>(keys.size());

  // D: the distinct outer values the subquery depends on. The outer plan
  // runs once more for them; one that may give other rows then would leave
  // rows without a match, so it is refused.
  if (!PlanDeterministic(*current.plan)) {
    throw UserError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_DETERMINISTIC_OUTER_QUERY", "0A000",
                    "A correlated subquery over a non-deterministic outer query (rand(), LIMIT, ...) is only "
                    "supported when it is correlated by equalities: " + subquery.ToString() + ".");
  }
  std::vector<ExprPtr> key_refs;
  for (int k : keys) key_refs.push_back(Alias(ColumnRef(k, current.columns[k]), "__d" + std::to_string(key_refs.size())));
  Resolved dvals = Analyze(MakeDistinct(MakeProject(current.plan, key_refs)));

  // The subquery input with a marker that is non-null on matched rows.
  std::vector<ExprPtr> inner_exprs;
  auto inner_cols = ColumnsOf(*d.plan);
  for (size_t i = 0; i < inner_cols.size(); ++i) inner_exprs.push_back(ColumnRef(static_cast<int>(i), inner_cols[i]));
  inner_exprs.push_back(Alias(Lit(Value(true), DataType::Boolean()), "__marker"));
  Resolved inner = Analyze(MakeProject(d.plan, inner_exprs));
  const int marker_index = nkeys + static_cast<int>(inner_cols.size());

  std::vector<ExprPtr> on;
  for (const auto& p : d.predicates) {
    on.push_back(Relocate(p, nkeys, [&](int k) {
      return static_cast<int>(std::lower_bound(keys.begin(), keys.end(), k) - keys.begin());
    }));
  }
  Resolved joined = Analyze(MakeJoin(dvals.plan, inner.plan, JoinType::kLeft, AndAll(on)));
  ExprPtr marker = ColumnRef(marker_index, joined.columns[marker_index]);

  std::vector<ExprPtr> groupings, outputs;
  for (int i = 0; i < nkeys; ++i) {
    groupings.push_back(ColumnRef(i, joined.columns[i]));
    outputs.push_back(ColumnRef(i, joined.columns[i]));
  }
  if (exists) {
    outputs.push_back(Alias(Call(">", {lakestream::Aggregate("count", {marker}), Lit(Value(int64_t{0}), DataType::Long())}), "exists"));
  } else {
    // The subquery's aggregate outputs, then its projection over them.
    for (const auto& a : agg->exprs) outputs.push_back(RelocateAggregate(a, nkeys, marker));
  }
  Resolved grouped = Analyze(MakeAggregate(joined.plan, groupings, outputs));
  Resolved per_key = grouped;
  if (!exists) {
    std::vector<ExprPtr> projected;
    for (int i = 0; i < nkeys; ++i) projected.push_back(ColumnRef(i, grouped.columns[i]));
    for (const auto& e : top->exprs) {
      projected.push_back(Relocate(e, nkeys, [](int k) { return k; }));
    }
    per_key = Analyze(MakeProject(grouped.plan, projected));
  }

  const int width = static_cast<int>(current.columns.size());
  std::vector<ExprPtr> back;
  for (int i = 0; i < nkeys; ++i) {
    back.push_back(Call("<=>", {ColumnRef(keys[i], current.columns[keys[i]]),
                                ColumnRef(width + i, per_key.columns[i])}));
  }
  std::vector<ScopeColumn> both = current.columns;
  both.insert(both.end(), per_key.columns.begin(), per_key.columns.end());
  auto join = std::make_shared<LogicalPlan>(*MakeJoin(current.plan, per_key.plan, JoinType::kLeft, nullptr));
  join->condition = AndAll(back);
  Resolved result = Join(*join, current, per_key);
  result.columns = both;
  // The value follows the D key columns.
  *value = ColumnRef(width + nkeys, result.columns[width + nkeys]);
  return result;
}

Resolved Analyzer::JoinScalarSubqueries(Resolved current, std::vector<ExprPtr>* exprs) {
  std::function<ExprPtr(const ExprPtr&)> rewrite = [&](const ExprPtr& e) -> ExprPtr {
    if (e->kind == ExprKind::kSubquery && IsCorrelated(*e->subquery, 0)) {
      ExprPtr value;
      current = JoinOneScalarSubquery(std::move(current), *e, &value);
      return value;
    }
    if (e->children.empty()) return e;
    std::vector<ExprPtr> children;
    for (const auto& c : e->children) children.push_back(rewrite(c));
    return WithChildren(*e, std::move(children));
  };
  for (auto& e : *exprs) e = rewrite(e);
  return current;
}

Resolved Analyzer::FilterWithSubqueries(const LogicalPlan& p, Resolved child, const ExprPtr& condition) {
  auto analyze = [this](const LogicalPlanPtr& plan) { return Analyze(plan); };
  const std::vector<ScopeColumn> visible = child.columns;
  Resolved current = std::move(child);
  std::vector<ExprPtr> all, plain, conjuncts, residual;
  SplitConjuncts(condition, &all);
  for (const auto& c : all) (HasCorrelatedSubquery(c) ? conjuncts : plain).push_back(c);
  // Conjuncts without correlated subqueries filter first, so the joins below
  // (and the outer values a scalar subquery depends on) see only their rows.
  if (!plain.empty()) {
    auto filter = std::make_shared<LogicalPlan>(*MakeFilter(current.plan, Bind(AndAll(plain), current.columns)));
    filter->analyzed = true;
    filter->schema = current.plan->schema;
    current.plan = filter;
  }
  for (const auto& c : conjuncts) {
    bool negated = c->kind == ExprKind::kCall && c->name == "not" && c->children.size() == 1;
    const ExprPtr& inner = negated ? c->children[0] : c;
    bool join_form = inner->kind == ExprKind::kSubquery && inner->subquery_kind != SubqueryKind::kScalar &&
                     IsCorrelated(*inner->subquery, 0);
    if (!join_form) {
      residual.push_back(c);
      continue;
    }
    Decorrelated d = PullUpPredicates(inner->subquery, analyze);
    const int width = static_cast<int>(current.columns.size());
    std::vector<ExprPtr> on;
    for (const auto& pred : d.predicates) on.push_back(Relocate(pred, width, [](int k) { return k; }));
    if (inner->subquery_kind == SubqueryKind::kIn) {
      auto sub_cols = ColumnsOf(*d.plan);
      ExprPtr eq = Call("=", {inner->children[0], ColumnRef(width, sub_cols[0])});
      // NOT IN is false when any subquery value compares unknown (NULL).
      on.push_back(negated ? Call("or", {eq, Call("isnull", {eq})}) : eq);
    }
    Resolved sub{d.plan, ColumnsOf(*d.plan)};
    auto join = std::make_shared<LogicalPlan>(
        *MakeJoin(current.plan, d.plan, negated ? JoinType::kLeftAnti : JoinType::kLeftSemi, nullptr));
    join->condition = AndAll(on);
    Resolved joined = Join(*join, current, sub);
    joined.columns = current.columns;
    current = std::move(joined);
  }
  if (residual.empty()) return {current.plan, visible};
  Resolved extended = JoinScalarSubqueries(std::move(current), &residual);
  auto filter = CopyNode(p);
  filter->children = {extended.plan};
  filter->condition = Bind(AndAll(residual), extended.columns);
  filter->schema = extended.plan->schema;
  Resolved filtered{filter, extended.columns};
  if (extended.columns.size() == visible.size()) return {filter, visible};
  Resolved dropped = DropHiddenColumns(filtered, visible.size(), p.plan_id);
  dropped.columns = visible;
  return dropped;
}

Resolved Analyzer::ProjectWithSubqueries(const LogicalPlan& p, Resolved child, const std::vector<ExprPtr>& exprs) {
  std::vector<ExprPtr> rewritten = exprs;
  Resolved extended = JoinScalarSubqueries(std::move(child), &rewritten);
  for (size_t i = 0; i < rewritten.size(); ++i) {
    if (rewritten[i]->kind != ExprKind::kAlias) rewritten[i] = Alias(rewritten[i], exprs[i]->OutputName());
  }
  auto project = CopyNode(p);
  project->children = {extended.plan};
  project->exprs.clear();
  std::vector<ScopeColumn> out;
  for (const auto& e : rewritten) {
    auto bound = Bind(e, extended.columns);
    OutputColumns(bound, extended.columns, p.plan_id, out);
    project->exprs.push_back(bound);
  }
  project->schema = SchemaOf(out);
  return {project, out};
}

}  // namespace lakestream
