#include "formats/csv_tokenizer.h"

#include <cstring>

namespace lakestream {

void CsvTokens::Clear() {
  fields.clear();
  record_begin.assign(1, 0);
  record_text.clear();
  scratch.clear();
}

CsvTokenizer::CsvTokenizer(const CsvOptions& options, std::string_view input)
    : options_(options), input_(input), line_sep_(options.line_sep.empty() ? std::string_view("\n") : std::string_view(options.line_sep)) {}

size_t CsvTokenizer::NextBatch(size_t max_records, CsvTokens* out) {
  size_t n = 0;
  while (n < max_records && pos_ < input_.size()) {
    if (ParseRecord(out)) ++n;
  }
  return n;
}

size_t CsvTokenizer::FindLineEnd(size_t from) const {
  if (line_sep_.size() == 1) {
    const void* hit = std::memchr(input_.data() + from, line_sep_[0], input_.size() - from);
    return hit ? static_cast<const char*>(hit) - input_.data() : input_.size();
  }
  size_t q = input_.find(line_sep_, from);
  return q == std::string_view::npos ? input_.size() : q;
}

size_t CsvTokenizer::ContentEnd(size_t line_start, size_t line_end) const {
  if (options_.line_sep.empty() && line_end > line_start && input_[line_end - 1] == '\r') return line_end - 1;
  return line_end;
}

size_t CsvTokenizer::FindDelimiter(size_t from, size_t limit) const {
  const std::string& sep = options_.sep;
  if (sep.size() == 1) {
    const void* hit = std::memchr(input_.data() + from, sep[0], limit - from);
    return hit ? static_cast<const char*>(hit) - input_.data() : limit;
  }
  size_t q = input_.substr(0, limit).find(sep, from);
  return q == std::string_view::npos ? limit : q;
}

bool CsvTokenizer::IsTrimmable(char c) const {
  // Univocity trims every char <= ' ', but never the delimiter itself (tab-separated files).
  return static_cast<unsigned char>(c) <= ' ' && c != options_.sep[0];
}

// Parses the quoted field whose opening quote is at p - 1. Returns the position
// after the closing quote; in multi-line mode the record's line may move on.
size_t CsvTokenizer::ParseQuoted(size_t p, size_t* content_end, size_t* line_end, CsvTokens* out,
                                 CsvTokens::Field* f) {
  const char quote = options_.quote;
  const char escape = options_.escape;
  size_t limit = options_.multi_line ? input_.size() : *content_end;
  size_t segment = p;  // start of bytes not yet copied to scratch
  bool copying = false;
  bool closed = false;
  f->quoted = true;
  f->begin = static_cast<int64_t>(p);
  while (true) {
    size_t q = p;
    while (q < limit && input_[q] != quote && input_[q] != escape) ++q;
    if (q >= limit) {
      // Unterminated: the field runs to the end of the line (or of the input).
      if (copying) out->scratch.append(input_.data() + segment, limit - segment);
      p = limit;
      break;
    }
    char c = input_[q];
    bool escaped_quote = q + 1 < limit && input_[q + 1] == quote && (c == escape || c == quote);
    if (escaped_quote) {
      if (!copying) {
        copying = true;
        f->in_scratch = true;
        f->begin = static_cast<int64_t>(out->scratch.size());
      }
      out->scratch.append(input_.data() + segment, q - segment);
      out->scratch.push_back(quote);
      p = q + 2;
      segment = p;
      continue;
    }
    if (c == quote) {
      if (copying) out->scratch.append(input_.data() + segment, q - segment);
      else f->length = static_cast<int64_t>(q - f->begin);
      p = q + 1;
      closed = true;
      break;
    }
    p = q + 1;  // a lone escape character stays literal
  }
  if (copying) f->length = static_cast<int64_t>(out->scratch.size()) - f->begin;
  else if (!closed) f->length = static_cast<int64_t>(limit - f->begin);
  if (options_.multi_line && p > *content_end) {
    size_t line_start = p;
    *line_end = FindLineEnd(line_start);
    *content_end = ContentEnd(line_start, *line_end);
  }
  return p;
}

bool CsvTokenizer::ParseRecord(CsvTokens* out) {
  size_t start = pos_;
  size_t line_end = FindLineEnd(start);
  size_t content_end = ContentEnd(start, line_end);
  auto skip_line = [&] {
    pos_ = line_end + line_sep_.size();
    return false;
  };
  if (content_end == start) return skip_line();
  if (options_.comment != '\0' && input_[start] == options_.comment) return skip_line();
  if (!options_.multi_line) {
    size_t i = start;
    while (i < content_end && static_cast<unsigned char>(input_[i]) <= ' ') ++i;
    if (i == content_end) return skip_line();
  }
  const size_t sep_len = options_.sep.size();
  size_t p = start;
  while (true) {
    CsvTokens::Field f;
    if (options_.ignore_leading_white_space) {
      while (p < content_end && IsTrimmable(input_[p])) ++p;
    }
    size_t delim;
    if (options_.quote != '\0' && p < content_end && input_[p] == options_.quote) {
      p = ParseQuoted(p + 1, &content_end, &line_end, out, &f);
      if (options_.ignore_trailing_white_space) {
        while (p < content_end && IsTrimmable(input_[p])) ++p;
      }
      delim = FindDelimiter(p, content_end);
      if (delim > p) {
        // Text after the closing quote: keep it, quote included, as univocity does.
        if (!f.in_scratch) {
          size_t old = out->scratch.size();
          out->scratch.append(input_.data() + f.begin, static_cast<size_t>(f.length));
          f.begin = static_cast<int64_t>(old);
          f.in_scratch = true;
        }
        out->scratch.push_back(options_.quote);
        out->scratch.append(input_.data() + p, delim - p);
        f.length = static_cast<int64_t>(out->scratch.size()) - f.begin;
      }
    } else {
      delim = FindDelimiter(p, content_end);
      size_t e = delim;
      if (options_.ignore_trailing_white_space) {
        while (e > p && IsTrimmable(input_[e - 1])) --e;
      }
      f.begin = static_cast<int64_t>(p);
      f.length = static_cast<int64_t>(e - p);
    }
    out->fields.push_back(f);
    if (delim >= content_end) break;
    p = delim + sep_len;
  }
  out->record_begin.push_back(static_cast<uint32_t>(out->fields.size()));
  out->record_text.emplace_back(static_cast<int64_t>(start), static_cast<int64_t>(content_end));
  pos_ = line_end >= input_.size() ? input_.size() : line_end + line_sep_.size();
  return true;
}

}  // namespace lakestream
