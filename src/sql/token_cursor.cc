#include "sql/token_cursor.h"

#include "lakestream/error.h"
#include "sql/reserved_words.h"

namespace lakestream::sql {

TokenCursor::TokenCursor(const SqlSource& source, std::vector<Token> tokens, ParserOptions options)
    : source_(source), tokens_(std::move(tokens)), options_(options) {}

const Token& TokenCursor::Peek(size_t ahead) const {
  size_t i = pos_ + ahead;
  return i < tokens_.size() ? tokens_[i] : tokens_.back();
}

const Token& TokenCursor::Next() {
  const Token& t = tokens_[pos_];
  if (t.kind != TokenKind::kEnd) ++pos_;
  return t;
}

bool TokenCursor::Match(std::string_view keyword) {
  if (!Is(keyword)) return false;
  Next();
  return true;
}

void TokenCursor::Expect(std::string_view keyword) {
  if (!Match(keyword)) SyntaxError(Peek(), "missing '" + std::string(keyword) + "'");
}

bool TokenCursor::MatchSymbol(std::string_view symbol) {
  if (!IsSymbol(symbol)) return false;
  Next();
  return true;
}

void TokenCursor::ExpectSymbol(std::string_view symbol) {
  if (!MatchSymbol(symbol)) SyntaxError(Peek(), "missing '" + std::string(symbol) + "'");
}

bool TokenCursor::IsIdentifier(size_t ahead) const {
  const Token& t = Peek(ahead);
  return t.kind == TokenKind::kQuotedIdentifier || (t.kind == TokenKind::kWord && !IsReservedWord(t));
}

std::string TokenCursor::Identifier() {
  if (!IsIdentifier()) SyntaxError(Peek());
  return Next().text;
}

std::vector<std::string> TokenCursor::MultipartIdentifier() {
  std::vector<std::string> parts{Identifier()};
  while (IsSymbol(".") && (Peek(1).kind == TokenKind::kWord || Peek(1).kind == TokenKind::kQuotedIdentifier)) {
    Next();
    parts.push_back(Next().text);
  }
  return parts;
}

std::string_view TokenCursor::Text(size_t begin_offset, size_t end_offset) const {
  return source_.text().substr(begin_offset, end_offset - begin_offset);
}

std::string TokenCursor::Locate(const Token& at, std::string_view sql_state, std::string_view message) const {
  // The statement's lines: from its first token to its ';' or the last token.
  size_t last = pos_;
  while (last + 1 < tokens_.size() && !tokens_[last].IsSymbol(";")) ++last;
  if (tokens_[last].kind == TokenKind::kEnd && last > 0) --last;
  size_t first = statement_begin_ < tokens_.size() ? statement_begin_ : 0;
  return source_.Annotate(message, sql_state, at.line, at.column, tokens_[first].line, tokens_[last].line);
}

void TokenCursor::SyntaxError(const Token& at, std::string_view hint) const {
  std::string near = at.kind == TokenKind::kEnd ? "end of input" : "'" + std::string(Text(at.offset, at.end_offset())) + "'";
  std::string message = "Syntax error at or near " + near + (hint.empty() ? "" : ": " + std::string(hint)) + ".";
  throw UserError("PARSE_SYNTAX_ERROR", "42601", Locate(at, "42601", message));
}

void TokenCursor::Unsupported(const Token& at, std::string_view feature) const {
  throw UserError("UNSUPPORTED_FEATURE.SQL_SYNTAX", "0A000",
                  Locate(at, "0A000", "The feature is not supported: " + std::string(feature) + "."));
}

void TokenCursor::UnsupportedStatement(const Token& at, std::string_view statement) const {
  throw UserError("UNSUPPORTED_FEATURE.SQL_STATEMENT", "0A000",
                  Locate(at, "0A000", "The feature is not supported: the statement " + std::string(statement) + "."));
}

void TokenCursor::TooComplex(const std::string& why) const {
  throw UserError("FAILED_TO_PARSE_TOO_COMPLEX", "54001",
                  Locate(Peek(), "54001",
                         "The statement, including potential SQL functions and referenced views, was too complex to "
                         "parse. To mitigate this error divide the statement into multiple, less complex chunks (" +
                             why + ")."));
}

void TokenCursor::CheckChain(size_t operands) const {
  if (operands > kMaxChain) TooComplex("more than " + std::to_string(kMaxChain) + " operands in one chain");
}

TokenCursor::Nesting::Nesting(TokenCursor& cursor) : cursor_(cursor) {
  if (++cursor_.depth_ > kMaxNesting) {
    --cursor_.depth_;
    cursor_.TooComplex("more than " + std::to_string(kMaxNesting) + " nested levels");
  }
}

}  // namespace lakestream::sql
