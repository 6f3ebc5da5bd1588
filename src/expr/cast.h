// CAST and TRY_CAST between all scalar types, with Spark ANSI semantics:
// invalid input raises CAST_INVALID_INPUT, overflow CAST_OVERFLOW (SQLSTATE
// 22018 / 22003); TRY_CAST and non-ANSI mode return NULL instead.
#pragma once

#include "columnar/array.h"
#include "expr/eval_context.h"

namespace lakestream {

// Whether CAST(from AS to) is allowed at all (Spark's Cast.canCast / canAnsiCast).
bool CanCast(const DataType& from, const DataType& to);
ArrayPtr CastArray(const ArrayPtr& input, const DataTypePtr& to, bool is_try, const EvalContext& ctx);
// Spark's string form of one value (CAST(x AS STRING)): used by show() and writers.
std::string ValueToString(const Value& value, const DataType& type, const EvalContext& ctx);

}  // namespace lakestream
