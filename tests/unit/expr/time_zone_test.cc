#include "expr/time_zone.h"

#include <gtest/gtest.h>

#include "expr/datetime_format.h"
#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::ErrorOf;

int64_t Utc(int64_t y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
  return static_cast<int64_t>(DaysFromCivil(y, m, d)) * 86400 + hh * 3600 + mm * 60 + ss;
}

TEST(TimeZoneTest, FixedOffsets) {
  EXPECT_EQ(TimeZone::Find("UTC")->OffsetAtUtc(0), 0);
  EXPECT_EQ(TimeZone::Find("Z")->OffsetAtUtc(0), 0);
  EXPECT_EQ(TimeZone::Find("+05:30")->OffsetAtUtc(0), 19800);
  EXPECT_EQ(TimeZone::Find("-08:00")->OffsetAtUtc(0), -28800);
  EXPECT_EQ(TimeZone::Find("+0530")->OffsetAtUtc(0), 19800);
  EXPECT_EQ(TimeZone::Find("-8")->OffsetAtUtc(0), -28800);
  EXPECT_EQ(TimeZone::Find("GMT+1")->OffsetAtUtc(0), 3600);
  EXPECT_EQ(TimeZone::Find("UTC-03:00")->OffsetAtUtc(0), -10800);
  EXPECT_EQ(TimeZone::Find("UTC"), TimeZone::Utc());
  EXPECT_EQ(TimeZone::Find("+05:30"), TimeZone::Find("+05:30"));
}

TEST(TimeZoneTest, InvalidZones) {
  ErrorOf([] { TimeZone::Find("Mars/Olympus_Mons"); }, "INVALID_TIMEZONE");
  ErrorOf([] { TimeZone::Find("../../etc/passwd"); }, "INVALID_TIMEZONE");
  ErrorOf([] { TimeZone::Find("+19:00"); }, "INVALID_TIMEZONE");
  ErrorOf([] { TimeZone::Find(""); }, "INVALID_TIMEZONE");
}

TEST(TimeZoneTest, NewYorkTransitions) {
  const TimeZone* ny = TimeZone::Find("America/New_York");
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2024, 1, 15, 12)), -18000);
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2024, 7, 15, 12)), -14400);
  // DST starts 2024-03-10 at 02:00 EST = 07:00 UTC.
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2024, 3, 10, 6, 59, 59)), -18000);
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2024, 3, 10, 7)), -14400);
  // Far beyond the file's transitions the POSIX footer rule applies.
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2100, 7, 1)), -14400);
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2100, 1, 1)), -18000);
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2100, 3, 14, 6, 59, 59)), -18000);  // second Sunday of March 2100
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2100, 3, 14, 7)), -14400);
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2100, 11, 7, 5, 59, 59)), -14400);  // first Sunday of November 2100
  EXPECT_EQ(ny->OffsetAtUtc(Utc(2100, 11, 7, 6)), -18000);
  // Before standard time (1883) New York used local mean time, -4:56:02.
  EXPECT_EQ(ny->OffsetAtUtc(Utc(1800, 1, 1)), -17762);
}

TEST(TimeZoneTest, LocalTimesInGapsAndOverlaps) {
  const TimeZone* ny = TimeZone::Find("America/New_York");
  // 02:30 on 2024-03-10 does not exist; java.time moves it to 03:30 EDT = 07:30 UTC.
  EXPECT_EQ(ny->OffsetAtLocal(Utc(2024, 3, 10, 2, 30)), -18000);
  // 01:30 on 2024-11-03 happens twice; the earlier (EDT) offset wins.
  EXPECT_EQ(ny->OffsetAtLocal(Utc(2024, 11, 3, 1, 30)), -14400);
  EXPECT_EQ(ny->OffsetAtLocal(Utc(2024, 11, 3, 3, 0)), -18000);
  const int64_t local = Utc(2024, 7, 1, 12) * 1000000;
  EXPECT_EQ(ny->LocalMicrosToUtc(local), Utc(2024, 7, 1, 16) * 1000000);
  EXPECT_EQ(ny->UtcMicrosToLocal(ny->LocalMicrosToUtc(local + 123)), local + 123);
}

TEST(TimeZoneTest, SouthernHemisphereAndOtherZones) {
  const TimeZone* sydney = TimeZone::Find("Australia/Sydney");
  EXPECT_EQ(sydney->OffsetAtUtc(Utc(2024, 1, 15)), 39600);
  EXPECT_EQ(sydney->OffsetAtUtc(Utc(2024, 7, 15)), 36000);
  EXPECT_EQ(sydney->OffsetAtUtc(Utc(2100, 1, 15)), 39600);
  EXPECT_EQ(sydney->OffsetAtUtc(Utc(2100, 7, 15)), 36000);
  EXPECT_EQ(TimeZone::Find("Asia/Kolkata")->OffsetAtUtc(Utc(2024, 1, 1)), 19800);
  EXPECT_EQ(TimeZone::Find("Europe/London")->OffsetAtUtc(Utc(2100, 7, 1)), 3600);
  EXPECT_EQ(TimeZone::Find("Europe/London")->OffsetAtUtc(Utc(2100, 12, 1)), 0);
  EXPECT_EQ(TimeZone::Find("Asia/Tokyo")->OffsetAtUtc(Utc(2050, 7, 1)), 32400);
  // Java's short ids, as Spark accepts them.
  EXPECT_EQ(TimeZone::Find("PST")->OffsetAtUtc(Utc(2024, 1, 1)), -28800);
  EXPECT_EQ(TimeZone::Find("PST")->name(), "PST");
  EXPECT_EQ(TimeZone::Find("EST")->OffsetAtUtc(Utc(2024, 7, 1)), -18000);
}

TEST(DatetimeParseTest, CivilCalendar) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  int64_t y;
  unsigned m, d;
  CivilFromDays(-719162, &y, &m, &d);
  EXPECT_EQ(y, 1);
  EXPECT_EQ(m, 1u);
  EXPECT_EQ(d, 1u);
  EXPECT_EQ(FormatDate(19782), "2024-02-29");
  EXPECT_EQ(FormatTimestampLocal(-1), "1969-12-31 23:59:59.999999");
  EXPECT_EQ(FormatTimestampLocal(1500000), "1970-01-01 00:00:01.5");
}

TEST(DatetimeParseTest, DefaultForms) {
  EXPECT_EQ(ParseDateDefault("2024"), DaysFromCivil(2024, 1, 1));
  EXPECT_EQ(ParseDateDefault("2024-03"), DaysFromCivil(2024, 3, 1));
  EXPECT_EQ(ParseDateDefault(" 2024-03-04T10:00 "), DaysFromCivil(2024, 3, 4));
  EXPECT_FALSE(ParseDateDefault("2024/03/04").has_value());
  EXPECT_FALSE(ParseDateDefault("24-03-04").has_value());
  EXPECT_EQ(ParseTimestampNtzDefault("2024-03-04 05:06"), Utc(2024, 3, 4, 5, 6) * 1000000);
  EXPECT_EQ(ParseTimestampNtzDefault("2024-03-04 05:06:07.1234567"), Utc(2024, 3, 4, 5, 6, 7) * 1000000 + 123456);
  const TimeZone& utc = *TimeZone::Utc();
  EXPECT_EQ(ParseTimestampDefault("2024-03-04T05:06:07-05:00", utc), Utc(2024, 3, 4, 10, 6, 7) * 1000000);
  EXPECT_EQ(ParseTimestampDefault("2024-07-01 12:00:00 America/New_York", utc), Utc(2024, 7, 1, 16) * 1000000);
  EXPECT_FALSE(ParseTimestampDefault("2024-03-04 25:00:00", utc).has_value());
  EXPECT_FALSE(ParseTimestampDefault("2024-03-04 05:06:07 Nowhere/City", utc).has_value());
}

}  // namespace
}  // namespace lakestream
