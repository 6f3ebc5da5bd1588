// Window frames as Spark's analyzer settles them (ResolveWindowFrame and the
// checks of WindowSpecDefinition and SpecifiedWindowFrame): the default
// frame, the frames that window functions require, and the checks on frames
// written in the OVER clause.
#pragma once

#include <string>

#include "expr/expression.h"

namespace lakestream {

// Makes the frame of `spec` explicit for `function`, the bound function under
// OVER (a kAggregate, or a kCall with window_function set). `spec` holds bound
// keys and bound offsets; offsets become literals: INT for ROWS, the ORDER BY
// key's type for RANGE (INT for a DATE key). `window_sql` names the window
// expression in errors. Throws UserError with Spark's classes.
void ResolveWindowFrame(WindowSpec& spec, const Expr& function, const std::string& window_sql);

// Whether `e` is a constant (Spark's foldable): no column, aggregate or window in it.
bool IsFoldable(const ExprPtr& e);

// A resolved frame bound's offset, signed: negative before the current row
// (n PRECEDING is -n), positive after. Only for kPreceding / kFollowing.
Value SignedFrameOffset(const FrameBound& bound, const DataType& type);

}  // namespace lakestream
