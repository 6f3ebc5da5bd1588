// JSON schema inference (Spark's JsonInferSchema): every record's type, merged
// across records; see inferred_type.h for the merge rules.
#pragma once

#include <string>
#include <vector>

#include "formats/json_options.h"

namespace lakestream {

// Integers infer as BIGINT (DECIMAL(p,0) beyond it), fractions as DOUBLE (or
// DECIMAL with prefersDecimal), objects as STRUCTs with fields sorted by name,
// NULL-only fields as STRING; primitivesAsString makes every scalar STRING.
// Malformed records add the corrupt-record column (PERMISSIVE), are skipped
// (DROPMALFORMED) or throw (FAILFAST). Throws UNABLE_TO_INFER_SCHEMA for no files.
SchemaPtr InferJsonSchema(const std::vector<std::string>& files, const JsonOptions& options);

}  // namespace lakestream
