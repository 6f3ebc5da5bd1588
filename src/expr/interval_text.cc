#include "expr/interval_text.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace lakestream::interval {

namespace {

using int128 = __int128;

const char* const kYearMonthNames[] = {"YEAR", "MONTH"};
const char* const kDayTimeNames[] = {"DAY", "HOUR", "MINUTE", "SECOND"};

const char* FieldName(const DataType& type, int field) {
  return type.id() == TypeId::kYearMonthInterval ? kYearMonthNames[field] : kDayTimeNames[field];
}

void AppendUnsigned(int128 v, std::string* out) {
  char buf[48];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v > 0);
  while (n > 0) out->push_back(buf[--n]);
}

void AppendTwoDigits(int128 v, std::string* out) {
  if (v < 10) out->push_back('0');
  AppendUnsigned(v, out);
}

// Seconds with their fraction, trailing zeros dropped, at least two integer
// digits (BigDecimal.valueOf(micros, 6).stripTrailingZeros.toPlainString).
void AppendSeconds(int128 micros, std::string* out) {
  if (micros < 10 * kMicrosPerSecond) out->push_back('0');
  AppendUnsigned(micros / kMicrosPerSecond, out);
  int64_t fraction = static_cast<int64_t>(micros % kMicrosPerSecond);
  if (fraction == 0) return;
  std::string digits = std::to_string(fraction);
  digits.insert(0, 6 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  out->push_back('.');
  out->append(digits);
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return s.substr(b, e - b);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// Reads a run of digits into *v. More than max_digits fails: 20 digits are
// past any int64 count, so a field times its unit never leaves int128.
bool ReadDigits(std::string_view s, size_t* pos, int128* v, size_t max_digits = 20) {
  size_t start = *pos;
  *v = 0;
  while (*pos < s.size() && std::isdigit(static_cast<unsigned char>(s[*pos]))) {
    if (*pos - start >= max_digits) return false;
    *v = *v * 10 + (s[*pos] - '0');
    ++*pos;
  }
  return *pos > start;
}

// ".f" with 1..9 digits as microseconds (truncated), when present.
bool ReadFraction(std::string_view s, size_t* pos, int128* micros) {
  *micros = 0;
  if (*pos >= s.size() || s[*pos] != '.') return true;
  ++*pos;
  size_t start = *pos;
  int128 nanos = 0;
  while (*pos < s.size() && std::isdigit(static_cast<unsigned char>(s[*pos]))) {
    if (*pos - start >= 9) return false;
    nanos = nanos * 10 + (s[*pos] - '0');
    ++*pos;
  }
  if (*pos == start) return false;
  for (size_t n = *pos - start; n < 9; ++n) nanos *= 10;
  *micros = nanos / 1000;
  return true;
}

std::string Pattern(const DataType& type) {
  if (type.id() == TypeId::kYearMonthInterval) {
    if (type.start_field() != type.end_field()) return "[+|-]y-m";
    return type.start_field() == IntervalField::kYear ? "[+|-]y" : "[+|-]m";
  }
  static const char* const kParts[] = {"d", "h", "m", "s.n"};
  static const char* const kSeparators[] = {"", " ", ":", ":"};
  std::string p = "[+|-]";
  for (int f = type.start_field(); f <= type.end_field(); ++f) {
    if (f > type.start_field()) p += kSeparators[f];
    p += kParts[f];
  }
  return p;
}

int128 FieldMicros(int field) {
  static const int64_t kUnits[] = {kMicrosPerDay, kMicrosPerHour, kMicrosPerMinute, kMicrosPerSecond};
  return kUnits[field];
}

}  // namespace

std::string QualifierSql(const DataType& type) {
  std::string s = std::string("INTERVAL ") + FieldName(type, type.start_field());
  if (type.end_field() != type.start_field()) s += std::string(" TO ") + FieldName(type, type.end_field());
  return s;
}

std::string Format(int64_t value, const DataType& type) {
  std::string out = "INTERVAL '";
  int128 rest = value;
  if (rest < 0) {
    out.push_back('-');
    rest = -rest;
  }
  const int start = type.start_field(), end = type.end_field();
  if (type.id() == TypeId::kYearMonthInterval) {
    if (start == end && start == IntervalField::kMonth) {
      AppendUnsigned(rest, &out);
    } else {
      AppendUnsigned(rest / 12, &out);
      if (start != end) {
        out.push_back('-');
        AppendUnsigned(rest % 12, &out);
      }
    }
  } else {
    if (start == IntervalField::kSecond) {
      AppendSeconds(rest, &out);
    } else {
      AppendUnsigned(rest / FieldMicros(start), &out);
      if (start != IntervalField::kDay && rest / FieldMicros(start) < 10) out.insert(out.size() - 1, "0");
      rest %= FieldMicros(start);
      for (int f = start + 1; f <= end; ++f) {
        out.push_back(f == IntervalField::kHour ? ' ' : ':');
        if (f == IntervalField::kSecond) {
          AppendSeconds(rest, &out);
        } else {
          AppendTwoDigits(rest / FieldMicros(f), &out);
          rest %= FieldMicros(f);
        }
      }
    }
  }
  out += "' ";
  out += QualifierSql(type).substr(9);
  return out;
}

std::optional<int64_t> ParseFields(std::string_view text, const DataType& type, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<int64_t> {
    *error = "Interval string does not match " + std::string(type.id() == TypeId::kYearMonthInterval ? "year-month" : "day-time") +
             " format of `" + Pattern(type) + "` when cast to " + type.ToString() + ": " + std::string(text) +
             (why.empty() ? "" : " (" + why + ")");
    return std::nullopt;
  };
  std::string_view s = Trim(text);
  size_t pos = 0;
  bool negative = false;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) negative = s[pos++] == '-';
  const int start = type.start_field(), end = type.end_field();
  int128 total = 0;
  if (type.id() == TypeId::kYearMonthInterval) {
    int128 lead = 0;
    if (!ReadDigits(s, &pos, &lead)) return fail("");
    if (start == end) {
      total = start == IntervalField::kYear ? lead * 12 : lead;
    } else {
      int128 month = 0;
      if (pos >= s.size() || s[pos] != '-') return fail("");
      ++pos;
      if (!ReadDigits(s, &pos, &month, 2)) return fail("");
      if (month > 11) return fail("month " + std::to_string(static_cast<int>(month)) + " outside range [0, 11]");
      total = lead * 12 + month;
    }
    if (pos != s.size()) return fail("");
    if (negative) total = -total;
    if (total < std::numeric_limits<int32_t>::min() || total > std::numeric_limits<int32_t>::max()) {
      return fail("integer overflow");
    }
    return static_cast<int64_t>(total);
  }
  static const int kLimits[] = {0, 23, 59, 59};
  static const char* const kNames[] = {"day", "hour", "minute", "second"};
  for (int f = start; f <= end; ++f) {
    if (f > start) {
      char separator = f == IntervalField::kHour ? ' ' : ':';
      if (pos >= s.size() || s[pos] != separator) return fail("");
      ++pos;
    }
    int128 v = 0;
    if (!ReadDigits(s, &pos, &v, f == start ? 20 : 2)) return fail("");
    if (f > start && v > kLimits[f]) {
      return fail(std::string(kNames[f]) + " " + std::to_string(static_cast<int>(v)) + " outside range [0, " +
                  std::to_string(kLimits[f]) + "]");
    }
    total += v * FieldMicros(f);
    if (f == IntervalField::kSecond) {
      int128 fraction = 0;
      if (!ReadFraction(s, &pos, &fraction)) return fail("");
      total += fraction;
    }
    if (total > (int128{1} << 64)) return fail("long overflow");
  }
  if (pos != s.size()) return fail("");
  if (negative) total = -total;
  if (total < std::numeric_limits<int64_t>::min() || total > std::numeric_limits<int64_t>::max()) {
    return fail("long overflow");
  }
  return static_cast<int64_t>(total);
}

std::optional<int64_t> ParseCast(std::string_view text, const DataType& type) {
  std::string error;
  std::string_view s = Trim(text);
  if (s.size() > 8 && EqualsIgnoreCase(s.substr(0, 8), "interval") && !std::isdigit(static_cast<unsigned char>(s[8]))) {
    // INTERVAL [+|-]'body' QUALIFIER
    std::string_view rest = Trim(s.substr(8));
    bool negative = false;
    if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
      negative = rest[0] == '-';
      rest = Trim(rest.substr(1));
    }
    if (rest.empty() || rest[0] != '\'') return std::nullopt;
    size_t close = rest.find('\'', 1);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view body = rest.substr(1, close - 1);
    std::string qualifier(Trim(rest.substr(close + 1)));
    std::string expected = QualifierSql(type).substr(9);
    // Spaces between the qualifier's words may vary.
    std::string normalized;
    for (char c : qualifier) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (!normalized.empty() && normalized.back() != ' ') normalized.push_back(' ');
      } else {
        normalized.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      }
    }
    if (normalized != expected) return std::nullopt;
    auto v = ParseFields(body, type, &error);
    if (!v || !negative) return v;
    if (*v == std::numeric_limits<int64_t>::min()) return std::nullopt;
    int64_t negated = -*v;
    if (type.id() == TypeId::kYearMonthInterval && negated > std::numeric_limits<int32_t>::max()) return std::nullopt;
    return negated;
  }
  return ParseFields(s, type, &error);
}

UnitSum::Status UnitSum::Add(std::string_view value_text, std::string_view unit_text) {
  std::string unit(Trim(unit_text));
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.size() > 1 && unit.back() == 'S') unit.pop_back();
  std::string_view v = Trim(value_text);
  size_t pos = 0;
  bool negative = false;
  if (pos < v.size() && (v[pos] == '+' || v[pos] == '-')) negative = v[pos++] == '-';
  int128 whole = 0, fraction = 0;
  if (!ReadDigits(v, &pos, &whole, 20)) return Status::kMalformed;
  if (unit == "SECOND") {
    if (!ReadFraction(v, &pos, &fraction)) return Status::kMalformed;
  }
  if (pos != v.size()) return Status::kMalformed;
  int128 sign = negative ? -1 : 1;
  auto day_time = [&](int field, int128 micros) {
    micros_ += sign * micros;
    day_time_ = true;
    dt_start_ = std::min(dt_start_, field);
    dt_end_ = std::max(dt_end_, field);
  };
  auto year_month = [&](int field, int128 months) {
    months_ += sign * months;
    year_month_ = true;
    ym_start_ = std::min(ym_start_, field);
    ym_end_ = std::max(ym_end_, field);
  };
  if (unit == "YEAR") {
    year_month(IntervalField::kYear, whole * 12);
  } else if (unit == "MONTH") {
    year_month(IntervalField::kMonth, whole);
  } else if (unit == "WEEK") {
    day_time(IntervalField::kDay, whole * 7 * kMicrosPerDay);
  } else if (unit == "DAY") {
    day_time(IntervalField::kDay, whole * kMicrosPerDay);
  } else if (unit == "HOUR") {
    day_time(IntervalField::kHour, whole * kMicrosPerHour);
  } else if (unit == "MINUTE") {
    day_time(IntervalField::kMinute, whole * kMicrosPerMinute);
  } else if (unit == "SECOND") {
    day_time(IntervalField::kSecond, whole * kMicrosPerSecond + fraction);
  } else if (unit == "MILLISECOND") {
    day_time(IntervalField::kSecond, whole * 1000);
  } else if (unit == "MICROSECOND") {
    day_time(IntervalField::kSecond, whole);
  } else {
    return Status::kUnknownUnit;
  }
  const int128 kCap = int128{1} << 100;  // far beyond int64, before int128 could overflow
  if (months_ > kCap || months_ < -kCap || micros_ > kCap || micros_ < -kCap) return Status::kOverflow;
  return Status::kOk;
}

UnitSum::Status UnitSum::AddText(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.size() >= 8 && EqualsIgnoreCase(s.substr(0, 8), "interval") &&
      (s.size() == 8 || std::isspace(static_cast<unsigned char>(s[8])))) {
    s = Trim(s.substr(8));
  }
  size_t pos = 0;
  auto skip_space = [&] {
    while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
  };
  if (s.empty()) return Status::kMalformed;
  while (true) {
    skip_space();
    if (pos >= s.size()) return Status::kOk;
    size_t value_start = pos;
    if (s[pos] == '+' || s[pos] == '-') {
      ++pos;
      skip_space();
    }
    std::string value(s.substr(value_start, 1));
    if (value != "+" && value != "-") value.clear();
    while (pos < s.size() && (std::isdigit(static_cast<unsigned char>(s[pos])) || s[pos] == '.')) value.push_back(s[pos++]);
    skip_space();
    size_t unit_start = pos;
    while (pos < s.size() && std::isalpha(static_cast<unsigned char>(s[pos]))) ++pos;
    if (unit_start == pos) return Status::kMalformed;
    Status st = Add(value, s.substr(unit_start, pos - unit_start));
    if (st != Status::kOk) return st;
  }
}

DataTypePtr UnitSum::type() const {
  if (year_month_) return DataType::YearMonthInterval(ym_start_, ym_end_);
  return DataType::DayTimeInterval(dt_start_, dt_end_);
}

std::optional<int64_t> UnitSum::value() const {
  if (year_month_) {
    if (months_ < std::numeric_limits<int32_t>::min() || months_ > std::numeric_limits<int32_t>::max()) return std::nullopt;
    return static_cast<int64_t>(months_);
  }
  if (micros_ < std::numeric_limits<int64_t>::min() || micros_ > std::numeric_limits<int64_t>::max()) return std::nullopt;
  return static_cast<int64_t>(micros_);
}

}  // namespace lakestream::interval
