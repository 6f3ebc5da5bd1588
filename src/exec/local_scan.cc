#include "exec/local_scan.h"

#include <fmt/format.h>

namespace lakestream {

namespace {
class LocalScanState : public SourceState {
 public:
  explicit LocalScanState(int64_t count) : count_(count) {}
  int64_t MorselCount() const override { return count_; }

 private:
  int64_t count_;
};
}  // namespace

LocalScan::LocalScan(SchemaPtr schema, std::vector<RecordBatchPtr> batches)
    : PhysicalOperator(std::move(schema), {}), batches_(std::move(batches)) {
  for (size_t b = 0; b < batches_.size(); ++b) {
    int64_t rows = batches_[b]->num_rows();
    for (int64_t off = 0; off < rows; off += kMorselRows) morsels_.push_back({b, off, std::min(kMorselRows, rows - off)});
  }
}

std::string LocalScan::Describe() const {
  int64_t rows = 0;
  for (const auto& b : batches_) rows += b->num_rows();
  return fmt::format("LocalTableScan [{}] rows={}", fmt::join(schema()->FieldNames(), ", "), rows);
}

std::unique_ptr<SourceState> LocalScan::MakeSourceState(ExecutionState&) const {
  return std::make_unique<LocalScanState>(static_cast<int64_t>(morsels_.size()));
}

void LocalScan::ReadMorsel(ExecutionState&, SourceState&, int64_t morsel, const BatchCallback& emit) const {
  const Morsel& m = morsels_[morsel];
  const RecordBatchPtr& batch = batches_[m.batch];
  if (m.offset == 0 && m.length == batch->num_rows()) {
    // Relabel with the plan's schema (the analyzer may have renamed columns).
    emit(batch->schema() == schema() ? batch
                                     : std::make_shared<RecordBatch>(schema(), batch->columns(), batch->num_rows()));
    return;
  }
  RecordBatchPtr slice = batch->Slice(m.offset, m.length);
  emit(std::make_shared<RecordBatch>(schema(), slice->columns(), slice->num_rows()));
}

}  // namespace lakestream
