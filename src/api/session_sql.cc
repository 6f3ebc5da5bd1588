// The SQL entry points of the public API: Session::sql/table, selectExpr,
// string filters, temporary views and functions::expr. They share the one
// parser, so SQL text and DataFrame calls build the same plans.
#include "api/session_catalog.h"
#include "api/session_state.h"
#include "api/statement_executor.h"
#include "lakestream/error.h"
#include "lakestream/functions.h"
#include "lakestream/session.h"
#include "sql/parser.h"

namespace lakestream {

DataFrame Session::sql(const std::string& text) const {
  auto statements = sql::ParseStatements(text, state_->MakeParserOptions());
  if (statements.empty()) {
    throw UserError("PARSE_EMPTY_STATEMENT", "42617", "Syntax error, unexpected empty statement.");
  }
  StatementExecutor executor(state_);
  std::optional<DataFrame> last;
  for (const auto& s : statements) last = executor.Execute(*s);
  return *last;
}

DataFrame Session::table(const std::string& name) const {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    parts.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  DataFrame df(state_, MakeUnresolvedRelation(parts));
  df.schema();  // resolve now: an unknown name fails here, as in Spark
  return df;
}

DataFrame DataFrame::selectExpr(const std::vector<std::string>& exprs) const {
  std::vector<Column> cols;
  for (const auto& e : exprs) cols.push_back(functions::expr(e));
  return select(cols);
}

DataFrame DataFrame::filter(const std::string& condition) const { return filter(functions::expr(condition)); }

void DataFrame::createOrReplaceTempView(const std::string& name) const {
  session_->catalog().CreateTempView(name, plan_, true);
}

void DataFrame::createTempView(const std::string& name) const {
  session_->catalog().CreateTempView(name, plan_, false);
}

namespace functions {
Column expr(const std::string& sql) { return Column(sql::ParseExpression(sql)); }
}  // namespace functions

}  // namespace lakestream
