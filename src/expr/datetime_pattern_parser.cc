// Parsing text with a compiled datetime pattern: case-insensitive text,
// strict field widths (java.time's adjacent value parsing for "yyyyMMdd"),
// and the whole input must match.
#include <algorithm>
#include <cctype>

#include "expr/datetime_format.h"
#include "expr/datetime_pattern.h"
#include "expr/functions/calendar.h"
#include "expr/time_zone.h"
#include "lakestream/error.h"

namespace lakestream::datetime_pattern {
namespace {

using calendar::kMicrosPerDay;
using calendar::kMicrosPerSecond;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  bool Run(const std::vector<Token>& tokens, ParsedFields* p) {
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
  bool Zone(ParsedFields* p) {
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

  bool ParseToken(const std::vector<Token>& tokens, size_t i, ParsedFields* p) {
    const Token& t = tokens[i];
    int64_t v = 0;
    int index = 0;
    switch (t.field) {
      case PatternField::kLiteral:
        return MatchIgnoreCase(t.literal);
      case PatternField::kOptional: {
        size_t saved = pos_;
        ParsedFields copy = *p;
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
}  // namespace

bool ParseFields(const std::vector<Token>& tokens, std::string_view text, ParsedFields* out) {
  Parser parser(text);
  return parser.Run(tokens, out) && parser.AtEnd();
}

std::optional<int32_t> ResolveDate(const ParsedFields& p) {
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

std::optional<int64_t> ResolveTimeMicros(const ParsedFields& p) {
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

}  // namespace lakestream::datetime_pattern
