// The math function family is registered from several files; these are the
// parts RegisterMathFunctions (math_functions.cc) puts together.
#pragma once

#include "expr/function_registry.h"

namespace lakestream {

// ceil, floor, round, bround.
void RegisterMathRoundingFunctions(FunctionRegistry& r);
// Bitwise operators (&, |, ^, ~), shifts, bit_count, bit_get, factorial, bin, conv.
void RegisterMathIntegralFunctions(FunctionRegistry& r);
// rand/random, randn.
void RegisterMathRandomFunctions(FunctionRegistry& r);

}  // namespace lakestream
