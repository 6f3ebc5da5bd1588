#include "sql/lexer.h"

#include "lakestream/error.h"

namespace lakestream::sql {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// Spark's identifiers are Unicode letters, digits and '_'; any non-ASCII byte
// counts as a letter here so UTF-8 names stay whole.
bool IsWordChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  return Upper(c) - 'A' + 10;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Longest first, so "<=>" wins over "<=" and "<".
constexpr std::string_view kSymbols[] = {
    ">>>", "<=>", "<>", "<=", ">=", "<<", ">>", "!=", "!<", "!>", "==", "=>", "::", "||", "->",
    "(",   ")",   ",",  ".",  ";",  "=",  "<",  ">",  "+",  "-",  "*",  "/",  "%",  "~",  "&",
    "|",   "^",   "!",  ":",  "[",  "]",  "?",
};

}  // namespace

void Lexer::Advance(size_t bytes) {
  for (size_t i = 0; i < bytes && pos_ < text_.size(); ++i, ++pos_) {
    char c = text_[pos_];
    if (c == '\n') {
      ++line_;
      column_ = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;  // count characters, not UTF-8 continuation bytes
    }
  }
}

Token Lexer::Start(TokenKind kind) const {
  Token t;
  t.kind = kind;
  t.offset = pos_;
  t.line = line_;
  t.column = column_;
  return t;
}

void Lexer::Fail(const Token& at, const std::string& hint) const {
  std::string near = at.kind == TokenKind::kEnd ? "end of input" : "'" + std::string(text_.substr(at.offset, at.length)) + "'";
  throw UserError("PARSE_SYNTAX_ERROR", "42601",
                  source_.Annotate("Syntax error at or near " + near + ": " + hint + ".", "42601", at.line, at.column,
                                   statement_line_, at.line));
}

void Lexer::SkipSpaceAndComments() {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      Advance(1);
    } else if (c == '-' && At(pos_ + 1) == '-') {
      while (pos_ < text_.size() && text_[pos_] != '\n') Advance(1);
    } else if (c == '/' && At(pos_ + 1) == '*') {
      Token start = Start(TokenKind::kSymbol);
      int depth = 0;
      do {
        if (pos_ >= text_.size()) {
          throw UserError("UNCLOSED_BRACKETED_COMMENT", "42601",
                          source_.Annotate("Found an unclosed bracketed comment. Please, append */ at the end of the comment.",
                                           "42601", start.line, start.column, statement_line_, line_));
        }
        if (text_[pos_] == '/' && At(pos_ + 1) == '*') {
          ++depth;
          Advance(2);
        } else if (text_[pos_] == '*' && At(pos_ + 1) == '/') {
          --depth;
          Advance(2);
        } else {
          Advance(1);
        }
      } while (depth > 0);
    } else {
      return;
    }
  }
}

std::vector<Token> Lexer::Tokenize() {
  std::vector<Token> tokens;
  bool statement_start = true;
  while (true) {
    SkipSpaceAndComments();
    if (statement_start) statement_line_ = line_;
    statement_start = false;
    if (pos_ >= text_.size()) break;
    char c = text_[pos_];
    Token t;
    if ((c == 'r' || c == 'R') && (At(pos_ + 1) == '\'' || At(pos_ + 1) == '"')) {
      t = String(/*raw=*/true);
    } else if (IsDigit(c)) {
      t = Number();
    } else if (c == '.' && IsDigit(At(pos_ + 1)) && (pos_ == 0 || !(IsWordChar(text_[pos_ - 1]) || text_[pos_ - 1] == '`' ||
                                                                    text_[pos_ - 1] == ')' || text_[pos_ - 1] == ']'))) {
      t = Number();  // ".5"; after a name or ")" the dot is a field access
    } else if (IsWordChar(c)) {
      t = Word();
    } else if (c == '`') {
      t = QuotedIdentifier();
    } else if (c == '\'' || c == '"') {
      t = String(/*raw=*/false);
    } else {
      t = Symbol();
    }
    statement_start = t.IsSymbol(";");
    tokens.push_back(std::move(t));
  }
  Token end = Start(TokenKind::kEnd);
  tokens.push_back(end);
  return tokens;
}

Token Lexer::Word() {
  Token t = Start(TokenKind::kWord);
  size_t end = pos_;
  while (end < text_.size() && IsWordChar(text_[end])) ++end;
  t.text = std::string(text_.substr(pos_, end - pos_));
  Advance(end - pos_);
  Finish(t);
  return t;
}

Token Lexer::QuotedIdentifier() {
  Token t = Start(TokenKind::kQuotedIdentifier);
  Advance(1);
  while (true) {
    if (pos_ >= text_.size()) {
      t.length = 1;
      Fail(t, "unclosed quoted identifier");
    }
    if (text_[pos_] == '`') {
      if (At(pos_ + 1) != '`') break;
      t.text += '`';
      Advance(2);
    } else {
      t.text += text_[pos_];
      Advance(1);
    }
  }
  Advance(1);
  Finish(t);
  return t;
}

// Spark's unescapeSQLString: \uXXXX, \UXXXXXXXX, octal \ooo, the usual
// control escapes, and \% \_ kept with their backslash for LIKE patterns.
void Lexer::AppendEscape(std::string& out) {
  char c = At(pos_ + 1);
  if (c == 'u' || c == 'U') {
    size_t digits = c == 'u' ? 4 : 8;
    bool all_hex = pos_ + 2 + digits <= text_.size();
    for (size_t i = 0; all_hex && i < digits; ++i) all_hex = IsHexDigit(text_[pos_ + 2 + i]);
    if (all_hex) {
      uint32_t cp = 0;
      for (size_t i = 0; i < digits; ++i) cp = cp * 16 + static_cast<uint32_t>(HexValue(text_[pos_ + 2 + i]));
      if (cp <= 0x10FFFF) {
        AppendUtf8(out, cp);
        Advance(2 + digits);
        return;
      }
    }
  }
  if (c >= '0' && c <= '3' && At(pos_ + 2) >= '0' && At(pos_ + 2) <= '7' && At(pos_ + 3) >= '0' && At(pos_ + 3) <= '7') {
    AppendUtf8(out, static_cast<uint32_t>((c - '0') * 64 + (At(pos_ + 2) - '0') * 8 + (At(pos_ + 3) - '0')));
    Advance(4);
    return;
  }
  switch (c) {
    case '0': out += '\0'; break;
    case 'b': out += '\b'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'Z': out += '\x1A'; break;
    case '%': out += "\\%"; break;
    case '_': out += "\\_"; break;
    default: out += c; break;  // \\ \' \" and any other character stand for themselves
  }
  Advance(2);
}

Token Lexer::String(bool raw) {
  Token t = Start(TokenKind::kString);
  if (raw) Advance(1);
  char quote = text_[pos_];
  Advance(1);
  while (true) {
    if (pos_ >= text_.size() || (!raw && text_[pos_] == '\\' && pos_ + 1 >= text_.size())) {
      t.length = raw ? 2 : 1;
      Fail(t, "unclosed string literal");
    }
    char c = text_[pos_];
    if (c == quote) break;
    if (c == '\\' && !raw) {
      AppendEscape(t.text);
    } else {
      t.text += c;
      Advance(1);
    }
  }
  Advance(1);
  Finish(t);
  return t;
}

// Spark's numeric tokens. A run of digits and letters that is not a number
// with a valid suffix is an identifier ("1x", "10Lx"), as in Spark's lexer.
Token Lexer::Number() {
  Token t = Start(TokenKind::kNumber);
  size_t word_end = pos_;
  while (word_end < text_.size() && IsWordChar(text_[word_end])) ++word_end;
  size_t q = pos_;
  while (IsDigit(At(q))) ++q;
  bool decimal = false, exponent = false;
  if (At(q) == '.' && (q > pos_ || IsDigit(At(q + 1)))) {
    decimal = true;
    ++q;
    while (IsDigit(At(q))) ++q;
  }
  if (Upper(At(q)) == 'E' && (IsDigit(At(q + 1)) || ((At(q + 1) == '+' || At(q + 1) == '-') && IsDigit(At(q + 2))))) {
    exponent = true;
    q += IsDigit(At(q + 1)) ? 1 : 2;
    while (IsDigit(At(q))) ++q;
  }
  if (Upper(At(q)) == 'B' && Upper(At(q + 1)) == 'D') {
    q += 2;
  } else if (Upper(At(q)) == 'D' || Upper(At(q)) == 'F') {
    q += 1;
  } else if (!decimal && !exponent && (Upper(At(q)) == 'L' || Upper(At(q)) == 'S' || Upper(At(q)) == 'Y')) {
    q += 1;
  }
  if (!decimal && word_end > q) return Word();
  if (IsWordChar(At(q))) {
    while (IsWordChar(At(q))) ++q;  // show the whole malformed word
    Advance(q - pos_);
    Finish(t);
    Fail(t, "invalid number");
  }
  t.text = std::string(text_.substr(pos_, q - pos_));
  Advance(q - pos_);
  Finish(t);
  return t;
}

Token Lexer::Symbol() {
  Token t = Start(TokenKind::kSymbol);
  for (std::string_view s : kSymbols) {
    if (text_.substr(pos_, s.size()) == s) {
      // Spark's alternative spellings of <= and >=.
      t.text = s == "!>" ? "<=" : s == "!<" ? ">=" : std::string(s);
      Advance(s.size());
      Finish(t);
      return t;
    }
  }
  size_t len = 1;  // a whole UTF-8 sequence, for the message
  while (pos_ + len < text_.size() && (static_cast<unsigned char>(text_[pos_ + len]) & 0xC0) == 0x80) ++len;
  Advance(len);
  Finish(t);
  Fail(t, "unexpected character");
}

}  // namespace lakestream::sql
