// Argument checks shared by the bind functions of built-in functions: they
// raise the Spark error classes the analyzer reports.
#pragma once

#include <string>
#include <vector>

#include "lakestream/error.h"
#include "lakestream/types.h"

namespace lakestream::signature {

// WRONG_NUM_ARGS unless min_args <= actual <= max_args.
inline void CheckArgCount(const std::string& name, size_t actual, size_t min_args, size_t max_args) {
  if (actual >= min_args && actual <= max_args) return;
  std::string expected = min_args == max_args ? std::to_string(min_args)
                         : max_args == static_cast<size_t>(-1) ? "at least " + std::to_string(min_args)
                                                               : std::to_string(min_args) + " to " + std::to_string(max_args);
  throw UserError("WRONG_NUM_ARGS", "42605",
                  "The `" + name + "` requires " + expected + " parameters but the actual number is " +
                      std::to_string(actual) + ".");
}

// DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for parameter `index` (0-based).
[[noreturn]] inline void ThrowUnexpectedType(const std::string& name, size_t index, const std::string& required,
                                             const DataTypePtr& actual) {
  throw UserError("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
                  "Cannot resolve `" + name + "` due to data type mismatch: parameter " + std::to_string(index + 1) +
                      " requires the " + required + " type, however it has the type " +
                      (actual ? actual->ToSql() : std::string("NULL")) + ".");
}

inline bool IsNullType(const DataTypePtr& t) { return t->id() == TypeId::kNull; }

}  // namespace lakestream::signature
