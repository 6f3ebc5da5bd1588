// ExpressionParser: Spark SQL expressions with Spark's precedence, from
// lowest: OR; AND; NOT; predicates (IS, BETWEEN, IN, LIKE, RLIKE); comparisons
// (= == <=> <> != < <= > >=); |; ^; &; shifts; + - ||; * / % DIV; unary - + ~;
// postfix x[i], x.f, x::type. Builds unresolved expressions (expr/expression.h)
// with the operator names the DataFrame API uses ("+", "=", "and", "not", ...).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "sql/function_call_parser.h"
#include "sql/literal_parser.h"
#include "sql/token_cursor.h"
#include "sql/window_parser.h"

namespace lakestream::sql {

class QueryParser;

class ExpressionParser {
 public:
  // `queries` parses subqueries; both share the cursor.
  ExpressionParser(TokenCursor& in, QueryParser& queries);

  // A full expression.
  ExprPtr Parse();
  // Spark's valueExpression: arithmetic and comparisons, but no AND, OR, NOT
  // or predicates (BETWEEN bounds, POSITION(a IN b), window frame offsets).
  ExprPtr ParseValue();
  // expr [[AS] alias]: a select item, or a selectExpr()/expr() string.
  ExprPtr ParseNamed();
  // expr [ASC|DESC] [NULLS FIRST|LAST], defaulting as Spark: ASC NULLS FIRST, DESC NULLS LAST.
  ExprPtr ParseSortItem();
  // expr, expr, ...
  std::vector<ExprPtr> ParseList();
  // A function argument: expr, or `name => expr` as Alias(expr, name).
  ExprPtr ParseArgument();

  LiteralParser& literals() { return literals_; }
  WindowParser& windows() { return windows_; }

 private:
  ExprPtr ParseOr();
  ExprPtr ParseAnd();
  ExprPtr ParseNot();
  ExprPtr ParsePredicated();
  std::optional<ExprPtr> ParsePredicate(const ExprPtr& value);
  ExprPtr ParseLike(const ExprPtr& value, const std::string& op, bool negated);
  ExprPtr ParseBinary(int min_precedence);
  ExprPtr ParseUnary();
  ExprPtr ParsePostfix(ExprPtr base);
  ExprPtr ParsePrimary();
  ExprPtr ParseParenthesized();
  ExprPtr ParseWord();
  ExprPtr ParseCase();
  bool AtLambda() const;

  TokenCursor& in_;
  QueryParser& queries_;
  LiteralParser literals_;
  FunctionCallParser functions_;
  WindowParser windows_;
};

}  // namespace lakestream::sql
