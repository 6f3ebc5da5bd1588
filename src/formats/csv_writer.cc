#include "formats/csv_writer.h"

#include "formats/atomic_file_writer.h"
#include "formats/text_value_formatter.h"
#include "lakestream/error.h"

namespace lakestream {

void AppendCsvField(std::string_view value, const CsvOptions& options, std::string* out) {
  if (options.ignore_leading_white_space) {
    while (!value.empty() && static_cast<unsigned char>(value.front()) <= ' ') value.remove_prefix(1);
  }
  if (options.ignore_trailing_white_space) {
    while (!value.empty() && static_cast<unsigned char>(value.back()) <= ' ') value.remove_suffix(1);
  }
  if (value.empty()) {
    out->append(options.empty_value_write);
    return;
  }
  const char quote = options.quote;
  bool has_quote = quote != '\0' && value.find(quote) != std::string_view::npos;
  bool needs_quotes =
      options.quote_all || (has_quote && options.escape_quotes) || value.find(options.sep) != std::string_view::npos ||
      value.find_first_of("\r\n") != std::string_view::npos ||
      (!options.line_sep.empty() && value.find(options.line_sep) != std::string_view::npos) ||
      (options.comment != '\0' && value.front() == options.comment);
  if (!needs_quotes || quote == '\0') {
    out->append(value);
    return;
  }
  out->push_back(quote);
  char escape = options.escape == '\0' ? quote : options.escape;
  for (char c : value) {
    if (c == quote) out->push_back(escape);
    out->push_back(c);
  }
  out->push_back(quote);
}

void WriteCsvFile(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                  const CsvOptions& options, const EvalContext& ctx) {
  for (const Field& f : schema->fields()) {
    if (f.type->IsNested()) {
      throw UserError("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "0A000",
                      "The CSV datasource doesn't support the column `" + f.name + "` of the type \"" +
                          f.type->ToSql() + "\".");
    }
  }
  TextValueFormatter formatter(options.date_format, options.timestamp_format, options.timestamp_ntz_format,
                               options.time_zone, ctx);
  const std::string line_sep = options.line_sep.empty() ? "\n" : options.line_sep;
  AtomicFileWriter writer(path);
  std::string line;
  std::string value;
  if (options.header) {
    for (size_t c = 0; c < schema->num_fields(); ++c) {
      if (c > 0) line += options.sep;
      AppendCsvField(schema->field(c).name, options, &line);
    }
    line += line_sep;
    writer.Append(line);
  }
  for (const auto& batch : batches) {
    for (int64_t r = 0; r < batch->num_rows(); ++r) {
      line.clear();
      for (size_t c = 0; c < batch->num_columns(); ++c) {
        if (c > 0) line += options.sep;
        const Array& col = *batch->column(c);
        if (col.IsNull(r)) {
          line += options.null_value;
          continue;
        }
        value.clear();
        formatter.Append(col, r, &value);
        AppendCsvField(value, options, &line);
      }
      line += line_sep;
      writer.Append(line);
    }
  }
  writer.Commit();
}

}  // namespace lakestream
