#include "cli/statement_buffer.h"

#include <optional>

#include "lakestream/error.h"
#include "sql/lexer.h"

namespace lakestream::cli {

namespace {

// The lexer errors that more input can still fix. The lexer has no error
// kind for them, so they are told apart by the hint in the message.
bool IsUnfinished(const UserError& e) {
  return e.error_class() == "UNCLOSED_BRACKETED_COMMENT" ||
         e.message().find("unclosed string literal") != std::string::npos ||
         e.message().find("unclosed quoted identifier") != std::string::npos;
}

// The tokens of `text` (kEnd last), or nullopt with `unfinished` set when the
// lexer refuses it.
std::optional<std::vector<sql::Token>> Lex(const std::string& text, bool* unfinished) {
  try {
    sql::SqlSource source(text);
    return sql::Lexer(source).Tokenize();
  } catch (const UserError& e) {
    *unfinished = IsUnfinished(e);
    return std::nullopt;
  }
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Strip(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> StatementBuffer::Append(std::string_view text) {
  pending_.append(text);
  bool unfinished = false;
  std::optional<std::vector<sql::Token>> tokens = Lex(pending_, &unfinished);
  if (!tokens) {
    std::string_view all = Strip(pending_);
    if (unfinished || all.empty() || all.back() != ';') return {};
    std::vector<std::string> statements{std::string(all)};
    pending_.clear();
    return statements;
  }
  std::vector<std::string> statements;
  const sql::Token* first = nullptr;  // first token of the current statement
  const sql::Token* last = nullptr;   // its last token before the ';'
  size_t consumed = 0;
  for (const sql::Token& t : *tokens) {
    if (t.IsSymbol(";")) {
      if (first != nullptr) statements.push_back(pending_.substr(first->offset, last->end_offset() - first->offset));
      first = last = nullptr;
      consumed = t.end_offset();
    } else if (t.kind != sql::TokenKind::kEnd) {
      if (first == nullptr) first = &t;
      last = &t;
    }
  }
  pending_.erase(0, consumed);
  return statements;
}

bool StatementBuffer::Empty() const {
  bool unfinished = false;
  std::optional<std::vector<sql::Token>> tokens = Lex(pending_, &unfinished);
  return tokens ? tokens->size() == 1 : Strip(pending_).empty();
}

std::string StatementBuffer::TakeRest() {
  std::string rest;
  bool unfinished = false;
  std::optional<std::vector<sql::Token>> tokens = Lex(pending_, &unfinished);
  if (!tokens) {
    rest = Strip(pending_);
  } else if (tokens->size() > 1) {
    rest = Strip(std::string_view(pending_).substr(tokens->front().offset));
  }
  pending_.clear();
  return rest;
}

}  // namespace lakestream::cli
