// LIKE, ILIKE and RLIKE (regexp, regexp_like), registered by
// RegisterComparisonFunctions.
#pragma once

#include <string>
#include <string_view>

#include "expr/function_registry.h"

namespace lakestream {

void RegisterPatternFunctions(FunctionRegistry& r);

// The RE2 pattern (full match) equivalent to a SQL LIKE pattern: `_` is one
// character, `%` any run, and `escape` makes the next `_`, `%` or itself
// literal. Throws UserError INVALID_FORMAT.* on a dangling or misplaced escape.
std::string LikePatternToRegex(std::string_view pattern, char escape);

}  // namespace lakestream
