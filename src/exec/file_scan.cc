#include "exec/file_scan.h"

#include <fmt/format.h>

namespace lakestream {

namespace {
class FileScanState : public SourceState {
 public:
  explicit FileScanState(std::vector<FileSplit> splits) : splits(std::move(splits)) {}
  int64_t MorselCount() const override { return static_cast<int64_t>(splits.size()); }
  std::vector<FileSplit> splits;
};
}  // namespace

FileScan::FileScan(SchemaPtr schema, FileScanSpec spec)
    : PhysicalOperator(std::move(schema), {}),
      spec_(std::move(spec)),
      format_(&FindFileFormat(spec_.format)),
      files_(ListDataFiles(spec_.paths)) {}

std::string FileScan::Describe() const {
  return fmt::format("Scan {} [{}] files={}", format_->name(), fmt::join(schema()->FieldNames(), ","), files_.size());
}

std::unique_ptr<SourceState> FileScan::MakeSourceState(ExecutionState&) const {
  std::vector<FileSplit> splits;
  for (const auto& file : files_) {
    // Hive partition values (dir/k=v/file) are relative to the one path read, as in Spark.
    auto partition_values = spec_.paths.size() == 1 ? PartitionValuesOf(file, spec_.paths[0])
                                                    : std::vector<std::pair<std::string, std::string>>{};
    for (auto& split : format_->Split(file, spec_.options)) {
      split.partition_values = partition_values;
      splits.push_back(std::move(split));
    }
  }
  return std::make_unique<FileScanState>(std::move(splits));
}

void FileScan::ReadMorsel(ExecutionState& state, SourceState& source, int64_t morsel, const BatchCallback& emit) const {
  const FileSplit& split = static_cast<FileScanState&>(source).splits[morsel];
  SchemaPtr read_schema = spec_.schema ? spec_.schema : schema();
  format_->Read(split, read_schema, spec_.options, state.eval(), [&](RecordBatchPtr batch) {
    if (batch->num_columns() == schema()->num_fields() && batch->schema() != schema()) {
      batch = std::make_shared<RecordBatch>(schema(), batch->columns(), batch->num_rows());
    }
    return emit(batch);
  });
}

}  // namespace lakestream
