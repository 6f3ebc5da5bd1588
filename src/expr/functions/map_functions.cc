// Collection functions over maps: constructors (map, map_from_arrays) and
// accessors (map_keys, map_values, map_entries, map_contains_key). A MAP is
// a list of struct<key, value> entries (types.h); keys are never NULL and,
// under Spark's default spark.sql.mapKeyDedupPolicy=EXCEPTION, never repeat.
#include <string>

#include "expr/binder.h"
#include "expr/cast.h"
#include "expr/function_registry.h"
#include "expr/functions/collection_families.h"
#include "expr/functions/element_order.h"
#include "expr/functions/list_result_builder.h"
#include "expr/functions/signature_check.h"

namespace lakestream {
namespace {

DataTypePtr EntryType(const DataTypePtr& map_type) {
  return DataType::Struct({Field("key", map_type->key_type(), false),
                           Field("value", map_type->value_type(), map_type->value_contains_null())});
}

// Collects (key index, value index) pairs per row and checks each row's keys.
class MapResultBuilder {
 public:
  MapResultBuilder(DataTypePtr type, ArrayPtr keys, ArrayPtr values, int64_t rows, const EvalContext& ctx)
      : type_(std::move(type)), keys_(std::move(keys)), values_(std::move(values)), out_(rows), ctx_(ctx) {}

  void Add(int32_t key, int32_t value) {
    if (keys_->IsNull(key)) throw UserError("NULL_MAP_KEY", "2200E", "Cannot use null as map key.");
    for (size_t k = row_start_; k < key_idx_.size(); ++k) {
      if (element::Equal(*keys_, key_idx_[k], *keys_, key)) {
        throw UserError("DUPLICATED_MAP_KEY", "23505",
                        "Duplicate map key " + ValueToString(keys_->GetValue(key), *keys_->type(), ctx_) +
                            " was found, please check the input data. If you want to remove the duplicated keys, "
                            "you can set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at "
                            "last takes precedence.");
      }
    }
    key_idx_.push_back(key);
    value_idx_.push_back(value);
    out_.Add(0);
  }
  void FinishRow() {
    out_.FinishRow();
    row_start_ = key_idx_.size();
  }
  void AppendNull() { out_.AppendNull(); }

  ArrayPtr Finish() {
    ArrayPtr keys = Take(keys_, key_idx_);
    ArrayPtr values = Take(values_, value_idx_);
    int64_t n = keys->length();
    auto entries = std::make_shared<Array>(EntryType(type_), n, std::vector<BufferPtr>{nullptr},
                                           std::vector<ArrayPtr>{keys, values}, 0);
    return out_.MakeList(type_, entries);
  }

 private:
  DataTypePtr type_;
  ArrayPtr keys_, values_;
  ListResultBuilder out_;
  const EvalContext& ctx_;
  std::vector<int32_t> key_idx_, value_idx_;
  size_t row_start_ = 0;
};

BoundScalarFunction BindMap(const std::vector<DataTypePtr>& args) {
  if (args.size() % 2 != 0) ThrowWrongNumArgs("map", "an even number of", args.size());
  DataTypePtr key = DataType::Null(), value = DataType::Null();
  for (size_t i = 0; i < args.size(); ++i) {
    DataTypePtr& target = i % 2 == 0 ? key : value;
    DataTypePtr wider = WiderType(target, args[i]);
    if (!wider) {
      throw UserError("DATATYPE_MISMATCH.MAP_CONTAINS_KEY_DIFF_TYPES", "42K09",
                      "The given " +
                          std::string(i % 2 == 0 ? "keys" : "values") + " of function `map` should all be the same type.");
    }
    target = wider;
  }
  DataTypePtr type = DataType::Map(key, value);
  std::vector<DataTypePtr> arg_types;
  for (size_t i = 0; i < args.size(); ++i) arg_types.push_back(i % 2 == 0 ? key : value);
  return {arg_types, type, [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext& ctx) {
            std::vector<ArrayPtr> keys, values;
            for (size_t i = 0; i < a.size(); ++i) (i % 2 == 0 ? keys : values).push_back(a[i]);
            ArrayPtr all_keys = keys.empty() ? MakeNullArray(type->key_type(), 0) : Concatenate(keys);
            ArrayPtr all_values = values.empty() ? MakeNullArray(type->value_type(), 0) : Concatenate(values);
            MapResultBuilder out(type, all_keys, all_values, rows, ctx);
            // Entry c of row r sits at c * rows + r in the concatenated arguments.
            for (int64_t r = 0; r < rows; ++r) {
              for (size_t c = 0; c < keys.size(); ++c) {
                int32_t at = static_cast<int32_t>(c * rows + r);
                out.Add(at, at);
              }
              out.FinishRow();
            }
            return out.Finish();
          },
          true};
}

BoundScalarFunction BindMapFromArrays(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("map_from_arrays", args.size(), 2, 2);
  for (size_t i = 0; i < 2; ++i) {
    if (args[i]->id() != TypeId::kArray) signature::ThrowUnexpectedType("map_from_arrays", i, "\"ARRAY\"", args[i]);
  }
  DataTypePtr type = DataType::Map(args[0]->element_type(), args[1]->element_type());
  return {args, type, [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext& ctx) {
            const Array& k = *a[0];
            const Array& v = *a[1];
            MapResultBuilder out(type, k.child(0), v.child(0), rows, ctx);
            for (int64_t r = 0; r < rows; ++r) {
              if (k.IsNull(r) || v.IsNull(r)) {
                out.AppendNull();
                continue;
              }
              int32_t n = k.offsets()[r + 1] - k.offsets()[r];
              if (n != v.offsets()[r + 1] - v.offsets()[r]) {
                throw UserError("_LEGACY_ERROR_TEMP_2128", "22023",
                                "The key array and value array of MapData must have the same length.");
              }
              for (int32_t i = 0; i < n; ++i) out.Add(k.offsets()[r] + i, v.offsets()[r] + i);
              out.FinishRow();
            }
            return out.Finish();
          },
          true};
}

DataTypePtr ExpectMap(const std::string& name, const std::vector<DataTypePtr>& args) {
  if (args[0]->id() != TypeId::kMap) signature::ThrowUnexpectedType(name, 0, "\"MAP\"", args[0]);
  return args[0];
}

// map_keys / map_values / map_entries share the map's offsets and validity.
enum class MapPart { kKeys, kValues, kEntries };

ScalarFunction MapAccessor(const std::string& name, MapPart part, FunctionDoc doc) {
  return {name, std::move(doc), [name, part](const std::vector<DataTypePtr>& args) {
            signature::CheckArgCount(name, args.size(), 1, 1);
            DataTypePtr map = ExpectMap(name, args);
            DataTypePtr result = part == MapPart::kKeys     ? DataType::Array(map->key_type(), false)
                                 : part == MapPart::kValues ? DataType::Array(map->value_type(), map->value_contains_null())
                                                            : DataType::Array(EntryType(map), false);
            return BoundScalarFunction{{map}, result, [part, result](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                                         const Array& m = *a[0];
                                         ArrayPtr child = part == MapPart::kEntries ? m.child(0)
                                                                                    : m.child(0)->child(part == MapPart::kKeys ? 0 : 1);
                                         return std::make_shared<Array>(result, m.length(), m.buffers(),
                                                                        std::vector<ArrayPtr>{child}, m.null_count());
                                       },
                                       true};
          }};
}

BoundScalarFunction BindContainsKey(const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount("map_contains_key", args.size(), 2, 2);
  DataTypePtr map = ExpectMap("map_contains_key", args);
  return {{map, map->key_type()}, DataType::Boolean(), [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            const Array& m = *a[0];
            const Array& keys = *m.child(0)->child(0);
            BooleanBuilder out(rows);
            for (int64_t r = 0; r < rows; ++r) {
              if (m.IsNull(r) || a[1]->IsNull(r)) {
                out.AppendNull();
                continue;
              }
              bool found = false;
              for (int32_t k = m.offsets()[r]; k < m.offsets()[r + 1] && !found; ++k) {
                found = element::Equal(keys, k, *a[1], r);
              }
              out.Append(found);
            }
            return out.Finish();
          },
          true};
}

}  // namespace

void RegisterMapFunctions(FunctionRegistry& r) {
  r.AddScalar({"map", {"map(key0, value0, key1, value1, ...) - Creates a map with the given key/value pairs.",
                       "SELECT map(1.0, '2', 3.0, '4'); -- {1.0:\"2\",3.0:\"4\"}"},
               BindMap});
  r.AddScalar({"map_from_arrays",
               {"map_from_arrays(keys, values) - Creates a map with a pair of the given key/value arrays. All "
                "elements in keys should not be null.",
                "SELECT map_from_arrays(array(1.0, 3.0), array('2', '4')); -- {1.0:\"2\",3.0:\"4\"}"},
               BindMapFromArrays});
  r.AddScalar(MapAccessor("map_keys", MapPart::kKeys,
                          {"map_keys(map) - Returns an unordered array containing the keys of the map.",
                           "SELECT map_keys(map(1, 'a', 2, 'b')); -- [1,2]"}));
  r.AddScalar(MapAccessor("map_values", MapPart::kValues,
                          {"map_values(map) - Returns an unordered array containing the values of the map.",
                           "SELECT map_values(map(1, 'a', 2, 'b')); -- [\"a\",\"b\"]"}));
  r.AddScalar(MapAccessor("map_entries", MapPart::kEntries,
                          {"map_entries(map) - Returns an unordered array of all entries in the given map.",
                           "SELECT map_entries(map(1, 'a', 2, 'b')); -- [{\"key\":1,\"value\":\"a\"},{\"key\":2,\"value\":\"b\"}]"}));
  r.AddScalar({"map_contains_key",
               {"map_contains_key(map, key) - Returns true if the map contains the key.",
                "SELECT map_contains_key(map(1, 'a', 2, 'b'), 1); -- true"},
               BindContainsKey});
}

}  // namespace lakestream
