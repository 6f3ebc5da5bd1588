// ParquetFormat: the "parquet" data source.
//
// Reading options: mergeSchema (default false) — InferSchema unions the
// fields of all files instead of taking the first file's schema.
// Splits are row groups: [first column chunk offset, + compressed bytes); a
// split reads the row groups whose start offset falls inside it (Spark's
// rule), so any byte ranges over the file read each row group exactly once.
#pragma once

#include "formats/file_format.h"

namespace lakestream {

class ParquetFormat final : public FileFormat {
 public:
  std::string name() const override { return "parquet"; }
  // Every field nullable (as Spark reads files); the first file's key-value
  // metadata becomes the schema's metadata. With mergeSchema, struct fields
  // merge by name (case-insensitively, recursively) and any other type
  // conflict is UserError CANNOT_MERGE_SCHEMAS naming the field and files.
  // No file: UserError UNABLE_TO_INFER_SCHEMA.
  SchemaPtr InferSchema(const std::vector<std::string>& files, const FormatOptions& options,
                        const EvalContext& ctx) const override;
  std::vector<FileSplit> Split(const std::string& file, const FormatOptions& options) const override;
  // Columns are read by name, so a scan decodes only the chunks it needs.
  bool ReadsColumnSubsets() const override { return true; }
  void Read(const FileSplit& split, const SchemaPtr& schema, const FormatOptions& options, const EvalContext& ctx,
            const BatchSink& sink) const override;
  // Skips row groups that provably hold no match for `scan.predicates`
  // (RowGroupPruner) and accounts decode buffers in `scan.memory`.
  void ReadFiltered(const FileSplit& split, const SchemaPtr& schema, const FormatOptions& options,
                    const EvalContext& ctx, const ScanOptions& scan, const BatchSink& sink) const override;
  // Row counts from the footers; integer and date columns' distinct values
  // bounded by their min..max range over the column chunk statistics
  // (parquet_statistics.cc).
  FileStatistics Statistics(const std::vector<std::string>& files, const Schema& schema) const override;
  void Write(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
             const FormatOptions& options, const EvalContext& ctx) const override;
  std::string extension() const override { return ".parquet"; }
};

}  // namespace lakestream
