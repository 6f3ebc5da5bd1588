// Reads one split of a CSV file into record batches of a given schema,
// following the parse mode for malformed records (see CsvFormat::Read).
#pragma once

#include "formats/csv_options.h"
#include "formats/file_format.h"

namespace lakestream {

// A record is malformed when it has more or fewer fields than the data
// columns, or a field does not convert to its column's type. PERMISSIVE keeps
// the fields that converted, NULLs the rest and puts the raw record in the
// corrupt-record column; DROPMALFORMED drops it; FAILFAST throws.
void ReadCsvSplit(const FileSplit& split, const SchemaPtr& schema, const CsvOptions& options,
                  const EvalContext& ctx, const BatchSink& sink);

// The text of a CSV file's first record (after a UTF-8 BOM, blank and comment
// lines); the header when options.header. Empty when the file has none.
std::vector<std::string> ReadCsvFirstRecord(const std::string& file, const CsvOptions& options);

}  // namespace lakestream
