// RelationParser: the FROM clause. Tables (t, db.t, parquet.`/path`, CTE
// names), derived tables, VALUES, table-valued functions (range(...) becomes
// a Range node when its arguments are literals), every join type with ON,
// USING or NATURAL, comma joins, aliases with column lists, and
// LATERAL VIEW [OUTER] explode(x) t AS c as Project [*, explode(x) AS c],
// and PIVOT (an Aggregate with a PivotSpec).
#pragma once

#include <string>
#include <vector>

#include "plan/logical_plan.h"
#include "sql/token_cursor.h"

namespace lakestream::sql {

class QueryParser;
class ExpressionParser;

class RelationParser {
 public:
  RelationParser(TokenCursor& in, QueryParser& queries, ExpressionParser& exprs)
      : in_(in), queries_(queries), exprs_(exprs) {}

  // The cursor after FROM: relation [, relation]... [LATERAL VIEW ...]...
  LogicalPlanPtr ParseFrom();
  // A table or view name, or a CTE of that name (then SubqueryAlias(name, its plan)).
  LogicalPlanPtr ParseTableName();
  // The cursor after VALUES: `(1, 'a'), (2, 'b')` or `1, 2`.
  LogicalPlanPtr ParseValues();
  // `plan` with its columns renamed by position: Project [old AS new, ...].
  // Throws ASSIGNMENT_ARITY_MISMATCH on a count mismatch, UNSUPPORTED_FEATURE
  // when the names are only known after analysis (a table's columns).
  LogicalPlanPtr AliasColumns(LogicalPlanPtr plan, const std::vector<std::string>& names, const Token& at) const;

 private:
  LogicalPlanPtr ParseRelation();
  LogicalPlanPtr ParsePrimary();
  LogicalPlanPtr ParseJoins(LogicalPlanPtr left);
  LogicalPlanPtr ParseTableFunction();
  LogicalPlanPtr ParseLateralView(LogicalPlanPtr child);
  LogicalPlanPtr ParsePivot(LogicalPlanPtr child);
  LogicalPlanPtr ParseUnpivot(LogicalPlanPtr child);
  LogicalPlanPtr ParseAlias(LogicalPlanPtr plan);

  TokenCursor& in_;
  QueryParser& queries_;
  ExpressionParser& exprs_;
};

}  // namespace lakestream::sql
