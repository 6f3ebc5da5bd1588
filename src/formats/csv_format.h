// CsvFormat: the "csv" data source (Spark's CSV options; see csv_options.h).
#pragma once

#include "formats/file_format.h"

namespace lakestream {

// Target size of one line-aligned split of a text file.
inline constexpr int64_t kTextSplitBytes = 32LL << 20;

// Byte ranges of kTextSplitBytes covering a file of `file_size` bytes (at
// least one split, so that empty files are read too).
std::vector<FileSplit> SplitByteRanges(const std::string& file, int64_t file_size, int64_t split_bytes);

class CsvFormat final : public FileFormat {
 public:
  std::string name() const override { return "csv"; }
  SchemaPtr InferSchema(const std::vector<std::string>& files, const FormatOptions& options,
                        const EvalContext& ctx) const override;
  // Whole file when multiLine, else kTextSplitBytes line-aligned ranges.
  std::vector<FileSplit> Split(const std::string& file, const FormatOptions& options) const override;
  void Read(const FileSplit& split, const SchemaPtr& schema, const FormatOptions& options, const EvalContext& ctx,
            const BatchSink& sink) const override;
  void Write(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
             const FormatOptions& options, const EvalContext& ctx) const override;
  std::string extension() const override { return ".csv"; }
};

}  // namespace lakestream
