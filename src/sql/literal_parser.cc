#include "sql/literal_parser.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "expr/datetime_format.h"
#include "expr/interval_text.h"
#include "expr/time_zone.h"
#include "lakestream/error.h"

namespace lakestream::sql {

namespace {

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// Digits to an unscaled integer; false when there are more than 38
// significant digits (beyond DECIMAL(38)). `significant` gets their count.
bool DigitsToInt128(const std::string& digits, int128_t* value, int* significant) {
  size_t first = digits.find_first_not_of('0');
  *significant = first == std::string::npos ? 0 : static_cast<int>(digits.size() - first);
  if (*significant > 38) return false;
  int128_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  *value = v;
  return true;
}

}  // namespace

void LiteralParser::OutOfRange(const Token& t, const std::string& raw, const char* type, const std::string& min,
                               const std::string& max) const {
  throw UserError("INVALID_NUMERIC_LITERAL_RANGE", "22003",
                  in_.Locate(t, "22003",
                             "Numeric literal " + raw + " is outside the valid range for " + type +
                                 " with minimum value of " + min + " and maximum value of " + max +
                                 ". Please adjust the value accordingly."));
}

ExprPtr LiteralParser::Number(bool negative) {
  const Token& t = in_.Next();
  std::string text = Upper(t.text);
  char suffix = 0;  // 'B' stands for BD
  if (text.size() > 2 && text.compare(text.size() - 2, 2, "BD") == 0) {
    suffix = 'B';
    text.resize(text.size() - 2);
  } else if (std::string_view("LSYDF").find(text.back()) != std::string_view::npos) {
    suffix = text.back();
    text.pop_back();
  }
  bool fraction = text.find('.') != std::string::npos;
  bool exponent = text.find('E') != std::string::npos;
  if (suffix == 'D' || suffix == 'F' || (exponent && suffix == 0)) return Floating(t, text, suffix, negative);
  if (fraction || suffix == 'B') return Decimal(t, text, negative);
  return Integer(t, text, suffix, negative);
}

ExprPtr LiteralParser::Integer(const Token& t, std::string digits, char suffix, bool negative) {
  std::string raw = (negative ? "-" : "") + t.text;
  int128_t v = 0;
  int significant = 0;
  bool fits = DigitsToInt128(digits, &v, &significant);
  if (negative) v = -v;
  auto in_range = [&](int64_t lo, int64_t hi) { return fits && v >= lo && v <= hi; };
  switch (suffix) {
    case 'L':
      if (!in_range(INT64_MIN, INT64_MAX)) OutOfRange(t, raw, "bigint", "-9223372036854775808", "9223372036854775807");
      return Lit(Value(static_cast<int64_t>(v)), DataType::Long());
    case 'S':
      if (!in_range(INT16_MIN, INT16_MAX)) OutOfRange(t, raw, "smallint", "-32768", "32767");
      return Lit(Value(static_cast<int64_t>(v)), DataType::Short());
    case 'Y':
      if (!in_range(INT8_MIN, INT8_MAX)) OutOfRange(t, raw, "tinyint", "-128", "127");
      return Lit(Value(static_cast<int64_t>(v)), DataType::Byte());
    default: break;
  }
  if (in_range(INT32_MIN, INT32_MAX)) return Lit(Value(static_cast<int64_t>(v)), DataType::Int());
  if (in_range(INT64_MIN, INT64_MAX)) return Lit(Value(static_cast<int64_t>(v)), DataType::Long());
  if (!fits) {
    throw UserError("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", "22003",
                    in_.Locate(t, "22003", "Decimal precision " + std::to_string(significant) + " exceeds max precision 38."));
  }
  return Lit(Value::Decimal(v), DataType::Decimal(significant, 0));
}

// 1.50 is DECIMAL(3,2), 0.05 DECIMAL(2,2), 1.5e3BD DECIMAL(4,0) as Java's
// BigDecimal (with Spark's rule that the scale is never negative).
ExprPtr LiteralParser::Decimal(const Token& t, const std::string& text, bool negative) {
  size_t e = text.find('E');
  std::string mantissa = text.substr(0, e);
  int64_t exp = 0;
  if (e != std::string::npos) {
    std::string_view ex = std::string_view(text).substr(e + 1);
    if (!ex.empty() && ex[0] == '+') ex.remove_prefix(1);
    auto r = std::from_chars(ex.data(), ex.data() + ex.size(), exp);
    if (r.ec != std::errc() || exp > 1000 || exp < -1000) exp = 1000;  // precision check below rejects it
  }
  size_t dot = mantissa.find('.');
  std::string digits = mantissa;
  int64_t scale = 0;
  if (dot != std::string::npos) {
    digits = mantissa.substr(0, dot) + mantissa.substr(dot + 1);
    scale = static_cast<int64_t>(mantissa.size() - dot - 1);
  }
  scale -= exp;
  if (scale < 0 && scale > -100) {
    digits.append(static_cast<size_t>(-scale), '0');
    scale = 0;
  }
  int128_t v = 0;
  int significant = 0;
  bool fits = DigitsToInt128(digits, &v, &significant) && scale >= 0;
  int64_t precision = std::max<int64_t>(std::max(significant, 1), scale);
  if (!fits || precision > DataType::kMaxDecimalPrecision) {
    throw UserError("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", "22003",
                    in_.Locate(t, "22003", "Decimal precision " + std::to_string(std::max<int64_t>(precision, significant)) +
                                               " exceeds max precision 38."));
  }
  return Lit(Value::Decimal(negative ? -v : v), DataType::Decimal(static_cast<int>(precision), static_cast<int>(scale)));
}

ExprPtr LiteralParser::Floating(const Token& t, const std::string& text, char suffix, bool negative) {
  std::string s = (text.front() == '.' ? "0" : "") + text;
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  std::string raw = (negative ? "-" : "") + t.text;
  if (suffix == 'F') {
    if (r.ec != std::errc() || !(std::fabs(v) <= std::numeric_limits<float>::max())) {
      OutOfRange(t, raw, "float", "-3.4028234663852886E+38", "3.4028234663852886E+38");
    }
    v = static_cast<double>(static_cast<float>(v));
    return Lit(Value(negative ? -v : v), DataType::Float());
  }
  if (r.ec != std::errc() || !std::isfinite(v)) {
    OutOfRange(t, raw, "double", "-1.7976931348623157E+308", "1.7976931348623157E+308");
  }
  return Lit(Value(negative ? -v : v), DataType::Double());
}

std::string LiteralParser::StringValue() {
  std::string value = in_.Next().text;
  while (in_.Peek().kind == TokenKind::kString) value += in_.Next().text;
  return value;
}

ExprPtr LiteralParser::String() { return Lit(Value(StringValue()), DataType::String()); }

bool LiteralParser::AtTypedLiteral() const {
  const Token& t = in_.Peek();
  return in_.Peek(1).kind == TokenKind::kString &&
         (t.Is("DATE") || t.Is("TIMESTAMP") || t.Is("TIMESTAMP_NTZ") || t.Is("TIMESTAMP_LTZ") || t.Is("X"));
}

ExprPtr LiteralParser::TypedLiteral() {
  const Token& type = in_.Next();
  const Token& value_token = in_.Peek();
  std::string value = StringValue();
  auto invalid = [&]() {
    throw UserError("INVALID_TYPED_LITERAL", "42604",
                    in_.Locate(value_token, "42604",
                               "The value of the typed literal \"" + Upper(type.text) + "\" is invalid: '" + value + "'."));
  };
  if (type.Is("DATE")) {
    auto days = ParseDateDefault(value);
    if (!days) invalid();
    return Lit(Value(static_cast<int64_t>(*days)), DataType::Date());
  }
  if (type.Is("TIMESTAMP_NTZ")) {
    auto micros = ParseTimestampNtzDefault(value);
    if (!micros) invalid();
    return Lit(Value(*micros), DataType::TimestampNtz());
  }
  if (type.Is("TIMESTAMP") || type.Is("TIMESTAMP_LTZ")) {
    if (!ParseTimestampDefault(value, *TimeZone::Utc())) invalid();
    return CastTo(Lit(Value(value), DataType::String()), DataType::Timestamp());
  }
  // X'...': hex digits, an odd count padded with a leading 0 as Spark does.
  std::string hex = value.size() % 2 ? "0" + value : value;
  std::string bytes;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int byte = 0;
    auto r = std::from_chars(hex.data() + i, hex.data() + i + 2, byte, 16);
    if (r.ec != std::errc() || r.ptr != hex.data() + i + 2) invalid();
    bytes += static_cast<char>(byte);
  }
  return Lit(Value(bytes), DataType::Binary());
}

namespace {

bool IsIntervalUnit(const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  std::string u = Upper(t.text);
  if (u.size() > 1 && u.back() == 'S') u.pop_back();
  for (const char* known : {"YEAR", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND"}) {
    if (u == known) return true;
  }
  return false;
}

// The field index of a unit-to-unit bound (YEAR 0, MONTH 1 / DAY 0 .. SECOND 3).
std::optional<std::pair<bool, int>> UnitToUnitField(const Token& t) {
  static const char* const kNames[] = {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"};
  for (int i = 0; i < 6; ++i) {
    if (t.Is(kNames[i])) return std::make_pair(i < 2, i < 2 ? i : i - 2);
  }
  return std::nullopt;
}

}  // namespace

ExprPtr LiteralParser::Interval() {
  const Token& first = in_.Next();
  auto source = [&] { return std::string(in_.Text(first.offset, in_.Previous().end_offset())); };
  auto invalid = [&](const std::string& why) {
    throw UserError("INVALID_INTERVAL_FORMAT", "22006",
                    in_.Locate(first, "22006", "Cannot parse the INTERVAL value: " + source() + ". " + why));
  };
  // One interval value: [+|-] (number | 'string'); the sign applies to the whole value.
  auto at_value = [&](size_t ahead) {
    if (in_.IsSymbol("-", ahead) || in_.IsSymbol("+", ahead)) ++ahead;
    TokenKind k = in_.Peek(ahead).kind;
    return (k == TokenKind::kNumber || k == TokenKind::kString) ? ahead + 1 : 0;
  };
  struct Part {
    bool negative = false;
    bool is_string = false;
    std::string text;
    Token unit;
  };
  auto read_value = [&](Part* p) {
    if (in_.IsSymbol("-") || in_.IsSymbol("+")) p->negative = in_.Next().IsSymbol("-");
    p->is_string = in_.Peek().kind == TokenKind::kString;
    p->text = p->is_string ? StringValue() : in_.Next().text;
  };
  if (!at_value(0)) in_.SyntaxError(in_.Peek(), "INTERVAL needs a value and a unit, as INTERVAL '1' DAY");
  std::vector<Part> parts;
  Part part;
  read_value(&part);
  // INTERVAL 'text' alone: the string holds the units ('1 year 2 months').
  if (!IsIntervalUnit(in_.Peek())) {
    if (!part.is_string) in_.SyntaxError(in_.Peek(), "missing interval unit");
    interval::UnitSum sum;
    if (sum.AddText(part.text) != interval::UnitSum::Status::kOk) invalid("");
    if (sum.mixed()) {
      throw UserError("MIXED_INTERVAL_UNITS", "22006",
                      in_.Locate(first, "22006", "Cannot mix year-month and day-time fields: " + source() + "."));
    }
    auto v = sum.value();
    if (!v) invalid("The value is out of range.");
    int64_t value = *v;
    if (part.negative) {
      if (value == INT64_MIN || (sum.type()->id() == TypeId::kYearMonthInterval && value == INT32_MIN)) {
        invalid("The value is out of range.");
      }
      value = -value;
    }
    return Lit(Value(value), sum.type());
  }
  part.unit = in_.Next();
  // Unit-to-unit: '1-2' YEAR TO MONTH, '1 02:03:04.5' DAY TO SECOND.
  if (in_.Is("TO")) {
    in_.Next();
    const Token& to = in_.Next();
    auto from_field = UnitToUnitField(part.unit), to_field = UnitToUnitField(to);
    if (!from_field || !to_field || from_field->first != to_field->first || from_field->second >= to_field->second) {
      throw UserError("UNSUPPORTED_FROM_TO_INTERVAL", "0A000",
                      in_.Locate(part.unit, "0A000",
                                 "Intervals FROM " + Upper(part.unit.text) + " TO " + Upper(to.text) + " are not supported."));
    }
    if (!part.is_string) invalid("The value of from-to unit must be a string.");
    DataTypePtr type = from_field->first ? DataType::YearMonthInterval(from_field->second, to_field->second)
                                         : DataType::DayTimeInterval(from_field->second, to_field->second);
    std::string error;
    auto v = interval::ParseFields(part.text, *type, &error);
    if (!v) invalid(error + ".");
    int64_t value = part.negative ? -*v : *v;
    if (type->id() == TypeId::kYearMonthInterval && value > INT32_MAX) invalid("The value is out of range.");
    if (part.negative && *v == INT64_MIN) invalid("The value is out of range.");
    return Lit(Value(value), type);
  }
  // Multi-unit: value unit [value unit ...].
  parts.push_back(part);
  while (size_t after = at_value(0)) {
    if (!IsIntervalUnit(in_.Peek(after))) break;
    Part next;
    read_value(&next);
    next.unit = in_.Next();
    parts.push_back(next);
  }
  interval::UnitSum sum;
  for (const Part& p : parts) {
    std::string value = p.text;
    // A sign written before the value and one inside the string multiply.
    if (p.negative) value = value.size() > 0 && value[0] == '-' ? value.substr(1) : "-" + (value[0] == '+' ? value.substr(1) : value);
    switch (sum.Add(value, p.unit.text)) {
      case interval::UnitSum::Status::kOk: break;
      case interval::UnitSum::Status::kMalformed:
        invalid("'" + p.text + " " + p.unit.text + "' is not a valid " + Upper(p.unit.text) +
                " value (only SECOND takes a fractional part).");
        break;
      default: invalid("The value is out of range.");
    }
  }
  if (sum.mixed()) {
    throw UserError("MIXED_INTERVAL_UNITS", "22006",
                    in_.Locate(first, "22006", "Cannot mix year-month and day-time fields: " + source() + "."));
  }
  auto v = sum.value();
  if (!v) invalid("The value is out of range.");
  return Lit(Value(*v), sum.type());
}

}  // namespace lakestream::sql
