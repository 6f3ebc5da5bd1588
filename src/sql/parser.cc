#include "sql/parser.h"

#include "lakestream/error.h"
#include "sql/lexer.h"
#include "sql/statement_parser.h"

namespace lakestream::sql {

namespace {

// The end of input or a ';' (then any further ';') ends what was parsed.
void ExpectEnd(TokenCursor& in) {
  while (in.MatchSymbol(";")) {
  }
  if (!in.AtEnd()) in.SyntaxError(in.Peek());
}

}  // namespace

std::vector<StatementPtr> ParseStatements(std::string_view sql, const ParserOptions& options) {
  SqlSource source(sql);
  TokenCursor in(source, Lexer(source).Tokenize(), options);
  StatementParser parser(in);
  std::vector<StatementPtr> statements;
  while (!in.AtEnd()) {
    if (in.MatchSymbol(";")) continue;
    in.BeginStatement();
    statements.push_back(parser.Parse());
    if (!in.AtEnd() && !in.IsSymbol(";")) in.SyntaxError(in.Peek());
  }
  return statements;
}

StatementPtr ParseStatement(std::string_view sql, const ParserOptions& options) {
  SqlSource source(sql);
  TokenCursor in(source, Lexer(source).Tokenize(), options);
  while (in.MatchSymbol(";")) {
  }
  if (in.AtEnd()) {
    throw UserError("PARSE_EMPTY_STATEMENT", "42617", "Syntax error, unexpected empty statement.");
  }
  in.BeginStatement();
  StatementPtr statement = StatementParser(in).Parse();
  ExpectEnd(in);
  return statement;
}

LogicalPlanPtr ParseQuery(std::string_view sql, const ParserOptions& options) {
  SqlSource source(sql);
  TokenCursor in(source, Lexer(source).Tokenize(), options);
  QueryParser parser(in);
  if (!parser.AtQuery(0, true)) in.SyntaxError(in.Peek());
  LogicalPlanPtr plan = parser.ParseQuery();
  ExpectEnd(in);
  return plan;
}

ExprPtr ParseExpression(std::string_view sql) {
  SqlSource source(sql);
  TokenCursor in(source, Lexer(source).Tokenize());
  QueryParser parser(in);
  ExprPtr e = parser.expressions().ParseNamed();
  if (!in.AtEnd()) in.SyntaxError(in.Peek());
  return e;
}

}  // namespace lakestream::sql
