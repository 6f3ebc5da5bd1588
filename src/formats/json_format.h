// JsonFormat: the "json" data source (JSON lines; multiLine for whole-file JSON).
#pragma once

#include "formats/file_format.h"

namespace lakestream {

class JsonFormat final : public FileFormat {
 public:
  std::string name() const override { return "json"; }
  SchemaPtr InferSchema(const std::vector<std::string>& files, const FormatOptions& options,
                        const EvalContext& ctx) const override;
  // Whole file when multiLine, else line-aligned ranges (see csv_format.h).
  std::vector<FileSplit> Split(const std::string& file, const FormatOptions& options) const override;
  void Read(const FileSplit& split, const SchemaPtr& schema, const FormatOptions& options, const EvalContext& ctx,
            const BatchSink& sink) const override;
  void Write(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
             const FormatOptions& options, const EvalContext& ctx) const override;
  std::string extension() const override { return ".json"; }
};

}  // namespace lakestream
