// Arithmetic on ANSI intervals and datetimes with Spark's result types:
// datetime ± interval, interval ± interval, interval * / numeric, unary minus
// and abs, and datetime - datetime (a day-time interval). Overflow raises
// ARITHMETIC_OVERFLOW (datetime results) or INTERVAL_ARITHMETIC_OVERFLOW
// (interval results) in ANSI and non-ANSI mode alike, as Spark does; try_
// forms give NULL.
#pragma once

#include <optional>
#include <vector>

#include "expr/function_registry.h"
#include "expr/functions/arithmetic_kernels.h"

namespace lakestream {

// The binding of a binary operator when an operand is an interval or both are
// datetimes; nullopt when neither holds (numeric arithmetic). Throws
// DATATYPE_MISMATCH for unsupported combinations (interval - date, YM + DT).
std::optional<BoundScalarFunction> BindIntervalArithmetic(const std::string& name, ArithmeticSpec spec,
                                                          const std::vector<DataTypePtr>& types);
// negative(interval), abs(interval); nullopt when the operand is no interval.
std::optional<BoundScalarFunction> BindIntervalUnary(UnaryArithmeticOp op, bool identity, const DataTypePtr& type);

// date_part(field, interval) and EXTRACT(field FROM interval), as Spark's
// ExtractIntervalPart: YEAR (INT) and MONTH (TINYINT) of a year-month type,
// DAY (INT), HOUR, MINUTE (TINYINT) and SECOND (DECIMAL(8, 6)) of a day-time
// type. The field must be one of the type's fields, else INVALID_EXTRACT_FIELD
// naming `source_sql`. The kernel reads argument 1; argument 0 is the field.
BoundScalarFunction BindIntervalExtract(const std::string& field, const DataTypePtr& type,
                                        const std::string& source_sql);

// make_dt_interval, make_ym_interval (interval_functions.cc); registered by
// RegisterArithmeticFunctions.
void RegisterIntervalFunctions(FunctionRegistry& r);

}  // namespace lakestream
