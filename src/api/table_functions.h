// Table-valued functions callable in SQL's FROM clause: range(...) and
// read_files(path, format => ..., option => ...).
#pragma once

#include <string>
#include <vector>

#include "plan/logical_plan.h"

namespace lakestream {

class SessionState;

// The unanalyzed plan of `name`(args), or null for an unknown function.
// Arguments must be constants; named arguments arrive as Alias(value, name).
// Throws UserError for wrong arguments.
LogicalPlanPtr ResolveTableFunction(const SessionState& session, const std::string& name,
                                    const std::vector<ExprPtr>& args);

}  // namespace lakestream
