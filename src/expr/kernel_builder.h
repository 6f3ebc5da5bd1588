// Building blocks for vectorized scalar kernels: apply a per-row lambda over
// typed input arrays and collect the results into a new array.
//
// Physical C++ types (see types.h): bool (BOOLEAN), int8_t/int16_t/int32_t/
// int64_t (TINYINT..BIGINT; DATE is int32_t, TIMESTAMP(_NTZ) int64_t), float,
// double, int128_t (DECIMAL unscaled), std::string_view (STRING, BINARY).
//
// Null propagation: a row whose inputs include a NULL yields NULL without
// calling the lambda. The lambda returns the output value, or std::optional of
// it where nullopt means NULL (e.g. try_ functions, non-ANSI invalid input).
// For string outputs the lambda may return std::string or std::string_view.
//
// Example (length of a string, NULL in -> NULL out):
//   return MapUnary<int32_t, std::string_view>(args[0], DataType::Int(),
//       [](std::string_view s) { return Utf8Length(s); });
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "columnar/array_builder.h"
#include "columnar/check.h"

namespace lakestream {

namespace kernel_detail {

template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};

// Whether results of type R go straight into an Out values buffer (no
// builder) when no input is NULL: plain numbers, never optional.
template <typename Out, typename R>
inline constexpr bool kDirect =
    std::is_arithmetic_v<Out> && !std::is_same_v<Out, bool> && std::is_same_v<std::decay_t<R>, Out>;

}  // namespace kernel_detail

// Reads row i of an array as the physical type T.
template <typename T>
inline T ReadValue(const Array& a, int64_t i) {
  if constexpr (std::is_same_v<T, bool>) {
    return a.GetBool(i);
  } else if constexpr (std::is_same_v<T, std::string_view>) {
    return a.GetView(i);
  } else {
    return a.values<T>()[i];
  }
}

// Appends values of physical type T to a BOOLEAN, fixed-width or STRING/BINARY array.
template <typename T>
class OutputBuilder {
 public:
  OutputBuilder(const DataTypePtr& type, int64_t capacity) : builder_(type, capacity) {}
  void Append(T v) { builder_.Append(v); }
  void AppendNull() { builder_.AppendNull(); }
  ArrayPtr Finish() { return builder_.Finish(); }

 private:
  PrimitiveBuilder<T> builder_;
};

template <>
class OutputBuilder<bool> {
 public:
  OutputBuilder(const DataTypePtr&, int64_t capacity) : builder_(capacity) {}
  void Append(bool v) { builder_.Append(v); }
  void AppendNull() { builder_.AppendNull(); }
  ArrayPtr Finish() { return builder_.Finish(); }

 private:
  BooleanBuilder builder_;
};

template <>
class OutputBuilder<std::string_view> {
 public:
  OutputBuilder(const DataTypePtr& type, int64_t capacity) : builder_(type, capacity) {}
  void Append(std::string_view v) { builder_.Append(v); }
  void AppendNull() { builder_.AppendNull(); }
  ArrayPtr Finish() { return builder_.Finish(); }

 private:
  BinaryBuilder builder_;
};

// Use std::string_view as Out for STRING/BINARY results.
template <typename Out>
using OutputBuilderFor = OutputBuilder<std::conditional_t<std::is_same_v<Out, std::string>, std::string_view, Out>>;

// Appends the lambda's result (a value or an optional of one).
template <typename Builder, typename R>
inline void AppendResult(Builder& b, R&& r) {
  if constexpr (kernel_detail::IsOptional<std::decay_t<R>>::value) {
    if (r.has_value()) {
      b.Append(*r);
    } else {
      b.AppendNull();
    }
  } else {
    b.Append(std::forward<R>(r));
  }
}

// out[i] = f(in[i]); NULL in -> NULL out.
template <typename Out, typename In, typename F>
ArrayPtr MapUnary(const ArrayPtr& in, const DataTypePtr& out_type, F&& f) {
  const int64_t n = in->length();
  const Array& a = *in;
  if constexpr (kernel_detail::kDirect<Out, std::invoke_result_t<F&, In>>) {
    if (a.null_count() == 0 && a.type_id() != TypeId::kNull) {
      BufferPtr values = Buffer::AllocateUninitialized(n * static_cast<int64_t>(sizeof(Out)));
      Out* out = values->mutable_data_as<Out>();
      for (int64_t i = 0; i < n; ++i) out[i] = f(ReadValue<In>(a, i));
      return std::make_shared<Array>(out_type, n, std::vector<BufferPtr>{nullptr, values}, std::vector<ArrayPtr>{}, 0);
    }
  }
  OutputBuilderFor<Out> b(out_type, n);
  if (a.null_count() == 0 && a.type_id() != TypeId::kNull) {
    for (int64_t i = 0; i < n; ++i) AppendResult(b, f(ReadValue<In>(a, i)));
    return b.Finish();
  }
  for (int64_t i = 0; i < n; ++i) {
    if (a.IsNull(i)) {
      b.AppendNull();
      continue;
    }
    AppendResult(b, f(ReadValue<In>(a, i)));
  }
  return b.Finish();
}

// out[i] = f(a[i], b[i]); NULL in either -> NULL out.
template <typename Out, typename A, typename B, typename F>
ArrayPtr MapBinary(const ArrayPtr& left, const ArrayPtr& right, const DataTypePtr& out_type, F&& f) {
  LS_CHECK_EQ(left->length(), right->length());
  const int64_t n = left->length();
  const Array& x = *left;
  const Array& y = *right;
  if constexpr (kernel_detail::kDirect<Out, std::invoke_result_t<F&, A, B>>) {
    if (x.null_count() == 0 && y.null_count() == 0 && x.type_id() != TypeId::kNull && y.type_id() != TypeId::kNull) {
      BufferPtr values = Buffer::AllocateUninitialized(n * static_cast<int64_t>(sizeof(Out)));
      Out* out = values->mutable_data_as<Out>();
      for (int64_t i = 0; i < n; ++i) out[i] = f(ReadValue<A>(x, i), ReadValue<B>(y, i));
      return std::make_shared<Array>(out_type, n, std::vector<BufferPtr>{nullptr, values}, std::vector<ArrayPtr>{}, 0);
    }
  }
  OutputBuilderFor<Out> b(out_type, n);
  if (x.null_count() == 0 && y.null_count() == 0 && x.type_id() != TypeId::kNull && y.type_id() != TypeId::kNull) {
    for (int64_t i = 0; i < n; ++i) AppendResult(b, f(ReadValue<A>(x, i), ReadValue<B>(y, i)));
    return b.Finish();
  }
  for (int64_t i = 0; i < n; ++i) {
    if (x.IsNull(i) || y.IsNull(i)) {
      b.AppendNull();
      continue;
    }
    AppendResult(b, f(ReadValue<A>(x, i), ReadValue<B>(y, i)));
  }
  return b.Finish();
}

// out[i] = f(a[i], b[i], c[i]); NULL in any -> NULL out.
template <typename Out, typename A, typename B, typename C, typename F>
ArrayPtr MapTernary(const ArrayPtr& a0, const ArrayPtr& a1, const ArrayPtr& a2, const DataTypePtr& out_type, F&& f) {
  LS_CHECK_EQ(a0->length(), a1->length());
  LS_CHECK_EQ(a0->length(), a2->length());
  const int64_t n = a0->length();
  OutputBuilderFor<Out> b(out_type, n);
  for (int64_t i = 0; i < n; ++i) {
    if (a0->IsNull(i) || a1->IsNull(i) || a2->IsNull(i)) {
      b.AppendNull();
      continue;
    }
    AppendResult(b, f(ReadValue<A>(*a0, i), ReadValue<B>(*a1, i), ReadValue<C>(*a2, i)));
  }
  return b.Finish();
}

// Calls f(T{}) with T the physical type of a fixed-width or string type id
// (BOOLEAN -> bool, DATE -> int32_t, DECIMAL -> int128_t, STRING -> string_view);
// throws InternalError for nested and NULL types. Lets one generic lambda
// serve every input type:
//   return VisitPhysicalType(type.id(), [&](auto tag) { using T = decltype(tag); ... });
template <typename F>
decltype(auto) VisitPhysicalType(TypeId id, F&& f) {
  switch (id) {
    case TypeId::kBoolean: return f(bool{});
    case TypeId::kByte: return f(int8_t{});
    case TypeId::kShort: return f(int16_t{});
    case TypeId::kInt:
    case TypeId::kDate:
    case TypeId::kYearMonthInterval: return f(int32_t{});
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz:
    case TypeId::kDayTimeInterval: return f(int64_t{});
    case TypeId::kFloat: return f(float{});
    case TypeId::kDouble: return f(double{});
    case TypeId::kDecimal: return f(int128_t{});
    case TypeId::kString:
    case TypeId::kBinary: return f(std::string_view{});
    default: break;
  }
  throw InternalError("VisitPhysicalType: no physical scalar type for type id " +
                      std::to_string(static_cast<int>(id)));
}

}  // namespace lakestream
