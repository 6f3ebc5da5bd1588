#include "lakestream/types.h"

#include <algorithm>
#include <cctype>

#include "columnar/check.h"
#include "lakestream/error.h"

namespace lakestream {

bool Field::operator==(const Field& other) const {
  return name == other.name && nullable == other.nullable && TypeEquals(type, other.type);
}

DataType::DataType(TypeId id, int precision, int scale, std::vector<Field> children)
    : id_(id), precision_(precision), scale_(scale), children_(std::move(children)) {}

#define LS_PRIMITIVE(Name, Id)                                                  \
  DataTypePtr DataType::Name() {                                                \
    static const DataTypePtr type(new DataType(TypeId::Id, 0, 0, {}));          \
    return type;                                                                \
  }
LS_PRIMITIVE(Null, kNull)
LS_PRIMITIVE(Boolean, kBoolean)
LS_PRIMITIVE(Byte, kByte)
LS_PRIMITIVE(Short, kShort)
LS_PRIMITIVE(Int, kInt)
LS_PRIMITIVE(Long, kLong)
LS_PRIMITIVE(Float, kFloat)
LS_PRIMITIVE(Double, kDouble)
LS_PRIMITIVE(String, kString)
LS_PRIMITIVE(Binary, kBinary)
LS_PRIMITIVE(Date, kDate)
LS_PRIMITIVE(Timestamp, kTimestamp)
LS_PRIMITIVE(TimestampNtz, kTimestampNtz)
#undef LS_PRIMITIVE

DataTypePtr DataType::Decimal(int precision, int scale) {
  if (precision < 1 || precision > kMaxDecimalPrecision || scale < 0 || scale > precision) {
    throw UserError("INVALID_DECIMAL_PRECISION_SCALE", "42K0F",
                    "Decimal precision " + std::to_string(precision) + " and scale " +
                        std::to_string(scale) + " are invalid: precision must be in [1, 38] and scale in [0, precision].");
  }
  return DataTypePtr(new DataType(TypeId::kDecimal, precision, scale, {}));
}

DataTypePtr DataType::YearMonthInterval(int start, int end) {
  LS_CHECK(start >= IntervalField::kYear && start <= end && end <= IntervalField::kMonth);
  static const DataTypePtr types[2][2] = {
      {DataTypePtr(new DataType(TypeId::kYearMonthInterval, 0, 0, {})),
       DataTypePtr(new DataType(TypeId::kYearMonthInterval, 0, 1, {}))},
      {nullptr, DataTypePtr(new DataType(TypeId::kYearMonthInterval, 1, 1, {}))}};
  return types[start][end];
}

DataTypePtr DataType::DayTimeInterval(int start, int end) {
  LS_CHECK(start >= IntervalField::kDay && start <= end && end <= IntervalField::kSecond);
  return DataTypePtr(new DataType(TypeId::kDayTimeInterval, start, end, {}));
}

namespace {

const char* IntervalFieldName(TypeId id, int field) {
  static const char* const kYearMonth[] = {"year", "month"};
  static const char* const kDayTime[] = {"day", "hour", "minute", "second"};
  return id == TypeId::kYearMonthInterval ? kYearMonth[field] : kDayTime[field];
}

}  // namespace

DataTypePtr DataType::Array(DataTypePtr element, bool contains_null) {
  return DataTypePtr(new DataType(TypeId::kArray, 0, 0, {Field("element", std::move(element), contains_null)}));
}

DataTypePtr DataType::Struct(std::vector<Field> fields) {
  return DataTypePtr(new DataType(TypeId::kStruct, 0, 0, std::move(fields)));
}

DataTypePtr DataType::Map(DataTypePtr key, DataTypePtr value, bool value_contains_null) {
  return DataTypePtr(new DataType(TypeId::kMap, 0, 0,
                                  {Field("key", std::move(key), false), Field("value", std::move(value), value_contains_null)}));
}

int DataType::byte_width() const {
  switch (id_) {
    case TypeId::kByte: return 1;
    case TypeId::kShort: return 2;
    case TypeId::kInt: case TypeId::kFloat: case TypeId::kDate: case TypeId::kYearMonthInterval: return 4;
    case TypeId::kLong: case TypeId::kDouble: case TypeId::kTimestamp: case TypeId::kTimestampNtz:
    case TypeId::kDayTimeInterval: return 8;
    case TypeId::kDecimal: return 16;
    case TypeId::kBoolean: return 0;
    default: return -1;
  }
}

std::string DataType::ToString() const {
  switch (id_) {
    case TypeId::kNull: return "void";
    case TypeId::kBoolean: return "boolean";
    case TypeId::kByte: return "tinyint";
    case TypeId::kShort: return "smallint";
    case TypeId::kInt: return "int";
    case TypeId::kLong: return "bigint";
    case TypeId::kFloat: return "float";
    case TypeId::kDouble: return "double";
    case TypeId::kDecimal: return "decimal(" + std::to_string(precision_) + "," + std::to_string(scale_) + ")";
    case TypeId::kString: return "string";
    case TypeId::kBinary: return "binary";
    case TypeId::kDate: return "date";
    case TypeId::kTimestamp: return "timestamp";
    case TypeId::kTimestampNtz: return "timestamp_ntz";
    case TypeId::kYearMonthInterval:
    case TypeId::kDayTimeInterval: {
      std::string s = std::string("interval ") + IntervalFieldName(id_, start_field());
      if (end_field() != start_field()) s += std::string(" to ") + IntervalFieldName(id_, end_field());
      return s;
    }
    case TypeId::kArray: return "array<" + element_type()->ToString() + ">";
    case TypeId::kMap: return "map<" + key_type()->ToString() + "," + value_type()->ToString() + ">";
    case TypeId::kStruct: {
      std::string s = "struct<";
      for (size_t i = 0; i < children_.size(); ++i) {
        if (i) s += ",";
        s += children_[i].name + ":" + children_[i].type->ToString();
      }
      return s + ">";
    }
  }
  return "?";
}

std::string DataType::ToSql() const {
  switch (id_) {
    case TypeId::kNull: return "VOID";
    case TypeId::kArray: return "ARRAY<" + element_type()->ToSql() + ">";
    case TypeId::kMap: return "MAP<" + key_type()->ToSql() + ", " + value_type()->ToSql() + ">";
    case TypeId::kStruct: {
      std::string s = "STRUCT<";
      for (size_t i = 0; i < children_.size(); ++i) {
        if (i) s += ", ";
        s += children_[i].name + ": " + children_[i].type->ToSql();
      }
      return s + ">";
    }
    default: {
      std::string s = ToString();
      std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
      return s;
    }
  }
}

bool DataType::Equals(const DataType& other) const {
  if (id_ != other.id_ || precision_ != other.precision_ || scale_ != other.scale_ ||
      children_.size() != other.children_.size()) {
    return false;
  }
  for (size_t i = 0; i < children_.size(); ++i) {
    if (!(children_[i] == other.children_[i])) return false;
  }
  return true;
}

bool TypeEquals(const DataTypePtr& a, const DataTypePtr& b) {
  if (a == b) return true;
  if (!a || !b) return false;
  return a->Equals(*b);
}

// ---- Type string parsing ------------------------------------------------------

namespace {

class TypeParser {
 public:
  explicit TypeParser(std::string_view text) : text_(text) {}

  DataTypePtr ParseType() {
    std::string word = Lower(Identifier());
    if (word == "array") {
      Expect('<');
      auto element = ParseType();
      Expect('>');
      return DataType::Array(element);
    }
    if (word == "map") {
      Expect('<');
      auto key = ParseType();
      Expect(',');
      auto value = ParseType();
      Expect('>');
      return DataType::Map(key, value);
    }
    if (word == "struct") {
      Expect('<');
      std::vector<Field> fields;
      SkipSpace();
      if (Peek() != '>') {
        while (true) {
          std::string name = Identifier();
          SkipSpace();
          if (Peek() == ':') ++pos_;
          auto type = ParseType();
          bool nullable = !ConsumeNotNull();
          fields.emplace_back(name, type, nullable);
          SkipSpace();
          if (Peek() == ',') { ++pos_; continue; }
          break;
        }
      }
      Expect('>');
      return DataType::Struct(std::move(fields));
    }
    if (word == "decimal" || word == "dec" || word == "numeric") {
      SkipSpace();
      if (Peek() != '(') return DataType::Decimal(10, 0);
      ++pos_;
      int p = Number();
      int s = 0;
      SkipSpace();
      if (Peek() == ',') { ++pos_; s = Number(); }
      Expect(')');
      return DataType::Decimal(p, s);
    }
    if (word == "boolean" || word == "bool") return DataType::Boolean();
    if (word == "tinyint" || word == "byte") return DataType::Byte();
    if (word == "smallint" || word == "short") return DataType::Short();
    if (word == "int" || word == "integer") return DataType::Int();
    if (word == "bigint" || word == "long") return DataType::Long();
    if (word == "float" || word == "real") return DataType::Float();
    if (word == "double") return DataType::Double();
    if (word == "string" || word == "text") return DataType::String();
    if (word == "varchar" || word == "char") {
      SkipSpace();
      if (Peek() == '(') { ++pos_; Number(); Expect(')'); }
      return DataType::String();
    }
    if (word == "binary") return DataType::Binary();
    if (word == "date") return DataType::Date();
    if (word == "timestamp" || word == "timestamp_ltz") return DataType::Timestamp();
    if (word == "timestamp_ntz") return DataType::TimestampNtz();
    if (word == "void" || word == "null") return DataType::Null();
    if (word == "interval") return ParseIntervalFields();
    Fail("unknown data type '" + word + "'");
  }

  // "name TYPE [NOT NULL] [COMMENT '...']"
  Field ParseColumn() {
    std::string name = Identifier();
    SkipSpace();
    if (Peek() == ':') ++pos_;
    auto type = ParseType();
    bool nullable = !ConsumeNotNull();
    return Field(name, type, nullable);
  }

  // After INTERVAL: "YEAR [TO MONTH]", "DAY TO SECOND", "HOUR", ...
  DataTypePtr ParseIntervalFields() {
    auto field = [&](bool* year_month) {
      std::string w = Lower(Identifier());
      static const char* const kNames[] = {"year", "month", "day", "hour", "minute", "second"};
      for (int i = 0; i < 6; ++i) {
        if (w == kNames[i]) {
          *year_month = i < 2;
          return i < 2 ? i : i - 2;
        }
      }
      Fail("unknown interval field '" + w + "'");
    };
    bool year_month = false;
    int start = field(&year_month);
    int end = start;
    SkipSpace();
    size_t save = pos_;
    if (std::isalpha(static_cast<unsigned char>(Peek())) && Lower(Identifier()) == "to") {
      bool end_year_month = false;
      end = field(&end_year_month);
      if (end_year_month != year_month || end <= start) Fail("invalid interval qualifier");
    } else {
      pos_ = save;
    }
    return year_month ? DataType::YearMonthInterval(start, end) : DataType::DayTimeInterval(start, end);
  }

  void SkipSpace() { while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_; }
  bool AtEnd() { SkipSpace(); return pos_ >= text_.size(); }
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void Expect(char c) {
    SkipSpace();
    if (Peek() != c) Fail(std::string("expected '") + c + "'");
    ++pos_;
  }
  bool ConsumeComma() { SkipSpace(); if (Peek() == ',') { ++pos_; return true; } return false; }

  [[noreturn]] void Fail(const std::string& what) const {
    throw UserError("PARSE_SYNTAX_ERROR", "42601",
                    "Cannot parse data type '" + std::string(text_) + "': " + what + " at position " + std::to_string(pos_) + ".");
  }

 private:
  static std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  }

  std::string Identifier() {
    SkipSpace();
    if (Peek() == '`') {
      ++pos_;
      std::string out;
      while (pos_ < text_.size()) {
        if (text_[pos_] == '`') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '`') { out += '`'; pos_ += 2; continue; }
          ++pos_;
          return out;
        }
        out += text_[pos_++];
      }
      Fail("unterminated `identifier`");
    }
    size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) ++pos_;
    if (start == pos_) Fail("expected a name");
    return std::string(text_.substr(start, pos_ - start));
  }

  int Number() {
    SkipSpace();
    size_t start = pos_;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    if (start == pos_ || pos_ - start > 6) Fail("expected a number");
    return std::stoi(std::string(text_.substr(start, pos_ - start)));
  }

  bool ConsumeNotNull() {
    SkipSpace();
    size_t save = pos_;
    if (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) {
      std::string w = Lower(Identifier());
      if (w == "not") {
        if (Lower(Identifier()) == "null") return true;
        Fail("expected NULL after NOT");
      }
      if (w == "comment") {  // COMMENT 'text': accepted and dropped
        SkipSpace();
        if (Peek() == '\'') {
          ++pos_;
          while (pos_ < text_.size() && text_[pos_] != '\'') ++pos_;
          ++pos_;
        }
        return ConsumeNotNull();
      }
    }
    pos_ = save;
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

DataTypePtr DataType::Parse(std::string_view text) {
  TypeParser p(text);
  auto t = p.ParseType();
  if (!p.AtEnd()) p.Fail("unexpected trailing text");
  return t;
}

// ---- Schema -------------------------------------------------------------------

Schema::Schema(std::vector<Field> fields, std::map<std::string, std::string> metadata)
    : fields_(std::move(fields)), metadata_(std::move(metadata)) {}

SchemaPtr Schema::ParseDdl(std::string_view ddl) {
  TypeParser p(ddl);
  std::vector<Field> fields;
  if (!p.AtEnd()) {
    do {
      fields.push_back(p.ParseColumn());
    } while (p.ConsumeComma());
  }
  if (!p.AtEnd()) p.Fail("unexpected trailing text");
  return std::make_shared<Schema>(std::move(fields));
}

static bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

int Schema::FieldIndex(std::string_view name) const {
  int found = -1;
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (!EqualsIgnoreCase(fields_[i].name, name)) continue;
    if (found >= 0) {
      throw UserError("AMBIGUOUS_REFERENCE", "42704",
                      "Reference `" + std::string(name) + "` is ambiguous, could be: [`" + fields_[found].name +
                          "`, `" + fields_[i].name + "`].");
    }
    found = static_cast<int>(i);
  }
  return found;
}

std::vector<std::string> Schema::FieldNames() const {
  std::vector<std::string> names;
  for (const auto& f : fields_) names.push_back(f.name);
  return names;
}

std::string Schema::ToString() const { return AsStruct()->ToString(); }

DataTypePtr Schema::AsStruct() const { return DataType::Struct(fields_); }

namespace {
// Spark's typeName used by printSchema: "integer", "long", "string", ...
std::string TreeTypeName(const DataType& t) {
  switch (t.id()) {
    case TypeId::kByte: return "byte";
    case TypeId::kShort: return "short";
    case TypeId::kInt: return "integer";
    case TypeId::kLong: return "long";
    case TypeId::kArray: return "array";
    case TypeId::kMap: return "map";
    case TypeId::kStruct: return "struct";
    default: return t.ToString();
  }
}

void AppendTree(std::string& out, const DataType& t, const std::string& prefix) {
  if (t.id() == TypeId::kStruct) {
    for (const auto& f : t.fields()) {
      out += prefix + "-- " + f.name + ": " + TreeTypeName(*f.type) + " (nullable = " + (f.nullable ? "true" : "false") + ")\n";
      AppendTree(out, *f.type, prefix + "    |");
    }
  } else if (t.id() == TypeId::kArray) {
    out += prefix + "-- element: " + TreeTypeName(*t.element_type()) + " (containsNull = " + (t.contains_null() ? "true" : "false") + ")\n";
    AppendTree(out, *t.element_type(), prefix + "    |");
  } else if (t.id() == TypeId::kMap) {
    out += prefix + "-- key: " + TreeTypeName(*t.key_type()) + "\n";
    AppendTree(out, *t.key_type(), prefix + "    |");
    out += prefix + "-- value: " + TreeTypeName(*t.value_type()) + " (valueContainsNull = " + (t.value_contains_null() ? "true" : "false") + ")\n";
    AppendTree(out, *t.value_type(), prefix + "    |");
  }
}
}  // namespace

std::string Schema::TreeString() const {
  std::string out = "root\n";
  AppendTree(out, *AsStruct(), " |");
  return out;
}

bool Schema::Equals(const Schema& other) const { return fields_ == other.fields_; }

}  // namespace lakestream
