// Column references of bound expressions, for plan rewrites that change a
// node's input columns (column pruning).
#pragma once

#include <set>
#include <vector>

#include "expr/expression.h"

namespace lakestream {

// Adds the column_index of every bound column reference in `e` to *out,
// including those in window specifications (PARTITION BY / ORDER BY keys).
void CollectColumnRefs(const ExprPtr& e, std::set<int>* out);

// Copy of `e` with every column_index i replaced by mapping[i] (window keys
// too). Every index
// referenced must map to a non-negative index (LS_CHECK).
ExprPtr RemapColumnRefs(const ExprPtr& e, const std::vector<int>& mapping);

}  // namespace lakestream
