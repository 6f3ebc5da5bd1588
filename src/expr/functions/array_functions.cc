// Collection functions over one array: search (array_contains, array_position),
// reordering (array_sort, sort_array), reduction (array_max, array_min,
// array_join) and reshaping (array_distinct, array_remove, slice, flatten,
// sequence, array_repeat, array_compact, array_append).
#include <algorithm>
#include <string>
#include <unordered_set>

#include "expr/binder.h"
#include "expr/function_registry.h"
#include "expr/functions/collection_families.h"
#include "expr/functions/element_order.h"
#include "expr/functions/list_result_builder.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

DataTypePtr ExpectArray(const std::string& name, const std::vector<DataTypePtr>& args, size_t i) {
  if (args[i]->id() == TypeId::kNull) return DataType::Array(DataType::Null());
  if (args[i]->id() != TypeId::kArray) signature::ThrowUnexpectedType(name, i, "\"ARRAY\"", args[i]);
  return args[i];
}

// (array<T>, T) functions: the element is widened with the array's element type.
std::vector<DataTypePtr> ArrayAndElement(const std::string& name, const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount(name, args.size(), 2, 2);
  DataTypePtr array = ExpectArray(name, args, 0);
  DataTypePtr element = WiderType(array->element_type(), args[1]);
  if (!element) {
    throw UserError("DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES", "42K09",
                    "Input to `" + name +
                        "` should have been ARRAY followed by a value with same element type, but it's [" +
                        args[0]->ToSql() + ", " + args[1]->ToSql() + "].");
  }
  return {DataType::Array(element), element};
}

ScalarFunction Function(std::string name, FunctionDoc doc, std::function<BoundScalarFunction(const std::vector<DataTypePtr>&)> bind) {
  return ScalarFunction{std::move(name), std::move(doc), std::move(bind)};
}

// Calls f(row, begin, end) for every row where all `args` are valid; other rows get NULL.
template <typename F>
ArrayPtr ForEachList(const std::vector<ArrayPtr>& args, int64_t rows, const DataTypePtr& type, F&& f) {
  ListResultBuilder out(rows);
  const Array& arr = *args[0];
  for (int64_t r = 0; r < rows; ++r) {
    bool null = false;
    for (const auto& a : args) null = null || a->IsNull(r);
    if (null) {
      out.AppendNull();
      continue;
    }
    if (f(out, r, arr.offsets()[r], arr.offsets()[r + 1])) {
      out.FinishRow();
    } else {
      out.AppendNull();
    }
  }
  return out.Finish(type, arr.child(0));
}

BoundScalarFunction BindContains(const std::vector<DataTypePtr>& args) {
  auto types = ArrayAndElement("array_contains", args);
  return {types, DataType::Boolean(), [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            BooleanBuilder out(rows);
            const Array& arr = *a[0];
            const Array& elements = *arr.child(0);
            for (int64_t r = 0; r < rows; ++r) {
              if (arr.IsNull(r) || a[1]->IsNull(r)) {
                out.AppendNull();
                continue;
              }
              // Not found but a NULL element present: unknown, as SQL's IN.
              bool found = false, saw_null = false;
              for (int32_t k = arr.offsets()[r]; k < arr.offsets()[r + 1] && !found; ++k) {
                if (elements.IsNull(k)) {
                  saw_null = true;
                } else {
                  found = element::Equal(elements, k, *a[1], r);
                }
              }
              found || !saw_null ? out.Append(found) : out.AppendNull();
            }
            return out.Finish();
          },
          true};
}

BoundScalarFunction BindPosition(const std::vector<DataTypePtr>& args) {
  auto types = ArrayAndElement("array_position", args);
  return {types, DataType::Long(), [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            PrimitiveBuilder<int64_t> out(DataType::Long(), rows);
            const Array& arr = *a[0];
            const Array& elements = *arr.child(0);
            for (int64_t r = 0; r < rows; ++r) {
              if (arr.IsNull(r) || a[1]->IsNull(r)) {
                out.AppendNull();
                continue;
              }
              int64_t pos = 0;
              for (int32_t k = arr.offsets()[r]; k < arr.offsets()[r + 1]; ++k) {
                if (!elements.IsNull(k) && element::Equal(elements, k, *a[1], r)) {
                  pos = k - arr.offsets()[r] + 1;
                  break;
                }
              }
              out.Append(pos);
            }
            return out.Finish();
          },
          true};
}

BoundScalarFunction BindRemove(const std::vector<DataTypePtr>& args) {
  auto types = ArrayAndElement("array_remove", args);
  DataTypePtr type = types[0];
  return {types, type, [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            const Array& elements = *a[0]->child(0);
            return ForEachList(a, rows, type, [&](ListResultBuilder& out, int64_t r, int32_t b, int32_t e) {
              for (int32_t k = b; k < e; ++k) {
                if (elements.IsNull(k) || !element::Equal(elements, k, *a[1], r)) out.Add(k);
              }
              return true;
            });
          },
          true};
}

BoundScalarFunction BindDistinct(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("array_distinct", args.size(), 1, 1);
  DataTypePtr type = ExpectArray("array_distinct", args, 0);
  return {{type}, type, [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            const Array& elements = *a[0]->child(0);
            std::unordered_set<std::string> seen;
            std::string key;
            return ForEachList(a, rows, type, [&](ListResultBuilder& out, int64_t, int32_t b, int32_t e) {
              seen.clear();
              for (int32_t k = b; k < e; ++k) {
                key.clear();
                element::AppendKey(elements, k, &key);
                if (seen.insert(key).second) out.Add(k);
              }
              return true;
            });
          },
          true};
}

// Sorts each row's element indices; nulls go first or last regardless of direction.
ArrayPtr SortLists(const std::vector<ArrayPtr>& a, int64_t rows, const DataTypePtr& type, bool nulls_last_default,
                   bool use_order_arg) {
  const Array& elements = *a[0]->child(0);
  std::vector<int32_t> idx;
  return ForEachList({a[0]}, rows, type, [&](ListResultBuilder& out, int64_t r, int32_t b, int32_t e) {
    bool ascending = !use_order_arg || a[1]->IsNull(r) || a[1]->GetBool(r);
    // array_sort: nulls last; sort_array: nulls first ascending, last descending.
    bool nulls_last = nulls_last_default || !ascending;
    idx.clear();
    for (int32_t k = b; k < e; ++k) idx.push_back(k);
    std::stable_sort(idx.begin(), idx.end(), [&](int32_t x, int32_t y) {
      bool xn = elements.IsNull(x), yn = elements.IsNull(y);
      if (xn || yn) return xn != yn && (xn != nulls_last);
      int c = element::Compare(elements, x, elements, y);
      return ascending ? c < 0 : c > 0;
    });
    for (int32_t k : idx) out.Add(k);
    return true;
  });
}

DataTypePtr ExpectOrderableArray(const std::string& name, const std::vector<DataTypePtr>& args) {
  DataTypePtr type = ExpectArray(name, args, 0);
  if (!element::IsOrderable(*type->element_type())) {
    throw UserError("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", "42K09",
                    "`" + name +
                        "` does not support ordering on type " + type->element_type()->ToSql() + ".");
  }
  return type;
}

BoundScalarFunction BindArraySort(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("array_sort", args.size(), 1, 1);
  DataTypePtr type = ExpectOrderableArray("array_sort", args);
  return {{type}, type, [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            return SortLists(a, rows, type, true, false);
          },
          true};
}

BoundScalarFunction BindSortArray(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("sort_array", args.size(), 1, 2);
  DataTypePtr type = ExpectOrderableArray("sort_array", args);
  std::vector<DataTypePtr> types = {type};
  if (args.size() == 2) types.push_back(DataType::Boolean());
  return {types, type, [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            return SortLists(a, rows, type, false, a.size() == 2);
          },
          true};
}

// array_max / array_min: the extreme non-null element (NaN is the largest).
BoundScalarFunction BindExtreme(const std::string& name, const std::vector<DataTypePtr>& args, int sign) {
  signature::CheckArgCount(name, args.size(), 1, 1);
  DataTypePtr type = ExpectOrderableArray(name, args);
  return {{type}, type->element_type(), [sign](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            const Array& arr = *a[0];
            const Array& elements = *arr.child(0);
            std::vector<int32_t> take(static_cast<size_t>(rows), -1);
            for (int64_t r = 0; r < rows; ++r) {
              if (arr.IsNull(r)) continue;
              int32_t best = -1;
              for (int32_t k = arr.offsets()[r]; k < arr.offsets()[r + 1]; ++k) {
                if (elements.IsNull(k)) continue;
                if (best < 0 || sign * element::Compare(elements, k, elements, best) > 0) best = k;
              }
              take[static_cast<size_t>(r)] = best;
            }
            return Take(arr.child(0), take);
          },
          true};
}

BoundScalarFunction BindJoin(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("array_join", args.size(), 2, 3);
  ExpectArray("array_join", args, 0);
  std::vector<DataTypePtr> types = {DataType::Array(DataType::String()), DataType::String()};
  if (args.size() == 3) types.push_back(DataType::String());
  return {types, DataType::String(), [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            BinaryBuilder out(DataType::String(), rows);
            const Array& arr = *a[0];
            const Array& elements = *arr.child(0);
            std::string s;
            for (int64_t r = 0; r < rows; ++r) {
              bool null = arr.IsNull(r) || a[1]->IsNull(r);
              if (null) {
                out.AppendNull();
                continue;
              }
              // Without a replacement NULL elements are skipped; a NULL replacement makes the result NULL.
              bool replace = a.size() == 3;
              if (replace && a[2]->IsNull(r)) {
                out.AppendNull();
                continue;
              }
              s.clear();
              bool first = true;
              for (int32_t k = arr.offsets()[r]; k < arr.offsets()[r + 1]; ++k) {
                if (elements.IsNull(k) && !replace) continue;
                if (!first) s.append(a[1]->GetView(r));
                first = false;
                s.append(elements.IsNull(k) ? a[2]->GetView(r) : elements.GetView(k));
              }
              out.Append(s);
            }
            return out.Finish();
          },
          true};
}

[[noreturn]] void ThrowInvalidParameter(const std::string& sub, const std::string& param, const std::string& fn,
                                        const std::string& why) {
  throw UserError("INVALID_PARAMETER_VALUE." + sub, "22023",
                  "The value of parameter(s) `" + param + "` in `" + fn + "` is invalid: " + why);
}

BoundScalarFunction BindSlice(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("slice", args.size(), 3, 3);
  DataTypePtr type = ExpectArray("slice", args, 0);
  return {{type, DataType::Int(), DataType::Int()}, type,
          [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            return ForEachList(a, rows, type, [&](ListResultBuilder& out, int64_t r, int32_t b, int32_t e) {
              int32_t start = a[1]->values<int32_t>()[r], length = a[2]->values<int32_t>()[r];
              if (start == 0) {
                ThrowInvalidParameter("START", "start", "slice",
                                      "Expects a positive or a negative value for `start`, but got 0.");
              }
              if (length < 0) {
                ThrowInvalidParameter("LENGTH", "length", "slice",
                                      "Expects `length` greater than or equal to 0, but got " + std::to_string(length) + ".");
              }
              int64_t size = e - b;
              int64_t from = start > 0 ? int64_t{start} - 1 : size + start;
              if (from < 0 || from >= size) return true;  // empty, as Spark
              int64_t to = std::min<int64_t>(size, from + length);
              for (int64_t k = from; k < to; ++k) out.Add(static_cast<int32_t>(b + k));
              return true;
            });
          },
          true};
}

BoundScalarFunction BindFlatten(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("flatten", args.size(), 1, 1);
  DataTypePtr type = ExpectArray("flatten", args, 0);
  if (type->element_type()->id() != TypeId::kArray) {
    signature::ThrowUnexpectedType("flatten", 0, "\"ARRAY<ARRAY>\"", args[0]);
  }
  DataTypePtr result = type->element_type();
  return {{type}, result, [result](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            const Array& outer = *a[0];
            const Array& inner = *outer.child(0);
            ListResultBuilder out(rows);
            for (int64_t r = 0; r < rows; ++r) {
              bool null = outer.IsNull(r);
              for (int32_t k = outer.offsets()[r]; !null && k < outer.offsets()[r + 1]; ++k) {
                if (inner.IsNull(k)) {
                  null = true;
                  break;
                }
                for (int32_t j = inner.offsets()[k]; j < inner.offsets()[k + 1]; ++j) out.Add(j);
              }
              null ? out.AppendNull() : out.FinishRow();
            }
            return out.Finish(result, inner.child(0));
          },
          true};
}

// Spark's ByteArrayMethods.MAX_ROUNDED_ARRAY_LENGTH.
constexpr int64_t kMaxArrayLength = 2147483632;

[[noreturn]] void ThrowSizeLimit(const std::string& fn, int64_t n) {
  throw UserError("COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER", "54000",
                  "Can't create array with " + std::to_string(n) + " elements which exceeding the array size limit " +
                      std::to_string(kMaxArrayLength) + ", the value of parameter(s) in `" + fn + "` is invalid.");
}

BoundScalarFunction BindSequence(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("sequence", args.size(), 2, 3);
  DataTypePtr type = DataType::Null();
  for (size_t i = 0; i < args.size(); ++i) {
    if (!args[i]->IsIntegral() && args[i]->id() != TypeId::kNull) {
      signature::ThrowUnexpectedType("sequence", i, "integral", args[i]);
    }
    type = WiderType(type, args[i]);
  }
  if (type->id() == TypeId::kNull) type = DataType::Int();
  DataTypePtr result = DataType::Array(type, false);
  return {std::vector<DataTypePtr>(args.size(), type), result,
          [type, result](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            return VisitPhysicalType(type->id(), [&](auto tag) -> ArrayPtr {
              using T = decltype(tag);
              if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
                PrimitiveBuilder<T> values(type);
                ListResultBuilder out(rows);
                for (int64_t r = 0; r < rows; ++r) {
                  bool null = false;
                  for (const auto& arg : a) null = null || arg->IsNull(r);
                  if (null) {
                    out.AppendNull();
                    continue;
                  }
                  int64_t start = a[0]->values<T>()[r], stop = a[1]->values<T>()[r];
                  int64_t step = a.size() == 3 ? int64_t{a[2]->values<T>()[r]} : (start <= stop ? 1 : -1);
                  bool legal = (step > 0 && start <= stop) || (step < 0 && start >= stop) || (step == 0 && start == stop);
                  if (!legal) {
                    throw UserError("INVALID_PARAMETER_VALUE.SEQUENCE_BOUNDARIES", "22023",
                                    "Illegal sequence boundaries: " + std::to_string(start) + " to " +
                                        std::to_string(stop) + " by " + std::to_string(step));
                  }
                  int64_t count = step == 0 ? 1 : (stop - start) / step + 1;
                  if (count > kMaxArrayLength) ThrowSizeLimit("sequence", count);
                  for (int64_t k = 0; k < count; ++k) {
                    values.Append(static_cast<T>(start + k * step));
                    out.Add(0);
                  }
                  out.FinishRow();
                }
                return out.MakeList(result, values.Finish());
              } else {
                throw InternalError("sequence over non-integral type " + type->ToString());
              }
            });
          },
          true};
}

BoundScalarFunction BindRepeat(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("array_repeat", args.size(), 2, 2);
  DataTypePtr element = args[0];
  DataTypePtr result = DataType::Array(element);
  return {{element, DataType::Int()}, result, [result](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            ListResultBuilder out(rows);
            for (int64_t r = 0; r < rows; ++r) {
              if (a[1]->IsNull(r)) {
                out.AppendNull();
                continue;
              }
              int64_t n = a[1]->values<int32_t>()[r];
              if (n > kMaxArrayLength) ThrowSizeLimit("array_repeat", n);
              for (int64_t k = 0; k < n; ++k) out.Add(static_cast<int32_t>(r));
              out.FinishRow();
            }
            return out.Finish(result, a[0]);
          },
          true};
}

BoundScalarFunction BindCompact(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("array_compact", args.size(), 1, 1);
  DataTypePtr type = ExpectArray("array_compact", args, 0);
  return {{type}, type, [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            const Array& elements = *a[0]->child(0);
            return ForEachList(a, rows, type, [&](ListResultBuilder& out, int64_t, int32_t b, int32_t e) {
              for (int32_t k = b; k < e; ++k) {
                if (!elements.IsNull(k)) out.Add(k);
              }
              return true;
            });
          },
          true};
}

BoundScalarFunction BindAppend(const std::vector<DataTypePtr>& args) {
  auto types = ArrayAndElement("array_append", args);
  DataTypePtr type = types[0];
  return {types, type, [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            // Appended elements follow the array's elements in one combined source.
            ArrayPtr all = Concatenate({a[0]->child(0), a[1]});
            int32_t base = static_cast<int32_t>(a[0]->child(0)->length());
            ListResultBuilder out(rows);
            for (int64_t r = 0; r < rows; ++r) {
              if (a[0]->IsNull(r)) {
                out.AppendNull();
                continue;
              }
              for (int32_t k = a[0]->offsets()[r]; k < a[0]->offsets()[r + 1]; ++k) out.Add(k);
              out.Add(base + static_cast<int32_t>(r));
              out.FinishRow();
            }
            return out.Finish(type, all);
          },
          true};
}

}  // namespace

void RegisterArrayFunctions(FunctionRegistry& r) {
  r.AddScalar(Function("array_contains",
                       {"array_contains(array, value) - Returns true if the array contains the value.",
                        "SELECT array_contains(array(1, 2, 3), 2); -- true"},
                       BindContains));
  r.AddScalar(Function("array_position",
                       {"array_position(array, element) - Returns the (1-based) index of the first matching element "
                        "of the array as long, or 0 if no match is found.",
                        "SELECT array_position(array(312, 773, 708, 708), 708); -- 3"},
                       BindPosition));
  r.AddScalar(Function("array_remove",
                       {"array_remove(array, element) - Remove all elements that equal to element from array.",
                        "SELECT array_remove(array(1, 2, 3, null, 3), 3); -- [1,2,null]"},
                       BindRemove));
  r.AddScalar(Function("array_distinct",
                       {"array_distinct(array) - Removes duplicate values from the array.",
                        "SELECT array_distinct(array(1, 2, 3, null, 3)); -- [1,2,3,null]"},
                       BindDistinct));
  r.AddScalar(Function("array_sort",
                       {"array_sort(expr) - Sorts the input array in ascending order; null elements are placed at "
                        "the end of the returned array.",
                        "SELECT array_sort(array('b', 'd', null, 'c', 'a')); -- [\"a\",\"b\",\"c\",\"d\",null]"},
                       BindArraySort));
  r.AddScalar(Function("sort_array",
                       {"sort_array(array[, ascendingOrder]) - Sorts the input array in ascending or descending "
                        "order; null elements are placed at the beginning in ascending order, at the end in "
                        "descending order.",
                        "SELECT sort_array(array('b', 'd', null, 'c', 'a'), true); -- [null,\"a\",\"b\",\"c\",\"d\"]"},
                       BindSortArray));
  r.AddScalar(Function("array_max",
                       {"array_max(array) - Returns the maximum value in the array. NaN is greater than any non-NaN "
                        "elements for double/float type. NULL elements are skipped.",
                        "SELECT array_max(array(1, 20, null, 3)); -- 20"},
                       [](const std::vector<DataTypePtr>& args) { return BindExtreme("array_max", args, 1); }));
  r.AddScalar(Function("array_min",
                       {"array_min(array) - Returns the minimum value in the array. NULL elements are skipped.",
                        "SELECT array_min(array(1, 20, null, 3)); -- 1"},
                       [](const std::vector<DataTypePtr>& args) { return BindExtreme("array_min", args, -1); }));
  r.AddScalar(Function("array_join",
                       {"array_join(array, delimiter[, nullReplacement]) - Concatenates the elements of the given "
                        "array using the delimiter and an optional string to replace nulls.",
                        "SELECT array_join(array('hello', null ,'world'), ' ', ','); -- hello , world"},
                       BindJoin));
  r.AddScalar(Function("slice",
                       {"slice(x, start, length) - Subsets array x starting from index start (array indices start "
                        "at 1, or starting from the end if start is negative) with the specified length.",
                        "SELECT slice(array(1, 2, 3, 4), 2, 2); -- [2,3]"},
                       BindSlice));
  r.AddScalar(Function("flatten",
                       {"flatten(arrayOfArrays) - Transforms an array of arrays into a single array.",
                        "SELECT flatten(array(array(1, 2), array(3, 4))); -- [1,2,3,4]"},
                       BindFlatten));
  r.AddScalar(Function("sequence",
                       {"sequence(start, stop[, step]) - Generates an array of integers from start to stop "
                        "(inclusive), incrementing by step (default 1 or -1).",
                        "SELECT sequence(1, 5); -- [1,2,3,4,5]"},
                       BindSequence));
  r.AddScalar(Function("array_repeat",
                       {"array_repeat(element, count) - Returns the array containing element count times.",
                        "SELECT array_repeat('123', 2); -- [\"123\",\"123\"]"},
                       BindRepeat));
  r.AddScalar(Function("array_compact",
                       {"array_compact(array) - Removes null values from the array.",
                        "SELECT array_compact(array(1, 2, 3, null)); -- [1,2,3]"},
                       BindCompact));
  r.AddScalar(Function("array_append",
                       {"array_append(array, element) - Add the element at the end of the array passed as first "
                        "argument.",
                        "SELECT array_append(array('b', 'd', 'c', 'a'), 'd'); -- [\"b\",\"d\",\"c\",\"a\",\"d\"]"},
                       BindAppend));
}

}  // namespace lakestream
