// ResultCollector: the sink of the root pipeline; gathers result batches and
// returns them in input (morsel) order.
#pragma once

#include "exec/physical_operator.h"

namespace lakestream {

class ResultCollector : public PhysicalOperator {
 public:
  explicit ResultCollector(PhysicalOperatorPtr child);

  OperatorRole role() const override { return OperatorRole::kBreaker; }
  std::string Describe() const override { return "ResultCollector"; }
  std::unique_ptr<GlobalSinkState> MakeGlobalSinkState(ExecutionState& state) const override;
  std::unique_ptr<LocalSinkState> MakeLocalSinkState(ExecutionState& state, GlobalSinkState& global) const override;
  void Sink(ExecutionState& state, GlobalSinkState& global, LocalSinkState& local, const RecordBatchPtr& batch,
            int64_t order) const override;
  void Combine(ExecutionState& state, GlobalSinkState& global, LocalSinkState& local) const override;

  // The collected batches in order; call after the pipelines finished.
  static std::vector<RecordBatchPtr> TakeResult(GlobalSinkState& global);
};

}  // namespace lakestream
