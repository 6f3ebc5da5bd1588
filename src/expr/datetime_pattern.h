// Internals of DatetimeFormat (datetime_format.h): the compiled token list of
// a Spark datetime pattern and the parser that matches text against it.
// datetime_pattern.cc compiles and formats; datetime_pattern_parser.cc parses.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakestream {

class TimeZone;

namespace datetime_pattern {

inline constexpr std::array<const char*, 12> kMonthNames = {"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};
// Monday first, as ISO day-of-week 1..7.
inline constexpr std::array<const char*, 7> kDayNames = {"Monday", "Tuesday", "Wednesday", "Thursday",
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

// Compiles a pattern; throws UserError INVALID_DATETIME_PATTERN.* when malformed.
std::vector<Token> Tokenize(std::string_view pattern);

// Short and long names of the zones users meet most (java.time knows all of CLDR).
struct ZoneAbbreviation {
  const char* zone;
  const char* standard;
  const char* daylight;
  const char* standard_long;
  const char* daylight_long;
};
inline constexpr ZoneAbbreviation kZoneAbbreviations[] = {
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

// Fields read from text; absent fields take Spark's defaults when resolved.
struct ParsedFields {
  std::optional<int64_t> year;
  std::optional<int> month, day, day_of_year, day_of_week, quarter;
  std::optional<int> hour24, hour12, am_pm, minute, second;
  int micros = 0;
  std::optional<int32_t> offset;
  const TimeZone* zone = nullptr;
};

// Matches the whole of `text` against `tokens`; false when it does not match.
bool ParseFields(const std::vector<Token>& tokens, std::string_view text, ParsedFields* out);
// Days since the epoch, or nullopt for an invalid date (java.time's STRICT resolver).
std::optional<int32_t> ResolveDate(const ParsedFields& p);
// Microseconds since midnight, or nullopt for an invalid or contradictory time.
std::optional<int64_t> ResolveTimeMicros(const ParsedFields& p);

}  // namespace datetime_pattern
}  // namespace lakestream
