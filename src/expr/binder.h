// Binds unresolved expressions against a Scope: resolves columns and
// functions, applies Spark ANSI type coercion (inserting casts), and types
// every node. Aggregates and generators are bound only where allowed.
#pragma once

#include <functional>
#include <vector>

#include "expr/expression.h"
#include "expr/function_registry.h"
#include "expr/scope.h"

namespace lakestream {

struct BindOptions {
  bool allow_aggregates = false;  // inside Aggregate's output list / HAVING
  bool allow_generators = false;  // inside a projection
  bool allow_windows = false;     // inside a projection or an aggregate's output list
  // SQLite-style `/` on two integral operands (sqllogictest runner): typed
  // BIGINT, truncating, NULL on division by zero; see EvalContext.
  bool legacy_integer_division = false;
  // SQLite's unary `+` (sqllogictest runner): `+x` is x unchanged whatever its
  // type, where Spark accepts only numbers and intervals (a string becomes DOUBLE).
  bool legacy_unary_plus = false;
  // Scopes of enclosing queries, innermost last: a name the local scope lacks
  // resolves there as a correlated reference (Expr::outer_depth).
  const std::vector<Scope>* outer_scopes = nullptr;
  // Binds a kSubquery expression found in a tree bound against `scope` (the
  // analyzer analyzes its plan); without it subqueries are an error.
  std::function<ExprPtr(const Expr& subquery, const Scope& scope)> bind_subquery;
};

// Returns the bound tree. Throws UserError: UNRESOLVED_COLUMN, UNRESOLVED_ROUTINE,
// DATATYPE_MISMATCH.*, WRONG_NUM_ARGS, INVALID_AGGREGATE... with Spark's classes.
// A window expression (kWindow) binds its function, keys and frame; its
// arguments and keys may hold aggregates when the context allows them.
ExprPtr BindExpression(const ExprPtr& expr, const Scope& scope, const FunctionRegistry& registry,
                       const BindOptions& options = {});

// Spark's implicit cast for `expr` to `type` (binding an already-bound expr);
// returns expr itself when the type already matches.
ExprPtr ImplicitCast(const ExprPtr& bound, const DataTypePtr& type);

// The common type two operands are widened to (Spark's findWiderTypeForTwo),
// or nullptr if there is none.
DataTypePtr WiderType(const DataTypePtr& a, const DataTypePtr& b);

}  // namespace lakestream
