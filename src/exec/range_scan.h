// RangeScan: spark.range(start, end, step) as one BIGINT column "id", in
// morsels of kMorselRows rows emitted as batches of kDefaultBatchRows.
#pragma once

#include "exec/physical_operator.h"

namespace lakestream {

class RangeScan : public PhysicalOperator {
 public:
  static constexpr int64_t kMorselRows = 16 * kDefaultBatchRows;
  // Throws UserError when step is 0.
  RangeScan(SchemaPtr schema, int64_t start, int64_t end, int64_t step);

  OperatorRole role() const override { return OperatorRole::kSource; }
  std::string Describe() const override;
  std::unique_ptr<SourceState> MakeSourceState(ExecutionState& state) const override;
  void ReadMorsel(ExecutionState& state, SourceState& source, int64_t morsel, const BatchCallback& emit) const override;
  int64_t num_rows() const { return num_rows_; }

 private:
  int64_t start_, end_, step_;
  int64_t num_rows_;
};

}  // namespace lakestream
