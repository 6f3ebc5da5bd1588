// `lakestream sql`: reserved for the SQL shell (issue 3). Until the SQL layer
// exists it says so and fails, rather than pretending to run queries.
#include <iostream>

#include "cli/command.h"

namespace lakestream::cli {

namespace {

int RunSql(const ParsedArgs&) {
  std::cerr << "lakestream sql: the SQL shell is not available yet (issue 3); "
               "use the C++ DataFrame API meanwhile (docs/dataframe-api.md).\n";
  return kExitUsage;
}

}  // namespace

Command SqlCommand() {
  CommandSpec spec;
  spec.name = "sql";
  spec.summary = "the SQL shell (not available yet)";
  spec.description = "The interactive Spark SQL shell. Not available yet: it arrives with the SQL layer (issue 3).";
  return {spec, RunSql};
}

}  // namespace lakestream::cli
