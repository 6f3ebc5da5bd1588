// JsonOptions: Spark's JSON reader and writer options, parsed once.
#pragma once

#include <optional>
#include <string>

#include "formats/file_format.h"
#include "formats/parse_mode.h"

namespace lakestream {

struct JsonOptions {
  // Throws UserError for invalid values and encodings other than UTF-8.
  static JsonOptions ForRead(const FormatOptions& options);
  static JsonOptions ForWrite(const FormatOptions& options);

  std::string line_sep;  // "" : "\n" (reading also strips "\r" before it)
  std::optional<std::string> date_format;
  std::optional<std::string> timestamp_format;
  std::optional<std::string> timestamp_ntz_format;
  std::optional<std::string> time_zone;

  // Reading.
  bool multi_line = false;
  bool primitives_as_string = false;
  bool prefers_decimal = false;
  bool drop_field_if_all_null = false;
  ParseMode mode = ParseMode::kPermissive;
  std::string corrupt_record_column = "_corrupt_record";

  // Writing.
  bool ignore_null_fields = true;
};

}  // namespace lakestream
