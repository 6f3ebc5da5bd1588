// Helpers for the correlated references of bound subquery plans, shared by
// the analyzer's subquery rules (analyze_subquery.cc,
// analyze_scalar_subquery.cc). A reference with outer_depth d > 0 reads the
// query d levels out; depth 1 is the enclosing query.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "expr/scope.h"
#include "plan/logical_plan.h"

namespace lakestream {

// Whether `e`, at nesting `level`, reads a query outside level (a column
// deeper than `level`, or a subquery correlated beyond its own level).
bool ExprCorrelated(const ExprPtr& e, int level);

// The conjunction of `conjuncts` (null when empty).
ExprPtr AndAll(const std::vector<ExprPtr>& conjuncts);

// Scope columns for the output of an analyzed plan.
std::vector<ScopeColumn> ColumnsOf(const LogicalPlan& p);

// UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_REFERENCE.
[[noreturn]] void ThrowUnsupportedCorrelation(const std::string& what);

// Copy of a bound tree with references moved to a join's scope: local columns
// shift by `local_offset`; references to the enclosing query (depth 1) map
// through `outer_map` (their index there) and become local.
ExprPtr Relocate(const ExprPtr& e, int local_offset, const std::function<int(int)>& outer_map);

// Indices of the enclosing query's columns (depth 1) / the own query's
// columns (depth 0) that `e` reads.
void CollectOuterRefs(const ExprPtr& e, std::set<int>* out);
void CollectLocalRefs(const ExprPtr& e, std::set<int>* out);

// Whether evaluating `e` twice gives the same result: no non-deterministic
// function (rand, uuid, shuffle, ...) in it or in its subqueries' plans.
bool ExprDeterministic(const ExprPtr& e);
// Whether running `p` twice gives the same rows: every expression is
// deterministic and no Limit or Deduplicate picks rows by arrival order.
bool PlanDeterministic(const LogicalPlan& p);

// Throws UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY
// when a subquery expression in an analyzed top-level plan still reads an
// enclosing query: one in a place no rule decorrelates, that would run wrongly.
void CheckNoCorrelatedSubqueries(const LogicalPlan& plan);

// Copy of subquery expression `e` whose references to the enclosing query
// (depth 1 from the subquery's plan, deeper from nested subqueries) move to
// column `map(k)` of a new enclosing scope; null when `map` gives -1 for one.
ExprPtr RemapOuterRefs(const ExprPtr& e, const std::function<int(int)>& map);

}  // namespace lakestream
