#include "formats/inferred_type.h"

#include <algorithm>

namespace lakestream {
namespace {

// The Spark numeric precedence for non-decimal numbers; -1 for others.
int NumericRank(TypeId id) {
  switch (id) {
    case TypeId::kByte: return 0;
    case TypeId::kShort: return 1;
    case TypeId::kInt: return 2;
    case TypeId::kLong: return 3;
    case TypeId::kFloat: return 4;
    case TypeId::kDouble: return 5;
    default: return -1;
  }
}

// DecimalType.forType: the decimal that holds every value of an integral type.
DataTypePtr DecimalForIntegral(TypeId id) {
  switch (id) {
    case TypeId::kByte: return DataType::Decimal(3, 0);
    case TypeId::kShort: return DataType::Decimal(5, 0);
    case TypeId::kInt: return DataType::Decimal(10, 0);
    default: return DataType::Decimal(20, 0);
  }
}

DataTypePtr MergeDecimals(const DataType& a, const DataType& b) {
  int scale = std::max(a.scale(), b.scale());
  int range = std::max(a.precision() - a.scale(), b.precision() - b.scale());
  if (range + scale > DataType::kMaxDecimalPrecision) return DataType::Double();
  return DataType::Decimal(range + scale, scale);
}

DataTypePtr MergeStructs(const DataType& a, const DataType& b) {
  std::vector<Field> fields;
  const auto& fa = a.fields();
  const auto& fb = b.fields();
  size_t i = 0, j = 0;
  auto by_name = [](const Field& x, const Field& y) { return x.name < y.name; };
  // Inferred structs are sorted by name, so a merge walk keeps them sorted.
  std::vector<Field> sa(fa), sb(fb);
  std::stable_sort(sa.begin(), sa.end(), by_name);
  std::stable_sort(sb.begin(), sb.end(), by_name);
  while (i < sa.size() || j < sb.size()) {
    if (j == sb.size() || (i < sa.size() && sa[i].name < sb[j].name)) {
      fields.push_back(sa[i++]);
    } else if (i == sa.size() || sb[j].name < sa[i].name) {
      fields.push_back(sb[j++]);
    } else {
      fields.emplace_back(sa[i].name, MergeInferredTypes(sa[i].type, sb[j].type), true);
      ++i, ++j;
    }
  }
  return DataType::Struct(std::move(fields));
}

}  // namespace

DataTypePtr MergeInferredTypes(const DataTypePtr& a, const DataTypePtr& b) {
  if (a->Equals(*b)) return a;
  TypeId x = a->id(), y = b->id();
  if (x == TypeId::kNull) return b;
  if (y == TypeId::kNull) return a;
  int rx = NumericRank(x), ry = NumericRank(y);
  if (rx >= 0 && ry >= 0) return rx >= ry ? a : b;
  if (x == TypeId::kDecimal && y == TypeId::kDecimal) return MergeDecimals(*a, *b);
  if (x == TypeId::kDecimal && b->IsIntegral()) return MergeDecimals(*a, *DecimalForIntegral(y));
  if (y == TypeId::kDecimal && a->IsIntegral()) return MergeDecimals(*DecimalForIntegral(x), *b);
  if ((x == TypeId::kDecimal && ry >= 4) || (y == TypeId::kDecimal && rx >= 4)) return DataType::Double();
  bool x_time = x == TypeId::kDate || a->IsTimestampLike();
  bool y_time = y == TypeId::kDate || b->IsTimestampLike();
  if (x_time && y_time) {
    if (x == TypeId::kTimestamp || y == TypeId::kTimestamp) return DataType::Timestamp();
    return DataType::TimestampNtz();
  }
  if (x == TypeId::kStruct && y == TypeId::kStruct) return MergeStructs(*a, *b);
  if (x == TypeId::kArray && y == TypeId::kArray) {
    return DataType::Array(MergeInferredTypes(a->element_type(), b->element_type()),
                           a->contains_null() || b->contains_null());
  }
  return DataType::String();
}

DataTypePtr CanonicalInferredType(const DataTypePtr& type) {
  switch (type->id()) {
    case TypeId::kNull: return DataType::String();
    case TypeId::kArray: {
      DataTypePtr element = CanonicalInferredType(type->element_type());
      if (!element) return nullptr;
      return DataType::Array(element, type->contains_null());
    }
    case TypeId::kStruct: {
      std::vector<Field> fields;
      for (const Field& f : type->fields()) {
        DataTypePtr t = CanonicalInferredType(f.type);
        if (t) fields.emplace_back(f.name, t, true);
      }
      if (fields.empty()) return nullptr;
      return DataType::Struct(std::move(fields));
    }
    default: return type;
  }
}

}  // namespace lakestream
