// Limit: skips `offset` rows, then keeps `limit` rows (-1: all) in input
// order. As a sink it tells the pipeline to stop reading once the morsels
// completed so far, in order, already hold offset + limit rows.
#pragma once

#include "exec/physical_operator.h"

namespace lakestream {

class Limit : public PhysicalOperator {
 public:
  Limit(PhysicalOperatorPtr child, int64_t limit, int64_t offset);

  OperatorRole role() const override { return OperatorRole::kBreaker; }
  std::string Describe() const override;

  std::unique_ptr<GlobalSinkState> MakeGlobalSinkState(ExecutionState& state) const override;
  void Sink(ExecutionState& state, GlobalSinkState& global, LocalSinkState& local, const RecordBatchPtr& batch,
            int64_t order) const override;
  void MorselStarted(GlobalSinkState& global, int64_t order) const override;
  void MorselDone(GlobalSinkState& global, int64_t order) const override;
  bool SinkFinished(const GlobalSinkState& global) const override;
  void Finalize(ExecutionState& state, GlobalSinkState& global) const override;

  std::unique_ptr<SourceState> MakeSourceState(ExecutionState& state) const override;
  void ReadMorsel(ExecutionState& state, SourceState& source, int64_t morsel, const BatchCallback& emit) const override;

 private:
  int64_t limit_, offset_;
};

// Rows [offset, offset + limit) of `batches` (limit -1: to the end).
std::vector<RecordBatchPtr> SliceBatches(const std::vector<RecordBatchPtr>& batches, int64_t offset, int64_t limit);

}  // namespace lakestream
