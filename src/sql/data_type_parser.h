// Reads a data type written in SQL (CAST targets, column definitions) and
// hands its text to DataType::Parse, so SQL and DataFrame schemas agree.
#pragma once

#include "lakestream/types.h"
#include "sql/token_cursor.h"

namespace lakestream::sql {

// Consumes a type at the cursor: INT, DECIMAL(10, 2), ARRAY<STRUCT<a: INT>>,
// MAP<STRING, ARRAY<INT>> ... Throws UserError UNSUPPORTED_DATATYPE for an
// unknown type, PARSE_SYNTAX_ERROR for a malformed one, with the caret.
DataTypePtr ParseDataType(TokenCursor& in);

}  // namespace lakestream::sql
