// CsvTokenizer: splits CSV bytes into records and fields without allocating
// per field. Fields point into the input, or into CsvTokens::scratch when
// quotes had to be unescaped. Blank lines and comment lines are skipped.
//
// Quoted fields: `quote` opens a field only as its first character (after
// leading white space when that is ignored); inside, escape+quote and a
// doubled quote both stand for one quote. Only with multi_line may a quoted
// field contain line separators; otherwise every line is one record.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_options.h"

namespace lakestream {

struct CsvTokens {
  struct Field {
    int64_t begin = 0;   // in the input, or in scratch when in_scratch
    int64_t length = 0;
    bool quoted = false;
    bool in_scratch = false;
  };

  std::vector<Field> fields;
  std::vector<uint32_t> record_begin{0};  // record r's fields: [record_begin[r], record_begin[r + 1])
  std::vector<std::pair<int64_t, int64_t>> record_text;  // each record's bytes in the input, [begin, end)
  std::string scratch;

  void Clear();
  size_t num_records() const { return record_text.size(); }
  size_t num_fields(size_t r) const { return record_begin[r + 1] - record_begin[r]; }
  const Field& field(size_t r, size_t i) const { return fields[record_begin[r] + i]; }
  std::string_view Text(const Field& f, std::string_view input) const {
    return f.in_scratch ? std::string_view(scratch).substr(f.begin, f.length) : input.substr(f.begin, f.length);
  }
  std::string_view RecordText(size_t r, std::string_view input) const {
    return input.substr(record_text[r].first, record_text[r].second - record_text[r].first);
  }
};

class CsvTokenizer {
 public:
  // `options` and `input` must outlive the tokenizer.
  CsvTokenizer(const CsvOptions& options, std::string_view input);

  // Appends up to `max_records` records to `out`; returns how many (0 at the end).
  size_t NextBatch(size_t max_records, CsvTokens* out);
  bool AtEnd() const { return pos_ >= input_.size(); }
  // Continues at byte `pos` of the input (a record start).
  void Seek(size_t pos) { pos_ = pos; }

 private:
  // Tokenizes the record at pos_ and advances; false when it was skipped.
  bool ParseRecord(CsvTokens* out);
  // Where the line starting at `from` ends: the separator's position, or input size.
  size_t FindLineEnd(size_t from) const;
  // Content end of the line ending at `line_end` ("\r" stripped for the default separator).
  size_t ContentEnd(size_t line_start, size_t line_end) const;
  size_t FindDelimiter(size_t from, size_t limit) const;
  size_t ParseQuoted(size_t p, size_t* content_end, size_t* line_end, CsvTokens* out, CsvTokens::Field* f);
  bool IsTrimmable(char c) const;

  const CsvOptions& options_;
  std::string_view input_;
  std::string_view line_sep_;
  size_t pos_ = 0;
};

}  // namespace lakestream
