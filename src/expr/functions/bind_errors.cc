#include "expr/functions/bind_errors.h"

#include "lakestream/error.h"

namespace lakestream {

namespace {

std::string Ordinal(size_t index) {
  static const char* const kNames[] = {"first", "second", "third", "fourth", "fifth"};
  return index < 5 ? kNames[index] : std::to_string(index + 1) + "th";
}

}  // namespace

void ThrowWrongNumArgs(const std::string& function, const std::string& expected, size_t actual) {
  throw UserError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605",
                  "The `" + function + "` requires " + expected + " parameters but the actual number is " +
                      std::to_string(actual) +
                      ". Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.");
}

void CheckArgCount(const std::string& function, const std::vector<DataTypePtr>& args, size_t min, size_t max) {
  if (args.size() >= min && args.size() <= max) return;
  std::string expected = std::to_string(min);
  if (max != min) expected = max == SIZE_MAX ? "at least " + expected : "[" + expected + ", " + std::to_string(max) + "]";
  ThrowWrongNumArgs(function, expected, args.size());
}

void ThrowUnexpectedInputType(const std::string& function, size_t index, const std::string& required,
                              const DataType& actual) {
  throw UserError("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
                  "The " + Ordinal(index) + " parameter of `" + function + "` requires the " + required +
                      " type, however it has the type \"" + actual.ToSql() + "\".");
}

void ThrowBinaryOpDiffTypes(const DataType& left, const DataType& right) {
  throw UserError("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", "42K09",
                  "the left and right operands of the binary operator have incompatible types (\"" + left.ToSql() +
                      "\" and \"" + right.ToSql() + "\").");
}

}  // namespace lakestream
