// ParseMode: what a text reader does with a malformed record (Spark's `mode`
// option), and the shared pieces of the corrupt-record column.
#pragma once

#include <string>
#include <string_view>

#include "formats/option_reader.h"

namespace lakestream {

enum class ParseMode { kPermissive, kDropMalformed, kFailFast };

// "PERMISSIVE" (default), "DROPMALFORMED", "FAILFAST", case-insensitive.
ParseMode ReadParseMode(const OptionReader& options);

// The `columnNameOfCorruptRecord` option (default "_corrupt_record").
std::string CorruptRecordColumnName(const OptionReader& options);

// FAILFAST: UserError MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION (22023)
// naming the file and quoting the record (truncated to keep messages short).
[[noreturn]] void ThrowMalformedRecord(const std::string& file, std::string_view record, std::string_view why);

}  // namespace lakestream
