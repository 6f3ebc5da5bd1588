#include "lakestream/column.h"

#include "expr/expression.h"
#include "expr/expression_builders.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {
DataTypePtr LiteralType(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: return DataType::Null();
    case Value::Kind::kBool: return DataType::Boolean();
    case Value::Kind::kInt: {
      int64_t i = v.as_int();
      return i >= INT32_MIN && i <= INT32_MAX ? DataType::Int() : DataType::Long();
    }
    case Value::Kind::kDouble: return DataType::Double();
    case Value::Kind::kString: return DataType::String();
    default:
      throw UserError("UNSUPPORTED_FEATURE.LITERAL_TYPE", "0A000",
                      "Literals of this kind need an explicit type: use functions::typedLit(value, type).");
  }
}

Column Binary(const char* op, const Column& a, const Column& b) { return Column(Call(op, {a.expr(), b.expr()})); }
}  // namespace

Column::Column(std::shared_ptr<const Expr> expr) : expr_(std::move(expr)) {}
Column::Column(const Value& literal) : expr_(Lit(literal, LiteralType(literal))) {}

Column Column::operator+(const Column& o) const { return Binary("+", *this, o); }
Column Column::operator-(const Column& o) const { return Binary("-", *this, o); }
Column Column::operator*(const Column& o) const { return Binary("*", *this, o); }
Column Column::operator/(const Column& o) const { return Binary("/", *this, o); }
Column Column::operator%(const Column& o) const { return Binary("%", *this, o); }
Column Column::operator-() const { return Column(Call("negative", {expr_})); }
Column Column::operator==(const Column& o) const { return Binary("=", *this, o); }
Column Column::operator!=(const Column& o) const { return Binary("!=", *this, o); }
Column Column::operator<(const Column& o) const { return Binary("<", *this, o); }
Column Column::operator<=(const Column& o) const { return Binary("<=", *this, o); }
Column Column::operator>(const Column& o) const { return Binary(">", *this, o); }
Column Column::operator>=(const Column& o) const { return Binary(">=", *this, o); }
Column Column::operator&&(const Column& o) const { return Binary("and", *this, o); }
Column Column::operator||(const Column& o) const { return Binary("or", *this, o); }
Column Column::operator!() const { return Column(Call("not", {expr_})); }

Column Column::eqNullSafe(const Column& o) const { return Binary("<=>", *this, o); }
Column Column::isNull() const { return Column(Call("isnull", {expr_})); }
Column Column::isNotNull() const { return Column(Call("isnotnull", {expr_})); }
Column Column::isNaN() const { return Column(Call("isnan", {expr_})); }

Column Column::isin(const std::vector<Column>& values) const {
  std::vector<ExprPtr> list;
  for (const auto& v : values) list.push_back(v.expr());
  return Column(In(expr_, std::move(list)));
}

Column Column::between(const Column& lower, const Column& upper) const {
  return Column(Between(expr_, lower.expr(), upper.expr()));
}

Column Column::like(const std::string& pattern) const { return Binary("like", *this, Column(pattern)); }
Column Column::ilike(const std::string& pattern) const { return Binary("ilike", *this, Column(pattern)); }
Column Column::rlike(const std::string& regex) const { return Binary("rlike", *this, Column(regex)); }
Column Column::startswith(const Column& prefix) const { return Binary("startswith", *this, prefix); }
Column Column::endswith(const Column& suffix) const { return Binary("endswith", *this, suffix); }
Column Column::contains(const Column& other) const { return Binary("contains", *this, other); }
Column Column::substr(const Column& pos, const Column& len) const {
  return Column(Call("substring", {expr_, pos.expr(), len.expr()}));
}
// Spark's getItem is 0-based for arrays: element_at is 1-based, so use get().
Column Column::getItem(const Column& key) const { return Column(Call("get_item", {expr_, key.expr()})); }
Column Column::getField(const std::string& name) const { return Column(Call("get_field", {expr_, Column(name).expr()})); }

Column Column::alias(const std::string& name) const { return Column(Alias(expr_, name)); }
Column Column::cast(const std::string& type) const { return cast(DataType::Parse(type)); }
Column Column::cast(const DataTypePtr& type) const { return Column(CastTo(expr_, type)); }
Column Column::try_cast(const std::string& type) const { return Column(CastTo(expr_, DataType::Parse(type), true)); }

Column Column::asc() const { return Column(SortOrder(expr_, true, true)); }
Column Column::asc_nulls_first() const { return Column(SortOrder(expr_, true, true)); }
Column Column::asc_nulls_last() const { return Column(SortOrder(expr_, true, false)); }
Column Column::desc() const { return Column(SortOrder(expr_, false, false)); }
Column Column::desc_nulls_first() const { return Column(SortOrder(expr_, false, true)); }
Column Column::desc_nulls_last() const { return Column(SortOrder(expr_, false, false)); }

Column Column::when(const Column& condition, const Column& value) const {
  if (expr_->kind != ExprKind::kCase || expr_->has_else) {
    throw UserError("INVALID_WHEN_USAGE", "42K0E", "when() can only be applied on a Column previously generated by when().");
  }
  std::vector<ExprPtr> children = expr_->children;
  children.push_back(condition.expr());
  children.push_back(value.expr());
  return Column(CaseWhen(std::move(children), nullptr));
}

Column Column::otherwise(const Column& value) const {
  if (expr_->kind != ExprKind::kCase || expr_->has_else) {
    throw UserError("INVALID_WHEN_USAGE", "42K0E", "otherwise() can only be applied once on a Column previously generated by when().");
  }
  return Column(CaseWhen(expr_->children, value.expr()));
}

std::string Column::toString() const { return expr_->ToString(); }

}  // namespace lakestream
