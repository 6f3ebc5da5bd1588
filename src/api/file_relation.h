// The plan of a file-based relation (spark.read...load(), format.`path` in
// SQL, read_files()): lists the files and infers the data schema unless one is
// given, then appends Hive partition columns, as Spark does.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "plan/logical_plan.h"

namespace lakestream {

class SessionState;

// Throws UserError PATH_NOT_FOUND / UNSUPPORTED_DATA_SOURCE.
LogicalPlanPtr MakeFileRelation(const SessionState& session, const std::string& format,
                                const std::vector<std::string>& paths, const std::map<std::string, std::string>& options,
                                SchemaPtr schema = nullptr);

}  // namespace lakestream
