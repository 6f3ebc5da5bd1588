// CSV schema inference (Spark's CSVInferSchema): column names from the header
// (or _c0, _c1, ...), types from every record when inferSchema is on.
#pragma once

#include <string>
#include <vector>

#include "formats/csv_options.h"

namespace lakestream {

// The inferred schema of `files`. Without inferSchema every column is STRING.
// Throws UserError UNABLE_TO_INFER_SCHEMA when `files` is empty.
SchemaPtr InferCsvSchema(const std::vector<std::string>& files, const CsvOptions& options, const EvalContext& ctx);

// Spark's makeSafeHeader: empty or null names become _c<i>; names that repeat
// (case-insensitively) get their index appended.
std::vector<std::string> MakeSafeCsvHeader(const std::vector<std::string>& names, const CsvOptions& options);

}  // namespace lakestream
