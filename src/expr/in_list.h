// The fast form of `x IN (literal, ...)`: the literals go into a hash set of
// x's physical values, so a row costs one lookup instead of one comparison
// per item. Lists of thousands of values are common: an uncorrelated
// `x IN (SELECT ...)` runs as an IN over the subquery's values.
#pragma once

#include "columnar/array.h"
#include "expr/expression.h"

namespace lakestream {

// `in` (kIn) over the evaluated `value` (its first child): true on a match,
// else NULL where the value or a list item is NULL, else false. Returns
// nullptr when the fast form does not apply (an item that is not a literal
// of the value's type, or a type other than integers, dates, timestamps,
// decimals and strings); the caller then compares item by item.
ArrayPtr EvalInLiteralList(const Expr& in, const ArrayPtr& value);

}  // namespace lakestream
