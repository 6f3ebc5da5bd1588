// Errors a ScalarFunction::bind raises when arguments do not fit, with
// Spark's classes. DATATYPE_MISMATCH messages carry only the detail; the
// binder prefixes "Cannot resolve "<expr>" due to data type mismatch: ".
#pragma once

#include <string>
#include <vector>

#include "lakestream/types.h"

namespace lakestream {

// WRONG_NUM_ARGS.WITHOUT_SUGGESTION (42605); `expected` like "2" or "[2, 3]".
[[noreturn]] void ThrowWrongNumArgs(const std::string& function, const std::string& expected, size_t actual);
// Checks min <= count <= max, else ThrowWrongNumArgs.
void CheckArgCount(const std::string& function, const std::vector<DataTypePtr>& args, size_t min, size_t max);
// DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE (42K09) for argument `index` (0-based).
[[noreturn]] void ThrowUnexpectedInputType(const std::string& function, size_t index, const std::string& required,
                                           const DataType& actual);
// DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES (42K09).
[[noreturn]] void ThrowBinaryOpDiffTypes(const DataType& left, const DataType& right);

}  // namespace lakestream
