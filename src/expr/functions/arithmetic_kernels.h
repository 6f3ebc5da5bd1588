// Vectorized kernels behind the arithmetic operators, with Spark's ANSI
// overflow and division-by-zero errors (NULL instead for try_ forms, and
// Java wrap-around / NULL when ANSI mode is off).
#pragma once

#include "columnar/array.h"
#include "expr/eval_context.h"

namespace lakestream {

enum class ArithmeticOp { kAdd, kSubtract, kMultiply, kDivide, kRemainder, kPmod, kIntegralDivide };

struct ArithmeticSpec {
  ArithmeticOp op;
  bool is_try = false;
  // Legacy `/` on integers: NULL on division by zero even in ANSI mode.
  bool null_on_zero = false;
};

// Both operands have the same integral or floating type `type` (for
// kIntegralDivide both are BIGINT); the result has that type.
ArrayPtr PrimitiveArithmetic(const ArrayPtr& a, const ArrayPtr& b, const DataTypePtr& type, ArithmeticSpec spec,
                             const EvalContext& ctx);
// Operands are DECIMALs of their own precision/scale; `result` is the Spark
// result type (BIGINT for kIntegralDivide).
ArrayPtr DecimalArithmetic(const ArrayPtr& a, const ArrayPtr& b, const DataTypePtr& result, ArithmeticSpec spec,
                           const EvalContext& ctx);

enum class UnaryArithmeticOp { kNegate, kAbs };
ArrayPtr UnaryArithmetic(const ArrayPtr& a, UnaryArithmeticOp op, const EvalContext& ctx);

// Spark's errors, shared with other numeric functions.
[[noreturn]] void ThrowArithmeticOverflow(const std::string& what, const std::string& try_function);
[[noreturn]] void ThrowDivideByZero();

}  // namespace lakestream
