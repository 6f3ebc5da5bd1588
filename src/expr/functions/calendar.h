// Calendar arithmetic on DATE (days since 1970-01-01) and TIMESTAMP (µs since
// the epoch, UTC) values, shared by the datetime functions and patterns.
// Proleptic Gregorian calendar, as Spark 3+. Pure functions.
#pragma once

#include <cstdint>

#include "expr/datetime_format.h"
#include "expr/eval_context.h"
#include "expr/time_zone.h"

namespace lakestream::calendar {

inline constexpr int64_t kMicrosPerMilli = 1000;
inline constexpr int64_t kMicrosPerSecond = 1000000;
inline constexpr int64_t kSecondsPerDay = 86400;
inline constexpr int64_t kMicrosPerDay = kSecondsPerDay * kMicrosPerSecond;

inline int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
inline int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

// The session zone, UTC when the context has none.
inline const TimeZone& ZoneOf(const EvalContext& ctx) { return ctx.time_zone ? *ctx.time_zone : *TimeZone::Utc(); }

// The local date of a UTC instant in `tz`.
inline int32_t LocalDays(int64_t utc_micros, const TimeZone& tz) {
  return static_cast<int32_t>(FloorDiv(tz.UtcMicrosToLocal(utc_micros), kMicrosPerDay));
}

inline bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
inline int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

struct Ymd {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};
inline Ymd SplitDays(int32_t days) {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  return {y, static_cast<int>(m), static_cast<int>(d)};
}

// 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday).
inline int IsoDayOfWeek(int32_t days) { return static_cast<int>(FloorMod(int64_t{days} + 3, 7)) + 1; }
inline int DayOfYear(int32_t days) {
  return static_cast<int>(days - DaysFromCivil(SplitDays(days).year, 1, 1)) + 1;
}
// ISO-8601 week number: weeks start on Monday, week 1 holds the year's first Thursday.
inline int IsoWeekOfYear(int32_t days) {
  int32_t thursday = days - (IsoDayOfWeek(days) - 1) + 3;
  return (thursday - DaysFromCivil(SplitDays(thursday).year, 1, 1)) / 7 + 1;
}
// ISO week-based year (the year of the week's Thursday).
inline int64_t IsoWeekYear(int32_t days) { return SplitDays(days - (IsoDayOfWeek(days) - 1) + 3).year; }

// Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29).
inline int32_t AddMonths(int32_t days, int64_t months) {
  Ymd d = SplitDays(days);
  int64_t total = d.year * 12 + (d.month - 1) + months;
  int64_t year = FloorDiv(total, 12);
  int month = static_cast<int>(FloorMod(total, 12)) + 1;
  int day = d.day < DaysInMonth(year, month) ? d.day : DaysInMonth(year, month);
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

}  // namespace lakestream::calendar
