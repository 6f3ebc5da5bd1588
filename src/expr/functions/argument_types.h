// Target types that the string, math and hash functions ask the binder to cast
// their arguments to, following Spark's ANSI implicit casts (AnsiTypeCoercion):
// each returns the type for argument `i` of `args`, or throws
// DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE when no implicit cast exists.
#pragma once

#include <string>
#include <vector>

#include "lakestream/types.h"

namespace lakestream::argument {

// STRING for every scalar type (numbers, dates, booleans print as text).
DataTypePtr AsString(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i);
// BINARY for STRING, BINARY and NULL.
DataTypePtr AsBinary(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i);
// STRING stays STRING, BINARY stays BINARY, other scalars become STRING: for
// functions Spark defines on both (length, substring, concat, lpad).
DataTypePtr AsStringOrBinary(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i);
// INT / BIGINT for integral types, STRING and NULL; fractional numbers are
// refused as Spark does under ANSI (no implicit cast from DOUBLE to INT).
DataTypePtr AsInt(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i);
DataTypePtr AsLong(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i);
// DOUBLE for numeric types, STRING and NULL.
DataTypePtr AsDouble(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i);

}  // namespace lakestream::argument
