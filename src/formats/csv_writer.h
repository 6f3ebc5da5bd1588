// Writes record batches as one CSV file (Spark's CSV writer options).
#pragma once

#include <string>
#include <vector>

#include "formats/csv_options.h"
#include "formats/file_format.h"

namespace lakestream {

// NULL is written as nullValue, an empty string as emptyValue (`""`); fields
// containing the delimiter, the quote or a line break are quoted, with quotes
// inside escaped by `escape`. Nested types are a UserError.
void WriteCsvFile(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                  const CsvOptions& options, const EvalContext& ctx);

// Appends one field as the writer renders it (exposed for tests).
void AppendCsvField(std::string_view value, const CsvOptions& options, std::string* out);

}  // namespace lakestream
