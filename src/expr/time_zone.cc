#include "expr/time_zone.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "expr/datetime_format.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kSecondsPerDay = 86400;
constexpr const char* kZoneInfoDir = "/usr/share/zoneinfo/";

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

[[noreturn]] void ThrowInvalidZone(std::string_view name) {
  throw UserError("INVALID_TIMEZONE", "22009",
                  "The timezone: " + std::string(name) +
                      " is invalid. The timezone must be either a region-based zone ID or a zone offset. Region IDs "
                      "must have the form 'area/city', such as 'America/Los_Angeles'. Zone offsets must be in the "
                      "format '(+|-)HH', '(+|-)HH:mm' or '(+|-)HH:mm:ss', e.g '-08', '+01:00' or '-13:33:33', and "
                      "must be in the range from -18 to +18. 'Z' and 'UTC' are accepted as synonyms for '+00:00'.");
}

// "+05:30", "-8", "+0530", "+05:30:15" -> seconds east of UTC.
std::optional<int32_t> ParseOffset(std::string_view s) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const int sign = s[0] == '-' ? -1 : 1;
  std::string body(s.substr(1));
  // A colon-free form may pack hours and minutes: "+0530".
  if (body.size() == 4 && body.find(':') == std::string::npos) body.insert(2, ":");
  std::vector<int> fields;
  std::string cur;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i == body.size() || body[i] == ':') {
      if (cur.empty() || cur.size() > 2) return std::nullopt;
      fields.push_back(std::stoi(cur));
      cur.clear();
    } else if (body[i] >= '0' && body[i] <= '9') {
      cur += body[i];
    } else {
      return std::nullopt;
    }
  }
  if (fields.size() > 3) return std::nullopt;
  int h = fields[0], m = fields.size() > 1 ? fields[1] : 0, sec = fields.size() > 2 ? fields[2] : 0;
  if (h > 18 || m > 59 || sec > 59 || (h == 18 && (m || sec))) return std::nullopt;
  return sign * (h * 3600 + m * 60 + sec);
}

// java.time's ZoneId.SHORT_IDS, which Spark accepts as session time zones.
std::string_view ExpandShortId(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kShortIds[] = {
      {"ACT", "Australia/Darwin"}, {"AET", "Australia/Sydney"}, {"AGT", "America/Argentina/Buenos_Aires"},
      {"ART", "Africa/Cairo"}, {"AST", "America/Anchorage"}, {"BET", "America/Sao_Paulo"}, {"BST", "Asia/Dhaka"},
      {"CAT", "Africa/Harare"}, {"CNT", "America/St_Johns"}, {"CST", "America/Chicago"}, {"CTT", "Asia/Shanghai"},
      {"EAT", "Africa/Addis_Ababa"}, {"ECT", "Europe/Paris"}, {"IET", "America/Indiana/Indianapolis"},
      {"IST", "Asia/Kolkata"}, {"JST", "Asia/Tokyo"}, {"MIT", "Pacific/Apia"}, {"NET", "Asia/Yerevan"},
      {"NST", "Pacific/Auckland"}, {"PLT", "Asia/Karachi"}, {"PNT", "America/Phoenix"}, {"PRT", "America/Puerto_Rico"},
      {"PST", "America/Los_Angeles"}, {"SST", "Pacific/Guadalcanal"}, {"VST", "Asia/Ho_Chi_Minh"},
      {"EST", "-05:00"}, {"MST", "-07:00"}, {"HST", "-10:00"},
  };
  for (const auto& [id, zone] : kShortIds) {
    if (id == name) return zone;
  }
  return name;
}

bool IsSafeRegionName(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+';
  });
}

// Big-endian reads with bounds checks over the TZif bytes.
class ByteReader {
 public:
  ByteReader(const std::string& data, std::string_view zone) : data_(data), zone_(zone) {}
  size_t pos() const { return pos_; }
  void Skip(size_t n) { Need(n); pos_ += n; }
  uint8_t U8() { Need(1); return static_cast<uint8_t>(data_[pos_++]); }
  int64_t BigEndian(int bytes) {
    Need(bytes);
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<uint8_t>(data_[pos_++]);
    if (bytes == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
    return static_cast<int64_t>(v);
  }
  std::string_view Rest() const { return std::string_view(data_).substr(pos_); }

 private:
  void Need(size_t n) const {
    if (pos_ + n > data_.size()) {
      throw UserError("INVALID_TIMEZONE", "22009",
                      "The time zone file for " + std::string(zone_) + " is truncated at byte " + std::to_string(pos_) + ".");
    }
  }
  const std::string& data_;
  std::string_view zone_;
  size_t pos_ = 0;
};

struct TzifCounts {
  int64_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

TzifCounts ReadHeader(ByteReader& r, char* version) {
  if (r.U8() != 'T' || r.U8() != 'Z' || r.U8() != 'i' || r.U8() != 'f') throw std::runtime_error("bad magic");
  *version = static_cast<char>(r.U8());
  r.Skip(15);
  TzifCounts c;
  c.isutcnt = r.BigEndian(4);
  c.isstdcnt = r.BigEndian(4);
  c.leapcnt = r.BigEndian(4);
  c.timecnt = r.BigEndian(4);
  c.typecnt = r.BigEndian(4);
  c.charcnt = r.BigEndian(4);
  if (c.isutcnt < 0 || c.isstdcnt < 0 || c.leapcnt < 0 || c.timecnt < 0 || c.typecnt < 1 || c.charcnt < 0 ||
      c.typecnt > 256 || c.timecnt > 1000000) {
    throw std::runtime_error("bad counts");
  }
  return c;
}

}  // namespace

// The POSIX TZ string of a TZif footer, e.g. "EST5EDT,M3.2.0,M11.1.0".
struct TimeZone::PosixRule {
  struct Date {
    char kind = 'M';  // 'J' (1..365, no Feb 29), 'D' (0..365), 'M' (month.week.weekday)
    int n = 0, month = 0, week = 0, weekday = 0;
    int32_t time = 7200;  // seconds after local midnight
  };
  int32_t std_offset = 0;  // seconds east of UTC
  int32_t dst_offset = 0;
  bool has_dst = false;
  Date start, end;

  static std::optional<PosixRule> Parse(std::string_view s) {
    PosixRule r;
    size_t pos = 0;
    if (!SkipName(s, &pos)) return std::nullopt;
    auto std_off = ReadTime(s, &pos);
    if (!std_off) return std::nullopt;
    r.std_offset = -*std_off;  // POSIX offsets count west
    if (pos == s.size()) return r;
    if (!SkipName(s, &pos)) return std::nullopt;
    r.has_dst = true;
    r.dst_offset = r.std_offset + 3600;
    if (pos < s.size() && s[pos] != ',') {
      auto dst_off = ReadTime(s, &pos);
      if (!dst_off) return std::nullopt;
      r.dst_offset = -*dst_off;
    }
    if (pos == s.size()) {
      s = ",M3.2.0,M11.1.0";  // the POSIX default (US) rules
      pos = 0;
    }
    if (s[pos++] != ',' || !ReadDate(s, &pos, &r.start) || pos >= s.size() || s[pos++] != ',' ||
        !ReadDate(s, &pos, &r.end) || pos != s.size()) {
      return std::nullopt;
    }
    return r;
  }

  int32_t OffsetAt(int64_t utc) const {
    if (!has_dst) return std_offset;
    int64_t year;
    unsigned m, d;
    CivilFromDays(static_cast<int32_t>(FloorDiv(utc + std_offset, kSecondsPerDay)), &year, &m, &d);
    // Start is given in standard local time, end in daylight local time.
    int64_t s = TransitionLocal(start, year) - std_offset;
    int64_t e = TransitionLocal(end, year) - dst_offset;
    bool dst = s < e ? (utc >= s && utc < e) : (utc >= s || utc < e);
    return dst ? dst_offset : std_offset;
  }

 private:
  static bool SkipName(std::string_view s, size_t* pos) {
    if (*pos < s.size() && s[*pos] == '<') {
      size_t close = s.find('>', *pos);
      if (close == std::string_view::npos) return false;
      *pos = close + 1;
      return true;
    }
    size_t begin = *pos;
    while (*pos < s.size() && std::isalpha(static_cast<unsigned char>(s[*pos]))) ++*pos;
    return *pos - begin >= 3;
  }
  // [+-]h[h][:mm[:ss]], hours up to 167 (RFC 8536 extension).
  static std::optional<int32_t> ReadTime(std::string_view s, size_t* pos) {
    int sign = 1;
    if (*pos < s.size() && (s[*pos] == '+' || s[*pos] == '-')) sign = s[(*pos)++] == '-' ? -1 : 1;
    int32_t total = 0;
    for (int field = 0; field < 3; ++field) {
      if (field > 0) {
        if (*pos >= s.size() || s[*pos] != ':') break;
        ++*pos;
      }
      int v = 0, digits = 0;
      while (*pos < s.size() && std::isdigit(static_cast<unsigned char>(s[*pos])) && digits < 3) {
        v = v * 10 + (s[(*pos)++] - '0');
        ++digits;
      }
      if (digits == 0) return std::nullopt;
      total += v * (field == 0 ? 3600 : field == 1 ? 60 : 1);
    }
    return sign * total;
  }
  static std::optional<int> ReadInt(std::string_view s, size_t* pos) {
    int v = 0, digits = 0;
    while (*pos < s.size() && std::isdigit(static_cast<unsigned char>(s[*pos])) && digits < 4) {
      v = v * 10 + (s[(*pos)++] - '0');
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    return v;
  }
  static bool ReadDate(std::string_view s, size_t* pos, Date* d) {
    if (*pos >= s.size()) return false;
    if (s[*pos] == 'M') {
      ++*pos;
      auto m = ReadInt(s, pos);
      if (!m || *pos >= s.size() || s[(*pos)++] != '.') return false;
      auto w = ReadInt(s, pos);
      if (!w || *pos >= s.size() || s[(*pos)++] != '.') return false;
      auto wd = ReadInt(s, pos);
      if (!wd || *m < 1 || *m > 12 || *w < 1 || *w > 5 || *wd > 6) return false;
      d->kind = 'M';
      d->month = *m;
      d->week = *w;
      d->weekday = *wd;
    } else {
      d->kind = 'D';
      if (s[*pos] == 'J') {
        d->kind = 'J';
        ++*pos;
      }
      auto n = ReadInt(s, pos);
      if (!n || *n > 365) return false;
      d->n = *n;
    }
    if (*pos < s.size() && s[*pos] == '/') {
      ++*pos;
      auto t = ReadTime(s, pos);
      if (!t) return false;
      d->time = *t;
    }
    return true;
  }
  // Local seconds since the epoch at which `d` happens in `year`.
  static int64_t TransitionLocal(const Date& d, int64_t year) {
    int64_t day;
    if (d.kind == 'J') {
      day = DaysFromCivil(year, 1, 1) + d.n - 1;
      bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      if (leap && d.n >= 60) ++day;  // Jn never counts Feb 29
    } else if (d.kind == 'D') {
      day = DaysFromCivil(year, 1, 1) + d.n;
    } else {
      int64_t first = DaysFromCivil(year, d.month, 1);
      int weekday_first = static_cast<int>(((first % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
      day = first + (d.weekday - weekday_first + 7) % 7 + (d.week - 1) * 7;
      unsigned dim = d.month == 12 ? 31 : static_cast<unsigned>(DaysFromCivil(year, d.month + 1, 1) - first);
      while (day >= first + dim) day -= 7;  // week 5 means the last such weekday
    }
    return day * kSecondsPerDay + d.time;
  }
};

class TimeZoneLoader {
 public:
  static std::unique_ptr<TimeZone> Fixed(std::string name, int32_t offset) {
    std::unique_ptr<TimeZone> tz(new TimeZone());
    tz->name_ = std::move(name);
    tz->initial_offset_ = offset;
    return tz;
  }

  static std::unique_ptr<TimeZone> Load(std::string_view name) {
    if (!IsSafeRegionName(name)) ThrowInvalidZone(name);
    std::ifstream in(std::string(kZoneInfoDir) + std::string(name), std::ios::binary);
    if (!in) ThrowInvalidZone(name);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string data = buf.str();
    std::unique_ptr<TimeZone> tz(new TimeZone());
    tz->name_ = std::string(name);
    try {
      Parse(data, tz.get());
    } catch (const UserError&) {
      throw;
    } catch (const std::exception& e) {
      throw UserError("INVALID_TIMEZONE", "22009",
                      "The time zone file for " + std::string(name) + " is malformed: " + e.what() + ".");
    }
    return tz;
  }

 private:
  static void Parse(const std::string& data, TimeZone* tz) {
    ByteReader r(data, tz->name_);
    char version = 0;
    TzifCounts c = ReadHeader(r, &version);
    int time_size = 4;
    if (version >= '2') {
      // Skip the 32-bit block; the 64-bit one follows with its own header.
      r.Skip(c.timecnt * 5 + c.typecnt * 6 + c.charcnt + c.leapcnt * 8 + c.isstdcnt + c.isutcnt);
      c = ReadHeader(r, &version);
      time_size = 8;
    }
    std::vector<int64_t> times(c.timecnt);
    for (auto& t : times) t = r.BigEndian(time_size);
    std::vector<uint8_t> index(c.timecnt);
    for (auto& i : index) {
      i = r.U8();
      if (i >= c.typecnt) throw std::runtime_error("transition type out of range");
    }
    std::vector<int32_t> type_offsets(c.typecnt);
    for (auto& o : type_offsets) {
      o = static_cast<int32_t>(r.BigEndian(4));
      r.Skip(2);  // isdst, abbreviation index
    }
    r.Skip(c.charcnt + c.leapcnt * (time_size + 4) + c.isstdcnt + c.isutcnt);
    tz->transitions_ = std::move(times);
    for (uint8_t i : index) tz->offsets_.push_back(type_offsets[i]);
    tz->initial_offset_ = type_offsets[0];
    if (!std::is_sorted(tz->transitions_.begin(), tz->transitions_.end())) {
      throw std::runtime_error("transitions out of order");
    }
    if (time_size == 8) {
      std::string_view footer = r.Rest();
      if (footer.size() >= 2 && footer[0] == '\n') {
        size_t end = footer.find('\n', 1);
        if (end != std::string_view::npos && end > 1) {
          auto rule = TimeZone::PosixRule::Parse(footer.substr(1, end - 1));
          if (rule) tz->rule_ = std::make_shared<const TimeZone::PosixRule>(*rule);
        }
      }
    }
  }
};

const TimeZone* TimeZone::Find(std::string_view name) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<TimeZone>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(name); it != cache.end()) return it->second.get();
  std::unique_ptr<TimeZone> tz;
  const std::string_view given = name;
  name = ExpandShortId(name);
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  if (upper == "UTC" || upper == "Z" || upper == "GMT" || upper == "UT" || upper == "ETC/UTC" || upper == "ETC/GMT") {
    tz = TimeZoneLoader::Fixed(std::string(name), 0);
  } else if (!name.empty() && (name[0] == '+' || name[0] == '-')) {
    auto off = ParseOffset(name);
    if (!off) ThrowInvalidZone(name);
    tz = TimeZoneLoader::Fixed(std::string(name), *off);
  } else if (upper.rfind("UTC", 0) == 0 || upper.rfind("GMT", 0) == 0 || upper.rfind("UT", 0) == 0) {
    // "GMT+1", "UTC-08:00": a prefix and a Java-style (east-positive) offset.
    size_t prefix = upper.rfind("UT", 0) == 0 && upper.rfind("UTC", 0) != 0 ? 2 : 3;
    auto off = ParseOffset(name.substr(prefix));
    if (!off) ThrowInvalidZone(name);
    tz = TimeZoneLoader::Fixed(std::string(name), *off);
  } else {
    tz = TimeZoneLoader::Load(name);
  }
  tz->name_ = std::string(given);
  const TimeZone* result = tz.get();
  cache.emplace(std::string(given), std::move(tz));
  return result;
}

const TimeZone* TimeZone::Utc() {
  static const TimeZone* utc = Find("UTC");
  return utc;
}

int32_t TimeZone::OffsetAtUtc(int64_t utc_seconds) const {
  if (transitions_.empty()) return rule_ ? rule_->OffsetAt(utc_seconds) : initial_offset_;
  if (utc_seconds < transitions_.front()) return initial_offset_;
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc_seconds);
  size_t idx = static_cast<size_t>(it - transitions_.begin()) - 1;
  if (idx + 1 == transitions_.size() && rule_) return rule_->OffsetAt(utc_seconds);
  return offsets_[idx];
}

int32_t TimeZone::OffsetAtLocal(int64_t local_seconds) const {
  // Offsets stay within a day of UTC and transitions are far apart, so the
  // offsets a day before and after bracket at most one transition.
  const int32_t before = OffsetAtUtc(local_seconds - kSecondsPerDay);
  const int32_t after = OffsetAtUtc(local_seconds + kSecondsPerDay);
  if (before == after) return before;
  if (OffsetAtUtc(local_seconds - before) == before) return before;  // valid, or the earlier of an overlap
  if (OffsetAtUtc(local_seconds - after) == after) return after;
  return before;  // in a gap: java.time moves the wall time forward by the gap
}

int64_t TimeZone::UtcMicrosToLocal(int64_t utc_micros) const {
  return utc_micros + static_cast<int64_t>(OffsetAtUtc(FloorDiv(utc_micros, kMicrosPerSecond))) * kMicrosPerSecond;
}

int64_t TimeZone::LocalMicrosToUtc(int64_t local_micros) const {
  return local_micros - static_cast<int64_t>(OffsetAtLocal(FloorDiv(local_micros, kMicrosPerSecond))) * kMicrosPerSecond;
}

}  // namespace lakestream
