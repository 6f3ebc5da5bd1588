// KnownOutputNames: what the parser knows about a plan's output names before
// analysis, for column alias lists: `(SELECT a, b FROM t) AS x(c, d)`, `VALUES ... AS v(c, d)`,
// `WITH x(c, d) AS (...)`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/logical_plan.h"

namespace lakestream::sql {

// The output column names of an unanalyzed plan when they follow from its
// structure: a projection or aggregate without `*` or generators, VALUES
// (col1, col2, ...), range (id), set operations (their first input), and
// nodes that pass their child's columns through. nullopt otherwise (tables,
// joins, table functions).
std::optional<std::vector<std::string>> KnownOutputNames(const LogicalPlan& plan);

}  // namespace lakestream::sql
