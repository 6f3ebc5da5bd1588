#include "tpch_csv_buffer.h"

#include <charconv>

#include "tpch_date.h"

namespace lakestream::tpch {

// Every field is followed by ','; EndRow turns the last one into '\n', which
// saves a branch per field.

void TpchCsvBuffer::Digits(uint64_t value) {
  char buf[24];
  const auto result = std::to_chars(buf, buf + sizeof(buf), value);
  data_.append(buf, result.ptr);
}

void TpchCsvBuffer::Int(int64_t value) {
  if (value < 0) data_ += '-';
  Digits(value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value));
  data_ += ',';
}

void TpchCsvBuffer::Decimal(int64_t hundredths) {
  uint64_t magnitude = static_cast<uint64_t>(hundredths);
  if (hundredths < 0) {
    data_ += '-';
    magnitude = 0 - magnitude;
  }
  Digits(magnitude / 100);
  const auto cents = static_cast<char>(magnitude % 100);
  const char tail[4] = {'.', static_cast<char>('0' + cents / 10), static_cast<char>('0' + cents % 10), ','};
  data_.append(tail, sizeof(tail));
}

void TpchCsvBuffer::Date(int32_t days) {
  const TpchDate d = TpchDate::FromDays(days);
  const char text[11] = {
      static_cast<char>('0' + d.year / 1000),       static_cast<char>('0' + d.year / 100 % 10),
      static_cast<char>('0' + d.year / 10 % 10),    static_cast<char>('0' + d.year % 10),
      '-',
      static_cast<char>('0' + d.month / 10),        static_cast<char>('0' + d.month % 10),
      '-',
      static_cast<char>('0' + d.day / 10),          static_cast<char>('0' + d.day % 10),
      ',',
  };
  data_.append(text, sizeof(text));
}

void TpchCsvBuffer::String(std::string_view value) {
  if (value.find_first_of(",\"") == std::string_view::npos) {
    data_.append(value);
    data_ += ',';
    return;
  }
  data_ += '"';
  for (char c : value) {
    if (c == '"') data_ += '"';
    data_ += c;
  }
  data_ += "\",";
}

}  // namespace lakestream::tpch
