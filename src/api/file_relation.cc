#include "api/file_relation.h"

#include <filesystem>

#include "api/session_state.h"
#include "formats/file_format.h"

namespace lakestream {

LogicalPlanPtr MakeFileRelation(const SessionState& session, const std::string& format_name,
                                const std::vector<std::string>& paths, const std::map<std::string, std::string>& options,
                                SchemaPtr schema) {
  const FileFormat& format = FindFileFormat(format_name);
  FileScanSpec spec;
  spec.format = format.name();
  spec.paths = paths;
  spec.options = options;
  auto files = ListDataFiles(paths);
  std::error_code size_error;
  spec.size_in_bytes = 0;
  for (const auto& f : files) {
    const auto size = std::filesystem::file_size(f, size_error);
    if (size_error) {
      spec.size_in_bytes = -1;  // not a local file: no estimate
      break;
    }
    spec.size_in_bytes += static_cast<int64_t>(size);
  }
  SchemaPtr data_schema = schema;
  if (!data_schema) data_schema = format.InferSchema(files, options, session.MakeQueryContext().eval);
  // Hive partition columns (dir/k=v/...) follow the data columns.
  std::vector<Field> fields = data_schema->fields();
  if (paths.size() == 1) {
    auto partitions = InferPartitionSchema(files, paths[0]);
    for (const auto& f : partitions->fields()) {
      if (data_schema->FieldIndex(f.name) < 0) fields.push_back(f);
    }
  }
  spec.schema = std::make_shared<Schema>(std::move(fields), data_schema->metadata());
  FileStatistics stats = format.Statistics(files, *data_schema);
  spec.num_rows = stats.num_rows;
  spec.distinct_bounds = std::move(stats.distinct_bounds);
  return MakeFileScan(std::move(spec));
}

}  // namespace lakestream
