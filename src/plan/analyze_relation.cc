// Analyzer rules for relations SQL names: catalog tables and views, table-
// valued functions, and VALUES lists.
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {

namespace {
std::string JoinName(const std::vector<std::string>& parts) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) s += (i ? "." : "") + std::string("`") + parts[i] + "`";
  return s;
}
}  // namespace

Resolved Analyzer::UnresolvedRelation(const LogicalPlan& p) {
  LogicalPlanPtr plan = options_.resolve_relation ? options_.resolve_relation(p.table_name) : nullptr;
  if (!plan) {
    throw UserError("TABLE_OR_VIEW_NOT_FOUND", "42P01",
                    "The table or view " + JoinName(p.table_name) +
                        " cannot be found. Verify the spelling and correctness of the schema and catalog.");
  }
  Resolved r = Analyze(plan);
  for (auto& c : r.columns) c.plan_ids.insert(p.plan_id);
  return r;
}

Resolved Analyzer::UnresolvedTableFunction(const LogicalPlan& p) {
  LogicalPlanPtr plan = options_.resolve_table_function ? options_.resolve_table_function(p.alias, p.exprs) : nullptr;
  if (!plan) {
    throw UserError("UNRESOLVABLE_TABLE_VALUED_FUNCTION", "42883",
                    "Could not resolve `" + p.alias + "` to a table-valued function.");
  }
  Resolved r = Analyze(plan);
  for (auto& c : r.columns) c.plan_ids.insert(p.plan_id);
  return r;
}

// VALUES rows become one-row projections joined by UNION ALL, which gives
// each column the widest type of its rows, as Spark's inline tables do.
Resolved Analyzer::Values(const LogicalPlan& p) {
  if (p.values.empty()) throw UserError("INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", "42000", "VALUES needs a row.");
  const size_t width = p.values[0].size();
  std::vector<LogicalPlanPtr> rows;
  for (size_t r = 0; r < p.values.size(); ++r) {
    if (p.values[r].size() != width) {
      throw UserError("INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", "42000",
                      "Invalid inline table. Inline table expected " + std::to_string(width) +
                          " columns but found " + std::to_string(p.values[r].size()) + " columns in row " +
                          std::to_string(r) + ".");
    }
    std::vector<ExprPtr> exprs;
    for (size_t c = 0; c < width; ++c) {
      if (ContainsKind(p.values[r][c], ExprKind::kColumn)) {
        throw UserError("INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE", "42000",
                        "Invalid inline table. Cannot evaluate the expression " + p.values[r][c]->ToString() +
                            " in inline table definition.");
      }
      exprs.push_back(Alias(p.values[r][c], "col" + std::to_string(c + 1)));
    }
    rows.push_back(MakeProject(MakeRange(0, 1, 1, 1), std::move(exprs)));
  }
  Resolved r = rows.size() == 1 ? Analyze(rows[0]) : Analyze(MakeUnion(std::move(rows)));
  for (auto& c : r.columns) c.plan_ids.insert(p.plan_id);
  return r;
}

}  // namespace lakestream
