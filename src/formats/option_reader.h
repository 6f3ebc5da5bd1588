// OptionReader: typed, validated access to a reader's or writer's options
// (Spark's DataFrameReader.option keys, matched case-insensitively).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "formats/file_format.h"

namespace lakestream {

class OptionReader {
 public:
  explicit OptionReader(const FormatOptions& options) : options_(options) {}

  // The raw value, or nullopt when the option is not set.
  std::optional<std::string> Get(std::string_view key) const;
  std::string GetString(std::string_view key, std::string_view default_value) const;
  // "true"/"false" (case-insensitive); anything else is a UserError naming the option.
  bool GetBool(std::string_view key, bool default_value) const;
  int64_t GetInt(std::string_view key, int64_t default_value) const;
  // A single character option (quote, escape, comment); "" means "none" (\0),
  // a longer value is a UserError.
  char GetChar(std::string_view key, char default_value) const;

 private:
  const FormatOptions& options_;
};

// UserError INVALID_OPTION_VALUE (42K06-style) for an option Lakestream cannot honour.
[[noreturn]] void ThrowInvalidOption(std::string_view key, std::string_view value, std::string_view why);

}  // namespace lakestream
