// Writes record batches as one JSON-lines file, as Spark's JSON writer does:
// one object per row with fields in schema order, NULL fields omitted unless
// ignoreNullFields=false, dates and timestamps as strings in dateFormat and
// timestampFormat, binary as base64, NaN and infinities as strings.
#pragma once

#include <string>
#include <vector>

#include "formats/file_format.h"
#include "formats/json_options.h"

namespace lakestream {

void WriteJsonFile(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                   const JsonOptions& options, const EvalContext& ctx);

// Appends `s` as a quoted JSON string (Jackson's escaping).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace lakestream
