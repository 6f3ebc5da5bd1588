// DataFrame transformations: each builds a new logical plan node.
#include "lakestream/dataframe.h"

#include <cstdint>
#include <exception>

#include "api/session_state.h"
#include "expr/expression.h"
#include "lakestream/error.h"
#include "lakestream/functions.h"
#include "plan/logical_plan.h"

namespace lakestream {

namespace {

std::vector<ExprPtr> Exprs(const std::vector<Column>& cols) {
  std::vector<ExprPtr> out;
  for (const auto& c : cols) out.push_back(c.expr());
  return out;
}

// A reference to the child's i-th output column, bound by position so that
// duplicate names (after a join) stay unambiguous.
ExprPtr PositionalColumn(int i, const Field& f) {
  auto e = std::make_shared<Expr>(*ColParts({f.name}));
  e->column_index = i;
  e->type = f.type;
  e->nullable = f.nullable;
  return e;
}

bool SameName(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

Column ColumnByName(const std::string& name) { return functions::col(name); }

DataFrame::DataFrame(std::shared_ptr<SessionState> session, std::shared_ptr<const LogicalPlan> plan)
    : session_(std::move(session)), plan_(std::move(plan)) {}

DataFrame DataFrame::With(std::shared_ptr<const LogicalPlan> plan) const {
  DataFrame df(session_, std::move(plan));
  df.Analyzed();  // Spark analyzes eagerly: errors surface at the transformation
  return df;
}

const std::shared_ptr<const LogicalPlan>& DataFrame::Analyzed() const {
  if (!analyzed_) analyzed_ = session_->Analyze(plan_);
  return analyzed_;
}

DataFrame DataFrame::select(const std::vector<Column>& cols) const { return With(MakeProject(plan_, Exprs(cols))); }

DataFrame DataFrame::select(const std::vector<std::string>& names) const {
  std::vector<Column> cols;
  for (const auto& n : names) cols.push_back(functions::col(n));
  return select(cols);
}

DataFrame DataFrame::filter(const Column& condition) const { return With(MakeFilter(plan_, condition.expr())); }

DataFrame DataFrame::withColumn(const std::string& name, const Column& col) const {
  const Schema& s = schema();
  std::vector<ExprPtr> exprs;
  bool replaced = false;
  for (size_t i = 0; i < s.num_fields(); ++i) {
    if (SameName(s.field(i).name, name)) {
      exprs.push_back(Alias(col.expr(), name));
      replaced = true;
    } else {
      exprs.push_back(PositionalColumn(static_cast<int>(i), s.field(i)));
    }
  }
  if (!replaced) exprs.push_back(Alias(col.expr(), name));
  return With(MakeProject(plan_, std::move(exprs)));
}

DataFrame DataFrame::withColumnRenamed(const std::string& existing, const std::string& renamed) const {
  const Schema& s = schema();
  std::vector<ExprPtr> exprs;
  bool found = false;
  for (size_t i = 0; i < s.num_fields(); ++i) {
    auto c = PositionalColumn(static_cast<int>(i), s.field(i));
    if (SameName(s.field(i).name, existing)) {
      exprs.push_back(Alias(c, renamed));
      found = true;
    } else {
      exprs.push_back(c);
    }
  }
  if (!found) return *this;  // Spark: renaming a missing column is a no-op
  return With(MakeProject(plan_, std::move(exprs)));
}

DataFrame DataFrame::drop(const std::vector<std::string>& names) const {
  const Schema& s = schema();
  std::vector<ExprPtr> exprs;
  for (size_t i = 0; i < s.num_fields(); ++i) {
    bool dropped = false;
    for (const auto& n : names) dropped |= SameName(s.field(i).name, n);
    if (!dropped) exprs.push_back(PositionalColumn(static_cast<int>(i), s.field(i)));
  }
  if (exprs.size() == s.num_fields()) return *this;  // Spark: dropping a missing column is a no-op
  return With(MakeProject(plan_, std::move(exprs)));
}

GroupedData DataFrame::groupBy(const std::vector<Column>& cols) const { return GroupedData(*this, cols); }

GroupedData DataFrame::groupBy(const std::vector<std::string>& names) const {
  std::vector<Column> cols;
  for (const auto& n : names) cols.push_back(functions::col(n));
  return GroupedData(*this, cols);
}

DataFrame DataFrame::agg(const std::vector<Column>& aggs) const { return GroupedData(*this, {}).agg(aggs); }

DataFrame DataFrame::join(const DataFrame& right, const Column& on, const std::string& how) const {
  return With(MakeJoin(plan_, right.plan_, ParseJoinType(how), on.expr()));
}

DataFrame DataFrame::join(const DataFrame& right, const std::vector<std::string>& using_columns,
                          const std::string& how) const {
  return With(MakeJoin(plan_, right.plan_, ParseJoinType(how), nullptr, using_columns));
}

DataFrame DataFrame::join(const DataFrame& right, const std::string& using_column, const std::string& how) const {
  return join(right, std::vector<std::string>{using_column}, how);
}

DataFrame DataFrame::crossJoin(const DataFrame& right) const {
  return With(MakeJoin(plan_, right.plan_, JoinType::kCross, nullptr));
}

DataFrame DataFrame::orderBy(const std::vector<Column>& cols) const { return With(MakeSort(plan_, Exprs(cols))); }

DataFrame DataFrame::orderBy(const std::vector<std::string>& names) const {
  std::vector<Column> cols;
  for (const auto& n : names) cols.push_back(functions::col(n));
  return orderBy(cols);
}

DataFrame DataFrame::limit(int64_t n) const { return With(MakeLimit(plan_, n)); }
DataFrame DataFrame::offset(int64_t n) const { return With(MakeLimit(plan_, -1, n)); }

DataFrame DataFrame::unionAll(const DataFrame& other) const { return With(MakeUnion({plan_, other.plan_})); }

DataFrame DataFrame::unionByName(const DataFrame& other, bool allow_missing_columns) const {
  const Schema& mine = schema();
  const Schema& theirs = other.schema();
  std::vector<ExprPtr> reordered;
  for (size_t i = 0; i < mine.num_fields(); ++i) {
    int j = theirs.FieldIndex(mine.field(i).name);
    if (j >= 0) {
      reordered.push_back(PositionalColumn(j, theirs.field(j)));
    } else if (allow_missing_columns) {
      reordered.push_back(Alias(CastTo(LitNull(), mine.field(i).type), mine.field(i).name));
    } else {
      throw UserError("NUM_COLUMNS_MISMATCH", "42826",
                      "unionByName: column `" + mine.field(i).name + "` is missing from the second input; "
                      "use allowMissingColumns = true to fill it with NULLs.");
    }
  }
  std::vector<ExprPtr> mine_exprs;
  for (size_t i = 0; i < mine.num_fields(); ++i) mine_exprs.push_back(PositionalColumn(static_cast<int>(i), mine.field(i)));
  LogicalPlanPtr left = plan_;
  for (size_t j = 0; j < theirs.num_fields(); ++j) {
    if (mine.FieldIndex(theirs.field(j).name) >= 0) continue;
    if (!allow_missing_columns) {
      throw UserError("NUM_COLUMNS_MISMATCH", "42826",
                      "unionByName: column `" + theirs.field(j).name + "` of the second input is missing from the first.");
    }
    mine_exprs.push_back(Alias(CastTo(LitNull(), theirs.field(j).type), theirs.field(j).name));
    reordered.push_back(PositionalColumn(static_cast<int>(j), theirs.field(j)));
  }
  return With(MakeUnion({MakeProject(left, mine_exprs), MakeProject(other.plan_, reordered)}));
}

DataFrame DataFrame::distinct() const { return With(MakeDistinct(plan_)); }

DataFrame DataFrame::unpivot(const std::vector<Column>& ids, const std::vector<Column>& values,
                             const std::string& variable_column, const std::string& value_column) const {
  auto spec = std::make_shared<UnpivotSpec>();
  for (const auto& v : values) {
    spec->entries.push_back({v.expr()});
    spec->entry_names.emplace_back();
  }
  if (values.empty()) {
    // Spark: without values, every non-id column; the ids must then be columns.
    std::vector<std::string> not_columns;
    for (const auto& id : ids) {
      ExprKind k = id.expr()->kind;
      if (k != ExprKind::kColumn && k != ExprKind::kStar) not_columns.push_back(id.expr()->ToString());
    }
    if (!not_columns.empty()) {
      std::string listed;
      for (const auto& n : not_columns) listed += (listed.empty() ? "" : ", ") + ("\"" + n + "\"");
      throw UserError("UNPIVOT_REQUIRES_ATTRIBUTES", "42K0A",
                      "UNPIVOT requires all given ids expressions to be columns when no values expressions are "
                      "given. These are not columns: [" + listed + "].");
    }
  }
  spec->value_columns = {value_column};
  spec->name_column = variable_column;
  spec->implicit_ids = false;
  for (const auto& id : ids) spec->ids.push_back(id.expr());
  spec->include_nulls = true;
  auto node = std::make_shared<LogicalPlan>(*MakeProject(plan_, {}));
  node->unpivot = std::move(spec);
  DataFrame df = With(node);
  df.schema();  // errors at once, as Spark's eager analysis
  return df;
}

DataFrame DataFrame::unpivot(const std::vector<Column>& ids, const std::string& variable_column,
                             const std::string& value_column) const {
  return unpivot(ids, {}, variable_column, value_column);
}

DataFrame DataFrame::dropDuplicates(const std::vector<std::string>& subset) const {
  std::vector<ExprPtr> keys;
  for (const auto& n : subset) {
    if (schema().FieldIndex(n) < 0) {
      throw UserError("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
                      "Cannot resolve column name \"" + n + "\" among (" + [&] {
                        std::string s;
                        for (const auto& f : schema().fields()) s += (s.empty() ? "" : ", ") + f.name;
                        return s;
                      }() + ").");
    }
    keys.push_back(Col(n));
  }
  return With(MakeDeduplicate(plan_, std::move(keys)));
}

DataFrame DataFrame::alias(const std::string& name) const { return With(MakeSubqueryAlias(plan_, name)); }

Column DataFrame::col(const std::string& name) const {
  if (name == "*") return Column(Star());
  std::vector<std::string> parts{name};
  // Fail early on a name this DataFrame does not have, as Spark does.
  if (schema().FieldIndex(name) < 0 && name.find('.') == std::string::npos) {
    session_->Analyze(MakeProject(plan_, {Col(name)}));
  }
  return Column(ColParts(name.find('.') == std::string::npos ? parts : Col(name)->name_parts, plan_->plan_id));
}

const Schema& DataFrame::schema() const { return *Analyzed()->schema; }

std::vector<std::string> DataFrame::columns() const { return schema().FieldNames(); }

std::vector<std::pair<std::string, std::string>> DataFrame::dtypes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : schema().fields()) out.emplace_back(f.name, f.type->ToString());
  return out;
}

// ---- GroupedData ------------------------------------------------------------------

DataFrame GroupedData::agg(const std::vector<Column>& aggs) const {
  std::vector<ExprPtr> outputs;
  std::vector<ExprPtr> groupings;
  for (const auto& k : keys_) {
    groupings.push_back(k.expr());
    outputs.push_back(k.expr());  // Spark keeps the grouping columns first
  }
  for (const auto& a : aggs) outputs.push_back(a.expr());
  auto plan = MakeAggregate(df_.plan(), std::move(groupings), std::move(outputs));
  if (pivot_column_) {
    // The same plan as SQL's PIVOT, grouped by the keys instead of implicitly.
    auto spec = std::make_shared<PivotSpec>();
    spec->columns = {pivot_column_->expr()};
    for (const auto& v : pivot_values_) {
      spec->values.push_back({functions::lit(v).expr()});
      spec->value_aliases.emplace_back();
    }
    spec->implicit_grouping = false;
    auto node = std::make_shared<LogicalPlan>(*plan);
    node->exprs.erase(node->exprs.begin(), node->exprs.begin() + static_cast<std::ptrdiff_t>(keys_.size()));
    node->pivot = std::move(spec);
    plan = node;
  }
  DataFrame df(df_.session(), plan);
  df.schema();
  return df;
}

GroupedData GroupedData::pivot(const std::string& column, const std::vector<Value>& values) const {
  return pivot(functions::col(column), values);
}

GroupedData GroupedData::pivot(const Column& column, const std::vector<Value>& values) const {
  if (pivot_column_) {
    throw UserError("UNSUPPORTED_OPERATION", "0A000", "Repeated PIVOT operation is not supported.");
  }
  GroupedData g = *this;
  g.pivot_column_ = column;
  g.pivot_values_ = values;
  return g;
}

GroupedData GroupedData::pivot(const std::string& column) const { return pivot(functions::col(column)); }

GroupedData GroupedData::pivot(const Column& column) const {
  if (pivot_column_) {
    throw UserError("UNSUPPORTED_OPERATION", "0A000", "Repeated PIVOT operation is not supported.");
  }
  const std::string key = "spark.sql.pivotMaxValues";
  const std::string setting = df_.session()->GetConf(key, "10000");
  int64_t max_values = -1;
  try {
    size_t used = 0;
    max_values = std::stoll(setting, &used);
    if (used != setting.size()) max_values = -1;
  } catch (const std::exception&) {
  }
  if (max_values < 0 || max_values >= INT32_MAX) {
    throw UserError("INVALID_CONF_VALUE.TYPE_MISMATCH", "22022",
                    "The value '" + setting + "' in the config \"" + key + "\" is invalid. It should be a non-negative int.");
  }
  // As Spark: distinct values, at most one more than allowed, sorted (NULL first).
  DataFrame distinct = df_.select(std::vector<Column>{column}).distinct().limit(max_values + 1);
  const std::string name = distinct.columns()[0];
  std::vector<Row> rows = distinct.orderBy({Column(ColParts({name}))}).collect();
  if (static_cast<int64_t>(rows.size()) > max_values) {
    throw UserError("_LEGACY_ERROR_TEMP_1324", "54000",
                    "The pivot column " + column.expr()->ToString() + " has more than " + std::to_string(max_values) +
                        " distinct values, this could indicate an error. If this was intended, set " + key +
                        " to at least the number of distinct values of the pivot column.");
  }
  std::vector<Value> values;
  for (const auto& r : rows) values.push_back(r[0]);
  return pivot(column, values);
}

DataFrame GroupedData::count() const { return agg({functions::count(functions::lit(1)).alias("count")}); }

namespace {
DataFrame AggregateEach(const GroupedData& g, const std::vector<std::string>& names, Column (*fn)(const Column&)) {
  std::vector<Column> aggs;
  for (const auto& n : names) aggs.push_back(fn(functions::col(n)));
  return g.agg(aggs);
}
}  // namespace

DataFrame GroupedData::sum(const std::vector<std::string>& names) const { return AggregateEach(*this, names, functions::sum); }
DataFrame GroupedData::avg(const std::vector<std::string>& names) const { return AggregateEach(*this, names, functions::avg); }
DataFrame GroupedData::min(const std::vector<std::string>& names) const { return AggregateEach(*this, names, functions::min); }
DataFrame GroupedData::max(const std::vector<std::string>& names) const { return AggregateEach(*this, names, functions::max); }

}  // namespace lakestream
