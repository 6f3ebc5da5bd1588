// Collection functions, part one: array() and struct() constructors, size(),
// element_at(). The rest live in array_functions.cc, array_set_functions.cc,
// map_functions.cc and named_struct.cc, registered from here.
#include <string>

#include "expr/binder.h"
#include "expr/function_registry.h"
#include "expr/functions/collection_families.h"
#include "expr/functions/element_order.h"
#include "expr/functions/list_result_builder.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

BoundScalarFunction BindArray(const std::vector<DataTypePtr>& args) {
  DataTypePtr element = DataType::Null();
  for (size_t i = 0; i < args.size(); ++i) {
    DataTypePtr wider = WiderType(element, args[i]);
    if (!wider) {
      throw UserError("DATATYPE_MISMATCH.DATA_DIFF_TYPES", "42K09",
                      "input to `array` should all be the same "
                      "type, but it's " + element->ToSql() + " and " + args[i]->ToSql() + ".");
    }
    element = wider;
  }
  BoundScalarFunction f;
  f.arg_types.assign(args.size(), element);
  f.return_type = DataType::Array(element);
  f.kernel = [type = f.return_type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
    ListResultBuilder out(rows);
    // Element c of row r sits at c * rows + r in the concatenated arguments.
    ArrayPtr all = a.empty() ? MakeNullArray(type->element_type(), 0) : Concatenate(a);
    for (int64_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < a.size(); ++c) out.Add(static_cast<int32_t>(c * rows + r));
      out.FinishRow();
    }
    return out.Finish(type, all);
  };
  return f;
}

// struct(v1, v2, ...): the bind sees types only, so fields are named col1..colN
// (Spark names them after input columns; named_struct gives explicit names).
BoundScalarFunction BindStruct(const std::vector<DataTypePtr>& args) {
  std::vector<Field> fields;
  for (size_t i = 0; i < args.size(); ++i) fields.emplace_back("col" + std::to_string(i + 1), args[i], true);
  BoundScalarFunction f;
  f.arg_types = args;
  f.return_type = DataType::Struct(std::move(fields));
  f.kernel = [type = f.return_type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
    return std::make_shared<Array>(type, rows, std::vector<BufferPtr>{nullptr}, a, 0);
  };
  return f;
}

// size(NULL) is -1 outside ANSI mode (spark.sql.legacy.sizeOfNull) and NULL in it.
BoundScalarFunction BindSize(const std::string& name, const std::vector<DataTypePtr>& args, bool legacy_null) {
  signature::CheckArgCount(name, args.size(), 1, 1);
  TypeId id = args[0]->id();
  if (id != TypeId::kArray && id != TypeId::kMap && id != TypeId::kNull) {
    signature::ThrowUnexpectedType(name, 0, "(\"ARRAY\" or \"MAP\")", args[0]);
  }
  BoundScalarFunction f;
  f.arg_types = {id == TypeId::kNull ? DataType::Array(DataType::Null()) : args[0]};
  f.return_type = DataType::Int();
  f.kernel = [legacy_null](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext& ctx) {
    PrimitiveBuilder<int32_t> out(DataType::Int(), rows);
    const Array& in = *a[0];
    for (int64_t r = 0; r < rows; ++r) {
      if (in.IsNull(r)) {
        legacy_null && !ctx.ansi ? out.Append(-1) : out.AppendNull();
      } else {
        out.Append(in.offsets()[r + 1] - in.offsets()[r]);
      }
    }
    return out.Finish();
  };
  return f;
}

[[noreturn]] void ThrowIndexOfZero() {
  throw UserError("INVALID_INDEX_OF_ZERO", "22003",
                  "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).");
}

// element_at(array, index) with 1-based (negative: from the end) indices.
ArrayPtr ElementAtArray(const std::vector<ArrayPtr>& a, int64_t rows, bool fail) {
  const Array& arr = *a[0];
  const Array& idx = *a[1];
  std::vector<int32_t> take(static_cast<size_t>(rows), -1);
  for (int64_t r = 0; r < rows; ++r) {
    if (arr.IsNull(r) || idx.IsNull(r)) continue;
    int32_t begin = arr.offsets()[r], size = arr.offsets()[r + 1] - begin;
    int32_t i = idx.values<int32_t>()[r];
    if (i == 0) ThrowIndexOfZero();
    int64_t pos = i > 0 ? int64_t{i} - 1 : int64_t{size} + i;
    if (pos < 0 || pos >= size) {
      if (fail) {
        throw UserError("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", "22003",
                        "The index " + std::to_string(i) + " is out of bounds. The array has " + std::to_string(size) +
                            " elements. Use `try_element_at` to tolerate accessing element at invalid index and "
                            "return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass "
                            "this error.");
      }
      continue;
    }
    take[static_cast<size_t>(r)] = begin + static_cast<int32_t>(pos);
  }
  return Take(arr.child(0), take);
}

// element_at(map, key): the value of the first matching key, NULL when absent.
ArrayPtr ElementAtMap(const std::vector<ArrayPtr>& a, int64_t rows) {
  const Array& map = *a[0];
  const Array& key = *a[1];
  const Array& keys = *map.child(0)->child(0);
  std::vector<int32_t> take(static_cast<size_t>(rows), -1);
  for (int64_t r = 0; r < rows; ++r) {
    if (map.IsNull(r) || key.IsNull(r)) continue;
    for (int32_t k = map.offsets()[r]; k < map.offsets()[r + 1]; ++k) {
      if (element::Equal(keys, k, key, r)) {
        take[static_cast<size_t>(r)] = k;
        break;
      }
    }
  }
  return Take(map.child(0)->child(1), take);
}

BoundScalarFunction BindElementAt(const std::string& name, const std::vector<DataTypePtr>& args, bool is_try) {
  signature::CheckArgCount(name, args.size(), 2, 2);
  BoundScalarFunction f;
  if (args[0]->id() == TypeId::kMap) {
    f.arg_types = {args[0], args[0]->key_type()};
    f.return_type = args[0]->value_type();
    f.kernel = [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) { return ElementAtMap(a, rows); };
    return f;
  }
  if (args[0]->id() != TypeId::kArray) signature::ThrowUnexpectedType(name, 0, "(\"ARRAY\" or \"MAP\")", args[0]);
  f.arg_types = {args[0], DataType::Int()};
  f.return_type = args[0]->element_type();
  f.kernel = [is_try](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext& ctx) {
    return ElementAtArray(a, rows, ctx.ansi && !is_try);
  };
  return f;
}

}  // namespace

void RegisterCollectionFunctions(FunctionRegistry& r) {
  r.AddScalar({"array", {"array(expr, ...) - Returns an array with the given elements.", "SELECT array(1, 2, 3); -- [1,2,3]"},
               BindArray});
  r.AddScalar({"struct",
               {"struct(col1, col2, col3, ...) - Creates a struct with the given field values, named col1, col2, ... "
                "(use named_struct for explicit names).",
                "SELECT struct(1, 'a'); -- {\"col1\":1,\"col2\":\"a\"}"},
               BindStruct});
  r.AddScalar({"size",
               {"size(expr) - Returns the size of an array or a map. Returns NULL for NULL input in ANSI mode, -1 "
                "otherwise.",
                "SELECT size(array('b', 'd', 'c', 'a')); -- 4"},
               [](const std::vector<DataTypePtr>& args) { return BindSize("size", args, true); }});
  r.AddAlias("cardinality", "size");
  r.AddScalar({"array_size",
               {"array_size(expr) - Returns the size of an array; NULL for NULL input.",
                "SELECT array_size(array('b', 'd', 'c', 'a')); -- 4"},
               [](const std::vector<DataTypePtr>& args) { return BindSize("array_size", args, false); }});
  r.AddScalar({"element_at",
               {"element_at(array, index) - Returns element of array at given (1-based) index; a negative index "
                "counts from the end. element_at(map, key) - Returns value for given key, or NULL if absent.",
                "SELECT element_at(array(1, 2, 3), 2); -- 2"},
               [](const std::vector<DataTypePtr>& args) { return BindElementAt("element_at", args, false); }});
  r.AddScalar({"try_element_at",
               {"try_element_at(array, index) - Like element_at, but returns NULL for an index out of bounds.",
                "SELECT try_element_at(array(1, 2, 3), 5); -- NULL"},
               [](const std::vector<DataTypePtr>& args) { return BindElementAt("try_element_at", args, true); }});

  RegisterArrayFunctions(r);
  RegisterArraySetFunctions(r);
  RegisterMapFunctions(r);
  RegisterNamedStruct(r);
}

}  // namespace lakestream
