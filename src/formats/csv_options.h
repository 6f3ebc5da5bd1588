// CsvOptions: Spark's CSV reader and writer options, parsed and validated once.
#pragma once

#include <optional>
#include <string>

#include "formats/column_decoder.h"
#include "formats/file_format.h"
#include "formats/parse_mode.h"

namespace lakestream {

struct CsvOptions {
  // Parses `options`; unknown keys are ignored as Spark does. Throws
  // UserError for invalid values and for encodings other than UTF-8.
  static CsvOptions ForRead(const FormatOptions& options);
  static CsvOptions ForWrite(const FormatOptions& options);

  // Shared.
  std::string sep = ",";      // sep / delimiter; may be several characters
  char quote = '"';           // '\0': no quoting
  char escape = '\\';
  std::string line_sep;       // "" : "\n" (reading also strips "\r" before it)
  std::string null_value;     // nullValue
  std::optional<std::string> date_format;
  std::optional<std::string> timestamp_format;
  std::optional<std::string> timestamp_ntz_format;
  std::optional<std::string> time_zone;  // timeZone option, overrides the session's
  bool header = false;
  bool ignore_leading_white_space = false;   // reading default false, writing true
  bool ignore_trailing_white_space = false;

  // Reading.
  bool infer_schema = false;
  bool multi_line = false;
  bool enforce_schema = true;
  bool prefers_decimal = false;
  bool prefer_date = true;
  char comment = '\0';
  std::string empty_value;    // what a quoted empty field reads as
  std::string nan_value = "NaN";
  std::string positive_inf = "Inf";
  std::string negative_inf = "-Inf";
  ParseMode mode = ParseMode::kPermissive;
  std::string corrupt_record_column = "_corrupt_record";

  // Writing.
  bool quote_all = false;
  bool escape_quotes = true;
  std::string empty_value_write = "\"\"";
  std::string compression;    // "" / "none" / "uncompressed"
};

}  // namespace lakestream
