// ResultFormatter: runs a statement's DataFrame and renders its rows for the
// SQL shell in one of the output formats:
//  - table: Spark's show() layout, every row, no truncation; a result of one
//    string value spanning several lines (EXPLAIN) is printed bare;
//  - csv: a header row, then RFC 4180 records (fields holding ',', '"' or a
//    line break are quoted, '"' doubled); values as CAST(x AS STRING) gives
//    them; NULL is an empty field and an empty string is "";
//  - json: one object per line, as Spark's JSON writer and to_json write
//    them (NULL fields omitted, timestamps in ISO 8601 with the zone).
// A result without columns (DDL, INSERT, ...) renders as nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lakestream/dataframe.h"

namespace lakestream::cli {

enum class OutputFormat { kTable, kCsv, kJson };

// "table", "csv", "json" (as written); nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

struct FormattedResult {
  std::string text;          // "" when the result has no columns
  int64_t rows = 0;
  bool has_columns = false;  // false for commands that return nothing
};

class ResultFormatter {
 public:
  explicit ResultFormatter(OutputFormat format) : format_(format) {}

  // Executes `result` (a query runs now; a command already ran) and renders
  // it. Throws what execution throws. Any thread, one call at a time.
  FormattedResult Run(const DataFrame& result) const;

 private:
  OutputFormat format_;
};

}  // namespace lakestream::cli
