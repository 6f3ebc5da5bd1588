#include "formats/parquet/spark_schema_json.h"

#include "columnar/check.h"
#include "formats/json_writer.h"

namespace lakestream::parquet {
namespace {

void AppendType(const DataType& type, std::string* out);

void AppendFields(const std::vector<Field>& fields, std::string* out) {
  *out += "{\"type\":\"struct\",\"fields\":[";
  for (size_t i = 0; i < fields.size(); ++i) {
    const Field& f = fields[i];
    if (i > 0) out->push_back(',');
    *out += "{\"name\":";
    AppendJsonString(f.name, out);
    *out += ",\"type\":";
    AppendType(*f.type, out);
    *out += f.nullable ? ",\"nullable\":true" : ",\"nullable\":false";
    *out += ",\"metadata\":{";
    bool first = true;
    for (const auto& [key, value] : f.metadata) {
      if (!first) out->push_back(',');
      first = false;
      AppendJsonString(key, out);
      out->push_back(':');
      AppendJsonString(value, out);
    }
    *out += "}}";
  }
  *out += "]}";
}

// Spark's DataType.typeName for atomic types ("integer", "decimal(10,2)").
const char* AtomicTypeName(TypeId id) {
  switch (id) {
    case TypeId::kNull: return "void";
    case TypeId::kBoolean: return "boolean";
    case TypeId::kByte: return "byte";
    case TypeId::kShort: return "short";
    case TypeId::kInt: return "integer";
    case TypeId::kLong: return "long";
    case TypeId::kFloat: return "float";
    case TypeId::kDouble: return "double";
    case TypeId::kString: return "string";
    case TypeId::kBinary: return "binary";
    case TypeId::kDate: return "date";
    case TypeId::kTimestamp: return "timestamp";
    case TypeId::kTimestampNtz: return "timestamp_ntz";
    default: break;
  }
  LS_CHECK(false && "not an atomic type");
  return "";
}

void AppendType(const DataType& type, std::string* out) {
  switch (type.id()) {
    case TypeId::kDecimal:
      *out += "\"decimal(" + std::to_string(type.precision()) + "," + std::to_string(type.scale()) + ")\"";
      return;
    case TypeId::kArray:
      *out += "{\"type\":\"array\",\"elementType\":";
      AppendType(*type.element_type(), out);
      *out += type.contains_null() ? ",\"containsNull\":true}" : ",\"containsNull\":false}";
      return;
    case TypeId::kMap:
      *out += "{\"type\":\"map\",\"keyType\":";
      AppendType(*type.key_type(), out);
      *out += ",\"valueType\":";
      AppendType(*type.value_type(), out);
      *out += type.value_contains_null() ? ",\"valueContainsNull\":true}" : ",\"valueContainsNull\":false}";
      return;
    case TypeId::kStruct:
      AppendFields(type.fields(), out);
      return;
    default:
      *out += '"';
      *out += AtomicTypeName(type.id());
      *out += '"';
  }
}

}  // namespace

std::string SparkSchemaJson(const Schema& schema) {
  std::string out;
  AppendFields(schema.fields(), &out);
  return out;
}

}  // namespace lakestream::parquet
