// Parses a sqllogictest script (SQLite's format, with DuckDB's and
// sqllogictest-rs's ways of naming an expected error) into records.
#pragma once

#include <string>
#include <vector>

#include "sqllogictest/slt_record.h"

namespace lakestream::slt {

// Splits `text` into records. Lines starting with '#' are dropped first (they
// never end a record); blank lines separate records; a trailing '\r' is
// stripped from every line. Never throws: an unknown header gives kUnknown.
std::vector<Record> ParseScript(const std::string& text);

}  // namespace lakestream::slt
