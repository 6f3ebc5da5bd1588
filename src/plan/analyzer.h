// Analyzer: resolves a logical plan built by the DataFrame API or SQL into an
// analyzed plan the physical planner accepts (see logical_plan.h): binds every
// expression, expands `*`, computes output schemas, and rewrites convenience
// nodes (aliases, DISTINCT, dropDuplicates, USING joins, aggregates inside
// projections) into the core node kinds.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "expr/function_registry.h"
#include "plan/logical_plan.h"

namespace lakestream {

struct AnalyzerOptions {
  bool legacy_integer_division = false;
  // SQLite's bare columns (lakestream.sql.legacyBareColumnsInAggregate): in an
  // aggregate query a column neither grouped nor aggregated is any_value(column)
  // of its group instead of raising MISSING_AGGREGATION.
  bool legacy_bare_columns_in_aggregate = false;
  // SQLite's unary `+` (lakestream.sql.legacyUnaryPlus): a no-op on any type;
  // see BindOptions.
  bool legacy_unary_plus = false;
  // Resolves a table or view name (kUnresolvedRelation) to an unanalyzed plan,
  // or returns null when none exists (the analyzer raises TABLE_OR_VIEW_NOT_FOUND).
  std::function<LogicalPlanPtr(const std::vector<std::string>& name)> resolve_relation;
  // Resolves a table-valued function call in FROM (kUnresolvedTableFunction),
  // or returns null for an unknown function.
  std::function<LogicalPlanPtr(const std::string& name, const std::vector<ExprPtr>& args)> resolve_table_function;
};

// Throws UserError with Spark's error classes (UNRESOLVED_COLUMN,
// MISSING_AGGREGATION, NUM_COLUMNS_MISMATCH, DATATYPE_MISMATCH, ...).
LogicalPlanPtr Analyze(const LogicalPlanPtr& plan, const FunctionRegistry& registry,
                       const AnalyzerOptions& options = {});

}  // namespace lakestream
