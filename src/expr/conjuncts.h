// Conjuncts of bound boolean expressions, for plan rewrites that move filter
// and join predicates (optimizer rules).
#pragma once

#include <vector>

#include "expr/expression.h"

namespace lakestream {

// Appends the operands of the AND tree `e` (e itself when not an AND) to *out.
void SplitConjuncts(const ExprPtr& e, std::vector<ExprPtr>* out);

// The bound AND of bound boolean `conjuncts`; nullptr when there are none.
ExprPtr Conjoin(const std::vector<ExprPtr>& conjuncts);

}  // namespace lakestream
