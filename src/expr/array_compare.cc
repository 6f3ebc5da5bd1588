#include "expr/array_compare.h"

#include "lakestream/error.h"

namespace lakestream {

namespace {

template <typename T>
int Cmp(T x, T y) {
  return x < y ? -1 : (x > y ? 1 : 0);
}

// NULLs first, then by value.
int CompareNullable(const Array& a, int64_t i, const Array& b, int64_t j) {
  const bool an = a.IsNull(i), bn = b.IsNull(j);
  if (an || bn) return an == bn ? 0 : (an ? -1 : 1);
  return CompareArrayValues(a, i, b, j);
}

int CompareLists(const Array& a, int64_t i, const Array& b, int64_t j) {
  const int32_t ab = a.offsets()[i], ae = a.offsets()[i + 1];
  const int32_t bb = b.offsets()[j], be = b.offsets()[j + 1];
  const Array& ac = *a.child(0);
  const Array& bc = *b.child(0);
  for (int32_t x = ab, y = bb; x < ae && y < be; ++x, ++y) {
    int c = CompareNullable(ac, x, bc, y);
    if (c != 0) return c;
  }
  return Cmp(ae - ab, be - bb);
}

}  // namespace

int CompareArrayValues(const Array& a, int64_t i, const Array& b, int64_t j) {
  switch (a.type_id()) {
    case TypeId::kNull: return 0;
    case TypeId::kBoolean: return Cmp<int>(a.GetBool(i), b.GetBool(j));
    case TypeId::kByte: return Cmp(a.values<int8_t>()[i], b.values<int8_t>()[j]);
    case TypeId::kShort: return Cmp(a.values<int16_t>()[i], b.values<int16_t>()[j]);
    case TypeId::kInt:
    case TypeId::kYearMonthInterval:
    case TypeId::kDate: return Cmp(a.values<int32_t>()[i], b.values<int32_t>()[j]);
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kDayTimeInterval:
    case TypeId::kTimestampNtz: return Cmp(a.values<int64_t>()[i], b.values<int64_t>()[j]);
    case TypeId::kFloat: return CompareDoubles(a.values<float>()[i], b.values<float>()[j]);
    case TypeId::kDouble: return CompareDoubles(a.values<double>()[i], b.values<double>()[j]);
    case TypeId::kDecimal: return Cmp(a.values<int128_t>()[i], b.values<int128_t>()[j]);
    case TypeId::kString:
    case TypeId::kBinary: {
      int c = a.GetView(i).compare(b.GetView(j));
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case TypeId::kArray:
    case TypeId::kMap: return CompareLists(a, i, b, j);
    case TypeId::kStruct:
      for (size_t f = 0; f < a.children().size(); ++f) {
        int c = CompareNullable(*a.child(f), i, *b.child(f), j);
        if (c != 0) return c;
      }
      return 0;
  }
  throw InternalError("CompareArrayValues: unsupported type " + a.type()->ToString());
}

}  // namespace lakestream
