// Expr: one node of an expression tree, shared by the DataFrame API, SQL and
// the planners. Trees are immutable (ExprPtr = shared_ptr<const Expr>).
//
// An expression is *unresolved* when built (column names, function names) and
// *bound* after the binder (binder.h) resolved it against an input Scope: then
// every node has `type`, column refs carry `column_index`, and calls carry
// their bound function. Only bound trees are evaluated (evaluator.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lakestream/types.h"
#include "lakestream/value.h"

namespace lakestream {

struct BoundScalarFunction;
struct BoundAggregateFunction;
struct BoundWindowFunction;
class Expr;
class LogicalPlan;  // subquery expressions hold a plan; this layer never looks inside
using ExprPtr = std::shared_ptr<const Expr>;

enum class ExprKind : uint8_t {
  kColumn,     // name_parts ("t", "a"), optional plan_id; bound: column_index
  kLiteral,    // value of `type` (type may be Null() for an untyped NULL)
  kStar,       // `*` or `t.*` (name_parts holds the qualifier); expanded by the analyzer
  kAlias,      // children[0] AS name; a generator's outputs AS (n1, n2, ...): name_parts (MultiAlias)
  kCall,       // scalar function `name`(children...); operators use their symbol: "+", "=", "and"
  kCast,       // CAST(children[0] AS type); is_try for TRY_CAST
  kCase,       // CASE WHEN c0 THEN v0 [WHEN c1 THEN v1 ...] [ELSE e] END: children = c0,v0,c1,v1,...,[e]
  kIn,         // children[0] IN (children[1..])
  kAggregate,  // aggregate function `name`(children...), distinct flag
  kSortOrder,  // children[0] with ascending / nulls_first, only at the top of a sort key
  kGenerator,  // explode/explode_outer/posexplode/posexplode_outer(children[0]); only in a projection
  kSubquery,   // subquery_kind: scalar `(SELECT ...)`, EXISTS (...), or children[0] IN (SELECT ...)
  kWindow,     // children[0] (aggregate or ranking/offset function call) OVER window
};

enum class SubqueryKind : uint8_t { kScalar, kExists, kIn };

// One end of a window frame: UNBOUNDED PRECEDING, n PRECEDING, CURRENT ROW,
// n FOLLOWING, UNBOUNDED FOLLOWING.
struct FrameBound {
  enum class Kind : uint8_t { kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing };
  Kind kind = Kind::kCurrentRow;
  ExprPtr offset;  // kPreceding / kFollowing
};

// OVER (PARTITION BY ... ORDER BY ... frame). Without an explicit frame Spark
// uses RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW when ordered, the
// whole partition otherwise. Bound (binder.h), the keys are bound, the frame
// is explicit (never kDefault) and offsets are typed literals.
struct WindowSpec {
  enum class FrameType : uint8_t { kDefault, kRows, kRange };
  std::vector<ExprPtr> partition_by;
  std::vector<ExprPtr> order_by;  // kSortOrder
  FrameType frame_type = FrameType::kDefault;
  FrameBound frame_start, frame_end;
};

// "ROWS BETWEEN 1 PRECEDING AND CURRENT ROW"; "" for kDefault.
std::string FrameName(const WindowSpec& w);

class Expr {
 public:
  ExprKind kind;
  std::vector<ExprPtr> children;

  // kColumn, kStar: name parts; kAlias, kCall, kAggregate, kGenerator: the name.
  std::vector<std::string> name_parts;
  std::string name;
  // kColumn: the DataFrame plan node the column was taken from (df.col("a")); -1 if by name only.
  int64_t plan_id = -1;

  Value value;  // kLiteral

  // Result type: set by the binder for every node; for kCast the target type
  // and for kLiteral the literal's type even before binding.
  DataTypePtr type;
  bool nullable = true;

  bool is_try = false;       // kCast: TRY_CAST
  bool implicit_cast = false; // kCast inserted by the binder; ToString() shows only the child
  bool has_else = false;     // kCase
  bool distinct = false;     // kAggregate
  bool ascending = true;     // kSortOrder
  bool nulls_first = true;   // kSortOrder (Spark: NULLS FIRST for ASC, NULLS LAST for DESC)

  SubqueryKind subquery_kind = SubqueryKind::kScalar;  // kSubquery
  std::shared_ptr<const LogicalPlan> subquery;        // kSubquery
  std::shared_ptr<const WindowSpec> window;           // kWindow

  // Bound form.
  int column_index = -1;                                    // kColumn
  // kColumn in a subquery: 0 for the local input; n > 0 for a column of the
  // query n levels out (a correlated reference), column_index indexing that scope.
  int outer_depth = 0;
  std::shared_ptr<const BoundScalarFunction> function;      // kCall
  std::shared_ptr<const BoundAggregateFunction> aggregate;  // kAggregate
  std::shared_ptr<const BoundWindowFunction> window_function;  // kCall of a ranking/offset function (under kWindow)

  bool bound() const { return type != nullptr && (kind != ExprKind::kColumn || column_index >= 0); }
  // Spark's auto-generated column name for this expression, e.g. "(a + 1)", "sum(x)", "CAST(a AS INT)".
  std::string ToString() const;
  // The output name: alias, column name, or ToString().
  std::string OutputName() const;
};

// Builders for unresolved expressions. Names are case-insensitive.
ExprPtr Col(std::string name);                      // "a" or "t.a" (dots split qualifiers)
ExprPtr ColParts(std::vector<std::string> parts, int64_t plan_id = -1);
ExprPtr Lit(Value value, DataTypePtr type);
ExprPtr LitNull();
ExprPtr Star(std::vector<std::string> qualifier = {});
ExprPtr Alias(ExprPtr child, std::string name);
// Names for each output of a generator (posexplode(x) AS (pos, v)); name is the first.
ExprPtr MultiAlias(ExprPtr child, std::vector<std::string> names);
ExprPtr Call(std::string name, std::vector<ExprPtr> args);
ExprPtr CastTo(ExprPtr child, DataTypePtr type, bool is_try = false);
ExprPtr CaseWhen(std::vector<ExprPtr> when_then, ExprPtr else_expr);  // else_expr may be null
ExprPtr In(ExprPtr value, std::vector<ExprPtr> list);
ExprPtr Aggregate(std::string name, std::vector<ExprPtr> args, bool distinct = false);
ExprPtr SortOrder(ExprPtr child, bool ascending, bool nulls_first);
ExprPtr Generator(std::string name, ExprPtr child);
// `value` is null except for kIn.
ExprPtr Subquery(SubqueryKind kind, std::shared_ptr<const LogicalPlan> plan, ExprPtr value = nullptr);
ExprPtr WindowExpr(ExprPtr function, WindowSpec window);

// Copy of `e` with new children (for tree rewrites).
ExprPtr WithChildren(const Expr& e, std::vector<ExprPtr> children);
// True if any node in the tree has `kind`.
bool ContainsKind(const ExprPtr& e, ExprKind kind);

}  // namespace lakestream
