// Spark's default (pattern-free) date and timestamp text forms, as CAST uses
// them (DateTimeUtils.stringToDate / stringToTimestamp), and the civil
// calendar arithmetic under them.
#include <cstdio>

#include "expr/datetime_format.h"
#include "expr/time_zone.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kSecondsPerDay = 86400;

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return s.substr(b, e - b);
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads between min and max digits at `pos`; -1 when there are too few or too many.
int64_t ReadDigits(std::string_view s, size_t* pos, int min, int max) {
  int64_t v = 0;
  int n = 0;
  while (*pos < s.size() && s[*pos] >= '0' && s[*pos] <= '9') {
    if (n == max) return -1;
    v = v * 10 + (s[*pos] - '0');
    ++*pos;
    ++n;
  }
  return n < min ? -1 : v;
}

struct DateParts {
  int64_t year = 0;
  unsigned month = 1, day = 1;
};

// "[+-]yyyy[-m[m][-d[d]]]"; `*pos` ends after the last date field.
bool ParseDatePart(std::string_view s, size_t* pos, DateParts* out) {
  bool negative = false;
  if (*pos < s.size() && (s[*pos] == '-' || s[*pos] == '+')) negative = s[(*pos)++] == '-';
  int64_t y = ReadDigits(s, pos, 4, 7);
  if (y < 0) return false;
  out->year = negative ? -y : y;
  if (*pos < s.size() && s[*pos] == '-') {
    ++*pos;
    int64_t m = ReadDigits(s, pos, 1, 2);
    if (m < 1 || m > 12) return false;
    out->month = static_cast<unsigned>(m);
    if (*pos < s.size() && s[*pos] == '-') {
      ++*pos;
      int64_t d = ReadDigits(s, pos, 1, 2);
      if (d < 1) return false;
      out->day = static_cast<unsigned>(d);
    }
  }
  return out->day <= DaysInMonth(out->year, out->month);
}

struct TimestampParts {
  DateParts date;
  int64_t micros_of_day = 0;
  std::string_view zone;  // empty: none given
};

bool ParseTimestampParts(std::string_view text, TimestampParts* out) {
  std::string_view s = Trim(text);
  size_t pos = 0;
  if (!ParseDatePart(s, &pos, &out->date)) return false;
  if (pos == s.size()) return true;
  if (s[pos] != ' ' && s[pos] != 'T') return false;
  ++pos;
  if (pos == s.size()) return true;
  int64_t h = ReadDigits(s, &pos, 1, 2);
  if (h < 0 || h > 23 || pos >= s.size() || s[pos] != ':') return false;
  ++pos;
  int64_t m = ReadDigits(s, &pos, 1, 2);
  if (m < 0 || m > 59) return false;
  int64_t sec = 0, frac = 0;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    sec = ReadDigits(s, &pos, 1, 2);
    if (sec < 0 || sec > 59) return false;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      // Up to nine fraction digits; below microseconds they are dropped.
      int digits = 0;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (digits < 6) frac = frac * 10 + (s[pos] - '0');
        ++digits;
        ++pos;
      }
      if (digits == 0 || digits > 9) return false;
      for (int d = digits; d < 6; ++d) frac *= 10;
    }
  }
  out->micros_of_day = ((h * 60 + m) * 60 + sec) * kMicrosPerSecond + frac;
  if (pos < s.size() && s[pos] == ' ') ++pos;
  out->zone = s.substr(pos);
  return true;
}

int64_t LocalMicros(const TimestampParts& p) {
  int64_t days = DaysFromCivil(p.date.year, p.date.month, p.date.day);
  return days * kSecondsPerDay * kMicrosPerSecond + p.micros_of_day;
}

void AppendPadded(std::string* out, int64_t v, int width) {
  char buf[24];
  std::snprintf(buf, sizeof(buf), "%0*lld", width, static_cast<long long>(v));
  out->append(buf);
}

}  // namespace

int32_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int32_t>(era * 146097 + static_cast<int64_t>(doe) - 719468);
}

void CivilFromDays(int32_t days, int64_t* year, unsigned* month, unsigned* day) {
  const int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = static_cast<int64_t>(yoe) + era * 400 + (*month <= 2);
}

std::optional<int32_t> ParseDateDefault(std::string_view text) {
  std::string_view s = Trim(text);
  size_t pos = 0;
  DateParts p;
  if (!ParseDatePart(s, &pos, &p)) return std::nullopt;
  // Anything after a space or 'T' (a time of day) is ignored, as Spark does.
  if (pos != s.size() && s[pos] != ' ' && s[pos] != 'T') return std::nullopt;
  return DaysFromCivil(p.year, p.month, p.day);
}

std::optional<int64_t> ParseTimestampDefault(std::string_view text, const TimeZone& tz) {
  TimestampParts p;
  if (!ParseTimestampParts(text, &p)) return std::nullopt;
  const TimeZone* zone = &tz;
  if (!p.zone.empty()) {
    try {
      zone = TimeZone::Find(p.zone);
    } catch (const UserError&) {
      return std::nullopt;
    }
  }
  return zone->LocalMicrosToUtc(LocalMicros(p));
}

std::optional<int64_t> ParseTimestampNtzDefault(std::string_view text) {
  TimestampParts p;
  if (!ParseTimestampParts(text, &p)) return std::nullopt;
  return LocalMicros(p);
}

std::string FormatDate(int32_t days) {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  std::string out;
  if (y < 0) {
    out += '-';
    y = -y;
  } else if (y > 9999) {
    out += '+';
  }
  AppendPadded(&out, y, 4);
  out += '-';
  AppendPadded(&out, m, 2);
  out += '-';
  AppendPadded(&out, d, 2);
  return out;
}

std::string FormatTimestampLocal(int64_t local_micros) {
  const int64_t micros_per_day = kSecondsPerDay * kMicrosPerSecond;
  int64_t days = local_micros / micros_per_day;
  int64_t rem = local_micros % micros_per_day;
  if (rem < 0) {
    rem += micros_per_day;
    --days;
  }
  std::string out = FormatDate(static_cast<int32_t>(days));
  int64_t secs = rem / kMicrosPerSecond, frac = rem % kMicrosPerSecond;
  out += ' ';
  AppendPadded(&out, secs / 3600, 2);
  out += ':';
  AppendPadded(&out, secs / 60 % 60, 2);
  out += ':';
  AppendPadded(&out, secs % 60, 2);
  if (frac) {
    std::string f;
    AppendPadded(&f, frac, 6);
    while (f.back() == '0') f.pop_back();
    out += '.' + f;
  }
  return out;
}

}  // namespace lakestream
