// Collection functions treating two arrays as sets: array_union,
// array_intersect, array_except (results without duplicates, in first-seen
// order; NULL counts as a value) and arrays_overlap.
#include <string>
#include <unordered_set>

#include "expr/binder.h"
#include "expr/function_registry.h"
#include "expr/functions/collection_families.h"
#include "expr/functions/element_order.h"
#include "expr/functions/list_result_builder.h"
#include "expr/functions/signature_check.h"

namespace lakestream {
namespace {

enum class SetOp { kUnion, kIntersect, kExcept };

// Both arrays are widened to one element type.
DataTypePtr CommonArrayType(const std::string& name, const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount(name, args.size(), 2, 2);
  DataTypePtr element = DataType::Null();
  for (size_t i = 0; i < 2; ++i) {
    if (args[i]->id() == TypeId::kNull) continue;
    if (args[i]->id() != TypeId::kArray) signature::ThrowUnexpectedType(name, i, "\"ARRAY\"", args[i]);
    element = WiderType(element, args[i]->element_type());
    if (!element) {
      throw UserError("DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES", "42K09",
                      "Input to function `" + name +
                          "` should have been two ARRAY with same element type, but it's [" + args[0]->ToSql() +
                          ", " + args[1]->ToSql() + "].");
    }
  }
  return DataType::Array(element);
}

std::string Key(const Array& elements, int32_t k) {
  std::string key;
  element::AppendKey(elements, k, &key);
  return key;
}

ArrayPtr SetKernel(const std::vector<ArrayPtr>& a, int64_t rows, const DataTypePtr& type, SetOp op) {
  const Array& left = *a[0];
  const Array& right = *a[1];
  // Union picks from both arrays: index the right's elements after the left's.
  ArrayPtr all = op == SetOp::kUnion ? Concatenate({left.child(0), right.child(0)}) : left.child(0);
  int32_t right_base = static_cast<int32_t>(left.child(0)->length());
  ListResultBuilder out(rows);
  std::unordered_set<std::string> seen, other;
  for (int64_t r = 0; r < rows; ++r) {
    if (left.IsNull(r) || right.IsNull(r)) {
      out.AppendNull();
      continue;
    }
    seen.clear();
    other.clear();
    if (op != SetOp::kUnion) {
      for (int32_t k = right.offsets()[r]; k < right.offsets()[r + 1]; ++k) other.insert(Key(*right.child(0), k));
    }
    for (int32_t k = left.offsets()[r]; k < left.offsets()[r + 1]; ++k) {
      std::string key = Key(*left.child(0), k);
      bool keep = op == SetOp::kUnion || (other.count(key) > 0) == (op == SetOp::kIntersect);
      if (keep && seen.insert(std::move(key)).second) out.Add(k);
    }
    if (op == SetOp::kUnion) {
      for (int32_t k = right.offsets()[r]; k < right.offsets()[r + 1]; ++k) {
        if (seen.insert(Key(*right.child(0), k)).second) out.Add(right_base + k);
      }
    }
    out.FinishRow();
  }
  return out.Finish(type, all);
}

ScalarFunction SetFunction(const std::string& name, SetOp op, FunctionDoc doc) {
  return {name, std::move(doc), [name, op](const std::vector<DataTypePtr>& args) {
            DataTypePtr type = CommonArrayType(name, args);
            return BoundScalarFunction{{type, type}, type,
                                       [type, op](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
                                         return SetKernel(a, rows, type, op);
                                       },
                                       true};
          }};
}

// true on a common non-null element; NULL when none but both are non-empty and one holds a NULL.
ArrayPtr OverlapKernel(const std::vector<ArrayPtr>& a, int64_t rows) {
  const Array& left = *a[0];
  const Array& right = *a[1];
  BooleanBuilder out(rows);
  std::unordered_set<std::string> keys;
  for (int64_t r = 0; r < rows; ++r) {
    if (left.IsNull(r) || right.IsNull(r)) {
      out.AppendNull();
      continue;
    }
    keys.clear();
    bool has_null = false, found = false;
    int32_t left_size = left.offsets()[r + 1] - left.offsets()[r];
    int32_t right_size = right.offsets()[r + 1] - right.offsets()[r];
    for (int32_t k = left.offsets()[r]; k < left.offsets()[r + 1]; ++k) {
      left.child(0)->IsNull(k) ? void(has_null = true) : void(keys.insert(Key(*left.child(0), k)));
    }
    for (int32_t k = right.offsets()[r]; k < right.offsets()[r + 1] && !found; ++k) {
      if (right.child(0)->IsNull(k)) {
        has_null = true;
      } else {
        found = keys.count(Key(*right.child(0), k)) > 0;
      }
    }
    if (!found && has_null && left_size > 0 && right_size > 0) {
      out.AppendNull();
    } else {
      out.Append(found);
    }
  }
  return out.Finish();
}

}  // namespace

void RegisterArraySetFunctions(FunctionRegistry& r) {
  r.AddScalar(SetFunction("array_union", SetOp::kUnion,
                          {"array_union(array1, array2) - Returns an array of the elements in the union of array1 and "
                           "array2, without duplicates.",
                           "SELECT array_union(array(1, 2, 3), array(1, 3, 5)); -- [1,2,3,5]"}));
  r.AddScalar(SetFunction("array_intersect", SetOp::kIntersect,
                          {"array_intersect(array1, array2) - Returns an array of the elements in the intersection of "
                           "array1 and array2, without duplicates.",
                           "SELECT array_intersect(array(1, 2, 3), array(1, 3, 5)); -- [1,3]"}));
  r.AddScalar(SetFunction("array_except", SetOp::kExcept,
                          {"array_except(array1, array2) - Returns an array of the elements in array1 but not in "
                           "array2, without duplicates.",
                           "SELECT array_except(array(1, 2, 3), array(1, 3, 5)); -- [2]"}));
  r.AddScalar({"arrays_overlap",
               {"arrays_overlap(a1, a2) - Returns true if a1 contains at least a non-null element present also in "
                "a2. If the arrays have no common element and they are both non-empty and either of them contains a "
                "null element null is returned, false otherwise.",
                "SELECT arrays_overlap(array(1, 2, 3), array(3, 4, 5)); -- true"},
               [](const std::vector<DataTypePtr>& args) {
                 DataTypePtr type = CommonArrayType("arrays_overlap", args);
                 return BoundScalarFunction{{type, type}, DataType::Boolean(),
                                            [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
                                              return OverlapKernel(a, rows);
                                            },
                                            true};
               }});
}

}  // namespace lakestream
