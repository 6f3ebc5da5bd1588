#include "formats/json_value_converter.h"

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <limits>

namespace lakestream {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Shortest text that round-trips a double: what the JSON file most likely
// said, so that decimals convert exactly ("0.1" stays 0.1, not 0.1000000000000000055).
std::string DoubleText(double v) {
  char buf[32];
  auto [p, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  return std::string(buf, p);
}

// Non-numeric numbers Jackson accepts as strings for FLOAT/DOUBLE columns.
std::optional<double> SpecialDouble(std::string_view s) {
  if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (s == "Infinity" || s == "+Infinity" || s == "INF" || s == "+INF") return HUGE_VAL;
  if (s == "-Infinity" || s == "-INF") return -HUGE_VAL;
  return std::nullopt;
}

}  // namespace

std::string JsonValueText(const element& e) {
  if (e.type() == element_type::STRING) return std::string(e.get_string().value_unsafe());
  return simdjson::minify(e);
}

bool JsonValueConverter::Append(const element& e, ColumnDecoder* d) const {
  element_type et = e.type();
  if (et == element_type::NULL_VALUE) {
    d->AppendNull();
    return true;
  }
  const DataType& type = *d->type();
  switch (type.id()) {
    case TypeId::kString:
      if (et == element_type::STRING) return d->AppendText(e.get_string().value_unsafe());
      return d->AppendText(simdjson::minify(e));
    case TypeId::kBoolean:
      if (et == element_type::BOOL) return d->AppendBool(e.get_bool().value_unsafe());
      break;
    case TypeId::kByte:
    case TypeId::kShort:
    case TypeId::kInt:
    case TypeId::kLong:
      if (et == element_type::INT64) return d->AppendInt64(e.get_int64().value_unsafe());
      break;
    case TypeId::kFloat:
    case TypeId::kDouble:
      if (et == element_type::INT64) return d->AppendDouble(static_cast<double>(e.get_int64().value_unsafe()));
      if (et == element_type::UINT64) return d->AppendDouble(static_cast<double>(e.get_uint64().value_unsafe()));
      if (et == element_type::DOUBLE) return d->AppendDouble(e.get_double().value_unsafe());
      if (et == element_type::STRING) {
        auto v = SpecialDouble(e.get_string().value_unsafe());
        if (v) return d->AppendDouble(*v);
      }
      break;
    case TypeId::kDecimal:
      if (et == element_type::INT64) return d->AppendInt64(e.get_int64().value_unsafe());
      if (et == element_type::UINT64) return d->AppendText(std::to_string(e.get_uint64().value_unsafe()));
      if (et == element_type::DOUBLE) return d->AppendText(DoubleText(e.get_double().value_unsafe()));
      if (et == element_type::STRING) return d->AppendText(e.get_string().value_unsafe());
      break;
    case TypeId::kDate:
    case TypeId::kTimestampNtz:
    case TypeId::kBinary:
    case TypeId::kYearMonthInterval:  // Spark reads intervals from JSON strings only
    case TypeId::kDayTimeInterval:
      if (et == element_type::STRING) return d->AppendText(e.get_string().value_unsafe());
      break;
    case TypeId::kTimestamp:
      if (et == element_type::STRING) return d->AppendText(e.get_string().value_unsafe());
      if (et == element_type::INT64) return d->AppendInt64(e.get_int64().value_unsafe());
      break;
    case TypeId::kArray:
    case TypeId::kStruct:
    case TypeId::kMap: {
      auto v = ToValue(e, type);
      if (!v) break;
      d->AppendValue(*v);
      return true;
    }
    default:
      break;
  }
  d->AppendNull();
  return false;
}

std::optional<Value> JsonValueConverter::ToValue(const element& e, const DataType& type) const {
  element_type et = e.type();
  if (et == element_type::NULL_VALUE) return Value();
  const TextConversion& c = *conversion_;
  switch (type.id()) {
    case TypeId::kString: return Value(JsonValueText(e));
    case TypeId::kBoolean:
      if (et == element_type::BOOL) return Value(e.get_bool().value_unsafe());
      return std::nullopt;
    case TypeId::kByte:
    case TypeId::kShort:
    case TypeId::kInt:
    case TypeId::kLong:
      if (et == element_type::INT64) return ParseTextValue(std::to_string(e.get_int64().value_unsafe()), type, c);
      return std::nullopt;
    case TypeId::kFloat:
    case TypeId::kDouble: {
      double v;
      if (et == element_type::INT64) v = static_cast<double>(e.get_int64().value_unsafe());
      else if (et == element_type::UINT64) v = static_cast<double>(e.get_uint64().value_unsafe());
      else if (et == element_type::DOUBLE) v = e.get_double().value_unsafe();
      else if (et == element_type::STRING && SpecialDouble(e.get_string().value_unsafe())) v = *SpecialDouble(e.get_string().value_unsafe());
      else return std::nullopt;
      return Value(type.id() == TypeId::kFloat ? static_cast<double>(static_cast<float>(v)) : v);
    }
    case TypeId::kDecimal:
      if (et == element_type::INT64) return ParseTextValue(std::to_string(e.get_int64().value_unsafe()), type, c);
      if (et == element_type::UINT64) return ParseTextValue(std::to_string(e.get_uint64().value_unsafe()), type, c);
      if (et == element_type::DOUBLE) return ParseTextValue(DoubleText(e.get_double().value_unsafe()), type, c);
      if (et == element_type::STRING) return ParseTextValue(e.get_string().value_unsafe(), type, c);
      return std::nullopt;
    case TypeId::kTimestamp:
      if (et == element_type::INT64) {
        int64_t s = e.get_int64().value_unsafe();
        if (s > INT64_MAX / 1000000 || s < INT64_MIN / 1000000) return std::nullopt;
        return Value(s * 1000000);
      }
      [[fallthrough]];
    case TypeId::kDate:
    case TypeId::kTimestampNtz:
    case TypeId::kBinary:
    case TypeId::kYearMonthInterval:  // Spark reads intervals from JSON strings only
    case TypeId::kDayTimeInterval:
      if (et == element_type::STRING) return ParseTextValue(e.get_string().value_unsafe(), type, c);
      return std::nullopt;
    case TypeId::kArray: {
      if (et != element_type::ARRAY) return std::nullopt;
      ValueList values;
      simdjson::dom::array items = e.get_array().value_unsafe();
      for (element item : items) {
        auto v = ToValue(item, *type.element_type());
        if (!v) return std::nullopt;
        values.push_back(std::move(*v));
      }
      return Value::List(std::move(values));
    }
    case TypeId::kStruct: {
      if (et != element_type::OBJECT) return std::nullopt;
      const auto& fields = type.fields();
      ValueList values(fields.size());
      simdjson::dom::object members = e.get_object().value_unsafe();
      for (auto kv : members) {
        for (size_t i = 0; i < fields.size(); ++i) {
          if (fields[i].name != kv.key) continue;
          auto v = ToValue(kv.value, *fields[i].type);
          if (!v) return std::nullopt;
          values[i] = std::move(*v);
        }
      }
      return Value::List(std::move(values));
    }
    case TypeId::kMap: {
      if (et != element_type::OBJECT) return std::nullopt;
      ValuePairs entries;
      simdjson::dom::object members = e.get_object().value_unsafe();
      for (auto kv : members) {
        auto k = ParseTextValue(kv.key, *type.key_type(), c);
        auto v = ToValue(kv.value, *type.value_type());
        if (!k || !v) return std::nullopt;
        entries.emplace_back(std::move(*k), std::move(*v));
      }
      return Value::Map(std::move(entries));
    }
    default:
      return std::nullopt;
  }
}

}  // namespace lakestream
