// Vectorized evaluation of bound expressions over a record batch.
//
// Conditional forms (CASE, IF, COALESCE, AND, OR) evaluate a branch only on the
// rows that reach it, so `CASE WHEN b = 0 THEN 0 ELSE a / b END` never raises
// DIVIDE_BY_ZERO: ANSI errors come only from rows whose value is used.
#pragma once

#include "columnar/record_batch.h"
#include "expr/eval_context.h"
#include "expr/expression.h"

namespace lakestream {

// Result has batch.num_rows() rows and type expr.type. Thread-safe: the
// expression is immutable and all scratch state is local.
ArrayPtr Evaluate(const Expr& expr, const RecordBatch& batch, const EvalContext& ctx);

// Evaluates a boolean predicate and returns the selected row indices (NULL and
// false rows are dropped).
std::vector<int32_t> EvaluateSelection(const Expr& predicate, const RecordBatch& batch, const EvalContext& ctx);

// Evaluates an expression that references no columns (literals, constant calls).
Value EvaluateConstant(const Expr& expr, const EvalContext& ctx);

}  // namespace lakestream
