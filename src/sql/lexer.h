// Lexer: splits Spark SQL text into tokens (token.h), as Spark's SqlBaseLexer
// does: case-insensitive words, `quoted` identifiers (`` for a backquote),
// '...' and "..." strings with backslash escapes, r'...' raw strings, numbers
// with Spark's suffixes (L S Y D F BD), operators, -- and nested /* */ comments
// (optimizer hints /*+ ... */ are comments too).
#pragma once

#include <string>
#include <vector>

#include "sql/sql_source.h"
#include "sql/token.h"

namespace lakestream::sql {

class Lexer {
 public:
  // `source` must outlive the lexer.
  explicit Lexer(const SqlSource& source) : source_(source), text_(source.text()) {}

  // Every token of the input, then one kEnd token. Throws UserError
  // PARSE_SYNTAX_ERROR (unclosed string or identifier, unknown character,
  // malformed number) or UNCLOSED_BRACKETED_COMMENT, with line, pos and caret.
  std::vector<Token> Tokenize();

 private:
  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  void Advance(size_t bytes);
  void SkipSpaceAndComments();
  Token Start(TokenKind kind) const;
  void Finish(Token& t) const { t.length = pos_ - t.offset; }

  Token Word();
  Token QuotedIdentifier();
  Token String(bool raw);
  Token Number();
  Token Symbol();
  void AppendEscape(std::string& out);

  [[noreturn]] void Fail(const Token& at, const std::string& hint) const;

  const SqlSource& source_;
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 0;
  int statement_line_ = 1;  // first line of the current statement, for error display
};

}  // namespace lakestream::sql
