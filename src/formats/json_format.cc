#include "formats/json_format.h"

#include "formats/csv_format.h"
#include "formats/json_reader.h"
#include "formats/json_schema_inference.h"
#include "formats/json_writer.h"
#include "formats/local_file.h"

namespace lakestream {

SchemaPtr JsonFormat::InferSchema(const std::vector<std::string>& files, const FormatOptions& options,
                                  const EvalContext&) const {
  return InferJsonSchema(files, JsonOptions::ForRead(options));
}

std::vector<FileSplit> JsonFormat::Split(const std::string& file, const FormatOptions& options) const {
  JsonOptions o = JsonOptions::ForRead(options);
  int64_t size = LocalFile(file).size();
  if (o.multi_line) return {FileSplit{file, 0, -1}};
  return SplitByteRanges(file, size, kTextSplitBytes);
}

void JsonFormat::Read(const FileSplit& split, const SchemaPtr& schema, const FormatOptions& options,
                      const EvalContext& ctx, const BatchSink& sink) const {
  ReadJsonSplit(split, schema, JsonOptions::ForRead(options), ctx, sink);
}

void JsonFormat::Write(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                       const FormatOptions& options, const EvalContext& ctx) const {
  WriteJsonFile(path, schema, batches, JsonOptions::ForWrite(options), ctx);
}

}  // namespace lakestream
