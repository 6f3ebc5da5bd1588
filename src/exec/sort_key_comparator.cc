#include "exec/sort_key_comparator.h"

#include <cmath>

#include "lakestream/error.h"

namespace lakestream {

namespace {

template <typename T>
int CompareFixed(const Array& a, int64_t i, const Array& b, int64_t j) {
  T x = a.values<T>()[i], y = b.values<T>()[j];
  if constexpr (std::is_floating_point_v<T>) {
    bool xn = std::isnan(x), yn = std::isnan(y);
    if (xn || yn) return xn == yn ? 0 : (xn ? 1 : -1);
  }
  return x < y ? -1 : (y < x ? 1 : 0);
}

int CompareBool(const Array& a, int64_t i, const Array& b, int64_t j) {
  return static_cast<int>(a.GetBool(i)) - static_cast<int>(b.GetBool(j));
}

int CompareBytes(const Array& a, int64_t i, const Array& b, int64_t j) {
  int c = a.GetView(i).compare(b.GetView(j));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int CompareValues(const Value& x, const Value& y);

int CompareLists(const ValueList& x, const ValueList& y) {
  for (size_t k = 0; k < x.size() && k < y.size(); ++k) {
    int c = CompareValues(x[k], y[k]);
    if (c != 0) return c;
  }
  return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
}

// Nested values (arrays, structs): element-wise, NULLs first.
int CompareValues(const Value& x, const Value& y) {
  if (x.is_null() || y.is_null()) return x.is_null() == y.is_null() ? 0 : (x.is_null() ? -1 : 1);
  switch (x.kind()) {
    case Value::Kind::kBool: return static_cast<int>(x.as_bool()) - static_cast<int>(y.as_bool());
    case Value::Kind::kInt: return x.as_int() < y.as_int() ? -1 : (x.as_int() > y.as_int() ? 1 : 0);
    case Value::Kind::kDouble: {
      double a = x.as_double(), b = y.as_double();
      if (std::isnan(a) || std::isnan(b)) return std::isnan(a) == std::isnan(b) ? 0 : (std::isnan(a) ? 1 : -1);
      return a < b ? -1 : (a > b ? 1 : 0);
    }
    case Value::Kind::kDecimal: return x.as_decimal() < y.as_decimal() ? -1 : (x.as_decimal() > y.as_decimal() ? 1 : 0);
    case Value::Kind::kString: {
      int c = x.as_string().compare(y.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Value::Kind::kList: return CompareLists(x.as_list(), y.as_list());
    default: throw UserError("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", "42K09", "cannot sort by a map value");
  }
}

int CompareNested(const Array& a, int64_t i, const Array& b, int64_t j) {
  return CompareValues(a.GetValue(i), b.GetValue(j));
}

}  // namespace

SortKeyComparator::SortKeyComparator(const std::vector<ExprPtr>& orders) {
  for (const auto& o : orders) {
    if (o->kind != ExprKind::kSortOrder) throw InternalError("sort key is not a SortOrder: " + o->ToString());
    keys_.push_back(SortKey{o->ascending, o->nulls_first});
    const DataTypePtr& type = o->children[0]->type;
    ValueCompare f;
    switch (type->id()) {
      case TypeId::kNull: f = [](const Array&, int64_t, const Array&, int64_t) { return 0; }; break;
      case TypeId::kBoolean: f = CompareBool; break;
      case TypeId::kByte: f = CompareFixed<int8_t>; break;
      case TypeId::kShort: f = CompareFixed<int16_t>; break;
      case TypeId::kInt:
      case TypeId::kYearMonthInterval:
      case TypeId::kDate: f = CompareFixed<int32_t>; break;
      case TypeId::kLong:
      case TypeId::kTimestamp:
      case TypeId::kDayTimeInterval:
      case TypeId::kTimestampNtz: f = CompareFixed<int64_t>; break;
      case TypeId::kFloat: f = CompareFixed<float>; break;
      case TypeId::kDouble: f = CompareFixed<double>; break;
      case TypeId::kDecimal: f = CompareFixed<int128_t>; break;
      case TypeId::kString:
      case TypeId::kBinary: f = CompareBytes; break;
      default: f = CompareNested; break;
    }
    compare_.push_back(f);
  }
}

}  // namespace lakestream
