#include "exec/file_scan.h"

#include <fmt/format.h>
#include <strings.h>

#include "columnar/check.h"
#include "exec/scan_predicate_converter.h"
#include "formats/parquet/value_range.h"
#include "formats/scan_layout.h"

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
      files_(ListDataFiles(spec_.paths)),
      predicates_(ToColumnPredicates(spec_.pushed_filters, *this->schema())) {
  SchemaPtr read_schema = ReadSchema();
  for (const auto& field : this->schema()->fields()) {
    output_columns_.push_back(read_schema->FieldIndex(field.name));
    LS_CHECK_GE(output_columns_.back(), 0);
  }
}

SchemaPtr FileScan::ReadSchema() const {
  return spec_.schema && !format_->ReadsColumnSubsets() ? spec_.schema : schema();
}

std::string FileScan::Describe() const {
  std::string s = fmt::format("Scan {} [{}] files={}", format_->name(), fmt::join(schema()->FieldNames(), ","), files_.size());
  if (!spec_.pushed_filters.empty()) {
    std::vector<std::string> filters;
    for (const auto& f : spec_.pushed_filters) filters.push_back(f->ToString());
    s += fmt::format(" PushedFilters: [{}]", fmt::join(filters, ", "));
  }
  return s;
}

bool FileScan::PartitionMayMatch(const std::vector<std::pair<std::string, std::string>>& partition_values,
                                 const EvalContext& ctx) const {
  for (const auto& predicate : predicates_) {
    for (const auto& [name, text] : partition_values) {
      if (strcasecmp(name.c_str(), predicate.column.c_str()) != 0) continue;
      const int index = schema()->FieldIndex(name);
      if (index < 0) continue;
      const DataType& type = *schema()->field(index).type;
      // The whole file holds one value of the column: a one-value range.
      Value value = PartitionValueAs(schema()->field(index).type, text, ctx);
      parquet::ValueRange range;
      range.num_values = 1;
      range.null_count = value.is_null() ? 1 : 0;
      range.all_null = value.is_null();
      if (!value.is_null()) range.min = range.max = value;
      if (!range.MayMatch(predicate, type)) return false;
    }
  }
  return true;
}

std::unique_ptr<SourceState> FileScan::MakeSourceState(ExecutionState& state) const {
  std::vector<FileSplit> splits;
  for (const auto& file : files_) {
    // Hive partition values (dir/k=v/file) are relative to the one path read, as in Spark.
    auto partition_values = spec_.paths.size() == 1 ? PartitionValuesOf(file, spec_.paths[0])
                                                    : std::vector<std::pair<std::string, std::string>>{};
    if (!partition_values.empty() && !PartitionMayMatch(partition_values, state.eval())) continue;
    for (auto& split : format_->Split(file, spec_.options)) {
      split.partition_values = partition_values;
      splits.push_back(std::move(split));
    }
  }
  return std::make_unique<FileScanState>(std::move(splits));
}

void FileScan::ReadMorsel(ExecutionState& state, SourceState& source, int64_t morsel, const BatchCallback& emit) const {
  const FileSplit& split = static_cast<FileScanState&>(source).splits[morsel];
  ScanOptions scan{predicates_, &state.memory()};
  format_->ReadFiltered(split, ReadSchema(), spec_.options, state.eval(), scan, [&](RecordBatchPtr batch) {
    if (batch->schema() != schema()) {
      std::vector<ArrayPtr> columns;
      for (int i : output_columns_) columns.push_back(batch->column(i));
      batch = std::make_shared<RecordBatch>(schema(), std::move(columns), batch->num_rows());
    }
    return emit(batch);
  });
}

}  // namespace lakestream
