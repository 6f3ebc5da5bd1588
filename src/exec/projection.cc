#include "exec/projection.h"

#include "expr/evaluator.h"

namespace lakestream {

std::string DescribeExprs(const std::vector<ExprPtr>& exprs) {
  std::string out;
  for (size_t i = 0; i < exprs.size(); ++i) {
    if (i > 0) out += ", ";
    out += exprs[i]->ToString();
  }
  return out;
}

std::vector<ArrayPtr> EvaluateExprs(const std::vector<ExprPtr>& exprs, const RecordBatch& batch,
                                    const EvalContext& ctx) {
  std::vector<ArrayPtr> out;
  out.reserve(exprs.size());
  for (const auto& e : exprs) {
    out.push_back(e->kind == ExprKind::kColumn ? batch.column(e->column_index) : Evaluate(*e, batch, ctx));
  }
  return out;
}

Projection::Projection(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<ExprPtr> exprs)
    : PhysicalOperator(std::move(schema), {std::move(child)}), exprs_(std::move(exprs)) {}

std::string Projection::Describe() const { return "Project [" + DescribeExprs(exprs_) + "]"; }

void Projection::Execute(ExecutionState& state, OperatorState*, const RecordBatchPtr& input,
                         std::vector<RecordBatchPtr>& output) const {
  output.push_back(
      std::make_shared<RecordBatch>(schema(), EvaluateExprs(exprs_, *input, state.eval()), input->num_rows()));
}

}  // namespace lakestream
