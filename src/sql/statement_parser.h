// StatementParser: one SQL statement (statement.h) from the cursor: queries,
// DML (INSERT, DELETE, UPDATE), SHOW, DESCRIBE, USE, SET, RESET, EXPLAIN, and
// through DdlParser the CREATE and DROP statements. Statements Spark has and
// Lakestream does not yet (ALTER, MERGE, CACHE, ...) raise
// UNSUPPORTED_FEATURE.SQL_STATEMENT; anything else PARSE_SYNTAX_ERROR.
#pragma once

#include <optional>
#include <string>

#include "sql/ddl_parser.h"
#include "sql/query_parser.h"
#include "sql/statement.h"
#include "sql/token_cursor.h"

namespace lakestream::sql {

class StatementParser {
 public:
  explicit StatementParser(TokenCursor& in) : in_(in), queries_(in), ddl_(in, queries_) {}

  // Parses up to, not including, the statement's ';' or the end of input.
  StatementPtr Parse();

 private:
  StatementBody ParseBody();
  StatementBody ParseWith();
  StatementBody ParseInsert();
  StatementBody ParseDelete();
  StatementBody ParseUpdate();
  StatementBody ParseShow();
  StatementBody ParseDescribe();
  StatementBody ParseSet();
  StatementBody ParseReset();
  StatementBody ParseExplain();
  StatementBody ParseUse();
  std::optional<std::string> ParseAliasName();
  // The raw text from the cursor to the end of the statement, consumed.
  std::string RestOfStatement();
  bool AtStatementEnd() const { return in_.AtEnd() || in_.IsSymbol(";"); }

  TokenCursor& in_;
  QueryParser queries_;
  DdlParser ddl_;
};

}  // namespace lakestream::sql
