// LogicalPlan: the one plan type for batch and streaming, built by the
// DataFrame API and by SQL. Nodes are immutable and shared.
//
// A plan is *analyzed* (analyzer.h) before execution: every expression is
// bound against its input and every node has its output schema. The physical
// planner (exec/) accepts analyzed plans only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "expr/expression.h"

namespace lakestream {

class LogicalPlan;
using LogicalPlanPtr = std::shared_ptr<const LogicalPlan>;

enum class PlanKind : uint8_t {
  kLocalRelation,  // in-memory batches (createDataFrame)
  kRange,          // range(start, end, step): one BIGINT column "id"
  kFileScan,       // files of a format (csv, json, ...) with options and a schema
  kProject,        // exprs over child (may contain one generator)
  kFilter,         // condition over child
  kAggregate,      // group by `groupings`, output `exprs` (grouping refs and aggregates)
  kJoin,           // join_type, optional condition, using_columns
  kSort,           // exprs are kSortOrder
  kLimit,          // limit rows after skipping `offset`
  kUnion,          // UNION ALL of children, by position
  kDistinct,       // distinct rows of child
  kDeduplicate,    // dropDuplicates(subset): first row per key in `exprs`
  kSubqueryAlias,  // qualifies child's columns with `alias`
  // Built by SQL; the analyzer replaces them.
  kUnresolvedRelation,       // a table or view `table_name` (db.table, or format.`path` as Spark)
  kUnresolvedTableFunction,  // table-valued function `alias`(exprs) in FROM, e.g. read_files('...')
  kValues,                   // VALUES rows of constant expressions (`values`), columns col1, col2, ...
  kWindow,                   // child columns + `exprs` (Alias over kWindow expressions)
  kIntersect,                // INTERSECT [ALL] (set_all) of two children, by position
  kExcept,                   // EXCEPT [ALL] (set_all) of two children, by position
};

enum class JoinType : uint8_t { kInner, kLeft, kRight, kFull, kLeftSemi, kLeftAnti, kCross };

// Spark's names: "inner", "left"/"left_outer"/"leftouter", "right", "full"/"outer"/
// "full_outer", "left_semi"/"semi", "left_anti"/"anti", "cross". Throws UserError.
JoinType ParseJoinType(const std::string& name);
std::string JoinTypeName(JoinType t);

struct FileScanSpec {
  std::string format;                          // "csv", "json", "parquet"
  std::vector<std::string> paths;              // files or directories as given
  std::map<std::string, std::string> options;  // reader options, keys lower-cased
  SchemaPtr schema;                            // data schema (user-given or inferred)
  // Set by the optimizer: conjuncts of the filter right above the scan, bound
  // against the scan's output. Readers may use them to skip data; the filter
  // itself stays in the plan.
  std::vector<ExprPtr> pushed_filters;
  // For cardinality estimates, taken when the relation was made: the total
  // size of the data files (Spark's sizeInBytes) and, where the format's
  // metadata tells (Parquet footers), the row count and upper bounds on the
  // distinct values of columns by name. -1: unknown.
  int64_t size_in_bytes = -1;
  int64_t num_rows = -1;
  std::map<std::string, int64_t> distinct_bounds;
};

// PIVOT (aggregates FOR columns IN (values)) on a kAggregate: one output per
// value and aggregate, each aggregate over the rows whose pivot columns equal
// the value (<=>). The analyzer rewrites it into a plain aggregate
// (analyze_pivot.cc).
struct PivotSpec {
  std::vector<ExprPtr> columns;              // the FOR column(s)
  std::vector<std::vector<ExprPtr>> values;  // one constant per column, per value
  std::vector<std::string> value_aliases;    // per value; empty: named after the value
  // SQL's PIVOT groups by every input column that neither the aggregates nor
  // the pivot columns use; the DataFrame's groupBy(...).pivot(...) by its keys.
  bool implicit_grouping = true;
};

// UNPIVOT [INCLUDE | EXCLUDE NULLS] (v FOR name IN (a [AS x], ...)), or
// ((v1, v2) FOR name IN ((a, b) [AS x], ...)), and DataFrame.unpivot: on a
// kProject without exprs. Output: the id columns, `name_column` (STRING: the
// entry's alias or its columns' names joined by "_"), then one column per
// `value_columns`, each the entries' values at that position widened to a
// common type. The analyzer rewrites it into an explode of the entry indexes
// under a projection (analyze_unpivot.cc): one pass over the rows.
struct UnpivotSpec {
  std::vector<std::vector<ExprPtr>> entries;  // per IN entry, one expression per value column
  std::vector<std::string> entry_names;       // per entry; empty: named after its columns
  std::vector<std::string> value_columns;
  std::string name_column;
  // SQL: every input column no entry names directly; the DataFrame's ids.
  bool implicit_ids = true;
  std::vector<ExprPtr> ids;
  bool include_nulls = false;  // EXCLUDE NULLS (default): drop rows whose values are all NULL
};

class LogicalPlan {
 public:
  PlanKind kind;
  std::vector<LogicalPlanPtr> children;
  // Unique id of this node, so df.col("a") can name the column of one side of
  // a self-join (as Spark Connect's plan_id does).
  int64_t plan_id = NextPlanId();

  // Output schema; set at construction for leaves and by the analyzer otherwise.
  SchemaPtr schema;
  bool analyzed = false;

  std::vector<ExprPtr> exprs;      // kProject, kAggregate outputs, kSort orders, kDeduplicate keys
  std::vector<ExprPtr> groupings;  // kAggregate
  ExprPtr condition;               // kFilter, kJoin (nullptr: no condition)
  JoinType join_type = JoinType::kInner;
  std::vector<std::string> using_columns;  // kJoin USING / join(df, "col")
  int64_t limit = -1;                      // kLimit
  int64_t offset = 0;                      // kLimit
  int64_t range_start = 0, range_end = 0, range_step = 1;  // kRange
  int num_partitions = 0;                  // kRange (0: default)
  std::string alias;                       // kSubqueryAlias, kUnresolvedTableFunction (function name),
                                           // kProject of a LATERAL VIEW (its table alias, qualifying the generator's outputs)
  std::vector<std::string> table_name;     // kUnresolvedRelation
  std::vector<std::vector<ExprPtr>> values;  // kValues rows
  // kAggregate: GROUPING SETS / ROLLUP / CUBE expanded to explicit sets of
  // grouping expressions (empty: plain GROUP BY `groupings`).
  std::vector<std::vector<ExprPtr>> grouping_sets;
  bool group_by_all = false;  // kAggregate: GROUP BY ALL
  bool is_having = false;     // kFilter: HAVING, may reference aggregates
  bool is_qualify = false;    // kFilter: QUALIFY, the one filter that may hold window functions
  bool natural = false;       // kJoin: NATURAL join (columns resolved by the analyzer)
  bool set_all = false;       // kIntersect, kExcept: ALL
  std::shared_ptr<const PivotSpec> pivot;  // kAggregate: PIVOT (null: none)
  std::shared_ptr<const UnpivotSpec> unpivot;  // kProject: UNPIVOT (null: none)
  std::vector<RecordBatchPtr> batches;     // kLocalRelation
  FileScanSpec scan;                       // kFileScan

  // "Project [a, (b + 1) AS c]" — one line, for explain().
  std::string Describe() const;
  // Indented tree, Spark's explain style.
  std::string TreeString() const;

  static int64_t NextPlanId();
};

// Constructors for unanalyzed nodes.
LogicalPlanPtr MakeLocalRelation(SchemaPtr schema, std::vector<RecordBatchPtr> batches);
LogicalPlanPtr MakeRange(int64_t start, int64_t end, int64_t step, int num_partitions);
LogicalPlanPtr MakeFileScan(FileScanSpec spec);
LogicalPlanPtr MakeProject(LogicalPlanPtr child, std::vector<ExprPtr> exprs);
LogicalPlanPtr MakeFilter(LogicalPlanPtr child, ExprPtr condition);
LogicalPlanPtr MakeAggregate(LogicalPlanPtr child, std::vector<ExprPtr> groupings, std::vector<ExprPtr> outputs);
LogicalPlanPtr MakeJoin(LogicalPlanPtr left, LogicalPlanPtr right, JoinType type, ExprPtr condition,
                        std::vector<std::string> using_columns = {});
LogicalPlanPtr MakeSort(LogicalPlanPtr child, std::vector<ExprPtr> orders);
LogicalPlanPtr MakeLimit(LogicalPlanPtr child, int64_t limit, int64_t offset = 0);
LogicalPlanPtr MakeUnion(std::vector<LogicalPlanPtr> children);
LogicalPlanPtr MakeDistinct(LogicalPlanPtr child);
LogicalPlanPtr MakeDeduplicate(LogicalPlanPtr child, std::vector<ExprPtr> keys);
LogicalPlanPtr MakeSubqueryAlias(LogicalPlanPtr child, std::string alias);
LogicalPlanPtr MakeUnresolvedRelation(std::vector<std::string> table_name);
LogicalPlanPtr MakeUnresolvedTableFunction(std::string name, std::vector<ExprPtr> args);
LogicalPlanPtr MakeValues(std::vector<std::vector<ExprPtr>> rows);
LogicalPlanPtr MakeWindow(LogicalPlanPtr child, std::vector<ExprPtr> window_exprs);
LogicalPlanPtr MakeSetOperation(PlanKind kind, LogicalPlanPtr left, LogicalPlanPtr right, bool all);

}  // namespace lakestream
