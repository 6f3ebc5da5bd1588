// SqlSource: the SQL text being parsed, and Spark's way of pointing into it
// in an error message.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lakestream::sql {

class SqlSource {
 public:
  // `text` must outlive this object.
  explicit SqlSource(std::string_view text);

  std::string_view text() const { return text_; }

  // Spark's ParseException text:
  //   "<message> SQLSTATE: <state> (line L, pos P)\n\n== SQL ==\n<lines>"
  // where <lines> are input lines first_line..last_line (1-based, inclusive)
  // with a caret line "---^^^" under line L at column P (0-based characters).
  std::string Annotate(std::string_view message, std::string_view sql_state, int line, int column, int first_line,
                       int last_line) const;

 private:
  int num_lines() const { return static_cast<int>(line_starts_.size()); }
  std::string_view Line(int line) const;

  std::string_view text_;
  std::vector<size_t> line_starts_;  // byte offset of each line's first character
};

}  // namespace lakestream::sql
