#include "expr/type_coercion.h"

#include <algorithm>

#include "expr/binder.h"

namespace lakestream {

namespace {

// Spark's numericPrecedence for the tightest common type.
int NumericRank(TypeId id) {
  switch (id) {
    case TypeId::kByte: return 1;
    case TypeId::kShort: return 2;
    case TypeId::kInt: return 3;
    case TypeId::kLong: return 4;
    case TypeId::kFloat: return 5;
    case TypeId::kDouble: return 6;
    default: return 0;
  }
}

DataTypePtr ForRank(int rank) {
  switch (rank) {
    case 1: return DataType::Byte();
    case 2: return DataType::Short();
    case 3: return DataType::Int();
    case 4: return DataType::Long();
    case 5: return DataType::Float();
    default: return DataType::Double();
  }
}

DataTypePtr WiderDecimal(const DataType& a, const DataType& b) {
  DataTypePtr da = DecimalForIntegral(a), db = DecimalForIntegral(b);
  int scale = std::max(da->scale(), db->scale());
  int range = std::max(da->precision() - da->scale(), db->precision() - db->scale());
  return BoundedDecimal(range + scale, scale);
}

bool IsDatetime(TypeId id) {
  return id == TypeId::kDate || id == TypeId::kTimestamp || id == TypeId::kTimestampNtz;
}

DataTypePtr WiderDatetime(TypeId a, TypeId b) {
  if (a == TypeId::kTimestamp || b == TypeId::kTimestamp) return DataType::Timestamp();
  return DataType::TimestampNtz();  // DATE with TIMESTAMP_NTZ
}

DataTypePtr WiderComplex(const DataTypePtr& a, const DataTypePtr& b) {
  if (a->id() != b->id()) return nullptr;
  switch (a->id()) {
    case TypeId::kArray: {
      DataTypePtr e = WiderType(a->element_type(), b->element_type());
      return e ? DataType::Array(e, a->contains_null() || b->contains_null()) : nullptr;
    }
    case TypeId::kMap: {
      DataTypePtr k = WiderType(a->key_type(), b->key_type());
      DataTypePtr v = WiderType(a->value_type(), b->value_type());
      if (!k || !v) return nullptr;
      return DataType::Map(k, v, a->value_contains_null() || b->value_contains_null());
    }
    case TypeId::kStruct: {
      const auto& fa = a->fields();
      const auto& fb = b->fields();
      if (fa.size() != fb.size()) return nullptr;
      std::vector<Field> out;
      for (size_t i = 0; i < fa.size(); ++i) {
        DataTypePtr t = WiderType(fa[i].type, fb[i].type);
        if (!t) return nullptr;
        out.emplace_back(fa[i].name, t, fa[i].nullable || fb[i].nullable);
      }
      return DataType::Struct(std::move(out));
    }
    default:
      return nullptr;
  }
}

}  // namespace

DataTypePtr DecimalForIntegral(const DataType& t) {
  switch (t.id()) {
    case TypeId::kByte: return DataType::Decimal(3, 0);
    case TypeId::kShort: return DataType::Decimal(5, 0);
    case TypeId::kInt: return DataType::Decimal(10, 0);
    case TypeId::kLong: return DataType::Decimal(20, 0);
    case TypeId::kDecimal: return DataType::Decimal(t.precision(), t.scale());
    default: return nullptr;
  }
}

DataTypePtr BoundedDecimal(int precision, int scale) {
  return DataType::Decimal(std::min(precision, DataType::kMaxDecimalPrecision),
                           std::min(scale, DataType::kMaxDecimalPrecision));
}

DataTypePtr AdjustedDecimal(int precision, int scale) {
  constexpr int kMax = DataType::kMaxDecimalPrecision;
  constexpr int kMinAdjustedScale = 6;
  if (precision <= kMax) return DataType::Decimal(std::max(precision, 1), scale);
  int int_digits = precision - scale;
  int min_scale = std::min(scale, kMinAdjustedScale);
  int adjusted = std::max(kMax - int_digits, min_scale);
  return DataType::Decimal(kMax, adjusted);
}

DataTypePtr WiderType(const DataTypePtr& a, const DataTypePtr& b) {
  if (!a || !b) return nullptr;
  if (a->Equals(*b)) return a;
  TypeId x = a->id(), y = b->id();
  if (x == TypeId::kNull) return b;
  if (y == TypeId::kNull) return a;
  // Tightest common type among integral and floating types.
  if (NumericRank(x) && NumericRank(y)) return ForRank(std::max(NumericRank(x), NumericRank(y)));
  if (IsDatetime(x) && IsDatetime(y)) return WiderDatetime(x, y);
  // Intervals of one family widen to the span of both types' fields.
  if (a->IsInterval() && x == y) {
    int start = std::min(a->start_field(), b->start_field()), end = std::max(a->end_field(), b->end_field());
    return x == TypeId::kYearMonthInterval ? DataType::YearMonthInterval(start, end) : DataType::DayTimeInterval(start, end);
  }
  // Decimals: with integrals a decimal wide enough for both; with floats DOUBLE.
  if (x == TypeId::kDecimal || y == TypeId::kDecimal) {
    const DataType& other = x == TypeId::kDecimal ? *b : *a;
    if (other.id() == TypeId::kDecimal || other.IsIntegral()) return WiderDecimal(*a, *b);
    if (other.IsFloating()) return DataType::Double();
  }
  // ANSI string promotion: a string meeting a number becomes BIGINT (integral)
  // or DOUBLE, and takes the other side's type for dates, timestamps, booleans.
  if (x == TypeId::kString || y == TypeId::kString) {
    const DataType& other = x == TypeId::kString ? *b : *a;
    if (other.IsIntegral()) return DataType::Long();
    if (other.IsNumeric()) return DataType::Double();
    if (IsDatetime(other.id()) || other.id() == TypeId::kBoolean || other.IsInterval()) return x == TypeId::kString ? b : a;
    return nullptr;
  }
  return WiderComplex(a, b);
}

DataTypePtr WiderTypeOf(const std::vector<DataTypePtr>& types) {
  if (types.empty()) return DataType::Null();
  DataTypePtr t = types[0];
  for (size_t i = 1; i < types.size() && t; ++i) t = WiderType(t, types[i]);
  return t;
}

ExprPtr ImplicitCast(const ExprPtr& bound, const DataTypePtr& type) {
  if (TypeEquals(bound->type, type)) return bound;
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kCast;
  e->children = {bound};
  e->type = type;
  e->nullable = bound->nullable;
  e->implicit_cast = true;
  return e;
}

std::string QuotedSqlType(const DataType& t) { return "\"" + t.ToSql() + "\""; }

}  // namespace lakestream
