// Analyzer rules for subqueries. Binding a subquery analyzes its plan with the
// enclosing query's columns visible (correlated references). Uncorrelated
// subqueries stay in the plan and the executor evaluates them once;
// correlated ones become joins here:
//  - [NOT] EXISTS and [NOT] IN as conjuncts of a filter: left semi / anti
//    joins on the subquery's correlated predicates;
//  - scalar aggregate subqueries correlated by equalities only
//    (`inner = outer.col AND ...`), as Spark's RewriteCorrelatedScalarSubquery:
//    the subquery's input is aggregated grouped by the inner sides of the
//    equalities and left-outer-joined to the outer query on them. The input is
//    first semi-joined with the distinct outer key values (taken from the
//    smallest inner-joined part of the outer query holding the key columns),
//    so only groups that can match are aggregated. A result that is not NULL
//    over no rows (count(*) is 0) is restored for outer rows without a group;
//  - other scalar subqueries (and EXISTS used as a value): a "dependent join" —
//    the distinct values of the outer columns the subquery reads (D) are
//    left-joined to the subquery's input on its correlated predicates,
//    aggregated per D row, and joined back null-safely, so any predicate
//    (=, <, ...) works and empty groups keep count() = 0.
// Correlated references are supported in filters of the subquery (through
// projections), which covers the forms TPC-H and the SQL logic tests use.
#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "columnar/check.h"
#include "expr/binder.h"
#include "expr/conjuncts.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {

namespace {

bool ExprCorrelated(const ExprPtr& e, int level) {
  if (e->kind == ExprKind::kColumn && e->outer_depth > level) return true;
  if (e->kind == ExprKind::kSubquery && IsCorrelated(*e->subquery, level + 1)) return true;
  for (const auto& c : e->children) {
    if (ExprCorrelated(c, level)) return true;
  }
  return false;
}

std::vector<ExprPtr> NodeExpressions(const LogicalPlan& p) {
  std::vector<ExprPtr> out = p.exprs;
  out.insert(out.end(), p.groupings.begin(), p.groupings.end());
  if (p.condition) out.push_back(p.condition);
  return out;
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

[[noreturn]] void ThrowUnsupportedCorrelation(const std::string& what) {
  throw UserError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_REFERENCE", "0A000",
                  "Correlated column references are only supported in the WHERE clause of a subquery: " + what + ".");
}

// Copy of a bound tree with references moved to a join's scope: local columns
// shift by `local_offset`; references to the enclosing query (depth 1) map
// through `outer_map` (their index there) and become local.
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


// Aggregates whose result over no rows is 0 (the rest listed are NULL).
bool IsCountLike(const std::string& name) {
  return name == "count" || name == "count_if" || name == "approx_count_distinct";
}

bool IsNullOnEmpty(const std::string& name) {
  static const std::set<std::string> kNames = {
      "sum", "avg", "mean", "min", "max", "first", "last", "first_value", "last_value", "any_value", "stddev",
      "stddev_samp", "stddev_pop", "std", "variance", "var_samp", "var_pop", "bool_and", "bool_or", "every", "some",
      "any", "max_by", "min_by", "median", "percentile", "percentile_approx", "approx_percentile", "try_sum",
      "try_avg", "corr", "covar_pop", "covar_samp", "skewness", "kurtosis", "bit_and", "bit_or", "bit_xor", "product",
      "mode"};
  return kNames.count(name) != 0;
}

// The value of a global aggregate's output expression over no input rows:
// aggregates replaced by 0 or NULL. Null when an aggregate is not known.
ExprPtr StripAlias(const ExprPtr& e) { return e->kind == ExprKind::kAlias ? StripAlias(e->children[0]) : e; }

ExprPtr EmptyInputValue(const ExprPtr& e) {
  if (e->kind == ExprKind::kAlias) return EmptyInputValue(e->children[0]);
  if (e->kind == ExprKind::kAggregate) {
    if (IsCountLike(e->name)) return Lit(Value(int64_t{0}), e->type);
    if (IsNullOnEmpty(e->name)) return Lit(Value(), e->type);
    return nullptr;
  }
  if (e->kind == ExprKind::kColumn) return nullptr;  // only grouping columns, which a global aggregate lacks
  if (e->children.empty()) return e;
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) {
    ExprPtr v = EmptyInputValue(c);
    if (!v) return nullptr;
    children.push_back(v);
  }
  return WithChildren(*e, std::move(children));
}

// Whether a (bound, column-free) expression is certainly NULL: a NULL literal,
// or an operator that is NULL when an operand is.
bool CertainlyNull(const ExprPtr& e) {
  switch (e->kind) {
    case ExprKind::kLiteral: return e->value.is_null();
    case ExprKind::kAlias:
    case ExprKind::kCast: return CertainlyNull(e->children[0]);
    case ExprKind::kCall: {
      static const std::set<std::string> kStrict = {"+", "-", "*", "/", "%", "div", "negative", "positive", "abs",
                                                    "=", "<", "<=", ">", ">=", "!=", "<>", "round"};
      if (!kStrict.count(e->name)) return false;
      for (const auto& c : e->children) {
        if (CertainlyNull(c)) return true;
      }
      return false;
    }
    default: return false;
  }
}

// One correlated equality `inner = outer`: `inner` reads only the subquery's
// columns, `outer` only the enclosing query's (depth 1).
struct CorrelatedEquality {
  ExprPtr inner;
  ExprPtr outer;
};

bool OnlyOuterRefs(const ExprPtr& e) {
  std::set<int> local;
  CollectLocalRefs(e, &local);
  std::set<int> outer;
  CollectOuterRefs(e, &outer);
  return local.empty() && !outer.empty() && !ContainsKind(e, ExprKind::kSubquery) && !ExprCorrelated(e, 1);
}

bool SplitEqualities(const std::vector<ExprPtr>& predicates, std::vector<CorrelatedEquality>* out) {
  for (const auto& p : predicates) {
    if (p->kind != ExprKind::kCall || p->name != "=" || p->children.size() != 2) return false;
    const ExprPtr& a = p->children[0];
    const ExprPtr& b = p->children[1];
    if (OnlyOuterRefs(b) && !ExprCorrelated(a, 0)) {
      out->push_back({a, b});
    } else if (OnlyOuterRefs(a) && !ExprCorrelated(b, 0)) {
      out->push_back({b, a});
    } else {
      return false;
    }
  }
  return !out->empty();
}

// Column references shifted by `delta` (a subtree's columns inside its parent's).
ExprPtr ShiftColumns(const ExprPtr& e, int delta) {
  return Relocate(e, delta, [](int k) -> int {
    throw InternalError("ShiftColumns: unexpected outer reference " + std::to_string(k));
  });
}

bool RefsWithin(const ExprPtr& e, int begin, int end) {
  std::set<int> refs;
  CollectLocalRefs(e, &refs);
  for (int r : refs) {
    if (r < begin || r >= end) return false;
  }
  return true;
}

// The part of an outer plan that the distinct outer key values are taken
// from: the smallest input under its filters and inner joins that holds
// every key column, with the conjuncts over that input alone. Joins only
// remove rows, so its key values are a superset of the outer query's.
struct KeySource {
  LogicalPlanPtr plan;
  int offset = 0;                  // its first column's index in the outer plan
  std::vector<ExprPtr> conjuncts;  // bound over the outer plan's columns
};

KeySource FindKeySource(const LogicalPlanPtr& outer, const std::set<int>& keys) {
  KeySource ks{outer, 0, {}};
  auto add_conjuncts = [&](const ExprPtr& condition) {
    std::vector<ExprPtr> cs;
    SplitConjuncts(condition, &cs);
    for (const auto& c : cs) {
      if (ContainsKind(c, ExprKind::kSubquery) || ExprCorrelated(c, 0)) continue;
      ks.conjuncts.push_back(ShiftColumns(c, ks.offset));
    }
  };
  while (true) {
    const LogicalPlan& p = *ks.plan;
    if (p.kind == PlanKind::kFilter && !p.is_having) {
      add_conjuncts(p.condition);
      ks.plan = p.children[0];
    } else if (p.kind == PlanKind::kSubqueryAlias) {
      ks.plan = p.children[0];
    } else if (p.kind == PlanKind::kJoin && (p.join_type == JoinType::kInner || p.join_type == JoinType::kCross)) {
      if (p.condition) add_conjuncts(p.condition);
      const int left_width = p.children[0]->schema->num_fields();
      const int begin = *keys.begin() - ks.offset, end = *keys.rbegin() - ks.offset;
      if (end < left_width) {
        ks.plan = p.children[0];
      } else if (begin >= left_width) {
        ks.plan = p.children[1];
        ks.offset += left_width;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  const int width = ks.plan->schema->num_fields();
  std::vector<ExprPtr> kept;
  for (const auto& c : ks.conjuncts) {
    if (RefsWithin(c, ks.offset, ks.offset + width)) kept.push_back(c);
  }
  ks.conjuncts = std::move(kept);
  return ks;
}

// `plan` with `reduce` applied to the input under its filters and inner
// joins that holds every column of `keys` (bound over `plan`'s output;
// `offset`: that input's first column in `plan`). A semi join keeps its left
// side's columns, so every node above stays valid as it is.
LogicalPlanPtr ReduceKeyInput(const LogicalPlanPtr& plan, const std::set<int>& keys, int offset,
                              const std::function<LogicalPlanPtr(const LogicalPlanPtr&, int)>& reduce) {
  const LogicalPlan& p = *plan;
  auto with_child = [&](size_t i, LogicalPlanPtr child) {
    auto copy = std::make_shared<LogicalPlan>(p);
    copy->children[i] = std::move(child);
    return LogicalPlanPtr(copy);
  };
  if ((p.kind == PlanKind::kFilter && !p.is_having) || p.kind == PlanKind::kSubqueryAlias) {
    return with_child(0, ReduceKeyInput(p.children[0], keys, offset, reduce));
  }
  if (p.kind == PlanKind::kJoin && (p.join_type == JoinType::kInner || p.join_type == JoinType::kCross)) {
    const int left_width = p.children[0]->schema->num_fields();
    if (*keys.rbegin() - offset < left_width) return with_child(0, ReduceKeyInput(p.children[0], keys, offset, reduce));
    if (*keys.begin() - offset >= left_width) {
      return with_child(1, ReduceKeyInput(p.children[1], keys, offset + left_width, reduce));
    }
  }
  return reduce(plan, offset);
}

// Whether a plan reads a relation as it is (no filter or join reduces it):
// the distinct keys of such a key source restrict nothing.
bool IsWholeRelation(const LogicalPlan& p) {
  switch (p.kind) {
    case PlanKind::kFileScan:
    case PlanKind::kLocalRelation:
    case PlanKind::kRange: return true;
    case PlanKind::kSubqueryAlias:
    case PlanKind::kProject: return IsWholeRelation(*p.children[0]);
    default: return false;
  }
}

}  // namespace

std::optional<Resolved> Analyzer::JoinEqualityScalarSubquery(const Resolved& current, const LogicalPlan& top,
                                                             const LogicalPlan& agg, const LogicalPlanPtr& input,
                                                             const std::vector<ExprPtr>& predicates, ExprPtr* value) {
  std::vector<CorrelatedEquality> eqs;
  if (!SplitEqualities(predicates, &eqs) || top.exprs.size() != 1) return std::nullopt;
  // The subquery's value over no rows, for outer rows no group matches.
  std::vector<ExprPtr> empty_aggs;
  for (const auto& a : agg.exprs) {
    empty_aggs.push_back(EmptyInputValue(a));
    if (!empty_aggs.back()) return std::nullopt;
  }
  std::function<ExprPtr(const ExprPtr&)> over_empty = [&](const ExprPtr& e) -> ExprPtr {
    if (e->kind == ExprKind::kColumn && e->outer_depth == 0 && e->column_index >= 0) return empty_aggs[e->column_index];
    if (e->children.empty()) return e;
    std::vector<ExprPtr> children;
    for (const auto& c : e->children) children.push_back(over_empty(c));
    return WithChildren(*e, std::move(children));
  };
  for (const auto& e : agg.exprs) {
    if (ExprCorrelated(e, 0)) return std::nullopt;
  }
  if (ExprCorrelated(top.exprs[0], 0)) return std::nullopt;
  ExprPtr empty_value = over_empty(StripAlias(top.exprs[0]));
  const bool restore_empty = !CertainlyNull(empty_value);
  const int nkeys = static_cast<int>(eqs.size());
  const auto identity = [](int k) { return k; };

  // The outer key values, over the outer query's columns.
  std::vector<ExprPtr> outer_keys;
  std::set<int> outer_cols;
  for (const auto& eq : eqs) {
    outer_keys.push_back(Relocate(eq.outer, 0, identity));
    CollectOuterRefs(eq.outer, &outer_cols);
  }

  // Only the groups of key values the outer query holds are aggregated.
  Resolved in{input, ColumnsOf(*input)};
  KeySource ks = FindKeySource(current.plan, outer_cols);
  if (!(ks.conjuncts.empty() && IsWholeRelation(*ks.plan))) {
    LogicalPlanPtr source = ks.plan;
    if (!ks.conjuncts.empty()) {
      std::vector<ExprPtr> shifted;
      for (const auto& c : ks.conjuncts) shifted.push_back(ShiftColumns(c, -ks.offset));
      auto filter = std::make_shared<LogicalPlan>(*MakeFilter(source, AndAll(shifted)));
      filter->analyzed = true;
      filter->schema = source->schema;
      source = filter;
    }
    Resolved src = Analyze(source);
    std::vector<ExprPtr> key_exprs;
    for (int i = 0; i < nkeys; ++i) {
      key_exprs.push_back(Alias(ShiftColumns(outer_keys[i], -ks.offset), "__d" + std::to_string(i)));
    }
    Resolved dvals = Analyze(MakeDistinct(MakeProject(src.plan, key_exprs)));
    // The semi join goes right above the input that holds the inner keys.
    std::set<int> inner_cols;
    for (const auto& eq : eqs) CollectLocalRefs(eq.inner, &inner_cols);
    auto reduce = [&](const LogicalPlanPtr& part, int offset) -> LogicalPlanPtr {
      Resolved left{part, ColumnsOf(*part)};
      const int width = static_cast<int>(left.columns.size());
      std::vector<ExprPtr> on;
      for (int i = 0; i < nkeys; ++i) {
        on.push_back(Call("=", {ShiftColumns(eqs[i].inner, -offset), ColumnRef(width + i, dvals.columns[i])}));
      }
      auto semi = std::make_shared<LogicalPlan>(*MakeJoin(part, dvals.plan, JoinType::kLeftSemi, nullptr));
      semi->condition = AndAll(on);
      Resolved joined = Join(*semi, left, dvals);
      return joined.plan;
    };
    if (!inner_cols.empty()) in.plan = ReduceKeyInput(in.plan, inner_cols, 0, reduce);
  }

  // Aggregate grouped by the inner key values, then the subquery's projection.
  std::vector<ExprPtr> groupings, outputs;
  for (int i = 0; i < nkeys; ++i) {
    groupings.push_back(eqs[i].inner);
    outputs.push_back(Alias(eqs[i].inner, "__k" + std::to_string(i)));
  }
  for (const auto& a : agg.exprs) outputs.push_back(a);
  Resolved grouped = Analyze(MakeAggregate(in.plan, groupings, outputs));
  std::vector<ExprPtr> projected;
  for (int i = 0; i < nkeys; ++i) projected.push_back(ColumnRef(i, grouped.columns[i]));
  projected.push_back(Relocate(top.exprs[0], nkeys, identity));
  if (restore_empty) projected.push_back(Alias(Lit(Value(true), DataType::Boolean()), "__present"));
  Resolved per_key = Analyze(MakeProject(grouped.plan, projected));

  const int width = static_cast<int>(current.columns.size());
  std::vector<ExprPtr> back;
  for (int i = 0; i < nkeys; ++i) back.push_back(Call("=", {outer_keys[i], ColumnRef(width + i, per_key.columns[i])}));
  auto join = std::make_shared<LogicalPlan>(*MakeJoin(current.plan, per_key.plan, JoinType::kLeft, nullptr));
  join->condition = AndAll(back);
  Resolved result = Join(*join, current, per_key);
  std::vector<ScopeColumn> both = current.columns;
  both.insert(both.end(), per_key.columns.begin(), per_key.columns.end());
  result.columns = both;
  ExprPtr v = ColumnRef(width + nkeys, result.columns[width + nkeys]);
  if (restore_empty) {
    ExprPtr present = ColumnRef(width + nkeys + 1, result.columns[width + nkeys + 1]);
    v = Call("if", {Call("isnull", {present}), empty_value, v});
  }
  *value = v;
  return result;
}

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

  // D: the distinct outer values the subquery depends on.
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
