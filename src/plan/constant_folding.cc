// Constant folding: subexpressions without column references, aggregates or
// non-deterministic calls are evaluated once at planning time and replaced by
// literals; AND/OR with a literal side simplify (x AND true = x, x OR true =
// true, ...); a filter whose condition folds to TRUE disappears.
#include "expr/evaluator.h"
#include "expr/function_registry.h"
#include "lakestream/error.h"
#include "plan/optimizer.h"

namespace lakestream {
namespace {

bool Foldable(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral: return true;
    case ExprKind::kCall:
      if (!e.function || !e.function->deterministic) return false;
      break;
    case ExprKind::kCast:
    case ExprKind::kCase:
    case ExprKind::kIn: break;
    default: return false;  // columns, aggregates, generators, subqueries, windows, aliases
  }
  for (const auto& c : e.children) {
    if (!Foldable(*c)) return false;
  }
  return true;
}

bool IsBoolLiteral(const ExprPtr& e, bool value) {
  return e->kind == ExprKind::kLiteral && e->value.kind() == Value::Kind::kBool && e->value.as_bool() == value;
}

// Spark's BooleanSimplification for a literal operand: TRUE is AND's
// identity and OR's absorbing value, FALSE the reverse (FALSE AND NULL is
// FALSE, TRUE OR NULL is TRUE, so this holds under three-valued logic).
ExprPtr SimplifyAndOr(const ExprPtr& e) {
  if (e->kind != ExprKind::kCall || e->children.size() != 2) return e;
  const bool is_and = e->name == "and";
  if (!is_and && e->name != "or") return e;
  const ExprPtr& left = e->children[0];
  const ExprPtr& right = e->children[1];
  const bool identity = is_and;  // TRUE for AND, FALSE for OR
  if (IsBoolLiteral(left, identity)) return right;
  if (IsBoolLiteral(right, identity)) return left;
  if (IsBoolLiteral(left, !identity)) return left;
  if (IsBoolLiteral(right, !identity)) return right;
  return e;
}

ExprPtr Fold(const ExprPtr& e, const EvalContext& ctx) {
  if (e->kind != ExprKind::kLiteral && Foldable(*e)) {
    try {
      auto lit = std::make_shared<Expr>(*Lit(EvaluateConstant(*e, ctx), e->type));
      lit->nullable = lit->value.is_null();
      return lit;
    } catch (const UserError&) {
      // An error (say 1/0) must surface only if a row actually evaluates it.
      return e;
    }
  }
  if (e->children.empty() || e->kind == ExprKind::kSubquery) return e;
  std::vector<ExprPtr> children;
  bool changed = false;
  for (const auto& c : e->children) {
    children.push_back(Fold(c, ctx));
    changed |= children.back() != c;
  }
  return SimplifyAndOr(changed ? WithChildren(*e, std::move(children)) : e);
}

LogicalPlanPtr FoldPlan(const LogicalPlanPtr& plan, const EvalContext& ctx) {
  std::vector<LogicalPlanPtr> children;
  bool changed = false;
  for (const auto& c : plan->children) {
    children.push_back(FoldPlan(c, ctx));
    changed |= children.back() != c;
  }
  auto fold_all = [&](const std::vector<ExprPtr>& in, std::vector<ExprPtr>* out) {
    for (const auto& e : in) {
      out->push_back(Fold(e, ctx));
      changed |= out->back() != e;
    }
  };
  std::vector<ExprPtr> exprs, groupings;
  fold_all(plan->exprs, &exprs);
  fold_all(plan->groupings, &groupings);
  ExprPtr condition = plan->condition ? Fold(plan->condition, ctx) : nullptr;
  changed |= condition != plan->condition;
  if (plan->kind == PlanKind::kFilter && IsBoolLiteral(condition, true)) return children[0];
  if (!changed) return plan;
  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = std::move(children);
  node->exprs = std::move(exprs);
  node->groupings = std::move(groupings);
  node->condition = condition;
  return node;
}

}  // namespace

LogicalPlanPtr FoldConstants(const LogicalPlanPtr& analyzed, const EvalContext& ctx) { return FoldPlan(analyzed, ctx); }

}  // namespace lakestream
