// Filter: keeps the rows where the bound boolean condition is true.
#pragma once

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace lakestream {

class Filter : public PhysicalOperator {
 public:
  Filter(PhysicalOperatorPtr child, ExprPtr condition);

  OperatorRole role() const override { return OperatorRole::kStreaming; }
  std::string Describe() const override;
  void Execute(ExecutionState& state, OperatorState* local, const RecordBatchPtr& input,
               std::vector<RecordBatchPtr>& output) const override;

 private:
  ExprPtr condition_;
};

}  // namespace lakestream
