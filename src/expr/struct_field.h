// StructField: access to one field of a STRUCT value ("s.f"), which the
// binder creates when a dotted column name continues into a struct column.
// Represented as a kCall named kGetFieldName with children {struct, 'f'}.
#pragma once

#include <string>

#include "expr/expression.h"

namespace lakestream {

inline constexpr const char* kGetFieldName = "get_field";

// Bound call extracting `field` (case-insensitive) from the bound STRUCT
// expression; throws UserError FIELD_NOT_FOUND (or INVALID_EXTRACT_BASE_FIELD_TYPE
// when `base` is not a struct).
ExprPtr BindStructField(const ExprPtr& base, const std::string& field);

}  // namespace lakestream
