#include "formats/parquet/parquet_schema.h"

#include <utility>

namespace lakestream::parquet {

namespace {

constexpr int kMaxNesting = 100;

// Where a node sits in the level structure of its parent (see ParquetNode).
struct LevelContext {
  int16_t def = 0;       // def level at which the parent is non-null
  int16_t rep = 0;
  int16_t slot_def = 0;
};

// The annotation of a primitive, with legacy ConvertedType values expressed
// as the LogicalType they are equivalent to.
LogicalType AnnotationOf(const SchemaElement& e) {
  if (e.logical_type) {
    LogicalType::Kind k = e.logical_type->kind;
    // UNKNOWN (always null) and union members from newer writers carry no
    // conversion this reader knows: read the physical values.
    if (k != LogicalType::Kind::kUnknown && k != LogicalType::Kind::kUnrecognized) return *e.logical_type;
  }
  LogicalType t;
  if (!e.converted_type) return t;
  using K = LogicalType::Kind;
  auto integer = [&](int bits, bool is_signed) {
    t.kind = K::kInteger;
    t.bit_width = static_cast<int8_t>(bits);
    t.is_signed = is_signed;
  };
  auto temporal = [&](K kind, TimeUnit unit) {
    t.kind = kind;
    t.unit = unit;
    t.is_adjusted_to_utc = true;
  };
  switch (*e.converted_type) {
    case ConvertedType::kUtf8: t.kind = K::kString; break;
    case ConvertedType::kEnum: t.kind = K::kEnum; break;
    case ConvertedType::kJson: t.kind = K::kJson; break;
    case ConvertedType::kBson: t.kind = K::kBson; break;
    case ConvertedType::kMap:
    case ConvertedType::kMapKeyValue: t.kind = K::kMap; break;
    case ConvertedType::kList: t.kind = K::kList; break;
    case ConvertedType::kDecimal:
      t.kind = K::kDecimal;
      t.decimal_precision = e.precision.value_or(0);
      t.decimal_scale = e.scale.value_or(0);
      break;
    case ConvertedType::kDate: t.kind = K::kDate; break;
    case ConvertedType::kTimeMillis: temporal(K::kTime, TimeUnit::kMillis); break;
    case ConvertedType::kTimeMicros: temporal(K::kTime, TimeUnit::kMicros); break;
    case ConvertedType::kTimestampMillis: temporal(K::kTimestamp, TimeUnit::kMillis); break;
    case ConvertedType::kTimestampMicros: temporal(K::kTimestamp, TimeUnit::kMicros); break;
    case ConvertedType::kUint8: integer(8, false); break;
    case ConvertedType::kUint16: integer(16, false); break;
    case ConvertedType::kUint32: integer(32, false); break;
    case ConvertedType::kUint64: integer(64, false); break;
    case ConvertedType::kInt8: integer(8, true); break;
    case ConvertedType::kInt16: integer(16, true); break;
    case ConvertedType::kInt32: integer(32, true); break;
    case ConvertedType::kInt64: integer(64, true); break;
    case ConvertedType::kInterval: break;  // 12 opaque bytes: BINARY
  }
  return t;
}

bool IsMapAnnotated(const SchemaElement& e) {
  if (e.logical_type && e.logical_type->kind == LogicalType::Kind::kMap) return true;
  return e.converted_type == ConvertedType::kMap || e.converted_type == ConvertedType::kMapKeyValue;
}

bool IsListAnnotated(const SchemaElement& e) {
  if (e.logical_type && e.logical_type->kind == LogicalType::Kind::kList) return true;
  return e.converted_type == ConvertedType::kList;
}

class SchemaConverter {
 public:
  SchemaConverter(const FileMetaData& metadata, const std::string& file,
                  std::vector<LeafDescriptor>* leaves)
      : elements_(metadata.schema), file_(file), leaves_(leaves) {}

  std::vector<ParquetNode> ConvertRoot() {
    if (elements_.empty()) Fail("the schema has no root element");
    const SchemaElement& root = elements_[0];
    if (root.type) Fail("the schema root is not a group");
    next_ = 1;
    std::vector<ParquetNode> fields;
    int children = ChildCount(root);
    for (int i = 0; i < children; ++i) fields.push_back(ConvertNext(LevelContext{}, 1));
    RequireUniqueNames(fields);
    if (next_ != elements_.size()) {
      Fail("the schema lists " + std::to_string(elements_.size()) + " elements but the tree holds " +
           std::to_string(next_));
    }
    return fields;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const {
    throw ParquetCorruptError("Invalid Parquet schema in file " + file_ + ": " + what + ".");
  }

  // Fields are found by name, so two of one name would read the same column
  // twice; Spark refuses such schemas too.
  void RequireUniqueNames(const std::vector<ParquetNode>& fields) const {
    for (size_t i = 0; i < fields.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (fields[i].field.name != fields[j].field.name) continue;
        std::string column;
        for (const auto& p : path_) column += p + ".";
        throw UserError("COLUMN_ALREADY_EXISTS", "42711",
                        "The column `" + column + fields[i].field.name + "` already exists: the schema of Parquet file " +
                            file_ + " has two fields of that name.");
      }
    }
  }

  int ChildCount(const SchemaElement& e) const {
    if (!e.num_children) Fail("group `" + e.name + "` has no children count");
    if (*e.num_children < 0 || static_cast<size_t>(*e.num_children) > elements_.size()) {
      Fail("group `" + e.name + "` has " + std::to_string(*e.num_children) + " children");
    }
    return *e.num_children;
  }

  size_t Take() {
    if (next_ >= elements_.size()) Fail("the tree needs more elements than the schema lists");
    return next_++;
  }

  // Converts the subtree of the next element.
  ParquetNode ConvertNext(const LevelContext& ctx, int depth) {
    size_t index = Take();
    const SchemaElement& e = elements_[index];
    Repetition repetition = e.repetition_type.value_or(Repetition::kRequired);
    if (repetition == Repetition::kRepeated) return ConvertBareRepeated(index, ctx, depth);
    return Convert(index, repetition == Repetition::kOptional, ctx, depth);
  }

  // A repeated field outside a LIST or MAP group: a required list of required
  // elements of the field's type.
  ParquetNode ConvertBareRepeated(size_t index, const LevelContext& ctx, int depth) {
    ParquetNode list;
    list.kind = ParquetNode::Kind::kList;
    SetLevels(&list, ctx, false);
    LevelContext element_ctx{static_cast<int16_t>(ctx.def + 1), static_cast<int16_t>(ctx.rep + 1),
                             static_cast<int16_t>(ctx.def + 1)};
    list.children.push_back(Convert(index, false, element_ctx, depth + 1));
    FinishList(&list, elements_[index].name);
    return list;
  }

  void SetLevels(ParquetNode* node, const LevelContext& ctx, bool optional) const {
    node->def_level = static_cast<int16_t>(ctx.def + (optional ? 1 : 0));
    node->rep_level = ctx.rep;
    node->slot_def_level = ctx.slot_def;
    node->field.nullable = optional;
  }

  // Converts element `index` (whose children, if any, come next) as a
  // non-repeated node.
  ParquetNode Convert(size_t index, bool optional, const LevelContext& ctx, int depth) {
    if (depth > kMaxNesting) Fail("nesting deeper than " + std::to_string(kMaxNesting) + " levels");
    const SchemaElement& e = elements_[index];
    PathGuard guard(&path_, e.name);
    ParquetNode node;
    SetLevels(&node, ctx, optional);
    node.field.name = e.name;
    if (e.type) {
      if (e.num_children && *e.num_children > 0) Fail("primitive `" + e.name + "` has children");
      ConvertLeaf(e, &node);
      return node;
    }
    if (IsListAnnotated(e)) return ConvertList(e, std::move(node), depth);
    if (IsMapAnnotated(e)) return ConvertMap(e, std::move(node), depth);
    LevelContext inner{node.def_level, ctx.rep, ctx.slot_def};
    node.kind = ParquetNode::Kind::kStruct;
    int children = ChildCount(e);
    std::vector<Field> fields;
    for (int i = 0; i < children; ++i) {
      node.children.push_back(ConvertNext(inner, depth + 1));
      fields.push_back(node.children.back().field);
    }
    RequireUniqueNames(node.children);
    node.field.type = DataType::Struct(std::move(fields));
    for (const auto& child : node.children) {
      if (node.first_leaf < 0) node.first_leaf = child.first_leaf;  // empty structs have none
    }
    return node;
  }

  // The context of the repeated group inside a LIST or MAP node.
  static LevelContext RepeatedContext(const ParquetNode& node) {
    return LevelContext{static_cast<int16_t>(node.def_level + 1), static_cast<int16_t>(node.rep_level + 1),
                        static_cast<int16_t>(node.def_level + 1)};
  }

  ParquetNode ConvertList(const SchemaElement& e, ParquetNode list, int depth) {
    list.kind = ParquetNode::Kind::kList;
    if (ChildCount(e) != 1) Fail("LIST group `" + e.name + "` must have exactly one child");
    size_t repeated_index = Take();
    const SchemaElement& repeated = elements_[repeated_index];
    if (repeated.repetition_type != Repetition::kRepeated) {
      Fail("the child of LIST group `" + e.name + "` is not repeated");
    }
    LevelContext element_ctx = RepeatedContext(list);
    // Legacy 2-level lists: the repeated field itself is the (required) element.
    bool repeated_is_element = repeated.type.has_value() || ChildCount(repeated) != 1 ||
                               repeated.name == "array" || repeated.name == e.name + "_tuple";
    if (repeated_is_element) {
      list.children.push_back(Convert(repeated_index, false, element_ctx, depth + 1));
    } else {
      PathGuard guard(&path_, repeated.name);
      list.children.push_back(ConvertNext(element_ctx, depth + 2));
    }
    FinishList(&list, e.name);
    return list;
  }

  void FinishList(ParquetNode* list, const std::string& name) const {
    const ParquetNode& element = list->children[0];
    list->field.name = name;
    list->field.type = DataType::Array(element.field.type, element.field.nullable);
    list->first_leaf = element.first_leaf;
  }

  ParquetNode ConvertMap(const SchemaElement& e, ParquetNode map, int depth) {
    if (ChildCount(e) != 1) Fail("MAP group `" + e.name + "` must have exactly one child");
    const SchemaElement& key_value = elements_[Take()];
    if (key_value.type || key_value.repetition_type != Repetition::kRepeated) {
      Fail("the child of MAP group `" + e.name + "` is not a repeated group");
    }
    int entries = ChildCount(key_value);
    if (entries != 1 && entries != 2) {
      Fail("the key_value group of MAP `" + e.name + "` has " + std::to_string(entries) + " fields");
    }
    LevelContext entry_ctx = RepeatedContext(map);
    {
      PathGuard guard(&path_, key_value.name);
      for (int i = 0; i < entries; ++i) map.children.push_back(ConvertNext(entry_ctx, depth + 2));
    }
    const ParquetNode& key = map.children[0];
    if (key.kind == ParquetNode::Kind::kList) Fail("the key of MAP `" + e.name + "` is repeated");
    map.first_leaf = key.first_leaf;
    if (entries == 1) {
      map.kind = ParquetNode::Kind::kList;
      map.field.type = DataType::Array(key.field.type, key.field.nullable);
      return map;
    }
    const ParquetNode& value = map.children[1];
    map.kind = ParquetNode::Kind::kMap;
    map.field.type = DataType::Map(key.field.type, value.field.type, value.field.nullable);
    return map;
  }

  void ConvertLeaf(const SchemaElement& e, ParquetNode* node) {
    LeafDescriptor leaf;
    leaf.column_index = static_cast<int>(leaves_->size());
    leaf.path = path_;
    leaf.physical_type = *e.type;
    leaf.max_def_level = node->def_level;
    leaf.max_rep_level = node->rep_level;
    if (leaf.physical_type == PhysicalType::kFixedLenByteArray) {
      if (!e.type_length || *e.type_length <= 0) Fail("FIXED_LEN_BYTE_ARRAY `" + e.name + "` has no length");
      leaf.type_length = *e.type_length;
    }
    MapLeafType(e, &leaf);
    node->kind = ParquetNode::Kind::kLeaf;
    node->field.type = leaf.type;
    node->leaf = leaf.column_index;
    node->first_leaf = leaf.column_index;
    leaves_->push_back(std::move(leaf));
  }

  DataTypePtr DecimalType(const SchemaElement& e, const LogicalType& t) const {
    int precision = t.decimal_precision, scale = t.decimal_scale;
    if (precision > DataType::kMaxDecimalPrecision) {
      throw ParquetUnsupportedError("DECIMAL(" + std::to_string(precision) + "," + std::to_string(scale) +
                                    ") (over 38 digits) in column `" + e.name + "` of file " + file_);
    }
    if (precision < 1 || scale < 0 || scale > precision) {
      Fail("column `" + e.name + "` has an invalid DECIMAL(" + std::to_string(precision) + "," +
           std::to_string(scale) + ")");
    }
    return DataType::Decimal(precision, scale);
  }

  void MapLeafType(const SchemaElement& e, LeafDescriptor* leaf) const {
    using K = LogicalType::Kind;
    LogicalType t = AnnotationOf(e);
    auto set = [&](DataTypePtr type, LeafConversion conversion) {
      leaf->type = std::move(type);
      leaf->conversion = conversion;
    };
    switch (leaf->physical_type) {
      case PhysicalType::kBoolean: set(DataType::Boolean(), LeafConversion::kNone); return;
      case PhysicalType::kFloat: set(DataType::Float(), LeafConversion::kNone); return;
      case PhysicalType::kDouble: set(DataType::Double(), LeafConversion::kNone); return;
      case PhysicalType::kInt96: set(DataType::Timestamp(), LeafConversion::kInt96ToMicros); return;
      case PhysicalType::kInt32:
        if (t.kind == K::kInteger && t.bit_width == 8) {
          set(t.is_signed ? DataType::Byte() : DataType::Short(),
              t.is_signed ? LeafConversion::kInt32ToInt8 : LeafConversion::kUint8ToInt16);
        } else if (t.kind == K::kInteger && t.bit_width == 16) {
          set(t.is_signed ? DataType::Short() : DataType::Int(),
              t.is_signed ? LeafConversion::kInt32ToInt16 : LeafConversion::kUint16ToInt32);
        } else if (t.kind == K::kInteger && t.bit_width == 32 && !t.is_signed) {
          set(DataType::Long(), LeafConversion::kUint32ToInt64);
        } else if (t.kind == K::kDate) {
          set(DataType::Date(), LeafConversion::kNone);
        } else if (t.kind == K::kDecimal) {
          set(DecimalType(e, t), LeafConversion::kInt32ToDecimal);
        } else if (t.kind == K::kTime) {
          set(DataType::Long(), LeafConversion::kMillis32ToMicros);
        } else {
          set(DataType::Int(), LeafConversion::kNone);
        }
        return;
      case PhysicalType::kInt64:
        if (t.kind == K::kInteger && !t.is_signed) {
          set(DataType::Decimal(20, 0), LeafConversion::kUint64ToDecimal);
        } else if (t.kind == K::kDecimal) {
          set(DecimalType(e, t), LeafConversion::kInt64ToDecimal);
        } else if (t.kind == K::kTimestamp || t.kind == K::kTime) {
          DataTypePtr type = t.kind == K::kTime ? DataType::Long()
                             : t.is_adjusted_to_utc ? DataType::Timestamp()
                                                    : DataType::TimestampNtz();
          set(type, t.unit == TimeUnit::kMillis  ? LeafConversion::kMillisToMicros
                    : t.unit == TimeUnit::kNanos ? LeafConversion::kNanosToMicros
                                                 : LeafConversion::kNone);
        } else {
          set(DataType::Long(), LeafConversion::kNone);
        }
        return;
      case PhysicalType::kByteArray:
        if (t.kind == K::kDecimal) {
          set(DecimalType(e, t), LeafConversion::kBinaryToDecimal);
        } else if (t.kind == K::kString || t.kind == K::kEnum || t.kind == K::kJson) {
          set(DataType::String(), LeafConversion::kNone);
        } else {
          set(DataType::Binary(), LeafConversion::kNone);
        }
        return;
      case PhysicalType::kFixedLenByteArray:
        if (t.kind == K::kDecimal) {
          set(DecimalType(e, t), LeafConversion::kFixedToDecimal);
        } else if (t.kind == K::kFloat16 && leaf->type_length == 2) {
          set(DataType::Float(), LeafConversion::kFloat16ToFloat);
        } else if (t.kind == K::kUuid && leaf->type_length == 16) {
          set(DataType::String(), LeafConversion::kUuidToString);
        } else if (t.kind == K::kString || t.kind == K::kEnum || t.kind == K::kJson) {
          set(DataType::String(), LeafConversion::kFixedToBinary);
        } else {
          set(DataType::Binary(), LeafConversion::kFixedToBinary);
        }
        return;
    }
    Fail("column `" + e.name + "` has an unknown physical type " +
         std::to_string(static_cast<int>(leaf->physical_type)));
  }

  // Keeps path_ equal to the names from the root to the element being converted.
  struct PathGuard {
    PathGuard(std::vector<std::string>* path, const std::string& name) : path(path) { path->push_back(name); }
    ~PathGuard() { path->pop_back(); }
    std::vector<std::string>* path;
  };

  const std::vector<SchemaElement>& elements_;
  const std::string& file_;
  std::vector<LeafDescriptor>* leaves_;
  size_t next_ = 0;
  std::vector<std::string> path_;
};

}  // namespace

std::string LeafDescriptor::DottedPath() const {
  std::string s;
  for (const auto& p : path) s += (s.empty() ? "" : ".") + p;
  return s;
}

ParquetSchema::ParquetSchema(const FileMetaData& metadata, const std::string& file) {
  SchemaConverter converter(metadata, file, &leaves_);
  fields_ = converter.ConvertRoot();
  std::vector<Field> fields;
  for (const auto& node : fields_) fields.push_back(node.field);
  std::map<std::string, std::string> kv;
  for (const auto& entry : metadata.key_value_metadata) kv[entry.key] = entry.value.value_or("");
  schema_ = std::make_shared<Schema>(std::move(fields), std::move(kv));
}

DataTypePtr AsNullable(const DataTypePtr& type) {
  switch (type->id()) {
    case TypeId::kArray: return DataType::Array(AsNullable(type->element_type()), true);
    case TypeId::kMap:
      return DataType::Map(AsNullable(type->key_type()), AsNullable(type->value_type()), true);
    case TypeId::kStruct: {
      std::vector<Field> fields;
      for (const auto& f : type->fields()) fields.emplace_back(f.name, AsNullable(f.type), true, f.metadata);
      return DataType::Struct(std::move(fields));
    }
    default: return type;
  }
}

}  // namespace lakestream::parquet
