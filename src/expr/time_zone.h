// TimeZone: an IANA zone read from the system tz database (/usr/share/zoneinfo
// TZif files), for TIMESTAMP <-> local time conversions in the session zone.
// Immutable and thread-safe once loaded.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lakestream {

class TimeZone {
 public:
  // "UTC", "America/New_York", fixed offsets "+05:30", "-08:00", "GMT+1".
  // Cached: repeated lookups return the same object. Throws UserError
  // INVALID_TIMEZONE for unknown zones.
  static const TimeZone* Find(std::string_view name);
  static const TimeZone* Utc();

  const std::string& name() const { return name_; }
  // Offset from UTC in seconds at the UTC instant `utc_seconds`.
  int32_t OffsetAtUtc(int64_t utc_seconds) const;
  // Offset for a local wall-clock time; in a gap or overlap, the earlier
  // offset (as java.time does for ZonedDateTime.of).
  int32_t OffsetAtLocal(int64_t local_seconds) const;

  int64_t UtcMicrosToLocal(int64_t utc_micros) const;
  int64_t LocalMicrosToUtc(int64_t local_micros) const;

 private:
  TimeZone() = default;
  friend class TimeZoneLoader;
  std::string name_;
  std::vector<int64_t> transitions_;  // UTC seconds, ascending
  std::vector<int32_t> offsets_;      // offset after each transition
  int32_t initial_offset_ = 0;        // before the first transition
  // Offsets after the last transition come from the POSIX TZ footer rule.
  struct PosixRule;
  std::shared_ptr<const PosixRule> rule_;
};

}  // namespace lakestream
