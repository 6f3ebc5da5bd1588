// Projection: evaluates one bound expression per output column.
#pragma once

#include "exec/physical_operator.h"
#include "expr/eval_context.h"
#include "expr/expression.h"

namespace lakestream {

class Projection : public PhysicalOperator {
 public:
  Projection(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<ExprPtr> exprs);

  OperatorRole role() const override { return OperatorRole::kStreaming; }
  std::string Describe() const override;
  void Execute(ExecutionState& state, OperatorState* local, const RecordBatchPtr& input,
               std::vector<RecordBatchPtr>& output) const override;

 private:
  std::vector<ExprPtr> exprs_;
};

// "a, (b + 1) AS c": the expressions as explain prints them.
std::string DescribeExprs(const std::vector<ExprPtr>& exprs);
// Evaluates each expression over `batch` (bare column references are not copied).
std::vector<ArrayPtr> EvaluateExprs(const std::vector<ExprPtr>& exprs, const RecordBatch& batch, const EvalContext& ctx);

}  // namespace lakestream
