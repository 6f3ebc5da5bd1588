// Reads one split of a JSON-lines file (or a whole multiLine JSON file) into
// record batches of a given schema, following the parse mode.
#pragma once

#include "formats/file_format.h"
#include "formats/json_options.h"

namespace lakestream {

// Each record is an object (one row) or an array of objects (one row each).
// Field names match the schema case-sensitively; absent fields are NULL. A
// record is malformed when it is not valid JSON (including invalid UTF-8), is
// not an object, or a value does not convert to its field's type: PERMISSIVE
// keeps the fields that converted and puts the record text in the
// corrupt-record column, DROPMALFORMED drops it, FAILFAST throws.
void ReadJsonSplit(const FileSplit& split, const SchemaPtr& schema, const JsonOptions& options,
                   const EvalContext& ctx, const BatchSink& sink);

}  // namespace lakestream
