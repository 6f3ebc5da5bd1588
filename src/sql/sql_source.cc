#include "sql/sql_source.h"

#include <algorithm>

namespace lakestream::sql {

SqlSource::SqlSource(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string_view SqlSource::Line(int line) const {
  size_t begin = line_starts_[line - 1];
  size_t end = line < num_lines() ? line_starts_[line] - 1 : text_.size();
  std::string_view s = text_.substr(begin, end - begin);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

std::string SqlSource::Annotate(std::string_view message, std::string_view sql_state, int line, int column,
                                int first_line, int last_line) const {
  std::string out(message);
  out += " SQLSTATE: " + std::string(sql_state) + " (line " + std::to_string(line) + ", pos " + std::to_string(column) +
         ")\n\n== SQL ==\n";
  first_line = std::clamp(std::min(first_line, line), 1, num_lines());
  last_line = std::clamp(std::max(last_line, line), 1, num_lines());
  for (int l = first_line; l <= last_line; ++l) {
    out += Line(l);
    out += '\n';
    if (l == line) out += std::string(static_cast<size_t>(std::max(column, 0)), '-') + "^^^\n";
  }
  out.pop_back();  // the CLI ends the message itself
  return out;
}

}  // namespace lakestream::sql
