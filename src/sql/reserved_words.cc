#include "sql/reserved_words.h"

#include <string_view>

namespace lakestream::sql {

namespace {

constexpr std::string_view kReserved[] = {
    "ALL",   "AND",    "ANTI",  "AS",      "CASE",  "CROSS",   "DISTINCT", "ELSE",   "END",   "EXCEPT",
    "FROM",  "FULL",   "GROUP", "HAVING",  "IN",    "INNER",   "INTERSECT", "IS",    "JOIN",  "LATERAL",
    "LEFT",  "MINUS",  "NATURAL", "NOT",   "ON",    "OR",      "ORDER",    "RIGHT",  "SELECT", "SEMI",
    "THEN",  "UNION",  "USING", "WHEN",    "WHERE", "WITH",
};

// Clause keywords that follow a select item or table reference.
constexpr std::string_view kClauseWords[] = {
    "BETWEEN", "CLUSTER", "DISTRIBUTE", "ESCAPE", "FETCH", "FOR",   "ILIKE", "INTO",    "LIKE",   "LIMIT",
    "OFFSET",  "OUTER",   "OVER",       "PIVOT",  "QUALIFY", "REGEXP", "RLIKE", "SET", "SORT", "TABLESAMPLE",
    "UNPIVOT", "VALUES",  "WINDOW",
};

}  // namespace

bool IsReservedWord(const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  for (std::string_view w : kReserved) {
    if (t.Is(w)) return true;
  }
  return false;
}

bool CanBeImplicitAlias(const Token& t) {
  if (t.kind == TokenKind::kQuotedIdentifier) return true;
  if (t.kind != TokenKind::kWord || IsReservedWord(t)) return false;
  for (std::string_view w : kClauseWords) {
    if (t.Is(w)) return false;
  }
  return true;
}

}  // namespace lakestream::sql
