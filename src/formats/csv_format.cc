#include "formats/csv_format.h"

#include "formats/csv_reader.h"
#include "formats/csv_schema_inference.h"
#include "formats/csv_writer.h"
#include "formats/local_file.h"

namespace lakestream {

std::vector<FileSplit> SplitByteRanges(const std::string& file, int64_t file_size, int64_t split_bytes) {
  std::vector<FileSplit> splits;
  int64_t offset = 0;
  do {
    int64_t length = std::min(split_bytes, file_size - offset);
    // A small tail joins the previous split rather than making a tiny morsel.
    if (file_size - offset - length < split_bytes / 10) length = file_size - offset;
    splits.push_back(FileSplit{file, offset, length});
    offset += length;
  } while (offset < file_size);
  return splits;
}

SchemaPtr CsvFormat::InferSchema(const std::vector<std::string>& files, const FormatOptions& options,
                                 const EvalContext& ctx) const {
  return InferCsvSchema(files, CsvOptions::ForRead(options), ctx);
}

std::vector<FileSplit> CsvFormat::Split(const std::string& file, const FormatOptions& options) const {
  CsvOptions o = CsvOptions::ForRead(options);
  int64_t size = LocalFile(file).size();
  if (o.multi_line) return {FileSplit{file, 0, -1}};
  return SplitByteRanges(file, size, kTextSplitBytes);
}

void CsvFormat::Read(const FileSplit& split, const SchemaPtr& schema, const FormatOptions& options,
                     const EvalContext& ctx, const BatchSink& sink) const {
  ReadCsvSplit(split, schema, CsvOptions::ForRead(options), ctx, sink);
}

void CsvFormat::Write(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                      const FormatOptions& options, const EvalContext& ctx) const {
  WriteCsvFile(path, schema, batches, CsvOptions::ForWrite(options), ctx);
}

}  // namespace lakestream
