// Token: one lexical unit of SQL text, produced by the Lexer (lexer.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lakestream::sql {

enum class TokenKind : uint8_t {
  kEnd,               // end of input; text is empty, offset is the input's length
  kWord,              // an unquoted identifier or keyword, as written
  kQuotedIdentifier,  // `name`: text is the name without quotes, `` unescaped
  kString,            // '...', "...", r'...': text is the value, escapes processed
  kNumber,            // 12, 1.5, .5, 1e3, 10L, 1.5BD: text as written
  kSymbol,            // an operator or punctuation: ( ) , . ; = == <=> <> != :: || -> => ...
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  size_t offset = 0;  // byte offset of the first character in the input
  size_t length = 0;  // bytes of input the token spans (quotes included)
  int line = 1;       // 1-based
  int column = 0;     // 0-based, in characters (Spark's "pos")

  // An unquoted word equal to `keyword` ignoring case. Quoted identifiers are
  // never keywords, so `select` can name a column.
  bool Is(std::string_view keyword) const {
    if (kind != TokenKind::kWord || text.size() != keyword.size()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
      char a = text[i], b = keyword[i];
      if (a >= 'a' && a <= 'z') a = static_cast<char>(a - 'a' + 'A');
      if (b >= 'a' && b <= 'z') b = static_cast<char>(b - 'a' + 'A');
      if (a != b) return false;
    }
    return true;
  }
  bool IsSymbol(std::string_view symbol) const { return kind == TokenKind::kSymbol && text == symbol; }
  size_t end_offset() const { return offset + length; }
};

}  // namespace lakestream::sql
