// Argument checks for the bind functions of built-in functions, in the shape
// most binders want (count and type of one argument); the errors themselves
// are raised by bind_errors.h so every function reports them alike.
#pragma once

#include <string>
#include <vector>

#include "expr/functions/bind_errors.h"
#include "lakestream/error.h"
#include "lakestream/types.h"

namespace lakestream::signature {

// WRONG_NUM_ARGS.WITHOUT_SUGGESTION unless min_args <= actual <= max_args
// (max_args == size_t(-1): no upper bound).
inline void CheckArgCount(const std::string& name, size_t actual, size_t min_args, size_t max_args) {
  if (actual >= min_args && actual <= max_args) return;
  std::string expected = std::to_string(min_args);
  if (max_args != min_args) {
    expected = max_args == static_cast<size_t>(-1) ? "at least " + expected
                                                   : "[" + expected + ", " + std::to_string(max_args) + "]";
  }
  ThrowWrongNumArgs(name, expected, actual);
}

// DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for parameter `index` (0-based);
// `required` is shown as is, e.g. "\"ARRAY\"".
[[noreturn]] inline void ThrowUnexpectedType(const std::string& name, size_t index, const std::string& required,
                                             const DataTypePtr& actual) {
  ThrowUnexpectedInputType(name, index, required, actual ? *actual : *DataType::Null());
}

inline bool IsNullType(const DataTypePtr& t) { return t->id() == TypeId::kNull; }

}  // namespace lakestream::signature
