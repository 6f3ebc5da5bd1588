// Renders rows as Spark's show() does: an ASCII table (or vertical records),
// cells right-aligned and truncated, NULL shown as "NULL".
#pragma once

#include <string>
#include <vector>

namespace lakestream {

// `cells` holds already-stringified values (header row first). `truncate` > 0
// cuts longer cells to truncate-3 characters plus "..." and right-aligns;
// 0 keeps them whole and left-aligns, as Spark does.
std::string FormatTable(const std::vector<std::vector<std::string>>& cells, int truncate);
std::string FormatVertical(const std::vector<std::vector<std::string>>& cells, int truncate);

}  // namespace lakestream
