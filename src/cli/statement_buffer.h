// StatementBuffer: collects SQL text (typed lines, a -e argument, a -f file)
// until it holds whole statements, and hands them out one by one. Statements
// end at a ';' that the SQL lexer (sql/lexer.h) sees as a token, so a ';'
// inside a string, a quoted identifier or a comment never ends one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lakestream::cli {

class StatementBuffer {
 public:
  // Appends `text` (a line is appended with its newline) and returns the
  // statements it completes, in order: each without its ';' and without the
  // blanks and comments before it, so error positions count from its first
  // word. Statements holding only blanks and comments are dropped. The text
  // after the last ';' stays pending. While the pending text has an unclosed
  // string, quoted identifier or comment, nothing completes. Text the lexer
  // refuses otherwise (an unexpected character) completes as one statement
  // once it ends with ';', so that running it reports the error with a caret.
  std::vector<std::string> Append(std::string_view text);

  // True when nothing but blanks and comments is pending.
  bool Empty() const;
  // The pending text without the blanks and comments before it ("" when
  // Empty()), and a fresh buffer: at the end of the input the unfinished
  // statement runs as if it ended with ';', as spark-sql -e does.
  std::string TakeRest();
  void Clear() { pending_.clear(); }

 private:
  std::string pending_;
};

}  // namespace lakestream::cli
