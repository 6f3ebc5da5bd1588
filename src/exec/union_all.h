// UnionAll: UNION ALL of inputs with identical column types, by position.
// Each input becomes its own pipeline (left to right) running through the
// union, which only relabels batches with the union's schema, into the
// parent's chain.
#pragma once

#include "exec/physical_operator.h"

namespace lakestream {

class UnionAll : public PhysicalOperator {
 public:
  UnionAll(SchemaPtr schema, std::vector<PhysicalOperatorPtr> children);

  OperatorRole role() const override { return OperatorRole::kUnion; }
  std::string Describe() const override { return "Union"; }
  void Execute(ExecutionState& state, OperatorState* local, const RecordBatchPtr& input,
               std::vector<RecordBatchPtr>& output) const override;
};

}  // namespace lakestream
