// TokenCursor: the parsers' shared position in a token list, with keyword
// matching, names, and the errors every parser raises (Spark's
// PARSE_SYNTAX_ERROR and UNSUPPORTED_FEATURE with line, pos and a caret).
// One cursor serves one parse on one thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sql/parser_options.h"
#include "sql/sql_source.h"
#include "sql/token.h"

namespace lakestream::sql {

class TokenCursor {
 public:
  // `tokens` ends with a kEnd token (Lexer::Tokenize); `source` outlives the cursor.
  TokenCursor(const SqlSource& source, std::vector<Token> tokens, ParserOptions options = {});

  const ParserOptions& options() const { return options_; }

  // The token `ahead` positions on; kEnd past the end.
  const Token& Peek(size_t ahead = 0) const;
  // Consumes and returns the current token (kEnd stays put).
  const Token& Next();
  const Token& Previous() const { return tokens_[pos_ == 0 ? 0 : pos_ - 1]; }
  bool AtEnd() const { return Peek().kind == TokenKind::kEnd; }

  bool Is(std::string_view keyword, size_t ahead = 0) const { return Peek(ahead).Is(keyword); }
  bool Match(std::string_view keyword);
  void Expect(std::string_view keyword);
  bool IsSymbol(std::string_view symbol, size_t ahead = 0) const { return Peek(ahead).IsSymbol(symbol); }
  bool MatchSymbol(std::string_view symbol);
  void ExpectSymbol(std::string_view symbol);

  // A name: a word that is not reserved (reserved_words.h) or a `quoted` identifier.
  bool IsIdentifier(size_t ahead = 0) const;
  std::string Identifier();
  // a.b.`c`: after a dot any word is a name (t.order).
  std::vector<std::string> MultipartIdentifier();

  // The input text between two byte offsets.
  std::string_view Text(size_t begin_offset, size_t end_offset) const;
  // Marks the current token as the first of a statement: errors show its lines.
  void BeginStatement() { statement_begin_ = pos_; }

  [[noreturn]] void SyntaxError(const Token& at, std::string_view hint = {}) const;
  // UNSUPPORTED_FEATURE.SQL_SYNTAX: "The feature is not supported: <feature>."
  [[noreturn]] void Unsupported(const Token& at, std::string_view feature) const;
  // UNSUPPORTED_FEATURE.SQL_STATEMENT, for statements Spark has and Lakestream not yet.
  [[noreturn]] void UnsupportedStatement(const Token& at, std::string_view statement) const;
  // `message` with Spark's position suffix and caret block, for other error classes.
  std::string Locate(const Token& at, std::string_view sql_state, std::string_view message) const;

  // Counts nested expressions and queries while alive, so that input like
  // 10,000 '(' fails with FAILED_TO_PARSE_TOO_COMPLEX instead of exhausting the stack.
  class Nesting {
   public:
    explicit Nesting(TokenCursor& cursor);
    ~Nesting() { --cursor_.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    TokenCursor& cursor_;
  };
  static constexpr int kMaxNesting = 200;

  // Left-associative chains (a + b + ..., a AND b AND ..., UNION, joins) are
  // parsed in loops but build trees as deep as they are long, which later
  // recursive passes walk and destroy (~200 bytes of stack per level): throws
  // FAILED_TO_PARSE_TOO_COMPLEX when one chain passes kMaxChain operands.
  void CheckChain(size_t operands) const;
  static constexpr size_t kMaxChain = 2000;

 private:
  [[noreturn]] void TooComplex(const std::string& why) const;

  const SqlSource& source_;
  std::vector<Token> tokens_;
  ParserOptions options_;
  size_t pos_ = 0;
  size_t statement_begin_ = 0;
  int depth_ = 0;
};

}  // namespace lakestream::sql
