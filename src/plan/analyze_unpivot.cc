// UNPIVOT (SQL) and DataFrame.unpivot / melt: a kProject carrying an
// UnpivotSpec becomes, over the analyzed input,
//
//   Filter [values not all NULL]                       (EXCLUDE NULLS only)
//   +- Project [ids, CASE __unpivot WHEN 0 THEN 'a' ... END AS name,
//               CASE __unpivot WHEN 0 THEN CAST(a AS common) ... END AS value, ...]
//      +- Project [input columns, explode(array(0, 1, ..., n - 1)) AS __unpivot]
//
// so each input row is read once and yields one row per IN entry (Spark's
// Expand does the same).
#include <set>
#include <string>
#include <vector>

#include "expr/binder.h"
#include "expr/type_coercion.h"
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {

namespace {

constexpr const char* kEntryColumn = "__unpivot";

ExprPtr IntLiteral(int v) { return Lit(Value(v), DataType::Int()); }

std::string Joined(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::string Quoted(const std::string& name) { return "`" + name + "`"; }

// The name of an entry without alias: its expressions' output names joined by "_".
std::string EntryName(const std::vector<ExprPtr>& bound) {
  std::vector<std::string> names;
  for (const auto& e : bound) names.push_back(e->OutputName());
  return Joined(names, "_");
}

// Spark's UnpivotCoercion: the wider type without string promotion, so
// STRING mixes with no other type (neither way).
DataTypePtr CommonValueType(const std::vector<DataTypePtr>& types) {
  bool strings = false, others = false;
  for (const auto& t : types) {
    if (t->id() == TypeId::kString) strings = true;
    else if (t->id() != TypeId::kNull) others = true;
  }
  if (strings && others) return nullptr;
  return WiderTypeOf(types);
}

}  // namespace

Resolved Analyzer::Unpivot(const LogicalPlan& p, Resolved child) {
  const UnpivotSpec& spec = *p.unpivot;
  const size_t width = spec.value_columns.size();
  // Ids: given (DataFrame) or every column no entry names directly (SQL).
  std::vector<ExprPtr> ids;
  std::set<int> id_indexes;
  if (!spec.implicit_ids) {
    for (const auto& e : ExpandStars(spec.ids, child.columns)) {
      ids.push_back(Bind(e, child.columns));
      const Expr& id = *ids.back();
      if (id.kind == ExprKind::kColumn && id.outer_depth == 0) id_indexes.insert(id.column_index);
    }
  }
  std::vector<std::vector<ExprPtr>> entries;
  for (const auto& entry : spec.entries) {
    if (entry.size() != width) {
      throw UserError("UNPIVOT_VALUE_SIZE_MISMATCH", "428C4",
                      "All unpivot value columns must have the same size as there are value column names (" +
                          std::to_string(width) + ").");
    }
    std::vector<ExprPtr> bound;
    for (const auto& e : ExpandStars(entry, child.columns)) bound.push_back(Bind(e, child.columns));
    if (bound.size() != width) {
      throw UserError("UNPIVOT_VALUE_SIZE_MISMATCH", "428C4",
                      "All unpivot value columns must have the same size as there are value column names (" +
                          std::to_string(width) + ").");
    }
    entries.push_back(std::move(bound));
  }
  std::vector<std::string> entry_names = spec.entry_names;
  if (spec.entries.empty()) {
    // DataFrame.unpivot(ids, variable, value) without values: every non-id column.
    if (width != 1) throw InternalError("unpivot without values takes one value column");
    for (size_t i = 0; i < child.columns.size(); ++i) {
      if (id_indexes.count(static_cast<int>(i))) continue;
      entries.push_back({BoundColumn(static_cast<int>(i), child.columns[i])});
      entry_names.emplace_back();
    }
    if (entries.empty()) {
      throw UserError("UNPIVOT_REQUIRES_VALUE_COLUMNS", "42K0A",
                      "At least one value column needs to be specified for UNPIVOT, all columns specified as ids.");
    }
  }
  if (spec.implicit_ids) {
    std::set<int> named;
    for (const auto& entry : entries) {
      for (const auto& e : entry) {
        if (e->kind == ExprKind::kColumn && e->outer_depth == 0 && e->column_index >= 0) named.insert(e->column_index);
      }
    }
    for (size_t i = 0; i < child.columns.size(); ++i) {
      if (!named.count(static_cast<int>(i))) ids.push_back(BoundColumn(static_cast<int>(i), child.columns[i]));
    }
  }
  // One common type per value column.
  std::vector<DataTypePtr> types(width);
  for (size_t j = 0; j < width; ++j) {
    std::vector<DataTypePtr> column_types;
    for (const auto& entry : entries) column_types.push_back(entry[j]->type);
    types[j] = CommonValueType(column_types);
    if (!types[j]) {
      std::vector<std::string> listed;
      for (const auto& entry : entries) {
        listed.push_back(Quoted(entry[j]->OutputName()) + " " + QuotedSqlType(*entry[j]->type));
      }
      throw UserError("UNPIVOT_VALUE_DATA_TYPE_MISMATCH", "42K09",
                      "Unpivot value columns must share a least common type, some types do not: [" +
                          Joined(listed, ", ") + "].");
    }
  }

  // Project [input columns, explode(array(0, ..., n - 1)) AS __unpivot].
  LogicalPlan expand;
  expand.kind = PlanKind::kProject;
  std::vector<ExprPtr> indexes;
  for (size_t i = 0; i < entries.size(); ++i) indexes.push_back(IntLiteral(static_cast<int>(i)));
  for (size_t i = 0; i < child.columns.size(); ++i) {
    expand.exprs.push_back(BoundColumn(static_cast<int>(i), child.columns[i]));
  }
  expand.exprs.push_back(Alias(Generator("explode", Call("array", indexes)), kEntryColumn));
  Resolved expanded = Project(expand, std::move(child));
  const size_t entry_at = expanded.columns.size() - 1;
  ExprPtr entry_index = BoundColumn(static_cast<int>(entry_at), expanded.columns[entry_at]);

  // CASE __unpivot WHEN 0 THEN x0 WHEN 1 THEN x1 ... ELSE x(n-1) END.
  auto pick = [&](const std::vector<ExprPtr>& per_entry) {
    if (per_entry.size() == 1) return per_entry[0];
    std::vector<ExprPtr> when_then;
    for (size_t i = 0; i + 1 < per_entry.size(); ++i) {
      when_then.push_back(Call("=", {entry_index, IntLiteral(static_cast<int>(i))}));
      when_then.push_back(per_entry[i]);
    }
    return CaseWhen(std::move(when_then), per_entry.back());
  };
  LogicalPlan select;
  select.kind = PlanKind::kProject;
  select.exprs = ids;  // bound over the input, whose columns lead the expansion's
  std::vector<ExprPtr> names;
  for (size_t i = 0; i < entries.size(); ++i) {
    std::string name = i < entry_names.size() && !entry_names[i].empty() ? entry_names[i] : EntryName(entries[i]);
    names.push_back(Lit(Value(name), DataType::String()));
  }
  select.exprs.push_back(Alias(pick(names), spec.name_column));
  for (size_t j = 0; j < width; ++j) {
    std::vector<ExprPtr> values;
    for (const auto& entry : entries) {
      values.push_back(entry[j]->type->Equals(*types[j]) ? entry[j] : CastTo(entry[j], types[j]));
    }
    select.exprs.push_back(Alias(pick(values), spec.value_columns[j]));
  }
  Resolved out = Project(select, std::move(expanded));

  if (!spec.include_nulls) {
    LogicalPlan filter;
    filter.kind = PlanKind::kFilter;
    filter.children = {out.plan};
    const size_t first = out.columns.size() - width;
    ExprPtr any;
    for (size_t j = first; j < out.columns.size(); ++j) {
      ExprPtr not_null = Call("isnotnull", {BoundColumn(static_cast<int>(j), out.columns[j])});
      any = any ? Call("or", {any, not_null}) : not_null;
    }
    filter.condition = any;
    out = Filter(filter, std::move(out));
  }
  AddPlanId(out.columns, p.plan_id);
  return out;
}

}  // namespace lakestream
