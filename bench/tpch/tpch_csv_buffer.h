// TpchCsvBuffer: builds CSV rows in memory, field by field, without streams
// or allocation per field; the generator's output hot path.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lakestream::tpch {

// Fields are written in order and a row is closed with EndRow(). The text is
// RFC 4180 CSV: ',' separators, '\n' row ends, a field quoted (and its quotes
// doubled) only when it holds a comma or a quote. Not thread-safe.
class TpchCsvBuffer {
 public:
  void Int(int64_t value);
  // A DECIMAL(_, 2) given in hundredths: -12345 is written "-123.45".
  void Decimal(int64_t hundredths);
  // A DATE given in days since 1970-01-01, written yyyy-mm-dd.
  void Date(int32_t days);
  void String(std::string_view value);
  // Ends the row; requires at least one field since the last EndRow().
  void EndRow() {
    data_.back() = '\n';
    rows_++;
  }

  const std::string& data() const { return data_; }
  // Drops the text (once written out); rows() keeps counting.
  void Clear() { data_.clear(); }
  // Rows ended since construction.
  int64_t rows() const { return rows_; }

 private:
  void Digits(uint64_t value);

  std::string data_;
  int64_t rows_ = 0;
};

}  // namespace lakestream::tpch
