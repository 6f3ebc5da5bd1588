#include "expr/functions/element_order.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "expr/array_compare.h"
#include "expr/kernel_builder.h"

namespace lakestream::element {
namespace {

template <typename T>
T NormalizeFloating(T v) {
  if (std::isnan(v)) return std::numeric_limits<T>::quiet_NaN();
  return v == 0 ? T{0} : v;
}

void AppendRaw(std::string* out, const void* p, size_t n) { out->append(static_cast<const char*>(p), n); }

}  // namespace

int Compare(const Array& a, int64_t i, const Array& b, int64_t j) {
  bool an = a.IsNull(i), bn = b.IsNull(j);
  if (an || bn) return an == bn ? 0 : (an ? -1 : 1);
  return CompareArrayValues(a, i, b, j);
}

bool Equal(const Array& a, int64_t i, const Array& b, int64_t j) { return Compare(a, i, b, j) == 0; }

void AppendKey(const Array& a, int64_t i, std::string* out) {
  if (a.IsNull(i)) {
    out->push_back('\0');
    return;
  }
  out->push_back('\1');
  switch (a.type_id()) {
    case TypeId::kArray:
    case TypeId::kMap: {
      int32_t begin = a.offsets()[i], end = a.offsets()[i + 1];
      int32_t n = end - begin;
      AppendRaw(out, &n, sizeof(n));
      for (int32_t k = begin; k < end; ++k) AppendKey(*a.child(0), k, out);
      return;
    }
    case TypeId::kStruct:
      for (const auto& child : a.children()) AppendKey(*child, i, out);
      return;
    case TypeId::kNull:
      return;
    default:
      break;
  }
  VisitPhysicalType(a.type_id(), [&](auto tag) {
    using T = decltype(tag);
    T v = ReadValue<T>(a, i);
    if constexpr (std::is_same_v<T, std::string_view>) {
      uint32_t n = static_cast<uint32_t>(v.size());
      AppendRaw(out, &n, sizeof(n));
      out->append(v);
    } else if constexpr (std::is_floating_point_v<T>) {
      T norm = NormalizeFloating(v);
      AppendRaw(out, &norm, sizeof(norm));
    } else {
      AppendRaw(out, &v, sizeof(v));
    }
  });
}

bool IsOrderable(const DataType& type) {
  switch (type.id()) {
    case TypeId::kMap: return false;
    case TypeId::kArray: return IsOrderable(*type.element_type());
    case TypeId::kStruct:
      for (const auto& f : type.fields()) {
        if (!IsOrderable(*f.type)) return false;
      }
      return true;
    default: return true;
  }
}

}  // namespace lakestream::element
