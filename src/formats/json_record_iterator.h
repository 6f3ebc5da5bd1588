// JsonRecordIterator: the JSON records of one split — each non-blank line, or
// with multiLine the whole file as one record.
#pragma once

#include <string_view>

#include "formats/split_text.h"

namespace lakestream {

class JsonRecordIterator {
 public:
  // `text` must outlive the iterator; `line_sep` "" means "\n" (and "\r\n").
  JsonRecordIterator(const SplitText& text, std::string_view line_sep, bool multi_line);

  // The next record (never blank), or false at the end.
  bool Next(std::string_view* record);

 private:
  std::string_view input_;
  std::string_view line_sep_;
  bool strip_cr_;
  bool multi_line_;
  size_t pos_;
};

}  // namespace lakestream
