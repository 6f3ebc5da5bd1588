// Turns the pushed filter conjuncts of a file scan (bound expressions) into
// the ColumnPredicate form readers test against statistics.
#pragma once

#include <vector>

#include "formats/file_format.h"
#include "expr/expression.h"

namespace lakestream {

// Conjuncts of the forms `col op literal`, `literal op col`, `col IN (literals)`,
// `isnull(col)` and `isnotnull(col)` become predicates on schema's column
// names; a literal must have exactly the column's type (an implicit cast on the
// column would change the comparison). Other conjuncts are left out: the plan
// filters every row anyway.
std::vector<ColumnPredicate> ToColumnPredicates(const std::vector<ExprPtr>& conjuncts, const Schema& schema);

}  // namespace lakestream
