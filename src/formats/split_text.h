// SplitText: the bytes of one FileSplit of a line-based file, widened to whole
// records by the rule documented on FileSplit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/file_format.h"

namespace lakestream {

struct SplitText {
  // `line_sep` "" means "\n" (a "\r" before it is left for the tokenizer to
  // strip). `whole_file` ignores the split's range (multiLine). `padding`
  // zero bytes follow `data` for parsers that read ahead (simdjson).
  static SplitText Load(const FileSplit& split, std::string_view line_sep, bool whole_file, size_t padding = 0);

  std::string data;   // bytes read from the file, plus padding
  size_t begin = 0;   // first byte of the first record of the split
  size_t end = 0;     // one past the last byte of the split's last record
  bool at_file_start = false;  // begin is byte 0 of the file (header, BOM)

  std::string_view records() const { return std::string_view(data).substr(begin, end - begin); }
};

}  // namespace lakestream
