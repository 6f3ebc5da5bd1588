// Expected rows of a written Parquet file as canonical JSON, the form
// check_parquet_files.mjs turns both readers' values into before comparing:
//   BOOLEAN true/false; TINYINT..INT, DATE (days) as numbers; BIGINT and
//   TIMESTAMP(_NTZ) (µs) as strings of digits; FLOAT/DOUBLE as numbers (exact,
//   -0 kept) or "NaN"/"Infinity"/"-Infinity"; DECIMAL as the unscaled integer
//   in a string; STRING as a string; BINARY as lower-case hex; ARRAY as an
//   array; MAP as an array of [key, value]; STRUCT as an object; NULL as null.
#pragma once

#include <string>
#include <vector>

#include "lakestream/types.h"
#include "lakestream/value.h"

namespace lakestream::parquet_write {

// {"schema": <Spark schema JSON>, "rows": [[...], ...]}
std::string ExpectedRowsJson(const Schema& schema, const std::vector<Row>& rows);

}  // namespace lakestream::parquet_write
