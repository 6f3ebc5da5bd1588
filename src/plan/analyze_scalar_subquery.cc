// The rewrite of scalar aggregate subqueries correlated by equalities only
// (`inner = outer.col AND ...`), as Spark's RewriteCorrelatedScalarSubquery:
// the subquery's input is aggregated grouped by the inner sides of the
// equalities and left-outer-joined to the outer query on them. The input is
// first semi-joined with the distinct outer key values, taken from the
// smallest inner-joined part of the outer query that holds the key columns
// and placed right above the part of the input that holds the inner keys, so
// only groups that can match are aggregated. A result that is not NULL over
// no rows (count(*) is 0) is restored for outer rows without a group.
#include <functional>
#include <optional>
#include <set>

#include "expr/conjuncts.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"
#include "plan/correlated_refs.h"

namespace lakestream {

namespace {

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

// A key side must read a subquery column: `2 = t1.a` is a filter on the
// outer row, not a grouping (a literal grouping would read as a position).
bool IsInnerKey(const ExprPtr& e) {
  std::set<int> local;
  CollectLocalRefs(e, &local);
  return !local.empty() && !ExprCorrelated(e, 0);
}

bool SplitEqualities(const std::vector<ExprPtr>& predicates, std::vector<CorrelatedEquality>* out) {
  for (const auto& p : predicates) {
    if (p->kind != ExprKind::kCall || p->name != "=" || p->children.size() != 2) return false;
    const ExprPtr& a = p->children[0];
    const ExprPtr& b = p->children[1];
    if (OnlyOuterRefs(b) && IsInnerKey(a)) {
      out->push_back({a, b});
    } else if (OnlyOuterRefs(a) && IsInnerKey(b)) {
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

// Whether every subquery in `e` is an uncorrelated IN list: such a conjunct
// may filter the key source too (TPC-H Q20's `ps_partkey IN (SELECT ...)`),
// at the cost of evaluating its list once more.
bool OnlyUncorrelatedInLists(const ExprPtr& e) {
  if (e->kind == ExprKind::kSubquery &&
      (e->subquery_kind != SubqueryKind::kIn || !e->subquery || IsCorrelated(*e->subquery, 0))) {
    return false;
  }
  for (const auto& c : e->children) {
    if (!OnlyUncorrelatedInLists(c)) return false;
  }
  return true;
}

KeySource FindKeySource(const LogicalPlanPtr& outer, const std::set<int>& keys) {
  KeySource ks{outer, 0, {}};
  auto add_conjuncts = [&](const ExprPtr& condition) {
    std::vector<ExprPtr> cs;
    SplitConjuncts(condition, &cs);
    for (const auto& c : cs) {
      // A non-deterministic conjunct (rand() < 0.5) would keep other rows
      // when the key source runs again; leaving it out keeps a superset.
      if (!OnlyUncorrelatedInLists(c) || ExprCorrelated(c, 0) || !ExprDeterministic(c)) continue;
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
  // The key source runs a second time for the distinct keys: a source that
  // may give other rows then (a Limit, rand()) could drop keys the outer
  // query holds, so it reduces nothing (the reduction only saves work).
  if (!(ks.conjuncts.empty() && IsWholeRelation(*ks.plan)) && PlanDeterministic(*ks.plan)) {
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

}  // namespace lakestream
