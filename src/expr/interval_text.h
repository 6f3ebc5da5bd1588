// Text forms of Spark's ANSI interval values (IntervalUtils): the display
// form, the strings of unit-to-unit literals and casts, and multi-unit
// literals ("1 day 2 hours"). Year-month values are months, day-time values
// microseconds (types.h). Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lakestream/types.h"

namespace lakestream::interval {

inline constexpr int64_t kMicrosPerSecond = 1000000;
inline constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
inline constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
inline constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

// Spark's ANSI display: INTERVAL '1 02:03:04.5' DAY TO SECOND,
// INTERVAL '-1-2' YEAR TO MONTH, INTERVAL '3' DAY. Fields after the type's
// end field are not shown.
std::string Format(int64_t value, const DataType& type);

// "INTERVAL DAY TO SECOND" (the qualifier as SQL writes it).
std::string QualifierSql(const DataType& type);

// The string of a unit-to-unit literal or CAST for the fields of `type`:
// "[+|-]y-m" (YEAR TO MONTH), "[+|-]d h:m:s.f" (DAY TO SECOND), "[+|-]h:m"
// (HOUR TO MINUTE), "[+|-]n" for one field, ... The leading field is
// unbounded, the others are range-checked (hour 0-23, minute and second
// 0-59, month 0-11); at most 9 fraction digits, truncated to microseconds.
// nullopt with *error set when it does not match or overflows.
std::optional<int64_t> ParseFields(std::string_view text, const DataType& type, std::string* error);

// CAST(string AS interval): ParseFields of the trimmed text, or of the body of
// INTERVAL [+|-]'[+|-]body' <qualifier> when the qualifier is the type's.
std::optional<int64_t> ParseCast(std::string_view text, const DataType& type);

// Sums the (value, unit) pairs of a multi-unit literal: INTERVAL 1 DAY 2 HOURS,
// INTERVAL '1' YEAR '2' MONTHS, INTERVAL '1 day 2 hours'. Units are YEAR,
// MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND (plural
// allowed, any case); only SECOND takes a fraction. The type spans the
// fields written (WEEK counts as DAY, MILLI/MICROSECOND as SECOND).
class UnitSum {
 public:
  enum class Status { kOk, kMalformed, kUnknownUnit, kOverflow };
  // Adds `value` (an optionally signed number) of `unit`.
  Status Add(std::string_view value, std::string_view unit);
  // Adds every "value unit" pair of a string, after an optional "interval".
  Status AddText(std::string_view text);

  bool empty() const { return !year_month_ && !day_time_; }
  // Both year-month and day-time units were added (Spark: MIXED_INTERVAL_UNITS).
  bool mixed() const { return year_month_ && day_time_; }
  // The interval type spanning the units added; requires !empty() && !mixed().
  DataTypePtr type() const;
  // The value, months or microseconds; nullopt on overflow.
  std::optional<int64_t> value() const;

 private:
  __int128 months_ = 0;
  __int128 micros_ = 0;
  bool year_month_ = false, day_time_ = false;
  int ym_start_ = 1, ym_end_ = 0, dt_start_ = 3, dt_end_ = 0;
};

}  // namespace lakestream::interval
