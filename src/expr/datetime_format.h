// Spark datetime patterns (DateTimeFormatter letters: y, M, d, H, h, m, s, S,
// a, E, z, X, x, Z, ' quoting) for date_format, to_timestamp, to_date,
// unix_timestamp, from_unixtime and the CSV/JSON dateFormat/timestampFormat.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lakestream {

class TimeZone;

class DatetimeFormat {
 public:
  // Throws UserError (INVALID_DATETIME_PATTERN) for malformed patterns.
  static std::shared_ptr<const DatetimeFormat> Compile(std::string_view pattern);

  virtual ~DatetimeFormat() = default;
  // Formats a UTC instant (µs) in `tz`.
  virtual std::string FormatTimestamp(int64_t utc_micros, const TimeZone& tz) const = 0;
  // Parses text to a UTC instant (µs); local times are in `tz` unless the text
  // has an offset. nullopt when the text does not match the whole pattern.
  virtual std::optional<int64_t> ParseTimestamp(std::string_view text, const TimeZone& tz) const = 0;
  // Parses text to days since the epoch.
  virtual std::optional<int32_t> ParseDate(std::string_view text) const = 0;
};

// Spark's default, lenient parsing of date and timestamp strings as CAST does:
// "2024-01-02", "2024-01-02 03:04:05.123456", "2024-01-02T03:04:05Z", "+08:00" offsets.
std::optional<int32_t> ParseDateDefault(std::string_view text);
std::optional<int64_t> ParseTimestampDefault(std::string_view text, const TimeZone& tz);
// Without zone conversion (TIMESTAMP_NTZ); an explicit offset in the text is ignored... as Spark does.
std::optional<int64_t> ParseTimestampNtzDefault(std::string_view text);
// "2024-01-02"; "2024-01-02 03:04:05[.ffffff]" with trailing zeros of the
// fraction dropped, as Spark's CAST(ts AS STRING).
std::string FormatDate(int32_t days);
std::string FormatTimestampLocal(int64_t local_micros);

// Civil calendar helpers (proleptic Gregorian).
int32_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
void CivilFromDays(int32_t days, int64_t* year, unsigned* month, unsigned* day);

}  // namespace lakestream
