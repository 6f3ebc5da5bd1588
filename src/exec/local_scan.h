// LocalScan: the in-memory batches of a LocalRelation; one morsel per batch
// (large batches are split into morsels of kMorselRows rows).
#pragma once

#include "exec/physical_operator.h"

namespace lakestream {

class LocalScan : public PhysicalOperator {
 public:
  static constexpr int64_t kMorselRows = 65536;
  LocalScan(SchemaPtr schema, std::vector<RecordBatchPtr> batches);

  OperatorRole role() const override { return OperatorRole::kSource; }
  std::string Describe() const override;
  std::unique_ptr<SourceState> MakeSourceState(ExecutionState& state) const override;
  void ReadMorsel(ExecutionState& state, SourceState& source, int64_t morsel, const BatchCallback& emit) const override;

 private:
  struct Morsel {
    size_t batch;
    int64_t offset, length;
  };
  std::vector<RecordBatchPtr> batches_;
  std::vector<Morsel> morsels_;
};

}  // namespace lakestream
