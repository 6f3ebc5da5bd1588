#include "formats/json_record_iterator.h"

namespace lakestream {
namespace {

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

}  // namespace

JsonRecordIterator::JsonRecordIterator(const SplitText& text, std::string_view line_sep, bool multi_line)
    : input_(text.data.data(), text.end),
      line_sep_(line_sep.empty() ? std::string_view("\n") : line_sep),
      strip_cr_(line_sep.empty()),
      multi_line_(multi_line),
      pos_(text.begin) {
  // A UTF-8 byte order mark is not JSON; Spark's readers skip it.
  if (text.at_file_start && input_.substr(pos_).starts_with("\xEF\xBB\xBF")) pos_ += 3;
}

bool JsonRecordIterator::Next(std::string_view* record) {
  while (pos_ < input_.size()) {
    size_t end = multi_line_ ? input_.size() : input_.find(line_sep_, pos_);
    if (end == std::string_view::npos) end = input_.size();
    std::string_view line = input_.substr(pos_, end - pos_);
    pos_ = end >= input_.size() ? input_.size() : end + line_sep_.size();
    if (strip_cr_ && !line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlank(line)) continue;
    *record = line;
    return true;
  }
  return false;
}

}  // namespace lakestream
