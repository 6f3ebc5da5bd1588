#include "lakestream/value.h"

#include <fmt/format.h>

#include "columnar/check.h"

namespace lakestream {

Value Value::List(ValueList items) {
  Value v;
  v.data_ = std::make_shared<const ValueList>(std::move(items));
  return v;
}

Value Value::Map(ValuePairs entries) {
  Value v;
  v.data_ = std::make_shared<const ValuePairs>(std::move(entries));
  return v;
}

namespace {
[[noreturn]] void WrongKind(const char* wanted, Value::Kind actual) {
  throw InternalError(std::string("Value is not ") + wanted + " (kind " + std::to_string(static_cast<int>(actual)) + ")");
}
}  // namespace

bool Value::as_bool() const {
  if (auto* p = std::get_if<bool>(&data_)) return *p;
  WrongKind("bool", kind());
}
int64_t Value::as_int() const {
  if (auto* p = std::get_if<int64_t>(&data_)) return *p;
  WrongKind("int", kind());
}
double Value::as_double() const {
  if (auto* p = std::get_if<double>(&data_)) return *p;
  if (auto* p = std::get_if<int64_t>(&data_)) return static_cast<double>(*p);
  WrongKind("double", kind());
}
int128_t Value::as_decimal() const {
  if (auto* p = std::get_if<DecimalBox>(&data_)) return p->v;
  if (auto* p = std::get_if<int64_t>(&data_)) return *p;
  WrongKind("decimal", kind());
}
const std::string& Value::as_string() const {
  if (auto* p = std::get_if<std::string>(&data_)) return *p;
  WrongKind("string", kind());
}
const ValueList& Value::as_list() const {
  if (auto* p = std::get_if<ListPtr>(&data_)) return **p;
  WrongKind("list", kind());
}
const ValuePairs& Value::as_map() const {
  if (auto* p = std::get_if<MapPtr>(&data_)) return **p;
  WrongKind("map", kind());
}

bool Value::operator==(const Value& other) const {
  if (kind() != other.kind()) return false;
  switch (kind()) {
    case Kind::kNull: return true;
    case Kind::kBool: return as_bool() == other.as_bool();
    case Kind::kInt: return as_int() == other.as_int();
    case Kind::kDouble: {
      double a = as_double(), b = other.as_double();
      return a == b || (a != a && b != b);
    }
    case Kind::kDecimal: return as_decimal() == other.as_decimal();
    case Kind::kString: return as_string() == other.as_string();
    case Kind::kList: return as_list() == other.as_list();
    case Kind::kMap: return as_map() == other.as_map();
  }
  return false;
}

static std::string Int128ToString(int128_t v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string s;
  while (u > 0) { s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10))); u /= 10; }
  return neg ? "-" + s : s;
}

std::string Value::ToString() const {
  switch (kind()) {
    case Kind::kNull: return "null";
    case Kind::kBool: return as_bool() ? "true" : "false";
    case Kind::kInt: return std::to_string(as_int());
    case Kind::kDouble: {
      // Shortest text that reads back as the same double, as Java prints it (2.5, not 2.500000).
      std::string s = fmt::format("{}", as_double());
      if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
      return s;
    }
    case Kind::kDecimal: return Int128ToString(as_decimal());
    case Kind::kString: return as_string();
    case Kind::kList: {
      std::string s = "[";
      for (size_t i = 0; i < as_list().size(); ++i) s += (i ? ", " : "") + as_list()[i].ToString();
      return s + "]";
    }
    case Kind::kMap: {
      std::string s = "{";
      for (size_t i = 0; i < as_map().size(); ++i) {
        s += (i ? ", " : "") + as_map()[i].first.ToString() + " -> " + as_map()[i].second.ToString();
      }
      return s + "}";
    }
  }
  return "?";
}

std::string Row::ToString() const {
  std::string s = "[";
  for (size_t i = 0; i < values_.size(); ++i) s += (i ? "," : "") + values_[i].ToString();
  return s + "]";
}

}  // namespace lakestream
