// The Spark SQL parser's entry points. Every function parses text into
// unresolved statements, plans or expressions (see statement.h) and throws
// lakestream::UserError in Spark's shape on bad input:
//
//   [PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'. SQLSTATE: 42601 (line 1, pos 9)
//
//   == SQL ==
//   SELECT * FORM t
//   ---------^^^
//
// (error_class() "PARSE_SYNTAX_ERROR", sql_state() "42601"; message() holds
// the text after "[CLASS] ", caret block included). Syntax Spark has and
// Lakestream does not yet raises UNSUPPORTED_FEATURE.SQL_SYNTAX or
// .SQL_STATEMENT (0A000) with the same position and caret.
//
// Pure functions of their input: safe to call from any thread.
#pragma once

#include <string_view>
#include <vector>

#include "expr/expression.h"
#include "plan/logical_plan.h"
#include "sql/parser_options.h"
#include "sql/statement.h"

namespace lakestream::sql {

// A script: statements separated by ';'; empty statements are skipped.
std::vector<StatementPtr> ParseStatements(std::string_view sql, const ParserOptions& options = {});
// Exactly one statement, trailing ';' allowed. An empty input throws
// PARSE_EMPTY_STATEMENT.
StatementPtr ParseStatement(std::string_view sql, const ParserOptions& options = {});
// One query (SELECT, VALUES, WITH ..., TABLE t): spark.sql() for queries.
LogicalPlanPtr ParseQuery(std::string_view sql, const ParserOptions& options = {});
// One expression with an optional alias, `expr [[AS] alias]`: for expr()
// and selectExpr().
ExprPtr ParseExpression(std::string_view sql);

}  // namespace lakestream::sql
