// GroupByParser: the GROUP BY clause. Plain expressions and ordinals (kept as
// integer literals for the analyzer to resolve), GROUP BY ALL, and the
// grouping analytics ROLLUP, CUBE and GROUPING SETS (also Hive's
// `WITH ROLLUP|CUBE`), expanded to explicit grouping sets as Spark does:
// ROLLUP(a, b) is (a, b), (a), (); CUBE(a, b) is (a, b), (a), (b), ().
#pragma once

#include <vector>

#include "expr/expression.h"
#include "sql/token_cursor.h"

namespace lakestream::sql {

class ExpressionParser;

struct GroupBy {
  bool all = false;                        // GROUP BY ALL
  std::vector<ExprPtr> expressions;        // every grouping expression once, in order of appearance
  std::vector<std::vector<ExprPtr>> sets;  // the grouping sets; empty for a plain GROUP BY
};

class GroupByParser {
 public:
  GroupByParser(TokenCursor& in, ExpressionParser& exprs) : in_(in), exprs_(exprs) {}

  // The cursor after GROUP BY.
  GroupBy Parse();

 private:
  // ROLLUP(...) / CUBE(...) / GROUPING SETS (...): the cursor on the keyword.
  std::vector<std::vector<ExprPtr>> ParseAnalytics();
  // An element of ROLLUP/CUBE/GROUPING SETS: `(a, b)`, `()` or `a`.
  std::vector<ExprPtr> ParseSet();

  TokenCursor& in_;
  ExpressionParser& exprs_;
};

}  // namespace lakestream::sql
