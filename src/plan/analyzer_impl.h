// The analyzer's working class, shared by the files that implement its rules
// (analyzer.cc, analyze_aggregate.cc, analyze_join.cc, ...). Only the
// analyzer's own sources include this header; everyone else calls Analyze().
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "expr/scope.h"
#include "lakestream/error.h"
#include "plan/analyzer.h"

namespace lakestream {

// An analyzed subtree and the columns its output exposes for resolution.
struct Resolved {
  LogicalPlanPtr plan;
  std::vector<ScopeColumn> columns;
};

// A copy of `p` marked analyzed, for rules to fill in.
std::shared_ptr<LogicalPlan> CopyNode(const LogicalPlan& p);
// A bound reference to column `index` of a scope.
ExprPtr BoundColumn(int index, const ScopeColumn& c);
SchemaPtr SchemaOf(const std::vector<ScopeColumn>& cols);
// A structural key of a bound expression (column refs by index), to match
// GROUP BY expressions inside aggregate outputs.
std::string Fingerprint(const Expr& e);
bool EqualsIgnoreCase(const std::string& a, const std::string& b);
// Whether a bound plan references a query outside itself (a column whose
// outer_depth reaches beyond the plan's own subquery nesting).
bool IsCorrelated(const LogicalPlan& plan, int level = 0);
// Whether a bound expression holds a subquery that is correlated to the
// expression's own query.
bool HasCorrelatedSubquery(const ExprPtr& e);
// Spark's _LEGACY_ERROR_TEMP_1034: a window in a filter other than QUALIFY.
UserError WindowInFilterError(const std::string& clause);

class Analyzer {
 public:
  Analyzer(const FunctionRegistry& registry, const AnalyzerOptions& options)
      : registry_(registry), options_(options) {}

  Resolved Analyze(const LogicalPlanPtr& plan);

  ExprPtr Bind(const ExprPtr& e, const std::vector<ScopeColumn>& cols, bool aggregates = false, bool generators = false,
               bool windows = false);

  static void AddPlanId(std::vector<ScopeColumn>& cols, int64_t id);

  Resolved Leaf(const LogicalPlan& p);

  Resolved PassThrough(const LogicalPlan& p, Resolved child);

  // Expands `*` and `t.*` into column references.
  std::vector<ExprPtr> ExpandStars(const std::vector<ExprPtr>& exprs, const std::vector<ScopeColumn>& cols);

  // The output column(s) of one bound projection expression.
  void OutputColumns(const ExprPtr& bound, const std::vector<ScopeColumn>& input, int64_t plan_id,
                     std::vector<ScopeColumn>& out);

  Resolved Project(const LogicalPlan& p, Resolved child);

  // A kCall whose name is an aggregate function (from SQL or expr()).
  bool ContainsAggregateCall(const ExprPtr& e);

  Resolved Filter(const LogicalPlan& p, Resolved child);

  // Rewrites a bound output expression over the aggregate's output: grouping
  // expressions and aggregate calls become column references.
  ExprPtr RewriteAggregateOutput(const ExprPtr& e, const std::unordered_map<std::string, int>& group_index,
                                 std::vector<ExprPtr>& aggregates, std::unordered_map<std::string, int>& agg_index,
                                 const std::vector<ScopeColumn>& agg_out_prefix, size_t num_groups);

  Resolved Aggregate(const LogicalPlan& p, Resolved child);

  // PIVOT (analyze_pivot.cc): an Aggregate with a PivotSpec rewritten into a
  // plain one with an aggregate per pivot value.
  Resolved Pivot(const LogicalPlan& p, Resolved child);
  ExprPtr PivotAggregate(const ExprPtr& e, const ExprPtr& condition);
  // UNPIVOT / DataFrame.unpivot (analyze_unpivot.cc): a Project with an
  // UnpivotSpec rewritten into an explode of the entry indexes.
  Resolved Unpivot(const LogicalPlan& p, Resolved child);

  Resolved Join(const LogicalPlan& p, Resolved left, Resolved right);

  // join(df, ["k"]): equality on each key, keys once in the output (Spark's USING).
  Resolved UsingJoin(const LogicalPlan& p, Resolved left, Resolved right);

  Resolved Sort(const LogicalPlan& p, Resolved child);

  Resolved Union(const LogicalPlan& p);

  Resolved Distinct(const LogicalPlan& p, Resolved child);

  Resolved Deduplicate(const LogicalPlan& p, Resolved child);

  Resolved SubqueryAlias(const LogicalPlan& p, Resolved child);

  // SQL clauses (analyze_sql_clauses.cc).
  Resolved Having(const LogicalPlan& p);
  Resolved SortClause(const LogicalPlan& p);
  // `select` (a Project or Aggregate) analyzed with `extras` appended as
  // hidden outputs, for HAVING and ORDER BY expressions the select list lacks.
  Resolved AnalyzeWithExtraOutputs(const LogicalPlanPtr& select, const std::vector<ExprPtr>& extras);
  // A projection keeping the first `visible` columns of `r`.
  Resolved DropHiddenColumns(Resolved r, size_t visible, int64_t plan_id);
  // GROUP BY ordinals, select-list aliases and ALL turned into expressions.
  std::vector<ExprPtr> ResolveGroupingShortcuts(const LogicalPlan& p, const std::vector<ScopeColumn>& input);

  // GROUPING SETS / ROLLUP / CUBE (analyze_grouping_sets.cc).
  Resolved GroupingSets(const LogicalPlan& p);

  // Relations from the catalog and VALUES (analyze_relation.cc).
  Resolved UnresolvedRelation(const LogicalPlan& p);
  Resolved UnresolvedTableFunction(const LogicalPlan& p);
  Resolved Values(const LogicalPlan& p);

  // INTERSECT / EXCEPT (analyze_set_operations.cc).
  Resolved SetOperation(const LogicalPlan& p);
  // INTERSECT ALL / EXCEPT ALL over `both`, the two sides analyzed as a UNION.
  Resolved SetOperationAll(const LogicalPlan& p, const Resolved& both);

  // Window expressions (analyze_window.cc), as Spark's ExtractWindowExpressions.
  // Whether `e` holds an aggregate of its own, not only a window's function.
  bool ContainsGroupAggregate(const ExprPtr& e);
  // A bound projection over `input` whose expressions hold windows becomes a
  // projection over one Window node per PARTITION BY / ORDER BY.
  Resolved PlanWindows(Resolved project, const std::vector<ScopeColumn>& input);
  // RewriteAggregateOutput for a window over an aggregate's output: its
  // function's arguments and its keys are rewritten, the function stays.
  ExprPtr RewriteWindowOverAggregate(const ExprPtr& e, const std::unordered_map<std::string, int>& group_index,
                                     std::vector<ExprPtr>& aggregates, std::unordered_map<std::string, int>& agg_index,
                                     const std::vector<ScopeColumn>& agg_out_prefix, size_t num_groups);
  // A filter whose condition holds windows (QUALIFY) over a SELECT.
  Resolved Qualify(const LogicalPlan& p);
  // An unanalyzed Window node: its child's columns and window expressions.
  Resolved WindowNode(const LogicalPlan& p, Resolved child);

  // Subqueries (analyze_subquery.cc): binding analyzes the subquery's plan
  // with the enclosing scopes visible; correlated ones are then rewritten
  // into joins (uncorrelated ones are evaluated by the executor).
  ExprPtr BindSubquery(const Expr& subquery, const Scope& scope);
  Resolved FilterWithSubqueries(const LogicalPlan& p, Resolved child, const ExprPtr& condition);
  Resolved ProjectWithSubqueries(const LogicalPlan& p, Resolved child, const std::vector<ExprPtr>& exprs);
  // Adds one column per correlated scalar subquery (and correlated EXISTS used
  // as a value) in `exprs` to `current` by joins; rewrites *exprs to read them.
  Resolved JoinScalarSubqueries(Resolved current, std::vector<ExprPtr>* exprs);
  // `*value` is set to the subquery's value over the returned plan's columns.
  Resolved JoinOneScalarSubquery(Resolved current, const Expr& subquery, ExprPtr* value);
  // The rewrite of a scalar subquery `top` (a projection over the global
  // aggregate `agg` of `input`) whose correlated `predicates` are all
  // equalities: an aggregate grouped by the inner sides, left-outer-joined.
  // Nullopt where the shape does not fit (the dependent join is used then).
  std::optional<Resolved> JoinEqualityScalarSubquery(const Resolved& current, const LogicalPlan& top,
                                                     const LogicalPlan& agg, const LogicalPlanPtr& input,
                                                     const std::vector<ExprPtr>& predicates, ExprPtr* value);

 private:
  const FunctionRegistry& registry_;
  AnalyzerOptions options_;
  std::vector<Scope> outer_scopes_;  // scopes of the queries enclosing the one being analyzed
};

}  // namespace lakestream
