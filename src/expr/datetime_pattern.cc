// DatetimeFormat: compiles Spark (java.time DateTimeFormatter) patterns into a
// token list, then formats and parses with it. Parsing follows Spark 3+:
// case-insensitive text, strict field widths, the whole input must match, and
// missing fields default to 1970-01-01 00:00:00.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "expr/datetime_format.h"
#include "expr/functions/calendar.h"
#include "expr/time_zone.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

using calendar::FloorDiv;
using calendar::FloorMod;
using calendar::kMicrosPerDay;
using calendar::kMicrosPerSecond;

constexpr std::array<const char*, 12> kMonthNames = {"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};
// Monday first, as ISO day-of-week 1..7.
constexpr std::array<const char*, 7> kDayNames = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};

enum class PatternField : uint8_t {
  kLiteral,
  kOptional,   // '[' ... ']' section: children
  kEra,        // G
  kYear,       // y, u
  kQuarter,    // Q, q
  kMonth,      // M, L
  kDay,        // d
  kDayOfYear,  // D
  kDayOfWeek,  // E
  kAmPm,       // a
  kHour24,     // H (0-23)
  kHour24k,    // k (1-24)
  kHour12,     // h (1-12)
  kHour12K,    // K (0-11)
  kMinute,     // m
  kSecond,     // s
  kFraction,   // S
  kZoneId,     // VV
  kZoneName,   // z
  kOffsetX,    // X: 'Z' for zero
  kOffsetx,    // x
  kOffsetZ,    // Z
  kOffsetO,    // O: localized GMT+8
};

struct Token {
  PatternField field = PatternField::kLiteral;
  int count = 0;
  std::string literal;
  std::vector<Token> children;  // kOptional
};

[[noreturn]] void ThrowIllegalCharacter(char c) {
  throw UserError("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER", "22007",
                  std::string("Found illegal character in datetime pattern: ") + c +
                      ". Please provide legal character.");
}

[[noreturn]] void ThrowLength(std::string_view pattern) {
  throw UserError("INVALID_DATETIME_PATTERN.LENGTH", "22007",
                  "Too many letters in datetime pattern: " + std::string(pattern) +
                      ". Please reduce pattern length.");
}

PatternField FieldForLetter(char c) {
  switch (c) {
    case 'G': return PatternField::kEra;
    case 'y': case 'u': return PatternField::kYear;
    case 'Q': case 'q': return PatternField::kQuarter;
    case 'M': case 'L': return PatternField::kMonth;
    case 'd': return PatternField::kDay;
    case 'D': return PatternField::kDayOfYear;
    case 'E': return PatternField::kDayOfWeek;
    case 'a': return PatternField::kAmPm;
    case 'H': return PatternField::kHour24;
    case 'k': return PatternField::kHour24k;
    case 'h': return PatternField::kHour12;
    case 'K': return PatternField::kHour12K;
    case 'm': return PatternField::kMinute;
    case 's': return PatternField::kSecond;
    case 'S': return PatternField::kFraction;
    case 'V': return PatternField::kZoneId;
    case 'z': return PatternField::kZoneName;
    case 'X': return PatternField::kOffsetX;
    case 'x': return PatternField::kOffsetx;
    case 'Z': return PatternField::kOffsetZ;
    case 'O': return PatternField::kOffsetO;
    default: ThrowIllegalCharacter(c);
  }
}

// The largest letter count java.time accepts for each field.
int MaxCount(PatternField f) {
  switch (f) {
    case PatternField::kYear: case PatternField::kFraction: return 9;
    case PatternField::kMonth: case PatternField::kQuarter: case PatternField::kDayOfWeek: case PatternField::kEra: case PatternField::kZoneName:
      return f == PatternField::kZoneName ? 4 : 5;
    case PatternField::kDayOfYear: return 3;
    case PatternField::kAmPm: return 1;
    case PatternField::kZoneId: return 2;
    case PatternField::kOffsetX: case PatternField::kOffsetx: case PatternField::kOffsetZ: return 5;
    case PatternField::kOffsetO: return 4;
    default: return 2;
  }
}

void AppendLiteral(std::vector<Token>& out, std::string_view text) {
  if (!out.empty() && out.back().field == PatternField::kLiteral) {
    out.back().literal.append(text);
    return;
  }
  Token t;
  t.literal = std::string(text);
  out.push_back(std::move(t));
}

// Parses pattern[*pos..] up to an unmatched ']' (inside an optional section) or the end.
std::vector<Token> Tokenize(std::string_view pattern, size_t* pos, bool in_optional) {
  std::vector<Token> out;
  while (*pos < pattern.size()) {
    char c = pattern[*pos];
    if (c == '\'') {
      size_t end = *pos + 1;
      std::string lit;
      bool closed = false;
      while (end < pattern.size()) {
        if (pattern[end] == '\'') {
          if (end + 1 < pattern.size() && pattern[end + 1] == '\'') {
            lit.push_back('\'');
            end += 2;
            continue;
          }
          closed = true;
          break;
        }
        lit.push_back(pattern[end++]);
      }
      if (!closed) ThrowIllegalCharacter('\'');
      // '' outside quotes is one quote character.
      AppendLiteral(out, end == *pos + 1 ? std::string_view("'") : std::string_view(lit));
      *pos = end + 1;
    } else if (c == '[') {
      ++*pos;
      Token t;
      t.field = PatternField::kOptional;
      t.children = Tokenize(pattern, pos, true);
      out.push_back(std::move(t));
    } else if (c == ']') {
      if (!in_optional) ThrowIllegalCharacter(c);
      ++*pos;
      return out;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t end = *pos;
      while (end < pattern.size() && pattern[end] == c) ++end;
      Token t;
      t.field = FieldForLetter(c);
      t.count = static_cast<int>(end - *pos);
      if (t.count > MaxCount(t.field)) ThrowLength(pattern);
      // Spark rejects a single 'V' (java.time needs "VV") and week-based letters
      // are already rejected by FieldForLetter.
      if (t.field == PatternField::kZoneId && t.count != 2) ThrowLength(pattern);
      if (t.field == PatternField::kOffsetO && t.count != 1 && t.count != 4) ThrowLength(pattern);
      out.push_back(std::move(t));
      *pos = end;
    } else {
      AppendLiteral(out, pattern.substr(*pos, 1));
      ++*pos;
    }
  }
  if (in_optional) ThrowIllegalCharacter('[');
  return out;
}

// Local date-time fields of one instant.
struct LocalFields {
  int64_t year;
  unsigned month, day;
  int day_of_year;
  int iso_day_of_week;  // 1 = Monday
  int hour, minute, second;
  int micros;
  int32_t offset_seconds;
};

LocalFields SplitLocal(int64_t local_micros, int32_t offset_seconds) {
  LocalFields f{};
  int64_t days = FloorDiv(local_micros, kMicrosPerDay);
  int64_t tod = FloorMod(local_micros, kMicrosPerDay);
  CivilFromDays(static_cast<int32_t>(days), &f.year, &f.month, &f.day);
  f.day_of_year = calendar::DayOfYear(static_cast<int32_t>(days));
  f.iso_day_of_week = calendar::IsoDayOfWeek(static_cast<int32_t>(days));
  f.hour = static_cast<int>(tod / (3600 * kMicrosPerSecond));
  f.minute = static_cast<int>(tod / (60 * kMicrosPerSecond) % 60);
  f.second = static_cast<int>(tod / kMicrosPerSecond % 60);
  f.micros = static_cast<int>(tod % kMicrosPerSecond);
  f.offset_seconds = offset_seconds;
  return f;
}

void AppendPadded(std::string& out, int64_t v, int width) {
  char buf[32];
  if (v < 0) {
    out.push_back('-');
    v = -v;
  }
  int n = std::snprintf(buf, sizeof(buf), "%0*lld", width, static_cast<long long>(v));
  out.append(buf, n);
}

void AppendText(std::string& out, const char* name, int count) {
  if (count >= 4) {
    out.append(name);
  } else {
    out.append(name, 3);
  }
}

// "+HH", "+HHMM", "+HH:MM" (with ":SS" when seconds are present).
void AppendOffset(std::string& out, int32_t offset, bool colon, bool minutes_optional) {
  out.push_back(offset < 0 ? '-' : '+');
  int32_t a = offset < 0 ? -offset : offset;
  AppendPadded(out, a / 3600, 2);
  int mm = a / 60 % 60, ss = a % 60;
  if (minutes_optional && mm == 0 && ss == 0) return;
  if (colon) out.push_back(':');
  AppendPadded(out, mm, 2);
  if (ss != 0) {
    if (colon) out.push_back(':');
    AppendPadded(out, ss, 2);
  }
}

// Short names for the zones users meet most; java.time has the full CLDR set.
struct ZoneAbbreviation {
  const char* zone;
  const char* standard;
  const char* daylight;
  const char* standard_long;
  const char* daylight_long;
};
constexpr ZoneAbbreviation kZoneAbbreviations[] = {
    {"America/Los_Angeles", "PST", "PDT", "Pacific Standard Time", "Pacific Daylight Time"},
    {"America/Denver", "MST", "MDT", "Mountain Standard Time", "Mountain Daylight Time"},
    {"America/Chicago", "CST", "CDT", "Central Standard Time", "Central Daylight Time"},
    {"America/New_York", "EST", "EDT", "Eastern Standard Time", "Eastern Daylight Time"},
    {"Europe/London", "GMT", "BST", "Greenwich Mean Time", "British Summer Time"},
    {"Europe/Paris", "CET", "CEST", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Berlin", "CET", "CEST", "Central European Standard Time", "Central European Summer Time"},
    {"Europe/Amsterdam", "CET", "CEST", "Central European Standard Time", "Central European Summer Time"},
    {"Asia/Tokyo", "JST", "JDT", "Japan Standard Time", "Japan Daylight Time"},
    {"Asia/Shanghai", "CST", "CDT", "China Standard Time", "China Daylight Time"},
    {"Asia/Kolkata", "IST", "IST", "India Standard Time", "India Standard Time"},
    {"Australia/Sydney", "AEST", "AEDT", "Australian Eastern Standard Time", "Australian Eastern Daylight Time"},
};

void AppendZoneName(std::string& out, const TimeZone& tz, int64_t utc_seconds, int count) {
  const std::string& name = tz.name();
  if (name == "UTC" || name == "Etc/UTC" || name == "Z") {
    out.append(count >= 4 ? "Coordinated Universal Time" : "UTC");
    return;
  }
  for (const auto& z : kZoneAbbreviations) {
    if (name != z.zone) continue;
    // Daylight time is in force when the offset is above the zone's January/July minimum.
    int64_t year_start = utc_seconds - utc_seconds % (365 * 86400);
    int32_t standard = std::min(tz.OffsetAtUtc(year_start), tz.OffsetAtUtc(year_start + 182 * 86400));
    bool dst = tz.OffsetAtUtc(utc_seconds) > standard;
    out.append(count >= 4 ? (dst ? z.daylight_long : z.standard_long) : (dst ? z.daylight : z.standard));
    return;
  }
  if (!name.empty() && (name[0] == '+' || name[0] == '-')) {
    out.append(name);
    return;
  }
  out.append(name);
}

// ---------------------------------------------------------------- parsing --

struct Parsed {
  std::optional<int64_t> year;
  std::optional<int> month, day, day_of_year, day_of_week, quarter;
  std::optional<int> hour24, hour12, am_pm, minute, second;
  int micros = 0;
  std::optional<int32_t> offset;
  const TimeZone* zone = nullptr;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  bool Run(const std::vector<Token>& tokens, Parsed* p) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!ParseToken(tokens, i, p)) return false;
    }
    return true;
  }
  bool AtEnd() const { return pos_ == text_.size(); }

 private:
  bool IsDigit(size_t i) const { return i < text_.size() && text_[i] >= '0' && text_[i] <= '9'; }

  // Width of the fixed-width numeric fields that directly follow token i, so
  // that "yyyyMMdd" leaves eight digits to share (java.time's adjacent parsing).
  static int SubsequentWidth(const std::vector<Token>& tokens, size_t i) {
    int w = 0;
    for (size_t j = i + 1; j < tokens.size(); ++j) {
      const Token& t = tokens[j];
      bool numeric = t.field == PatternField::kMonth || t.field == PatternField::kDay || t.field == PatternField::kHour24 ||
                     t.field == PatternField::kHour12 || t.field == PatternField::kMinute || t.field == PatternField::kSecond ||
                     t.field == PatternField::kDayOfYear || t.field == PatternField::kFraction || t.field == PatternField::kHour24k ||
                     t.field == PatternField::kHour12K || t.field == PatternField::kYear;
      if (!numeric || (t.field != PatternField::kFraction && t.count < 2) || (t.field == PatternField::kMonth && t.count > 2)) break;
      w += t.count;
    }
    return w;
  }

  bool Number(int min_width, int max_width, int64_t* out) {
    size_t start = pos_;
    size_t end = start;
    while (end - start < static_cast<size_t>(max_width) && IsDigit(end)) ++end;
    if (end - start < static_cast<size_t>(min_width)) return false;
    int64_t v = 0;
    for (size_t i = start; i < end; ++i) v = v * 10 + (text_[i] - '0');
    pos_ = end;
    *out = v;
    return true;
  }

  // Variable-width number that leaves room for the fixed-width fields after it.
  bool AdjacentNumber(const std::vector<Token>& tokens, size_t i, int min_width, int max_width, int64_t* out) {
    int reserve = SubsequentWidth(tokens, i);
    if (reserve > 0) {
      size_t digits = 0;
      while (IsDigit(pos_ + digits)) ++digits;
      int avail = static_cast<int>(digits) - reserve;
      max_width = std::min(max_width, std::max(avail, min_width));
    }
    return Number(min_width, max_width, out);
  }

  bool Text(const char* const* names, size_t n, int count, int* index) {
    for (size_t k = 0; k < n; ++k) {
      std::string_view full(names[k]);
      std::string_view candidate = count >= 4 ? full : full.substr(0, 3);
      if (MatchIgnoreCase(candidate)) {
        *index = static_cast<int>(k);
        return true;
      }
    }
    return false;
  }

  bool MatchIgnoreCase(std::string_view s) {
    if (text_.size() - pos_ < s.size()) return false;
    for (size_t k = 0; k < s.size(); ++k) {
      if (std::tolower(static_cast<unsigned char>(text_[pos_ + k])) != std::tolower(static_cast<unsigned char>(s[k])))
        return false;
    }
    pos_ += s.size();
    return true;
  }

  // "+HH", "+HHMM", "+HH:MM", "+HH:MM:SS"; 'Z' when allowed.
  bool Offset(bool allow_z, int32_t* out) {
    if (allow_z && pos_ < text_.size() && (text_[pos_] == 'Z' || text_[pos_] == 'z')) {
      ++pos_;
      *out = 0;
      return true;
    }
    if (pos_ >= text_.size() || (text_[pos_] != '+' && text_[pos_] != '-')) return false;
    int sign = text_[pos_] == '-' ? -1 : 1;
    ++pos_;
    int64_t hh = 0, mm = 0, ss = 0;
    if (!Number(1, 2, &hh)) return false;
    bool colon = pos_ < text_.size() && text_[pos_] == ':';
    if (colon) ++pos_;
    if (IsDigit(pos_)) {
      if (!Number(2, 2, &mm)) return false;
      if (pos_ < text_.size() && (text_[pos_] == ':' || (!colon && IsDigit(pos_)))) {
        if (text_[pos_] == ':') ++pos_;
        if (!Number(2, 2, &ss)) return false;
      }
    } else if (colon) {
      return false;
    }
    if (hh > 18 || mm > 59 || ss > 59) return false;
    *out = static_cast<int32_t>(sign * (hh * 3600 + mm * 60 + ss));
    return true;
  }

  // A zone id ("America/Los_Angeles", "UTC", "+08:00") or a known abbreviation.
  bool Zone(Parsed* p) {
    size_t end = pos_;
    while (end < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '/' ||
                                  text_[end] == '_' || text_[end] == '+' || text_[end] == '-' || text_[end] == ':')) {
      ++end;
    }
    if (end == pos_) return false;
    std::string id(text_.substr(pos_, end - pos_));
    for (const auto& z : kZoneAbbreviations) {
      if (id == z.standard || id == z.daylight) {
        const TimeZone* tz = TimeZone::Find(z.zone);
        int64_t probe = 0;
        // A daylight abbreviation names a fixed offset: standard + 1h.
        int32_t standard = std::min(tz->OffsetAtUtc(probe), tz->OffsetAtUtc(probe + 182 * 86400));
        p->offset = id == z.daylight && std::string_view(z.standard) != z.daylight ? standard + 3600 : standard;
        pos_ = end;
        return true;
      }
    }
    try {
      p->zone = TimeZone::Find(id);
    } catch (const UserError&) {
      return false;
    }
    pos_ = end;
    return true;
  }

  bool ParseToken(const std::vector<Token>& tokens, size_t i, Parsed* p) {
    const Token& t = tokens[i];
    int64_t v = 0;
    int index = 0;
    switch (t.field) {
      case PatternField::kLiteral:
        return MatchIgnoreCase(t.literal);
      case PatternField::kOptional: {
        size_t saved = pos_;
        Parsed copy = *p;
        if (!Run(t.children, &copy)) {
          pos_ = saved;
          return true;
        }
        *p = copy;
        return true;
      }
      case PatternField::kEra:
        return MatchIgnoreCase(t.count >= 4 ? "Anno Domini" : "AD");
      case PatternField::kYear:
        if (t.count == 2) {
          if (!Number(2, 2, &v)) return false;
          p->year = 2000 + v;  // java.time's reduced value base 2000
          return true;
        }
        if (!AdjacentNumber(tokens, i, t.count, std::max(t.count, 9), &v)) return false;
        p->year = v;
        return true;
      case PatternField::kQuarter:
        if (t.count >= 3) {
          static const char* const kQ[] = {"1st quarter", "2nd quarter", "3rd quarter", "4th quarter"};
          static const char* const kQShort[] = {"Q1", "Q2", "Q3", "Q4"};
          if (!(t.count == 4 ? Text(kQ, 4, 4, &index) : Text(kQShort, 4, 4, &index))) return false;
          p->quarter = index + 1;
          return true;
        }
        if (!Number(t.count, t.count == 1 ? 1 : 2, &v)) return false;
        p->quarter = static_cast<int>(v);
        return true;
      case PatternField::kMonth:
        if (t.count >= 3) {
          if (!Text(kMonthNames.data(), 12, t.count, &index)) return false;
          p->month = index + 1;
          return true;
        }
        if (!AdjacentNumber(tokens, i, t.count, 2, &v)) return false;
        p->month = static_cast<int>(v);
        return true;
      case PatternField::kDayOfWeek:
        if (!Text(kDayNames.data(), 7, t.count, &index)) return false;
        p->day_of_week = index + 1;
        return true;
      case PatternField::kAmPm: {
        static const char* const kAmPmNames[] = {"AM", "PM"};
        if (!Text(kAmPmNames, 2, 4, &index)) return false;
        p->am_pm = index;
        return true;
      }
      case PatternField::kDay: case PatternField::kHour24: case PatternField::kHour24k: case PatternField::kHour12: case PatternField::kHour12K:
      case PatternField::kMinute: case PatternField::kSecond: case PatternField::kDayOfYear: {
        int max = t.field == PatternField::kDayOfYear ? 3 : 2;
        if (!AdjacentNumber(tokens, i, t.count, max, &v)) return false;
        int iv = static_cast<int>(v);
        switch (t.field) {
          case PatternField::kDay: p->day = iv; break;
          case PatternField::kHour24: p->hour24 = iv; break;
          case PatternField::kHour24k: if (iv < 1 || iv > 24) return false; p->hour24 = iv % 24; break;
          case PatternField::kHour12: if (iv < 1 || iv > 12) return false; p->hour12 = iv % 12; break;
          case PatternField::kHour12K: if (iv > 11) return false; p->hour12 = iv; break;
          case PatternField::kMinute: p->minute = iv; break;
          case PatternField::kSecond: p->second = iv; break;
          default: p->day_of_year = iv; break;
        }
        return true;
      }
      case PatternField::kFraction: {
        // Spark accepts 1..count fraction digits for a run of 'S'.
        size_t start = pos_;
        if (!Number(1, t.count, &v)) return false;
        int digits = static_cast<int>(pos_ - start);
        int64_t micros = v;
        for (int d = digits; d < 6; ++d) micros *= 10;
        for (int d = 6; d < digits; ++d) micros /= 10;
        p->micros = static_cast<int>(micros);
        return true;
      }
      case PatternField::kZoneId: case PatternField::kZoneName:
        return Zone(p);
      case PatternField::kOffsetX: case PatternField::kOffsetx: case PatternField::kOffsetZ: {
        int32_t off = 0;
        if (t.field == PatternField::kOffsetZ && t.count == 4) {
          if (!MatchIgnoreCase("GMT")) return false;
          if (pos_ == text_.size() || (text_[pos_] != '+' && text_[pos_] != '-')) {
            p->offset = 0;
            return true;
          }
        }
        if (!Offset(t.field == PatternField::kOffsetX || (t.field == PatternField::kOffsetZ && t.count == 5), &off)) return false;
        p->offset = off;
        return true;
      }
      case PatternField::kOffsetO: {
        if (!MatchIgnoreCase("GMT")) return false;
        int32_t off = 0;
        if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-') && !Offset(false, &off)) return false;
        p->offset = off;
        return true;
      }
    }
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// Resolves parsed fields to days since the epoch, checking ranges (java.time's STRICT resolver).
std::optional<int32_t> ResolveDate(const Parsed& p) {
  int64_t year = p.year.value_or(1970);
  if (year < -290000 || year > 294000) return std::nullopt;
  int32_t days;
  if (p.day_of_year) {
    int len = calendar::IsLeapYear(year) ? 366 : 365;
    if (*p.day_of_year < 1 || *p.day_of_year > len) return std::nullopt;
    days = DaysFromCivil(year, 1, 1) + *p.day_of_year - 1;
    if (p.month || p.day) {
      int64_t y;
      unsigned m, d;
      CivilFromDays(days, &y, &m, &d);
      if ((p.month && static_cast<int>(m) != *p.month) || (p.day && static_cast<int>(d) != *p.day)) return std::nullopt;
    }
  } else {
    int month = p.month.value_or(p.quarter ? (*p.quarter - 1) * 3 + 1 : 1);
    int day = p.day.value_or(1);
    if (month < 1 || month > 12 || day < 1 || day > calendar::DaysInMonth(year, month)) return std::nullopt;
    if (p.quarter && (*p.quarter < 1 || *p.quarter > 4 || (month - 1) / 3 + 1 != *p.quarter)) return std::nullopt;
    days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  }
  if (p.day_of_week && calendar::IsoDayOfWeek(days) != *p.day_of_week) return std::nullopt;
  return days;
}

std::optional<int64_t> ResolveTimeMicros(const Parsed& p) {
  int hour = 0;
  if (p.hour24) {
    hour = *p.hour24;
    // Redundant fields must agree, as java.time's resolver insists.
    if (p.hour12 && *p.hour12 != hour % 12) return std::nullopt;
    if (p.am_pm && (hour >= 12) != (*p.am_pm == 1)) return std::nullopt;
  } else if (p.hour12) {
    hour = *p.hour12 + p.am_pm.value_or(0) * 12;
  }
  int minute = p.minute.value_or(0), second = p.second.value_or(0);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
  return ((hour * 60 + minute) * 60 + second) * kMicrosPerSecond + p.micros;
}

class CompiledFormat : public DatetimeFormat {
 public:
  explicit CompiledFormat(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  std::string FormatTimestamp(int64_t utc_micros, const TimeZone& tz) const override {
    int64_t utc_seconds = FloorDiv(utc_micros, kMicrosPerSecond);
    int32_t offset = tz.OffsetAtUtc(utc_seconds);
    LocalFields f = SplitLocal(utc_micros + int64_t{offset} * kMicrosPerSecond, offset);
    std::string out;
    Format(tokens_, f, tz, utc_seconds, out);
    return out;
  }

  std::optional<int64_t> ParseTimestamp(std::string_view text, const TimeZone& tz) const override {
    Parsed p;
    Parser parser(text);
    if (!parser.Run(tokens_, &p) || !parser.AtEnd()) return std::nullopt;
    auto days = ResolveDate(p);
    auto tod = ResolveTimeMicros(p);
    if (!days || !tod) return std::nullopt;
    int64_t local = int64_t{*days} * kMicrosPerDay + *tod;
    if (p.offset) return local - int64_t{*p.offset} * kMicrosPerSecond;
    if (p.zone) return p.zone->LocalMicrosToUtc(local);
    return tz.LocalMicrosToUtc(local);
  }

  std::optional<int32_t> ParseDate(std::string_view text) const override {
    Parsed p;
    Parser parser(text);
    if (!parser.Run(tokens_, &p) || !parser.AtEnd()) return std::nullopt;
    if (!ResolveTimeMicros(p)) return std::nullopt;
    return ResolveDate(p);
  }

 private:
  static void Format(const std::vector<Token>& tokens, const LocalFields& f, const TimeZone& tz, int64_t utc_seconds,
                     std::string& out) {
    for (const Token& t : tokens) {
      switch (t.field) {
        case PatternField::kLiteral: out.append(t.literal); break;
        case PatternField::kOptional: Format(t.children, f, tz, utc_seconds, out); break;
        case PatternField::kEra: out.append(t.count >= 4 ? (f.year > 0 ? "Anno Domini" : "Before Christ") : (f.year > 0 ? "AD" : "BC")); break;
        case PatternField::kYear:
          if (t.count == 2) {
            AppendPadded(out, ((f.year % 100) + 100) % 100, 2);
          } else {
            if (t.count == 4 && f.year > 9999) out.push_back('+');
            AppendPadded(out, f.year, t.count);
          }
          break;
        case PatternField::kQuarter: {
          int q = static_cast<int>(f.month - 1) / 3 + 1;
          if (t.count == 3) {
            out.append("Q").append(std::to_string(q));
          } else if (t.count >= 4) {
            static const char* const kQ[] = {"1st quarter", "2nd quarter", "3rd quarter", "4th quarter"};
            out.append(kQ[q - 1]);
          } else {
            AppendPadded(out, q, t.count);
          }
          break;
        }
        case PatternField::kMonth:
          if (t.count >= 3) {
            AppendText(out, kMonthNames[f.month - 1], t.count);
          } else {
            AppendPadded(out, f.month, t.count);
          }
          break;
        case PatternField::kDay: AppendPadded(out, f.day, t.count); break;
        case PatternField::kDayOfYear: AppendPadded(out, f.day_of_year, t.count); break;
        case PatternField::kDayOfWeek: AppendText(out, kDayNames[f.iso_day_of_week - 1], t.count); break;
        case PatternField::kAmPm: out.append(f.hour < 12 ? "AM" : "PM"); break;
        case PatternField::kHour24: AppendPadded(out, f.hour, t.count); break;
        case PatternField::kHour24k: AppendPadded(out, f.hour == 0 ? 24 : f.hour, t.count); break;
        case PatternField::kHour12: AppendPadded(out, f.hour % 12 == 0 ? 12 : f.hour % 12, t.count); break;
        case PatternField::kHour12K: AppendPadded(out, f.hour % 12, t.count); break;
        case PatternField::kMinute: AppendPadded(out, f.minute, t.count); break;
        case PatternField::kSecond: AppendPadded(out, f.second, t.count); break;
        case PatternField::kFraction: {
          char buf[16];
          std::snprintf(buf, sizeof(buf), "%06d000", f.micros);
          out.append(buf, t.count);
          break;
        }
        case PatternField::kZoneId: out.append(tz.name()); break;
        case PatternField::kZoneName: AppendZoneName(out, tz, utc_seconds, t.count); break;
        case PatternField::kOffsetX:
        case PatternField::kOffsetx:
          if (t.field == PatternField::kOffsetX && f.offset_seconds == 0) {
            out.push_back('Z');
          } else {
            AppendOffset(out, f.offset_seconds, t.count % 2 == 1 && t.count > 1, t.count == 1);
          }
          break;
        case PatternField::kOffsetZ:
          if (t.count <= 3) {
            AppendOffset(out, f.offset_seconds, false, false);
          } else if (t.count == 4) {
            out.append("GMT");
            if (f.offset_seconds != 0) AppendOffset(out, f.offset_seconds, true, false);
          } else if (f.offset_seconds == 0) {
            out.push_back('Z');
          } else {
            AppendOffset(out, f.offset_seconds, true, false);
          }
          break;
        case PatternField::kOffsetO:
          out.append("GMT");
          if (f.offset_seconds != 0) {
            if (t.count == 4) {
              AppendOffset(out, f.offset_seconds, true, false);
            } else {
              int32_t a = f.offset_seconds < 0 ? -f.offset_seconds : f.offset_seconds;
              out.push_back(f.offset_seconds < 0 ? '-' : '+');
              out.append(std::to_string(a / 3600));
              if (a % 3600 != 0) {
                out.push_back(':');
                AppendPadded(out, a / 60 % 60, 2);
              }
            }
          }
          break;
      }
    }
  }

  std::vector<Token> tokens_;
};

}  // namespace

std::shared_ptr<const DatetimeFormat> DatetimeFormat::Compile(std::string_view pattern) {
  // Kernels compile the same few patterns per batch; the cache makes that a lookup.
  static std::mutex mu;
  static std::unordered_map<std::string, std::shared_ptr<const DatetimeFormat>> cache;  // guarded by mu
  static constexpr size_t kMaxCached = 1024;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(std::string(pattern));
    if (it != cache.end()) return it->second;
  }
  size_t pos = 0;
  auto compiled = std::make_shared<const CompiledFormat>(Tokenize(pattern, &pos, false));
  std::lock_guard<std::mutex> lock(mu);
  if (cache.size() >= kMaxCached) cache.clear();
  cache.emplace(std::string(pattern), compiled);
  return compiled;
}

}  // namespace lakestream
