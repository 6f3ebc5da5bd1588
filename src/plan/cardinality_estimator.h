// Cardinality estimates for cost-based optimizer rules (join reordering).
// Without table statistics they rest on the size of the files a scan reads
// and on fixed selectivities per predicate shape: rough, but enough to tell a
// fact table from a dimension and a filtered input from a whole one. Join
// sizes assume key/foreign-key joins: each row of the larger key domain
// matches at most one row of the smaller.
#pragma once

#include <utility>
#include <vector>

#include "plan/logical_plan.h"

namespace lakestream {

// Estimated output rows of an analyzed plan (at least 1).
double EstimateRows(const LogicalPlan& plan);

// The fraction of its input rows a bound boolean condition keeps.
double EstimateSelectivity(const Expr& condition);

// An upper bound on the distinct values of output column `column`: the rows
// of the unfiltered relation it comes from (a key of a table of N rows has N
// values; file statistics may bound it lower), or of the aggregate that
// groups by it alone.
double EstimateColumnDomain(const LogicalPlan& plan, int column);

// Rows of an inner equi-join of inputs of `left_rows` and `right_rows` rows
// on key pairs with the given (left, right) domains: the most selective pair
// divides the cross product by its smaller domain. No pairs: the cross product.
double EstimateEquiJoinRows(double left_rows, double right_rows, const std::vector<std::pair<double, double>>& domains);

}  // namespace lakestream
