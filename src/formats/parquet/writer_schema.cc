#include "formats/parquet/writer_schema.h"

#include <utility>

#include "columnar/check.h"
#include "lakestream/error.h"

namespace lakestream::parquet {
namespace {

[[noreturn]] void ThrowUnsupportedType(const std::string& column, const DataType& type) {
  throw UserError("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "0A000",
                  "The Parquet datasource doesn't support the column `" + column + "` of the type \"" +
                      type.ToSql() + "\".");
}

[[noreturn]] void ThrowEmptySchema() {
  throw UserError("EMPTY_SCHEMA_NOT_SUPPORTED_FOR_DATASOURCE", "0A000",
                  "The Parquet datasource does not support writing empty or nested empty schemas. Please make "
                  "sure the data schema has at least one or more column(s).");
}

LogicalType IntegerLogical(int8_t bit_width) {
  LogicalType t;
  t.kind = LogicalType::Kind::kInteger;
  t.bit_width = bit_width;
  t.is_signed = true;
  return t;
}

LogicalType TimestampLogical(bool utc) {
  LogicalType t;
  t.kind = LogicalType::Kind::kTimestamp;
  t.unit = TimeUnit::kMicros;
  t.is_adjusted_to_utc = utc;
  return t;
}

LogicalType SimpleLogical(LogicalType::Kind kind) {
  LogicalType t;
  t.kind = kind;
  return t;
}

// Walks the engine schema depth first, appending Parquet schema elements and
// one LeafColumn per primitive field.
class SchemaLayout {
 public:
  explicit SchemaLayout(WriterSchema* out) : out_(out) {}

  void AddTopLevel(const Field& field, int field_index) {
    top_name_ = field.name;
    LeafColumn leaf;
    leaf.field_index = field_index;
    AddField(field.name, field.type, field.nullable, leaf);
  }

 private:
  // `partial` carries the levels and path of the ancestors of this field.
  void AddField(const std::string& name, const DataTypePtr& type_ptr, bool nullable, LeafColumn partial) {
    const DataType& type = *type_ptr;
    SchemaElement element;
    element.name = name;
    element.repetition_type = nullable ? Repetition::kOptional : Repetition::kRequired;
    partial.path.push_back(name);
    if (nullable) ++partial.max_def;
    LevelNode node;
    node.nullable = nullable;

    switch (type.id()) {
      case TypeId::kStruct: {
        if (type.fields().empty()) ThrowEmptySchema();
        element.num_children = static_cast<int32_t>(type.fields().size());
        out_->elements.push_back(std::move(element));
        node.kind = LevelNode::Kind::kStruct;
        for (size_t i = 0; i < type.fields().size(); ++i) {
          LeafColumn child = partial;
          node.child = static_cast<int>(i);
          child.nodes.push_back(node);
          const Field& f = type.fields()[i];
          AddField(f.name, f.type, f.nullable, std::move(child));
        }
        return;
      }
      case TypeId::kArray: {
        element.num_children = 1;
        element.converted_type = ConvertedType::kList;
        element.logical_type = SimpleLogical(LogicalType::Kind::kList);
        out_->elements.push_back(std::move(element));
        AddRepeatedGroup("list", 1, node, &partial);
        AddField("element", type.element_type(), type.contains_null(), std::move(partial));
        return;
      }
      case TypeId::kMap: {
        element.num_children = 1;
        element.converted_type = ConvertedType::kMap;
        element.logical_type = SimpleLogical(LogicalType::Kind::kMap);
        out_->elements.push_back(std::move(element));
        AddRepeatedGroup("key_value", 2, node, &partial);
        // The entries are a struct<key, value> that is never null itself.
        LevelNode entries;
        entries.kind = LevelNode::Kind::kStruct;
        LeafColumn key = partial;
        entries.child = 0;
        key.nodes.push_back(entries);
        AddField("key", type.key_type(), false, std::move(key));
        entries.child = 1;
        partial.nodes.push_back(entries);
        AddField("value", type.value_type(), type.value_contains_null(), std::move(partial));
        return;
      }
      default:
        break;
    }

    SetPrimitive(type, &element, &partial);
    out_->elements.push_back(std::move(element));
    node.kind = LevelNode::Kind::kLeaf;
    partial.nodes.push_back(node);
    partial.type = type_ptr;
    out_->leaves.push_back(std::move(partial));
  }

  // The repeated middle group of a LIST or MAP; a present value with at
  // least one element adds a definition level, each element a repetition level.
  void AddRepeatedGroup(const char* name, int32_t children, LevelNode node, LeafColumn* partial) {
    SchemaElement group;
    group.name = name;
    group.repetition_type = Repetition::kRepeated;
    group.num_children = children;
    out_->elements.push_back(std::move(group));
    ++partial->max_def;
    ++partial->max_rep;
    node.kind = LevelNode::Kind::kRepeated;
    node.rep_level = partial->max_rep;
    partial->nodes.push_back(node);
    partial->path.push_back(name);
  }

  void SetPrimitive(const DataType& type, SchemaElement* element, LeafColumn* leaf) const {
    PhysicalType physical = PhysicalType::kInt32;
    switch (type.id()) {
      case TypeId::kBoolean: physical = PhysicalType::kBoolean; break;
      case TypeId::kByte:
        element->converted_type = ConvertedType::kInt8;
        element->logical_type = IntegerLogical(8);
        break;
      case TypeId::kShort:
        element->converted_type = ConvertedType::kInt16;
        element->logical_type = IntegerLogical(16);
        break;
      case TypeId::kInt: break;
      case TypeId::kLong: physical = PhysicalType::kInt64; break;
      case TypeId::kFloat: physical = PhysicalType::kFloat; break;
      case TypeId::kDouble: physical = PhysicalType::kDouble; break;
      case TypeId::kDecimal: {
        if (type.precision() <= 9) {
          physical = PhysicalType::kInt32;
        } else if (type.precision() <= 18) {
          physical = PhysicalType::kInt64;
        } else {
          physical = PhysicalType::kFixedLenByteArray;
          leaf->type_length = DecimalByteWidth(type.precision());
          element->type_length = leaf->type_length;
        }
        element->converted_type = ConvertedType::kDecimal;
        element->scale = type.scale();
        element->precision = type.precision();
        LogicalType logical;
        logical.kind = LogicalType::Kind::kDecimal;
        logical.decimal_precision = type.precision();
        logical.decimal_scale = type.scale();
        element->logical_type = logical;
        break;
      }
      case TypeId::kString:
        physical = PhysicalType::kByteArray;
        element->converted_type = ConvertedType::kUtf8;
        element->logical_type = SimpleLogical(LogicalType::Kind::kString);
        break;
      case TypeId::kBinary: physical = PhysicalType::kByteArray; break;
      case TypeId::kDate:
        element->converted_type = ConvertedType::kDate;
        element->logical_type = SimpleLogical(LogicalType::Kind::kDate);
        break;
      case TypeId::kTimestamp:
        physical = PhysicalType::kInt64;
        element->converted_type = ConvertedType::kTimestampMicros;
        element->logical_type = TimestampLogical(true);
        break;
      case TypeId::kTimestampNtz:
        // No converted type: TIMESTAMP_MICROS implies UTC-adjusted values.
        physical = PhysicalType::kInt64;
        element->logical_type = TimestampLogical(false);
        break;
      default:
        ThrowUnsupportedType(top_name_, type);
    }
    element->type = physical;
    leaf->physical_type = physical;
  }

  WriterSchema* out_;
  std::string top_name_;  // for error messages
};

}  // namespace

int32_t DecimalByteWidth(int precision) {
  using uint128 = unsigned __int128;
  uint128 bound = 1;
  for (int i = 0; i < precision; ++i) bound *= 10;
  // The largest unscaled value is 10^precision - 1; a signed n-byte integer
  // holds it when 2^(8n-1) >= 10^precision.
  for (int32_t n = 1; n < 16; ++n) {
    if ((static_cast<uint128>(1) << (8 * n - 1)) >= bound) return n;
  }
  return 16;
}

WriterSchema BuildWriterSchema(const Schema& schema) {
  if (schema.num_fields() == 0) ThrowEmptySchema();
  WriterSchema out;
  SchemaElement root;
  root.name = "spark_schema";
  root.num_children = static_cast<int32_t>(schema.num_fields());
  out.elements.push_back(std::move(root));
  SchemaLayout layout(&out);
  for (size_t i = 0; i < schema.num_fields(); ++i) layout.AddTopLevel(schema.field(i), static_cast<int>(i));
  return out;
}

}  // namespace lakestream::parquet
