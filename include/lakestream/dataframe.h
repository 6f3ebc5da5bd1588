// DataFrame: a lazily evaluated query (Spark's Dataset[Row]). Transformations
// return new DataFrames and run nothing; actions (show, collect, count, write,
// toArrow) plan and execute. Copyable and cheap; safe to use from one thread at
// a time per copy.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "lakestream/column.h"
#include "lakestream/types.h"
#include "lakestream/value.h"

struct ArrowSchema;
struct ArrowArray;

namespace lakestream {

class LogicalPlan;
class SessionState;
class GroupedData;
class DataFrameWriter;

// In select/groupBy argument lists a string names a column (as in Spark),
// while elsewhere a string converts to a literal.
Column ColumnByName(const std::string& name);
template <typename T>
Column SelectArgument(const T& arg) {
  if constexpr (std::is_convertible_v<T, std::string>) {
    return ColumnByName(arg);
  } else {
    return Column(arg);
  }
}

class DataFrame {
 public:
  DataFrame(std::shared_ptr<SessionState> session, std::shared_ptr<const LogicalPlan> plan);

  // ---- Transformations ----
  DataFrame select(const std::vector<Column>& cols) const;
  DataFrame select(const std::vector<std::string>& names) const;
  template <typename First, typename... Rest>
  DataFrame select(const First& first, const Rest&... rest) const {
    return select(std::vector<Column>{SelectArgument(first), SelectArgument(rest)...});
  }
  // SQL expressions, e.g. selectExpr({"a + 1 AS b", "upper(name)"}).
  DataFrame selectExpr(const std::vector<std::string>& exprs) const;
  DataFrame filter(const Column& condition) const;
  // A SQL condition, e.g. filter("amount > 10 AND city = 'Oslo'").
  DataFrame filter(const std::string& condition) const;
  DataFrame filter(const char* condition) const { return filter(std::string(condition)); }
  DataFrame where(const Column& condition) const { return filter(condition); }
  DataFrame where(const std::string& condition) const { return filter(condition); }
  DataFrame where(const char* condition) const { return filter(std::string(condition)); }
  // Names this DataFrame for SQL in the session (temporary view).
  void createOrReplaceTempView(const std::string& name) const;
  // Like createOrReplaceTempView; throws TEMP_TABLE_OR_VIEW_ALREADY_EXISTS.
  void createTempView(const std::string& name) const;
  DataFrame withColumn(const std::string& name, const Column& col) const;
  DataFrame withColumnRenamed(const std::string& existing, const std::string& renamed) const;
  DataFrame drop(const std::vector<std::string>& names) const;
  DataFrame drop(const std::string& name) const { return drop(std::vector<std::string>{name}); }
  GroupedData groupBy(const std::vector<Column>& cols) const;
  GroupedData groupBy(const std::vector<std::string>& names) const;
  template <typename First, typename... Rest>
  GroupedData groupBy(const First& first, const Rest&... rest) const;
  // Aggregates over the whole DataFrame: df.agg(sum(col("x"))).
  DataFrame agg(const std::vector<Column>& aggs) const;
  // how: inner, left, left_outer, right, full, outer, left_semi, left_anti, cross.
  DataFrame join(const DataFrame& right, const Column& on, const std::string& how = "inner") const;
  DataFrame join(const DataFrame& right, const std::vector<std::string>& using_columns,
                 const std::string& how = "inner") const;
  DataFrame join(const DataFrame& right, const std::string& using_column, const std::string& how = "inner") const;
  DataFrame join(const DataFrame& right, const char* using_column, const std::string& how = "inner") const {
    return join(right, std::string(using_column), how);
  }
  DataFrame crossJoin(const DataFrame& right) const;
  DataFrame orderBy(const std::vector<Column>& cols) const;
  DataFrame orderBy(const std::vector<std::string>& names) const;
  DataFrame sort(const std::vector<Column>& cols) const { return orderBy(cols); }
  DataFrame sort(const std::vector<std::string>& names) const { return orderBy(names); }
  DataFrame limit(int64_t n) const;
  DataFrame offset(int64_t n) const;
  // UNION ALL by position (`union` is a C++ keyword; unionAll is Spark's alias).
  DataFrame unionAll(const DataFrame& other) const;
  DataFrame union_(const DataFrame& other) const { return unionAll(other); }
  DataFrame unionByName(const DataFrame& other, bool allow_missing_columns = false) const;
  DataFrame distinct() const;
  DataFrame dropDuplicates(const std::vector<std::string>& subset = {}) const;
  DataFrame alias(const std::string& name) const;
  DataFrame as(const std::string& name) const { return alias(name); }
  // Spark's unpivot (melt): one row per input row and value column, with the
  // `ids`, a STRING `variable_column` naming the value's column and the value
  // in `value_column` (the values widened to a common type, else
  // UNPIVOT_VALUE_DATA_TYPE_MISMATCH). NULL values are kept, as Spark's
  // Dataset.unpivot. Without `values`, every column that is not an id.
  DataFrame unpivot(const std::vector<Column>& ids, const std::vector<Column>& values,
                    const std::string& variable_column, const std::string& value_column) const;
  DataFrame unpivot(const std::vector<Column>& ids, const std::string& variable_column,
                    const std::string& value_column) const;
  DataFrame melt(const std::vector<Column>& ids, const std::vector<Column>& values, const std::string& variable_column,
                 const std::string& value_column) const {
    return unpivot(ids, values, variable_column, value_column);
  }
  DataFrame melt(const std::vector<Column>& ids, const std::string& variable_column,
                 const std::string& value_column) const {
    return unpivot(ids, variable_column, value_column);
  }

  // A column of this DataFrame; unambiguous in self-joins (df1.col("id") == df2.col("id")).
  Column col(const std::string& name) const;
  Column operator[](const std::string& name) const { return col(name); }

  // ---- Actions ----
  // Spark's ASCII table: first `n` rows, cells truncated to `truncate` chars (0: none).
  void show(int n = 20, int truncate = 20, bool vertical = false) const;
  std::string showString(int n = 20, int truncate = 20, bool vertical = false) const;
  std::vector<Row> collect() const;
  std::vector<Row> take(int64_t n) const;
  Row first() const;
  int64_t count() const;
  // The whole result as one Arrow struct array (columns as children) with its schema.
  void toArrow(ArrowSchema* out_schema, ArrowArray* out_array) const;
  void explain(bool extended = false) const;
  std::string explainString(bool extended = false) const;
  DataFrameWriter write() const;

  // ---- Metadata ----
  const Schema& schema() const;
  std::vector<std::string> columns() const;
  // (name, simpleString type) pairs.
  std::vector<std::pair<std::string, std::string>> dtypes() const;
  void printSchema() const;

  const std::shared_ptr<const LogicalPlan>& plan() const { return plan_; }
  const std::shared_ptr<SessionState>& session() const { return session_; }

 private:
  DataFrame With(std::shared_ptr<const LogicalPlan> plan) const;
  std::shared_ptr<SessionState> session_;
  std::shared_ptr<const LogicalPlan> plan_;       // as built
  mutable std::shared_ptr<const LogicalPlan> analyzed_;  // cached on first use
  const std::shared_ptr<const LogicalPlan>& Analyzed() const;
};

class GroupedData {
 public:
  GroupedData(DataFrame df, std::vector<Column> keys) : df_(std::move(df)), keys_(std::move(keys)) {}
  DataFrame agg(const std::vector<Column>& aggs) const;
  template <typename... Cols>
  DataFrame agg(const Column& first, const Cols&... rest) const { return agg(std::vector<Column>{first, rest...}); }
  DataFrame count() const;
  DataFrame sum(const std::vector<std::string>& names) const;
  DataFrame avg(const std::vector<std::string>& names) const;
  DataFrame min(const std::vector<std::string>& names) const;
  DataFrame max(const std::vector<std::string>& names) const;
  // Spark's pivot with explicit values: agg() then yields the keys and one
  // column per value (per value and aggregate, named value_aggregate, when
  // there are several aggregates), as SQL's PIVOT. A second pivot throws
  // UNSUPPORTED_OPERATION.
  GroupedData pivot(const std::string& column, const std::vector<Value>& values) const;
  GroupedData pivot(const Column& column, const std::vector<Value>& values) const;
  GroupedData pivot(const char* column, const std::vector<Value>& values) const {
    return pivot(std::string(column), values);
  }
  // Spark's pivot without values: runs a query now for the column's distinct
  // values (NULL included), sorted, and pivots on them. More than
  // spark.sql.pivotMaxValues (default 10000) throws _LEGACY_ERROR_TEMP_1324.
  GroupedData pivot(const std::string& column) const;
  GroupedData pivot(const Column& column) const;
  GroupedData pivot(const char* column) const { return pivot(std::string(column)); }

 private:
  DataFrame df_;
  std::vector<Column> keys_;
  std::optional<Column> pivot_column_;
  std::vector<Value> pivot_values_;
};

template <typename First, typename... Rest>
GroupedData DataFrame::groupBy(const First& first, const Rest&... rest) const {
  return groupBy(std::vector<Column>{SelectArgument(first), SelectArgument(rest)...});
}

class DataFrameWriter {
 public:
  explicit DataFrameWriter(DataFrame df) : df_(std::move(df)) {}
  // "error"/"errorifexists" (default), "append", "overwrite", "ignore".
  DataFrameWriter& mode(const std::string& mode);
  DataFrameWriter& format(const std::string& format);
  DataFrameWriter& option(const std::string& key, const std::string& value);
  DataFrameWriter& options(const std::map<std::string, std::string>& opts);
  DataFrameWriter& partitionBy(const std::vector<std::string>& cols);
  void save(const std::string& path);
  void csv(const std::string& path);
  void json(const std::string& path);
  // Option "compression": snappy (default), zstd, gzip, lz4, lz4_raw, brotli, none.
  void parquet(const std::string& path);

 private:
  DataFrame df_;
  std::string mode_ = "error";
  std::string format_ = "parquet";  // spark.sql.sources.default
  std::map<std::string, std::string> options_;
  std::vector<std::string> partition_by_;
};

}  // namespace lakestream
