// TpchDate: the calendar arithmetic the generator needs, on days since
// 1970-01-01 (the representation DATE columns use), and the specification's
// fixed dates (TPC-H 4.2.2.12).
#pragma once

#include <cstdint>

namespace lakestream::tpch {

struct TpchDate {
  int32_t year;
  int32_t month;  // 1..12
  int32_t day;    // 1..31

  // Proleptic Gregorian conversion (H. Hinnant's days_from_civil); valid for
  // any date after 0000-03-01, far more than the 1992..1998 range used here.
  static constexpr int32_t ToDays(int32_t y, int32_t m, int32_t d) {
    y -= m <= 2 ? 1 : 0;
    const int32_t era = y / 400;
    const int32_t yoe = y - era * 400;
    const int32_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  // The inverse of ToDays, for days >= ToDays(0, 3, 1).
  static constexpr TpchDate FromDays(int32_t days) {
    const int32_t z = days + 719468;
    const int32_t era = z / 146097;
    const int32_t doe = z - era * 146097;
    const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int32_t mp = (5 * doy + 2) / 153;
    const int32_t d = doy - (153 * mp + 2) / 5 + 1;
    const int32_t m = mp < 10 ? mp + 3 : mp - 9;
    return TpchDate{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
  }
};

// STARTDATE, CURRENTDATE and ENDDATE of the specification.
inline constexpr int32_t kTpchStartDate = TpchDate::ToDays(1992, 1, 1);
inline constexpr int32_t kTpchCurrentDate = TpchDate::ToDays(1995, 6, 17);
inline constexpr int32_t kTpchEndDate = TpchDate::ToDays(1998, 12, 31);

static_assert(kTpchStartDate == 8035 && kTpchCurrentDate == 9298 && kTpchEndDate == 10591);
static_assert(TpchDate::FromDays(kTpchCurrentDate).month == 6 && TpchDate::FromDays(kTpchCurrentDate).day == 17);

}  // namespace lakestream::tpch
