#include "formats/parse_mode.h"

#include <algorithm>
#include <cctype>

#include "lakestream/error.h"

namespace lakestream {

ParseMode ReadParseMode(const OptionReader& options) {
  std::string mode = options.GetString("mode", "PERMISSIVE");
  std::string upper = mode;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  if (upper == "PERMISSIVE") return ParseMode::kPermissive;
  if (upper == "DROPMALFORMED") return ParseMode::kDropMalformed;
  if (upper == "FAILFAST") return ParseMode::kFailFast;
  ThrowInvalidOption("mode", mode, "expected PERMISSIVE, DROPMALFORMED or FAILFAST");
}

std::string CorruptRecordColumnName(const OptionReader& options) {
  return options.GetString("columnnameofcorruptrecord", "_corrupt_record");
}

void ThrowMalformedRecord(const std::string& file, std::string_view record, std::string_view why) {
  constexpr size_t kMaxShown = 1000;
  std::string shown(record.substr(0, kMaxShown));
  if (record.size() > kMaxShown) shown += "...";
  throw UserError("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", "22023",
                  "Malformed records are detected in record parsing: " + shown + " (file " + file + ": " +
                      std::string(why) +
                      "). Parse Mode: FAILFAST. To process malformed records as null result, try setting "
                      "the option 'mode' as 'PERMISSIVE'.");
}

}  // namespace lakestream
