#include "expected_rows.h"

#include <cmath>
#include <cstdio>

#include "formats/json_writer.h"
#include "formats/parquet/spark_schema_json.h"

namespace lakestream::parquet_write {
namespace {

std::string Int128ToString(int128_t v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  auto u = negative ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string digits;
  while (u > 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (negative) digits.push_back('-');
  return std::string(digits.rbegin(), digits.rend());
}

void AppendDouble(double v, std::string* out) {
  if (std::isnan(v)) {
    *out += "\"NaN\"";
  } else if (std::isinf(v)) {
    *out += v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  } else {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    *out += buffer;
  }
}

void AppendValue(const DataType& type, const Value& value, std::string* out) {
  if (value.is_null()) {
    *out += "null";
    return;
  }
  switch (type.id()) {
    case TypeId::kBoolean: *out += value.as_bool() ? "true" : "false"; return;
    case TypeId::kByte:
    case TypeId::kShort:
    case TypeId::kInt:
    case TypeId::kDate: *out += std::to_string(value.as_int()); return;
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz: *out += "\"" + std::to_string(value.as_int()) + "\""; return;
    case TypeId::kFloat: AppendDouble(static_cast<double>(static_cast<float>(value.as_double())), out); return;
    case TypeId::kDouble: AppendDouble(value.as_double(), out); return;
    case TypeId::kDecimal: *out += "\"" + Int128ToString(value.as_decimal()) + "\""; return;
    case TypeId::kString: AppendJsonString(value.as_string(), out); return;
    case TypeId::kBinary: {
      static const char kHex[] = "0123456789abcdef";
      out->push_back('"');
      for (unsigned char c : value.as_string()) {
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
      }
      out->push_back('"');
      return;
    }
    case TypeId::kArray: {
      out->push_back('[');
      const ValueList& items = value.as_list();
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out->push_back(',');
        AppendValue(*type.element_type(), items[i], out);
      }
      out->push_back(']');
      return;
    }
    case TypeId::kMap: {
      out->push_back('[');
      const ValuePairs& entries = value.as_map();
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out->push_back(',');
        out->push_back('[');
        AppendValue(*type.key_type(), entries[i].first, out);
        out->push_back(',');
        AppendValue(*type.value_type(), entries[i].second, out);
        out->push_back(']');
      }
      out->push_back(']');
      return;
    }
    case TypeId::kStruct: {
      out->push_back('{');
      const ValueList& fields = value.as_list();
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out->push_back(',');
        AppendJsonString(type.fields()[i].name, out);
        out->push_back(':');
        AppendValue(*type.fields()[i].type, fields[i], out);
      }
      out->push_back('}');
      return;
    }
    case TypeId::kNull: *out += "null"; return;
    case TypeId::kYearMonthInterval:
    case TypeId::kDayTimeInterval: break;  // not writable to Parquet
  }
  *out += "\"unsupported " + type.ToString() + "\"";
}

}  // namespace

std::string ExpectedRowsJson(const Schema& schema, const std::vector<Row>& rows) {
  std::string out = "{\"schema\":" + parquet::SparkSchemaJson(schema) + ",\n\"rows\":[\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    out.push_back('[');
    for (size_t c = 0; c < schema.num_fields(); ++c) {
      if (c > 0) out.push_back(',');
      AppendValue(*schema.field(c).type, rows[r][c], &out);
    }
    out += r + 1 < rows.size() ? "],\n" : "]\n";
  }
  out += "]}\n";
  return out;
}

}  // namespace lakestream::parquet_write
