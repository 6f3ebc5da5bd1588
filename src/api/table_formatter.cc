#include "api/table_formatter.h"

#include <algorithm>

namespace lakestream {

namespace {

// Display width in code points (UTF-8 continuation bytes do not count).
size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `chars` code points of s.
std::string Prefix(const std::string& s, size_t chars) {
  size_t seen = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == chars) break;
      ++seen;
    }
  }
  return s.substr(0, i);
}

std::string Truncate(const std::string& s, int truncate) {
  if (truncate <= 0 || DisplayWidth(s) <= static_cast<size_t>(truncate)) return s;
  if (truncate < 4) return Prefix(s, truncate);
  return Prefix(s, truncate - 3) + "...";
}

std::string Pad(const std::string& s, size_t width, bool right_align) {
  size_t w = DisplayWidth(s);
  std::string fill(width > w ? width - w : 0, ' ');
  return right_align ? fill + s : s + fill;
}

}  // namespace

std::string FormatTable(const std::vector<std::vector<std::string>>& cells, int truncate) {
  if (cells.empty()) return "";
  size_t cols = cells[0].size();
  std::vector<std::vector<std::string>> shown = cells;
  std::vector<size_t> widths(cols, 3);  // Spark's minimum column width
  for (auto& row : shown) {
    for (size_t c = 0; c < cols; ++c) {
      row[c] = Truncate(row[c], truncate);
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  std::string sep = "+";
  for (size_t w : widths) sep += std::string(w, '-') + "+";
  sep += "\n";
  std::string out = sep;
  for (size_t r = 0; r < shown.size(); ++r) {
    out += "|";
    for (size_t c = 0; c < cols; ++c) out += Pad(shown[r][c], widths[c], truncate > 0) + "|";
    out += "\n";
    if (r == 0) out += sep;
  }
  out += sep;
  return out;
}

std::string FormatVertical(const std::vector<std::vector<std::string>>& cells, int truncate) {
  if (cells.empty()) return "";
  const auto& header = cells[0];
  size_t name_width = 0, value_width = 0;
  for (const auto& h : header) name_width = std::max(name_width, DisplayWidth(h));
  for (size_t r = 1; r < cells.size(); ++r) {
    for (const auto& v : cells[r]) value_width = std::max(value_width, DisplayWidth(Truncate(v, truncate)));
  }
  std::string out;
  for (size_t r = 1; r < cells.size(); ++r) {
    std::string head = "-RECORD " + std::to_string(r - 1);
    size_t total = name_width + value_width + 5;
    out += head + std::string(total > head.size() ? total - head.size() : 0, '-') + "\n";
    for (size_t c = 0; c < header.size(); ++c) {
      out += " " + Pad(header[c], name_width, false) + " | " + Pad(Truncate(cells[r][c], truncate), value_width, false) + " \n";
    }
  }
  if (cells.size() == 1) out += "(0 rows)\n";
  return out;
}

}  // namespace lakestream
