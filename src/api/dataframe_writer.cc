#include "api/session_state.h"
#include "formats/file_format.h"
#include "lakestream/dataframe.h"
#include "lakestream/error.h"
#include "plan/logical_plan.h"

namespace lakestream {

DataFrameWriter DataFrame::write() const { return DataFrameWriter(*this); }

DataFrameWriter& DataFrameWriter::mode(const std::string& mode) {
  ParseSaveMode(mode);  // reject unknown modes where they are set
  mode_ = mode;
  return *this;
}

DataFrameWriter& DataFrameWriter::format(const std::string& format) {
  format_ = format;
  return *this;
}

DataFrameWriter& DataFrameWriter::option(const std::string& key, const std::string& value) {
  std::string k = key;
  for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  options_[k] = value;
  return *this;
}

DataFrameWriter& DataFrameWriter::options(const std::map<std::string, std::string>& opts) {
  for (const auto& [k, v] : opts) option(k, v);
  return *this;
}

DataFrameWriter& DataFrameWriter::partitionBy(const std::vector<std::string>& cols) {
  partition_by_ = cols;
  return *this;
}

void DataFrameWriter::save(const std::string& path) {
  const FileFormat& format = FindFileFormat(format_);
  SaveMode mode = ParseSaveMode(mode_);
  for (const auto& c : partition_by_) {
    if (df_.schema().FieldIndex(c) < 0) {
      throw UserError("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
                      "Partition column `" + c + "` not found in schema " + df_.schema().ToString() + ".");
    }
  }
  const auto& state = df_.session();
  auto analyzed = state->Analyze(df_.plan());
  auto batches = state->Execute(analyzed);
  QueryContext ctx = state->MakeQueryContext();
  WriteDataset(path, format, mode, partition_by_, analyzed->schema, batches, options_, ctx.eval);
}

void DataFrameWriter::csv(const std::string& path) { format("csv").save(path); }
void DataFrameWriter::json(const std::string& path) { format("json").save(path); }
void DataFrameWriter::parquet(const std::string& path) { format("parquet").save(path); }

}  // namespace lakestream
