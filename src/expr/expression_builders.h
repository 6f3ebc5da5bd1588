// Builders for expressions that Spark defines as rewrites of other
// expressions rather than as functions of their own.
#pragma once

#include "expr/expression.h"

namespace lakestream {

// x BETWEEN lo AND hi, which Spark rewrites to (x >= lo AND x <= hi).
ExprPtr Between(ExprPtr x, ExprPtr lo, ExprPtr hi);

}  // namespace lakestream
