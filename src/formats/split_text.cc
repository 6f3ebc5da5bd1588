#include "formats/split_text.h"

#include <algorithm>

#include "formats/local_file.h"

namespace lakestream {
namespace {

constexpr int64_t kReadAheadChunk = 64 * 1024;

// The first occurrence of `sep` at or after `from` in `data`, reading more of
// `file` (from `data_offset + data.size()`) while it is not found.
// Returns npos at the end of the file.
size_t FindSeparator(const LocalFile& file, int64_t data_offset, std::string* data, size_t from,
                     std::string_view sep) {
  while (true) {
    size_t q = data->find(sep, from);
    if (q != std::string::npos) return q;
    int64_t next = data_offset + static_cast<int64_t>(data->size());
    if (next >= file.size()) return std::string::npos;
    // A separator may straddle the chunk boundary: search again from its possible start.
    from = data->size() >= sep.size() ? data->size() - sep.size() + 1 : 0;
    file.ReadAt(next, kReadAheadChunk, data);
  }
}

}  // namespace

SplitText SplitText::Load(const FileSplit& split, std::string_view line_sep, bool whole_file, size_t padding) {
  LocalFile file(split.path);
  SplitText out;
  std::string_view sep = line_sep.empty() ? std::string_view("\n") : line_sep;
  int64_t size = file.size();
  int64_t start = whole_file ? 0 : std::clamp<int64_t>(split.offset, 0, size);
  int64_t stop = whole_file || split.length < 0 ? size : std::clamp<int64_t>(split.offset + split.length, start, size);
  int64_t sep_len = static_cast<int64_t>(sep.size());
  // Records starting in (start, stop] belong to this split, so look for the
  // separator that ends the record straddling `start`.
  int64_t read_from = start == 0 ? 0 : std::max<int64_t>(0, start - sep_len + 1);
  file.ReadAt(read_from, stop - read_from, &out.data);
  if (start == 0) {
    out.begin = 0;
    out.at_file_start = true;
  } else {
    size_t q = FindSeparator(file, read_from, &out.data, 0, sep);
    if (q == std::string::npos) {
      out.data.resize(0);
      out.data.append(padding, '\0');
      return out;
    }
    out.begin = q + sep.size();
    if (read_from + static_cast<int64_t>(out.begin) > stop) {
      // The first record starting after `start` starts after `stop` too: it is the next split's.
      out.data.resize(0);
      out.data.append(padding, '\0');
      out.begin = out.end = 0;
      return out;
    }
  }
  // The last record is the one straddling `stop`: read through its separator.
  if (stop >= size) {
    out.end = out.data.size();
  } else {
    int64_t search = std::max<int64_t>(stop - sep_len + 1 - read_from, static_cast<int64_t>(out.begin));
    size_t q = FindSeparator(file, read_from, &out.data, static_cast<size_t>(search), sep);
    out.end = q == std::string::npos ? out.data.size() : q + sep.size();
  }
  if (out.begin > out.end) out.begin = out.end;
  out.data.resize(std::max(out.data.size(), out.end));
  out.data.append(padding, '\0');
  return out;
}

}  // namespace lakestream
