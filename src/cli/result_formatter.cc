#include "cli/result_formatter.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "api/session_state.h"
#include "expr/cast.h"
#include "formats/csv_options.h"
#include "formats/csv_writer.h"
#include "formats/json_writer.h"
#include "plan/logical_plan.h"

namespace lakestream::cli {

namespace {

std::string Csv(const Schema& schema, const std::vector<RecordBatchPtr>& batches, const EvalContext& eval) {
  // Spark's CSV writer quotes as RFC 4180 does once '"' escapes itself, and
  // must keep the blanks around values a shell user asked for.
  const CsvOptions options = CsvOptions::ForWrite(
      {{"escape", "\""}, {"ignoreleadingwhitespace", "false"}, {"ignoretrailingwhitespace", "false"}});
  std::string out;
  for (size_t c = 0; c < schema.num_fields(); ++c) {
    if (c > 0) out += ',';
    AppendCsvField(schema.field(c).name, options, &out);
  }
  out += '\n';
  for (const auto& batch : batches) {
    for (int64_t r = 0; r < batch->num_rows(); ++r) {
      for (size_t c = 0; c < batch->num_columns(); ++c) {
        if (c > 0) out += ',';
        const Array& column = *batch->column(c);
        if (column.IsNull(r)) continue;
        AppendCsvField(ValueToString(column.GetValue(r), *schema.field(c).type, eval), options, &out);
      }
      out += '\n';
    }
  }
  return out;
}

std::string JsonLines(const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches, const EvalContext& eval) {
  // Spark's JSON writer writes only files; render through a temporary one
  // rather than keep a second copy of its formatting rules here.
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  std::string path = (dir / "lakestream-sql-XXXXXX").string();
  const int fd = mkstemp(path.data());
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create a file in " + dir.string());
  close(fd);
  struct Remover {
    std::string path;
    ~Remover() { std::remove(path.c_str()); }
  } remover{path};
  WriteJsonFile(path, schema, batches, JsonOptions::ForWrite({}), eval);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "json") return OutputFormat::kJson;
  return std::nullopt;
}

FormattedResult ResultFormatter::Run(const DataFrame& result) const {
  const std::shared_ptr<SessionState>& session = result.session();
  const LogicalPlanPtr analyzed = session->Analyze(result.plan());
  const SchemaPtr& schema = analyzed->schema;
  FormattedResult out;
  if (schema->num_fields() == 0) return out;
  out.has_columns = true;
  std::vector<RecordBatchPtr> batches = session->Execute(analyzed);
  for (const auto& batch : batches) out.rows += batch->num_rows();
  const QueryContext context = session->MakeQueryContext();
  switch (format_) {
    case OutputFormat::kTable:
      if (out.rows == 1 && schema->num_fields() == 1) {
        // One value over several lines (EXPLAIN's plan) reads better bare
        // than stretched across a one-cell table.
        const RecordBatchPtr& only = *std::find_if(batches.begin(), batches.end(),
                                                   [](const RecordBatchPtr& b) { return b->num_rows() > 0; });
        const Value value = only->column(0)->GetValue(0);
        if (value.kind() == Value::Kind::kString && value.as_string().find('\n') != std::string::npos) {
          out.text = value.as_string();
          if (out.text.back() != '\n') out.text += '\n';
          break;
        }
      }
      // show() over the collected rows: its layout without a second copy of it.
      out.text = DataFrame(session, MakeLocalRelation(schema, std::move(batches))).showString(INT_MAX, 0);
      break;
    case OutputFormat::kCsv:
      out.text = Csv(*schema, batches, context.eval);
      break;
    case OutputFormat::kJson:
      out.text = JsonLines(schema, batches, context.eval);
      break;
  }
  return out;
}

}  // namespace lakestream::cli
