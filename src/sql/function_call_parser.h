// FunctionCallParser: `name(args)` in expressions, with Spark's special
// argument syntax (CAST(x AS t), EXTRACT(f FROM x), SUBSTRING(x FROM p FOR n),
// TRIM(BOTH c FROM x), POSITION(a IN b)), count(*), DISTINCT, named
// arguments, FILTER (WHERE ...), IGNORE NULLS and OVER.
//
// A call builds the same expression the DataFrame API builds: explode and
// friends become Generator, known aggregate functions (and any call with
// DISTINCT) Aggregate, everything else an unresolved Call.
#pragma once

#include <string>
#include <vector>

#include "expr/expression.h"
#include "sql/token_cursor.h"

namespace lakestream::sql {

class ExpressionParser;

class FunctionCallParser {
 public:
  FunctionCallParser(TokenCursor& in, ExpressionParser& exprs) : in_(in), exprs_(exprs) {}

  // The cursor on the '(' after the function's (possibly qualified) name.
  ExprPtr Parse(const std::vector<std::string>& name);

 private:
  ExprPtr Cast(bool is_try);
  ExprPtr Extract();
  // Completes a call whose first arguments are already parsed.
  ExprPtr Generic(const std::string& name, std::vector<ExprPtr> args, bool distinct, const Token& at);
  ExprPtr Build(const std::string& name, std::vector<ExprPtr> args, bool distinct, const Token& at) const;
  ExprPtr Filter(ExprPtr aggregate, const Token& at);
  ExprPtr IgnoreNulls(ExprPtr function, const Token& at) const;

  TokenCursor& in_;
  ExpressionParser& exprs_;
};

}  // namespace lakestream::sql
