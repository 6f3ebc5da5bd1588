// named_struct(name1, value1, ...): Spark takes the field names from literal
// arguments, which a registry bind function (it sees argument types only)
// cannot read. The registered named_struct therefore names fields col1..colN;
// the binder gets Spark's names by calling BindNamedStruct for calls named
// "named_struct" instead of the registry's bind. Both kernels ignore the name
// arguments and return arrays of exactly their bound type.
#pragma once

#include <vector>

#include "expr/expression.h"
#include "expr/function_registry.h"

namespace lakestream {

// `bound_args` are the call's bound children. Throws WRONG_NUM_ARGS.WITHOUT_SUGGESTION for an odd
// count and DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING when a
// name is not a non-NULL STRING literal.
BoundScalarFunction BindNamedStruct(const std::vector<ExprPtr>& bound_args);

}  // namespace lakestream
