#include "exec/scan_predicate_converter.h"

#include <optional>

namespace lakestream {
namespace {

using Op = ColumnPredicate::Op;

std::optional<Op> ComparisonOp(const std::string& name, bool flipped) {
  if (name == "=" || name == "==") return Op::kEq;
  if (name == "<") return flipped ? Op::kGt : Op::kLt;
  if (name == "<=") return flipped ? Op::kGe : Op::kLe;
  if (name == ">") return flipped ? Op::kLt : Op::kGt;
  if (name == ">=") return flipped ? Op::kLe : Op::kGe;
  return std::nullopt;
}

bool IsColumn(const ExprPtr& e) { return e->kind == ExprKind::kColumn && e->column_index >= 0; }

bool IsLiteralOf(const ExprPtr& e, const DataType& type) {
  return e->kind == ExprKind::kLiteral && !e->value.is_null() && e->type && e->type->Equals(type);
}

std::optional<ColumnPredicate> Convert(const ExprPtr& e, const Schema& schema) {
  if (e->kind == ExprKind::kCall && e->children.size() == 1 && IsColumn(e->children[0]) &&
      (e->name == "isnull" || e->name == "isnotnull")) {
    return ColumnPredicate{schema.field(e->children[0]->column_index).name,
                           e->name == "isnull" ? Op::kIsNull : Op::kIsNotNull, {}};
  }
  if (e->kind == ExprKind::kCall && e->children.size() == 2) {
    for (bool flipped : {false, true}) {
      const ExprPtr& col = e->children[flipped ? 1 : 0];
      const ExprPtr& lit = e->children[flipped ? 0 : 1];
      if (!IsColumn(col)) continue;
      const Field& field = schema.field(col->column_index);
      auto op = ComparisonOp(e->name, flipped);
      if (op && IsLiteralOf(lit, *field.type)) return ColumnPredicate{field.name, *op, {lit->value}};
    }
    return std::nullopt;
  }
  if (e->kind == ExprKind::kIn && IsColumn(e->children[0])) {
    const Field& field = schema.field(e->children[0]->column_index);
    ColumnPredicate p{field.name, Op::kIn, {}};
    for (size_t i = 1; i < e->children.size(); ++i) {
      if (!IsLiteralOf(e->children[i], *field.type)) return std::nullopt;
      p.values.push_back(e->children[i]->value);
    }
    return p;
  }
  return std::nullopt;
}

}  // namespace

std::vector<ColumnPredicate> ToColumnPredicates(const std::vector<ExprPtr>& conjuncts, const Schema& schema) {
  std::vector<ColumnPredicate> out;
  for (const auto& e : conjuncts) {
    if (auto p = Convert(e, schema)) out.push_back(std::move(*p));
  }
  return out;
}

}  // namespace lakestream
