// Writes a query result as canonical JSON lines for compare.mjs: a header
// {"columns": [...], "types": [Spark simpleString...]}, then one JSON array per
// row. Cells are canonical strings or null, so both engines' results compare
// as text (numbers parsed back only for tolerance):
//   integers "-12"; doubles shortest round-trip ("0.1", "NaN", "Infinity");
//   decimals "-1.50"; booleans "true"/"false"; dates "YYYY-MM-DD";
//   timestamps "YYYY-MM-DD HH:MM:SS.ffffff" (UTC); arrays as JSON arrays.
#pragma once

#include <ostream>
#include <vector>

#include "lakestream/types.h"
#include "lakestream/value.h"

namespace lakestream::duckdb_compare {

void WriteResult(std::ostream& out, const Schema& schema, const std::vector<Row>& rows);

}  // namespace lakestream::duckdb_compare
