#include "exec/subquery_evaluator.h"

#include <set>

#include "exec/executor.h"
#include "expr/binder.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

int64_t RowCount(const std::vector<RecordBatchPtr>& batches) {
  int64_t rows = 0;
  for (const auto& b : batches) rows += b->num_rows();
  return rows;
}

ExprPtr Evaluate(const ExprPtr& e, const SchemaPtr& input, QueryContext& ctx);

LogicalPlanPtr FirstRowOf(const LogicalPlanPtr& analyzed) {
  auto limit = std::make_shared<LogicalPlan>(*MakeLimit(analyzed, 1));
  limit->schema = analyzed->schema;
  limit->analyzed = true;
  return limit;
}

ExprPtr EvaluateSubquery(const Expr& e, const SchemaPtr& input, QueryContext& ctx) {
  switch (e.subquery_kind) {
    case SubqueryKind::kScalar: {
      auto batches = ExecutePlan(e.subquery, ctx);
      int64_t rows = RowCount(batches);
      if (rows > 1) {
        throw UserError("SCALAR_SUBQUERY_TOO_MANY_ROWS", "21000",
                        "More than one row returned by a subquery used as an expression.");
      }
      Value v;
      for (const auto& b : batches) {
        if (b->num_rows() > 0) v = b->column(0)->GetValue(0);
      }
      return Lit(v, e.type);
    }
    case SubqueryKind::kExists: {
      auto batches = ExecutePlan(FirstRowOf(e.subquery), ctx);
      return Lit(Value(RowCount(batches) > 0), DataType::Boolean());
    }
    case SubqueryKind::kIn: {
      auto batches = ExecutePlan(e.subquery, ctx);
      const DataTypePtr& type = e.subquery->schema->field(0).type;
      std::vector<ExprPtr> list = {Evaluate(e.children[0], input, ctx)};
      std::set<std::string> seen;  // duplicates do not change IN's answer
      for (const auto& b : batches) {
        for (int64_t i = 0; i < b->num_rows(); ++i) {
          Value v = b->column(0)->GetValue(i);
          if (seen.insert(v.is_null() ? std::string("\\N") : "v" + v.ToString()).second) list.push_back(Lit(v, type));
        }
      }
      if (list.size() == 1) return Lit(Value(false), DataType::Boolean());  // IN of nothing
      ExprPtr in = In(list[0], std::vector<ExprPtr>(list.begin() + 1, list.end()));
      return BindExpression(in, Scope::FromSchema(*input), FunctionRegistry::Default());
    }
  }
  throw InternalError("unknown subquery kind");
}

ExprPtr Evaluate(const ExprPtr& e, const SchemaPtr& input, QueryContext& ctx) {
  if (e->kind == ExprKind::kSubquery) return EvaluateSubquery(*e, input, ctx);
  if (e->children.empty() || !ContainsKind(e, ExprKind::kSubquery)) return e;
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) children.push_back(Evaluate(c, input, ctx));
  return WithChildren(*e, std::move(children));
}

}  // namespace

LogicalPlanPtr EvaluateSubqueries(const LogicalPlanPtr& plan, QueryContext& ctx) {
  std::vector<LogicalPlanPtr> children;
  bool changed = false;
  for (const auto& c : plan->children) {
    children.push_back(EvaluateSubqueries(c, ctx));
    changed |= children.back() != c;
  }
  auto has = [](const std::vector<ExprPtr>& v) {
    for (const auto& e : v) if (ContainsKind(e, ExprKind::kSubquery)) return true;
    return false;
  };
  bool own = has(plan->exprs) || has(plan->groupings) || (plan->condition && ContainsKind(plan->condition, ExprKind::kSubquery));
  if (!changed && !own) return plan;
  auto node = std::make_shared<LogicalPlan>(*plan);
  node->children = std::move(children);
  if (own) {
    // Expressions read the child's output (a join's condition: both sides).
    std::vector<Field> fields;
    for (const auto& c : node->children) fields.insert(fields.end(), c->schema->fields().begin(), c->schema->fields().end());
    auto input = std::make_shared<Schema>(std::move(fields));
    for (auto& e : node->exprs) e = Evaluate(e, input, ctx);
    for (auto& e : node->groupings) e = Evaluate(e, input, ctx);
    if (node->condition) node->condition = Evaluate(node->condition, input, ctx);
  }
  return node;
}

}  // namespace lakestream
