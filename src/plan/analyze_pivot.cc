// Analyzer rule for PIVOT (SQL's PIVOT clause and the DataFrame's
// groupBy(...).pivot(...)): as Spark's analyzer does, every aggregate turns
// into one aggregate per pivot value over the rows whose pivot columns equal
// the value, agg(if(cols <=> value, arg, NULL)), and the node becomes a plain
// aggregate grouped by the implicit (SQL) or explicit (DataFrame) keys.
#include <set>
#include <string>
#include <vector>

#include "expr/binder.h"
#include "expr/cast.h"
#include "expr/column_refs.h"
#include "expr/eval_context.h"
#include "expr/evaluator.h"
#include "expr/time_zone.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Aggregates whose default keeps NULLs: under a pivot they must skip the
// NULLs of the other values' rows (Spark: First/Last with ignoreNulls).
bool TakesIgnoreNulls(const std::string& name) {
  const std::string n = Lower(name);
  return n == "first" || n == "last" || n == "first_value" || n == "last_value" || n == "any_value";
}

Value EvaluateValue(const ExprPtr& bound) {
  EvalContext ctx;
  ctx.time_zone = TimeZone::Utc();
  return EvaluateConstant(*bound, ctx);
}

// Spark's name of a pivot value: its CAST(... AS STRING), "null" for NULL,
// and {a, b} for a tuple of several columns.
std::string ValueName(const std::vector<ExprPtr>& bound_values) {
  std::vector<std::string> parts;
  for (const auto& v : bound_values) {
    Value s = EvaluateValue(CastTo(v, DataType::String()));
    parts.push_back(s.is_null() ? "null" : s.as_string());
  }
  if (parts.size() == 1) return parts[0];
  std::string out = "{";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + "}";
}

}  // namespace

// Replaces the arguments of every aggregate call in an unresolved output
// expression by if(condition, argument, NULL).
ExprPtr Analyzer::PivotAggregate(const ExprPtr& e, const ExprPtr& condition) {
  bool is_aggregate = e->kind == ExprKind::kAggregate ||
                      (e->kind == ExprKind::kCall && registry_.FindAggregate(e->name) && !registry_.FindScalar(e->name));
  if (is_aggregate) {
    std::vector<ExprPtr> args;
    for (size_t i = 0; i < e->children.size(); ++i) {
      ExprPtr a = e->children[i];
      if (a->kind == ExprKind::kStar) a = Lit(Value(1), DataType::Int());  // count(*)
      // Later arguments of first/last (ignoreNulls) and the like stay constants.
      if (i == 0 || !TakesIgnoreNulls(e->name)) a = CaseWhen({condition, a}, nullptr);
      args.push_back(a);
    }
    if (TakesIgnoreNulls(e->name)) {
      args.resize(1);
      args.push_back(Lit(Value(true), DataType::Boolean()));
    }
    auto out = std::make_shared<Expr>(*e);
    out->kind = ExprKind::kAggregate;
    out->children = std::move(args);
    return out;
  }
  if (e->kind == ExprKind::kSubquery || e->children.empty()) return e;
  std::vector<ExprPtr> children;
  for (const auto& c : e->children) children.push_back(PivotAggregate(c, condition));
  return WithChildren(*e, std::move(children));
}

Resolved Analyzer::Pivot(const LogicalPlan& p, Resolved child) {
  const PivotSpec& spec = *p.pivot;
  std::set<int> used;
  std::vector<ExprPtr> columns;
  for (const auto& c : spec.columns) {
    columns.push_back(Bind(c, child.columns));
    CollectColumnRefs(columns.back(), &used);
  }
  // The aggregate outputs: each must aggregate (Spark: "Aggregate expression
  // required for pivot").
  std::vector<ExprPtr> aggregates = ExpandStars(p.exprs, child.columns);
  std::vector<std::string> aggregate_names;
  for (const auto& a : aggregates) {
    ExprPtr bound = Bind(a, child.columns, /*aggregates=*/true);
    if (!ContainsKind(bound, ExprKind::kAggregate)) {
      throw UserError("PIVOT_AGGREGATE_REQUIRED", "42803",
                      "Aggregate expression required for pivot, but '" + bound->ToString() +
                          "' did not appear in any aggregate function.");
    }
    CollectColumnRefs(bound, &used);
    aggregate_names.push_back(bound->kind == ExprKind::kAlias ? bound->name : bound->ToString());
  }
  // The values: constants, cast to the pivot columns' types.
  std::vector<ExprPtr> conditions;
  std::vector<std::string> value_names;
  for (size_t v = 0; v < spec.values.size(); ++v) {
    const auto& row = spec.values[v];
    if (row.size() != columns.size()) {
      throw UserError("PIVOT_VALUE_DATA_TYPE_MISMATCH", "42K09",
                      "Invalid pivot value: it has " + std::to_string(row.size()) + " values but the pivot has " +
                          std::to_string(columns.size()) + " columns.");
    }
    std::vector<ExprPtr> bound_values;
    ExprPtr condition;
    for (size_t i = 0; i < row.size(); ++i) {
      for (ExprKind k : {ExprKind::kColumn, ExprKind::kStar, ExprKind::kAggregate, ExprKind::kSubquery,
                         ExprKind::kWindow, ExprKind::kGenerator}) {
        if (ContainsKind(row[i], k)) {
          throw UserError("NON_LITERAL_PIVOT_VALUES", "42K08",
                          "Literal expressions required for pivot values, found \"" + row[i]->ToString() + "\".");
        }
      }
      ExprPtr value = Bind(row[i], {});
      const DataTypePtr& type = columns[i]->type;
      if (!TypeEquals(value->type, type) && value->type->id() != TypeId::kNull && !CanCast(*value->type, *type)) {
        throw UserError("PIVOT_VALUE_DATA_TYPE_MISMATCH", "42K09",
                        "Invalid pivot value '" + value->ToString() + "': value data type " + value->type->ToSql() +
                            " does not match pivot column data type " + type->ToSql() + ".");
      }
      bound_values.push_back(value);
      Value cast = EvaluateValue(TypeEquals(value->type, type) ? value : CastTo(value, type));
      ExprPtr equal = Call("<=>", {columns[i], Lit(cast, type)});
      condition = condition ? Call("and", {condition, equal}) : equal;
    }
    conditions.push_back(condition);
    const std::string& alias = v < spec.value_aliases.size() ? spec.value_aliases[v] : std::string();
    value_names.push_back(alias.empty() ? ValueName(bound_values) : alias);
  }
  // Keys first, then per value one output per aggregate.
  LogicalPlan agg = p;
  agg.pivot = nullptr;
  agg.exprs.clear();
  if (spec.implicit_grouping) {
    agg.groupings.clear();
    for (size_t i = 0; i < child.columns.size(); ++i) {
      if (used.count(static_cast<int>(i))) continue;
      agg.groupings.push_back(BoundColumn(static_cast<int>(i), child.columns[i]));
    }
  }
  agg.exprs = agg.groupings;
  for (size_t v = 0; v < conditions.size(); ++v) {
    for (size_t a = 0; a < aggregates.size(); ++a) {
      ExprPtr core = aggregates[a]->kind == ExprKind::kAlias ? aggregates[a]->children[0] : aggregates[a];
      std::string name = aggregates.size() == 1 ? value_names[v] : value_names[v] + "_" + aggregate_names[a];
      agg.exprs.push_back(Alias(PivotAggregate(core, conditions[v]), name));
    }
  }
  return Aggregate(agg, std::move(child));
}

}  // namespace lakestream
