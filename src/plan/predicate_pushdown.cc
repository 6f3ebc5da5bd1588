// Predicate pushdown: moves the conjuncts of filters as far down the plan as
// they stay correct: through projections (substituting the projected
// expressions), sorts, unions and the grouping columns of aggregates, and
// into joins. Over an inner join, a conjunct reading one side filters that
// side and one reading both becomes part of the join condition, so a comma
// join with its WHERE clause turns into equi-joins; outer, semi and anti
// joins take what their semantics allow. A conjunct stops where it can go no
// further and becomes a filter there. Nondeterministic conjuncts stay put.
#include <algorithm>
#include <set>

#include "expr/column_refs.h"
#include "expr/conjuncts.h"
#include "expr/function_registry.h"
#include "plan/optimizer.h"

namespace lakestream {
namespace {

using Conjuncts = std::vector<ExprPtr>;

bool Deterministic(const Expr& e) {
  if (e.kind == ExprKind::kCall && e.function && !e.function->deterministic) return false;
  if (e.kind == ExprKind::kGenerator || e.kind == ExprKind::kWindow || e.kind == ExprKind::kAggregate) return false;
  for (const auto& c : e.children) {
    if (!Deterministic(*c)) return false;
  }
  return true;
}

const ExprPtr& StripAlias(const ExprPtr& e) { return e->kind == ExprKind::kAlias ? e->children[0] : e; }

// `e` over a node's output rewritten over its input: output column i is `defs[i]`.
ExprPtr Substitute(const ExprPtr& e, const std::vector<ExprPtr>& defs) {
  if (e->kind == ExprKind::kColumn && e->column_index >= 0) return StripAlias(defs.at(e->column_index));
  if (e->children.empty()) return e;
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) children.push_back(Substitute(c, defs));
  return WithChildren(*e, std::move(children));
}

// Whether every output column `e` reads is one of `defs` (the first
// defs.size() columns) and deterministic, so `e` can be substituted.
bool CanSubstitute(const ExprPtr& e, const std::vector<ExprPtr>& defs) {
  std::set<int> refs;
  CollectColumnRefs(e, &refs);
  for (int i : refs) {
    if (i >= static_cast<int>(defs.size()) || !Deterministic(*defs[i])) return false;
  }
  return true;
}

// Structural equality of bound expressions (columns by index).
bool SameExpr(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.name != b.name || a.column_index != b.column_index || a.outer_depth != b.outer_depth ||
      a.children.size() != b.children.size() || a.subquery != b.subquery || a.is_try != b.is_try ||
      !(a.value == b.value) || !TypeEquals(a.type, b.type)) {
    return false;
  }
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!SameExpr(*a.children[i], *b.children[i])) return false;
  }
  return true;
}

bool IsOr(const Expr& e) { return e.kind == ExprKind::kCall && e.name == "or" && e.children.size() == 2; }

void SplitDisjuncts(const ExprPtr& e, std::vector<ExprPtr>* out) {
  if (IsOr(*e)) {
    SplitDisjuncts(e->children[0], out);
    SplitDisjuncts(e->children[1], out);
    return;
  }
  out->push_back(e);
}

ExprPtr Disjoin(const std::vector<ExprPtr>& disjuncts) {
  ExprPtr out;
  for (const auto& d : disjuncts) {
    if (!out) {
      out = d;
      continue;
    }
    auto either = std::make_shared<Expr>(*Call("or", {out, d}));
    either->type = DataType::Boolean();
    either->nullable = out->nullable || d->nullable;
    out = either;
  }
  return out;
}

// (a AND b) OR (a AND c) → a, (b OR c): the conjuncts every branch of an OR
// shares become conjuncts of their own (TPC-H Q19 keeps its join key in each
// branch). Appends the result to *out.
void FactorDisjunction(const ExprPtr& e, Conjuncts* out) {
  if (!IsOr(*e)) {
    out->push_back(e);
    return;
  }
  std::vector<ExprPtr> branches;
  SplitDisjuncts(e, &branches);
  std::vector<Conjuncts> terms(branches.size());
  for (size_t i = 0; i < branches.size(); ++i) SplitConjuncts(branches[i], &terms[i]);
  Conjuncts common;
  for (const auto& t : terms[0]) {
    bool everywhere = true;
    for (size_t i = 1; i < terms.size() && everywhere; ++i) {
      everywhere = std::any_of(terms[i].begin(), terms[i].end(), [&](const ExprPtr& x) { return SameExpr(*x, *t); });
    }
    if (everywhere && !std::any_of(common.begin(), common.end(), [&](const ExprPtr& x) { return SameExpr(*x, *t); })) {
      common.push_back(t);
    }
  }
  if (common.empty()) {
    out->push_back(e);
    return;
  }
  std::vector<ExprPtr> rest;
  for (const auto& t : terms) {
    Conjuncts left;
    for (const auto& x : t) {
      if (!std::any_of(common.begin(), common.end(), [&](const ExprPtr& c) { return SameExpr(*x, *c); })) {
        left.push_back(x);
      }
    }
    // A branch that was only common conjuncts makes the remaining OR true.
    if (left.empty()) {
      out->insert(out->end(), common.begin(), common.end());
      return;
    }
    rest.push_back(Conjoin(left));
  }
  out->insert(out->end(), common.begin(), common.end());
  out->push_back(Disjoin(rest));
}

LogicalPlanPtr WithFilter(const LogicalPlanPtr& child, const Conjuncts& conjuncts) {
  if (conjuncts.empty()) return child;
  auto filter = std::make_shared<LogicalPlan>(*MakeFilter(child, Conjoin(conjuncts)));
  filter->schema = child->schema;
  filter->analyzed = true;
  return filter;
}

LogicalPlanPtr WithChildren(const LogicalPlanPtr& plan, std::vector<LogicalPlanPtr> children) {
  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = std::move(children);
  return node;
}

LogicalPlanPtr Push(const LogicalPlanPtr& plan, Conjuncts conjuncts);

// A node nothing passes: its children get no conjuncts, the conjuncts stay above it.
LogicalPlanPtr Stop(const LogicalPlanPtr& plan, const Conjuncts& conjuncts) {
  std::vector<LogicalPlanPtr> children;
  for (const auto& c : plan->children) children.push_back(Push(c, {}));
  return WithFilter(WithChildren(plan, std::move(children)), conjuncts);
}

// Bit 1: reads a left column; bit 2: a right column.
int Sides(const ExprPtr& e, int left_width) {
  std::set<int> refs;
  CollectColumnRefs(e, &refs);
  int sides = 0;
  for (int i : refs) sides |= i < left_width ? 1 : 2;
  return sides;
}

// For an OR over both sides of an inner join whose every branch has conjuncts
// over one side alone (`side`: 1 left, 2 right), the OR of those is implied
// and filters that side early; the OR itself stays in the join condition.
// nullptr when there is none.
ExprPtr ImpliedSidePredicate(const ExprPtr& e, int side, int left_width) {
  if (!IsOr(*e) || !Deterministic(*e)) return nullptr;
  std::vector<ExprPtr> branches, implied;
  SplitDisjuncts(e, &branches);
  for (const auto& b : branches) {
    Conjuncts terms, own;
    SplitConjuncts(b, &terms);
    for (const auto& t : terms) {
      if (Sides(t, left_width) == side) own.push_back(t);
    }
    if (own.empty()) return nullptr;
    implied.push_back(Conjoin(own));
  }
  return Disjoin(implied);
}

LogicalPlanPtr PushJoin(const LogicalPlanPtr& plan, const Conjuncts& conjuncts) {
  const int left_width = static_cast<int>(plan->children[0]->schema->num_fields());
  const int right_width = static_cast<int>(plan->children[1]->schema->num_fields());
  Conjuncts on;
  if (plan->condition) SplitConjuncts(plan->condition, &on);
  Conjuncts left, right, condition, above;
  const JoinType type = plan->join_type;
  // Conjuncts from above read the join's output (only the left side's for semi and anti joins).
  for (const auto& c : conjuncts) {
    const int sides = Sides(c, left_width);
    if (!Deterministic(*c)) {
      above.push_back(c);
    } else if (type == JoinType::kInner || type == JoinType::kCross) {
      (sides <= 1 ? left : sides == 2 ? right : condition).push_back(c);
      if (sides == 3) {
        for (int side : {1, 2}) {
          if (ExprPtr implied = ImpliedSidePredicate(c, side, left_width)) (side == 1 ? left : right).push_back(implied);
        }
      }
    } else if (sides <= 1 && type != JoinType::kRight && type != JoinType::kFull) {
      left.push_back(c);  // the left side is kept whole: filtering it first is the same
    } else if (sides == 2 && type == JoinType::kRight) {
      right.push_back(c);
    } else {
      above.push_back(c);
    }
  }
  // The join's own condition: a conjunct over the side whose rows it may drop goes there.
  for (const auto& c : on) {
    const int sides = Sides(c, left_width);
    const bool inner = type == JoinType::kInner || type == JoinType::kCross;
    if (!Deterministic(*c) || sides == 3) {
      condition.push_back(c);
    } else if (sides == 2 && (inner || type == JoinType::kLeft || type == JoinType::kLeftSemi ||
                              type == JoinType::kLeftAnti)) {
      right.push_back(c);
    } else if (sides <= 1 && (inner || type == JoinType::kRight || type == JoinType::kLeftSemi)) {
      left.push_back(c);
    } else {
      condition.push_back(c);
    }
  }
  std::vector<int> shift(left_width + right_width, -1);
  for (int i = 0; i < right_width; ++i) shift[left_width + i] = i;
  for (auto& c : right) c = RemapColumnRefs(c, shift);

  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = {Push(plan->children[0], std::move(left)), Push(plan->children[1], std::move(right))};
  node->condition = Conjoin(condition);
  if (type == JoinType::kCross && node->condition) node->join_type = JoinType::kInner;
  return WithFilter(node, above);
}

LogicalPlanPtr Push(const LogicalPlanPtr& plan, Conjuncts conjuncts) {
  switch (plan->kind) {
    case PlanKind::kFilter: {
      Conjuncts split, own;
      SplitConjuncts(plan->condition, &split);
      for (const auto& c : split) FactorDisjunction(c, &own);
      for (const auto& c : own) {
        if (!Deterministic(*c)) return Stop(plan, conjuncts);
      }
      // The filter's own conjuncts first: they ran first.
      own.insert(own.end(), conjuncts.begin(), conjuncts.end());
      return Push(plan->children[0], std::move(own));
    }
    case PlanKind::kProject: {
      for (const auto& e : plan->exprs) {
        if (ContainsKind(e, ExprKind::kGenerator)) return Stop(plan, conjuncts);
      }
      Conjuncts below, above;
      for (const auto& c : conjuncts) {
        if (Deterministic(*c) && CanSubstitute(c, plan->exprs)) {
          below.push_back(Substitute(c, plan->exprs));
        } else {
          above.push_back(c);
        }
      }
      return WithFilter(WithChildren(plan, {Push(plan->children[0], std::move(below))}), above);
    }
    case PlanKind::kAggregate: {
      // Over the grouping columns (the first outputs) a conjunct filters whole groups.
      if (!plan->grouping_sets.empty()) return Stop(plan, conjuncts);
      Conjuncts below, above;
      for (const auto& c : conjuncts) {
        if (Deterministic(*c) && CanSubstitute(c, plan->groupings)) {
          below.push_back(Substitute(c, plan->groupings));
        } else {
          above.push_back(c);
        }
      }
      return WithFilter(WithChildren(plan, {Push(plan->children[0], std::move(below))}), above);
    }
    case PlanKind::kSort: return WithChildren(plan, {Push(plan->children[0], std::move(conjuncts))});
    case PlanKind::kJoin: return PushJoin(plan, conjuncts);
    default: return Stop(plan, conjuncts);
  }
}

}  // namespace

LogicalPlanPtr PushDownPredicates(const LogicalPlanPtr& analyzed) { return Push(analyzed, {}); }

}  // namespace lakestream
