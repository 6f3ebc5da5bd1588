#include "exec/range_scan.h"

#include <fmt/format.h>

#include "columnar/array_builder.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {
class RangeState : public SourceState {
 public:
  explicit RangeState(int64_t count) : count_(count) {}
  int64_t MorselCount() const override { return count_; }

 private:
  int64_t count_;
};
}  // namespace

RangeScan::RangeScan(SchemaPtr schema, int64_t start, int64_t end, int64_t step)
    : PhysicalOperator(std::move(schema), {}), start_(start), end_(end), step_(step) {
  if (step == 0) throw UserError("INVALID_PARAMETER_VALUE", "22023", "range() step must not be 0");
  __int128 span = static_cast<__int128>(end) - start;
  if ((step > 0 && span <= 0) || (step < 0 && span >= 0)) {
    num_rows_ = 0;
  } else {
    __int128 n = (span + step + (step > 0 ? -1 : 1)) / step;
    num_rows_ = static_cast<int64_t>(n);
  }
}

std::string RangeScan::Describe() const {
  return fmt::format("Range ({}, {}, step={}, splits={})", start_, end_, step_,
                     (num_rows_ + kMorselRows - 1) / kMorselRows);
}

std::unique_ptr<SourceState> RangeScan::MakeSourceState(ExecutionState&) const {
  return std::make_unique<RangeState>((num_rows_ + kMorselRows - 1) / kMorselRows);
}

void RangeScan::ReadMorsel(ExecutionState&, SourceState&, int64_t morsel, const BatchCallback& emit) const {
  int64_t first = morsel * kMorselRows;
  int64_t last = std::min(num_rows_, first + kMorselRows);
  for (int64_t row = first; row < last; row += kDefaultBatchRows) {
    int64_t n = std::min(kDefaultBatchRows, last - row);
    auto values = Buffer::Allocate(n * static_cast<int64_t>(sizeof(int64_t)));
    int64_t* out = values->mutable_data_as<int64_t>();
    // Wrapping arithmetic as Spark's range does for huge steps.
    uint64_t v = static_cast<uint64_t>(start_) + static_cast<uint64_t>(row) * static_cast<uint64_t>(step_);
    for (int64_t i = 0; i < n; ++i, v += static_cast<uint64_t>(step_)) out[i] = static_cast<int64_t>(v);
    auto column = std::make_shared<Array>(DataType::Long(), n, std::vector<BufferPtr>{nullptr, values},
                                          std::vector<ArrayPtr>{}, 0);
    if (!emit(std::make_shared<RecordBatch>(schema(), std::vector<ArrayPtr>{column}, n))) return;
  }
}

}  // namespace lakestream
