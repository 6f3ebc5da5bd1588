// Arithmetic operators and functions (+ - * / % div pmod abs, try_ forms).
// RegisterArithmeticFunctions is declared in function_registry.h.
#pragma once

#include "expr/function_registry.h"

namespace lakestream {

// SQLite-compatible `/` on two BIGINT operands (BindOptions.legacy_integer_division):
// truncates toward zero, NULL on division by zero.
BoundScalarFunction BindLegacyIntegerDivide();

}  // namespace lakestream
