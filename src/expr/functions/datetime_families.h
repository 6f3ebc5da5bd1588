// The datetime function family is registered from three files; these are the
// parts RegisterDatetimeFunctions (datetime_functions.cc) puts together.
#pragma once

#include "expr/function_registry.h"

namespace lakestream {

// date_format, to_timestamp, to_date, unix_timestamp, from_unixtime, ...
void RegisterDatetimeParseFunctions(FunctionRegistry& r);
// date_add, datediff, add_months, months_between, date_trunc, make_date, ...
void RegisterDatetimeArithmeticFunctions(FunctionRegistry& r);
// timestamp_seconds, unix_micros, unix_date, from_utc_timestamp, ...
void RegisterDatetimeConversionFunctions(FunctionRegistry& r);

}  // namespace lakestream
