// DatetimeFormat: compiles Spark (java.time DateTimeFormatter) patterns into a
// token list (cached) and formats with it; parsing is in
// datetime_pattern_parser.cc. Parsed fields that are absent default to
// 1970-01-01 00:00:00, as in Spark 3+.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "expr/datetime_format.h"
#include "expr/datetime_pattern.h"
#include "expr/functions/calendar.h"
#include "expr/time_zone.h"
#include "lakestream/error.h"

namespace lakestream {
namespace datetime_pattern {
namespace {

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
std::vector<Token> TokenizeFrom(std::string_view pattern, size_t* pos, bool in_optional) {
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
      t.children = TokenizeFrom(pattern, pos, true);
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
}  // namespace

std::vector<Token> Tokenize(std::string_view pattern) {
  size_t pos = 0;
  return TokenizeFrom(pattern, &pos, false);
}

namespace {

using calendar::FloorDiv;
using calendar::FloorMod;
using calendar::kMicrosPerDay;
using calendar::kMicrosPerSecond;

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
    ParsedFields p;
    if (!ParseFields(tokens_, text, &p)) return std::nullopt;
    auto days = ResolveDate(p);
    auto tod = ResolveTimeMicros(p);
    if (!days || !tod) return std::nullopt;
    int64_t local = int64_t{*days} * kMicrosPerDay + *tod;
    if (p.offset) return local - int64_t{*p.offset} * kMicrosPerSecond;
    if (p.zone) return p.zone->LocalMicrosToUtc(local);
    return tz.LocalMicrosToUtc(local);
  }

  std::optional<int32_t> ParseDate(std::string_view text) const override {
    ParsedFields p;
    if (!ParseFields(tokens_, text, &p)) return std::nullopt;
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
}  // namespace datetime_pattern

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
  auto compiled = std::make_shared<const datetime_pattern::CompiledFormat>(datetime_pattern::Tokenize(pattern));
  std::lock_guard<std::mutex> lock(mu);
  if (cache.size() >= kMaxCached) cache.clear();
  cache.emplace(std::string(pattern), compiled);
  return compiled;
}

}  // namespace lakestream
