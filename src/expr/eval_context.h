// EvalContext: per-query settings that expression evaluation depends on.
#pragma once

#include <cstdint>
#include <string>

namespace lakestream {

class TimeZone;

struct EvalContext {
  // spark.sql.ansi.enabled (default true as in Spark 4): overflow, division by
  // zero and invalid casts raise errors instead of returning NULL.
  bool ansi = true;
  // SQLite-compatible `/` on two integers (integer result); only the
  // sqllogictest runner turns this on.
  bool legacy_integer_division = false;
  // spark.sql.session.timeZone, an IANA name such as "UTC" or "America/New_York".
  std::string session_time_zone = "UTC";
  // Resolved zone for session_time_zone (owned by the session; never null once bound).
  const TimeZone* time_zone = nullptr;
  // current_timestamp() for the whole query, µs since the epoch.
  int64_t query_start_micros = 0;
  // The session's current database, for current_database().
  std::string current_database = "default";
};

}  // namespace lakestream
