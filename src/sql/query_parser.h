// QueryParser: Spark SQL queries into unresolved logical plans, the same
// plans the DataFrame API builds (plan/logical_plan.h).
//
//   [WITH ctes] term {UNION|EXCEPT|MINUS [ALL|DISTINCT] term}   INTERSECT binds tighter
//   [ORDER BY ...] [LIMIT n|ALL] [OFFSET n]
//
// A SELECT block becomes, bottom up: FROM relations (one-row relation
// without FROM) -> Filter (WHERE) -> Aggregate (GROUP BY, or HAVING alone) or
// Project -> Filter is_having (HAVING) -> Filter (QUALIFY) -> Distinct.
// CTEs are inlined: each reference is SubqueryAlias(name, the CTE's plan).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "plan/logical_plan.h"
#include "sql/expression_parser.h"
#include "sql/relation_parser.h"
#include "sql/token_cursor.h"

namespace lakestream::sql {

class QueryParser {
 public:
  explicit QueryParser(TokenCursor& in);

  LogicalPlanPtr ParseQuery();
  // A query after its WITH clause, for statements that open the CteScope
  // themselves (WITH ... INSERT INTO ...).
  LogicalPlanPtr ParseQueryBody();
  // Whether a query starts `ahead` tokens on: SELECT, WITH, VALUES or TABLE,
  // also behind opening parentheses when `through_parens` (FROM ((SELECT ...)).
  bool AtQuery(size_t ahead = 0, bool through_parens = false) const;

  // The CTEs of one WITH clause, visible while the scope lives.
  class CteScope {
   public:
    explicit CteScope(QueryParser& parser) : parser_(parser) { parser_.ctes_.emplace_back(); }
    ~CteScope() { parser_.ctes_.pop_back(); }
    CteScope(const CteScope&) = delete;
    CteScope& operator=(const CteScope&) = delete;

   private:
    QueryParser& parser_;
  };
  // The cursor after WITH: `name [(cols)] AS (query), ...` into the innermost CteScope.
  void ParseCteDefinitions();
  // The plan of the innermost CTE called `name` (case-insensitive), or null.
  LogicalPlanPtr FindCte(const std::string& name) const;

  ExpressionParser& expressions() { return exprs_; }

 private:
  LogicalPlanPtr ParseSetOperations();
  LogicalPlanPtr ParseIntersections();
  LogicalPlanPtr ParseTerm();
  LogicalPlanPtr ParseSelect();
  LogicalPlanPtr ParseOrganization(LogicalPlanPtr plan);
  int64_t ParseLimitValue(const char* clause);

  TokenCursor& in_;
  ExpressionParser exprs_;
  RelationParser relations_;
  std::vector<std::vector<std::pair<std::string, LogicalPlanPtr>>> ctes_;
};

}  // namespace lakestream::sql
