// FileScan: reads files of one format; each split (FileFormat::Split) is a
// morsel. Files are listed when the operator is planned. The scan reads only
// its output columns (pruned by the optimizer) where the format allows, and
// hands pushed filters to the reader for data skipping. Files whose Hive
// partition values fail a pushed filter on a partition column are not read
// at all (Spark's partition pruning).
#pragma once

#include "exec/physical_operator.h"
#include "formats/file_format.h"
#include "plan/logical_plan.h"

namespace lakestream {

class FileScan : public PhysicalOperator {
 public:
  // Throws UserError PATH_NOT_FOUND / UNSUPPORTED_DATA_SOURCE.
  FileScan(SchemaPtr schema, FileScanSpec spec);

  OperatorRole role() const override { return OperatorRole::kSource; }
  std::string Describe() const override;
  std::unique_ptr<SourceState> MakeSourceState(ExecutionState& state) const override;
  void ReadMorsel(ExecutionState& state, SourceState& source, int64_t morsel, const BatchCallback& emit) const override;

 private:
  SchemaPtr ReadSchema() const;
  // False when a pushed filter on a partition column rules the file out.
  bool PartitionMayMatch(const std::vector<std::pair<std::string, std::string>>& partition_values,
                         const EvalContext& ctx) const;

  FileScanSpec spec_;
  const FileFormat* format_;
  std::vector<std::string> files_;
  std::vector<ColumnPredicate> predicates_;
  // Output column i is column output_columns_[i] of what the format returns
  // (formats that cannot read a subset return the whole data schema).
  std::vector<int> output_columns_;
};

}  // namespace lakestream
