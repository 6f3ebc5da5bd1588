// DatetimeFormat: Spark/java.time pattern letters, formatting and strict parsing.
#include <gtest/gtest.h>

#include "expr/datetime_format.h"
#include "expr/time_zone.h"
#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::ErrorOf;

const TimeZone& Utc() { return *TimeZone::Utc(); }
const TimeZone& LosAngeles() { return *TimeZone::Find("America/Los_Angeles"); }

int64_t Micros(const std::string& text) { return *ParseTimestampDefault(text, Utc()); }

std::string Format(const std::string& pattern, const std::string& utc_text, const TimeZone& tz = Utc()) {
  return DatetimeFormat::Compile(pattern)->FormatTimestamp(Micros(utc_text), tz);
}

std::optional<int64_t> Parse(const std::string& pattern, const std::string& text, const TimeZone& tz = Utc()) {
  return DatetimeFormat::Compile(pattern)->ParseTimestamp(text, tz);
}

TEST(DatetimePatternTest, FormatsNumericFields) {
  EXPECT_EQ(Format("yyyy-MM-dd HH:mm:ss", "2016-04-08 13:05:09"), "2016-04-08 13:05:09");
  EXPECT_EQ(Format("y", "2016-04-08 00:00:00"), "2016");
  EXPECT_EQ(Format("yy/M/d", "2016-04-08 00:00:00"), "16/4/8");
  EXPECT_EQ(Format("D DDD", "2016-02-01 00:00:00"), "32 032");
  EXPECT_EQ(Format("yyyy-MM-dd HH:mm:ss.SSS", "2015-03-05 09:32:05.359"), "2015-03-05 09:32:05.359");
  EXPECT_EQ(Format("ss.SSSSSS", "2015-03-05 09:32:05.000123"), "05.000123");
  EXPECT_EQ(Format("S", "2015-03-05 09:32:05.987"), "9");
}

TEST(DatetimePatternTest, FormatsTextFieldsAndClock) {
  EXPECT_EQ(Format("EEE, d MMM yyyy", "2009-07-30 00:00:00"), "Thu, 30 Jul 2009");
  EXPECT_EQ(Format("EEEE MMMM", "2009-07-30 00:00:00"), "Thursday July");
  EXPECT_EQ(Format("hh:mm a", "2009-07-30 00:15:00"), "12:15 AM");
  EXPECT_EQ(Format("h:mm a", "2009-07-30 13:15:00"), "1:15 PM");
  EXPECT_EQ(Format("QQQ yyyy", "2009-07-30 00:00:00"), "Q3 2009");
}

TEST(DatetimePatternTest, QuotesAndOptionalSections) {
  EXPECT_EQ(Format("yyyy-MM-dd'T'HH:mm:ss", "2020-01-02 03:04:05"), "2020-01-02T03:04:05");
  EXPECT_EQ(Format("'It''s' yyyy", "2020-01-02 03:04:05"), "It's 2020");
  EXPECT_EQ(Format("''yyyy''", "2020-01-02 03:04:05"), "'2020'");
  EXPECT_EQ(Format("yyyy[-MM]", "2020-01-02 03:04:05"), "2020-01");
  EXPECT_EQ(*Parse("yyyy-MM-dd[ HH:mm]", "2020-01-02"), Micros("2020-01-02 00:00:00"));
  EXPECT_EQ(*Parse("yyyy-MM-dd[ HH:mm]", "2020-01-02 10:30"), Micros("2020-01-02 10:30:00"));
}

TEST(DatetimePatternTest, FormatsZonesAndOffsets) {
  // 2024-07-01 12:00 UTC is 05:00 PDT; 2024-01-01 12:00 UTC is 04:00 PST.
  EXPECT_EQ(Format("yyyy-MM-dd HH:mm z", "2024-07-01 12:00:00", LosAngeles()), "2024-07-01 05:00 PDT");
  EXPECT_EQ(Format("HH:mm z", "2024-01-01 12:00:00", LosAngeles()), "04:00 PST");
  EXPECT_EQ(Format("XXX", "2024-07-01 12:00:00", LosAngeles()), "-07:00");
  EXPECT_EQ(Format("XX", "2024-01-01 12:00:00", LosAngeles()), "-0800");
  EXPECT_EQ(Format("X", "2024-01-01 12:00:00", LosAngeles()), "-08");
  EXPECT_EQ(Format("Z", "2024-01-01 12:00:00", LosAngeles()), "-0800");
  EXPECT_EQ(Format("XXX", "2024-01-01 12:00:00"), "Z");
  EXPECT_EQ(Format("xxx", "2024-01-01 12:00:00"), "+00:00");
  EXPECT_EQ(Format("VV", "2024-01-01 12:00:00", LosAngeles()), "America/Los_Angeles");
  EXPECT_EQ(Format("z", "2024-01-01 12:00:00"), "UTC");
}

TEST(DatetimePatternTest, ParsesStrictly) {
  EXPECT_EQ(*Parse("yyyy-MM-dd", "2016-12-31"), Micros("2016-12-31 00:00:00"));
  EXPECT_EQ(*Parse("dd/MM/yyyy HH:mm", "05/03/2015 09:32"), Micros("2015-03-05 09:32:00"));
  // Fixed widths: "MM" needs two digits; trailing text is an error.
  EXPECT_FALSE(Parse("yyyy-MM-dd", "2016-1-31"));
  EXPECT_FALSE(Parse("yyyy-MM-dd", "2016-12-31 10:00"));
  EXPECT_FALSE(Parse("yyyy-MM-dd", "2016-12-3x"));
  // Single letters accept one or two digits.
  EXPECT_EQ(*Parse("yyyy-M-d", "2016-1-2"), Micros("2016-01-02 00:00:00"));
  // Invalid dates are rejected, not rolled over.
  EXPECT_FALSE(Parse("yyyy-MM-dd", "2019-02-29"));
  EXPECT_EQ(*Parse("yyyy-MM-dd", "2020-02-29"), Micros("2020-02-29 00:00:00"));
  EXPECT_FALSE(Parse("HH:mm", "24:00"));
}

TEST(DatetimePatternTest, ParsesAdjacentNumbersAndFractions) {
  EXPECT_EQ(*Parse("yyyyMMdd", "20240102"), Micros("2024-01-02 00:00:00"));
  EXPECT_EQ(*Parse("yyyyMMddHHmmss", "20240102030405"), Micros("2024-01-02 03:04:05"));
  EXPECT_EQ(*Parse("yyyy-MM-dd HH:mm:ss.SSSSSS", "2024-01-02 03:04:05.12"), Micros("2024-01-02 03:04:05.12"));
  EXPECT_EQ(*Parse("yyyy-MM-dd HH:mm:ss.SSS", "2024-01-02 03:04:05.123"), Micros("2024-01-02 03:04:05.123"));
  EXPECT_FALSE(Parse("yyyy-MM-dd HH:mm:ss.SSS", "2024-01-02 03:04:05.1234"));
}

TEST(DatetimePatternTest, ParsesTextCaseInsensitively) {
  EXPECT_EQ(*Parse("dd MMM yyyy", "30 jul 2009"), Micros("2009-07-30 00:00:00"));
  EXPECT_EQ(*Parse("EEEE, MMMM d, yyyy", "Thursday, July 30, 2009"), Micros("2009-07-30 00:00:00"));
  EXPECT_EQ(*Parse("hh:mm a", "01:15 pm"), Micros("1970-01-01 13:15:00"));
  EXPECT_EQ(*Parse("hh:mm a", "12:15 AM"), Micros("1970-01-01 00:15:00"));
  // A day name that contradicts the date is rejected.
  EXPECT_FALSE(Parse("EEE yyyy-MM-dd", "Fri 2009-07-30"));
}

TEST(DatetimePatternTest, ParsesZonesAndOffsets) {
  EXPECT_EQ(*Parse("yyyy-MM-dd HH:mm:ssXXX", "2024-01-02 03:04:05+08:00"), Micros("2024-01-01 19:04:05"));
  EXPECT_EQ(*Parse("yyyy-MM-dd HH:mm:ssX", "2024-01-02 03:04:05Z"), Micros("2024-01-02 03:04:05"));
  EXPECT_EQ(*Parse("yyyy-MM-dd HH:mm:ss Z", "2024-01-02 03:04:05 -0800"), Micros("2024-01-02 11:04:05"));
  EXPECT_EQ(*Parse("yyyy-MM-dd HH:mm VV", "2024-07-01 05:00 America/Los_Angeles"), Micros("2024-07-01 12:00:00"));
  EXPECT_EQ(*Parse("yyyy-MM-dd HH:mm z", "2024-01-01 04:00 PST"), Micros("2024-01-01 12:00:00"));
  // Without an offset the session zone applies.
  EXPECT_EQ(*Parse("yyyy-MM-dd HH:mm", "2024-07-01 05:00", LosAngeles()), Micros("2024-07-01 12:00:00"));
}

TEST(DatetimePatternTest, ParsesDatesOnly) {
  auto format = DatetimeFormat::Compile("dd.MM.yyyy");
  EXPECT_EQ(*format->ParseDate("31.12.2016"), DaysFromCivil(2016, 12, 31));
  EXPECT_FALSE(format->ParseDate("31.13.2016"));
  EXPECT_EQ(*DatetimeFormat::Compile("yyyy-DDD")->ParseDate("2016-100"), DaysFromCivil(2016, 4, 9));
}

TEST(DatetimePatternTest, RejectsMalformedPatterns) {
  ErrorOf([] { DatetimeFormat::Compile("yyyy-MM-dd bb"); }, "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER");
  ErrorOf([] { DatetimeFormat::Compile("yyyy 'open"); }, "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER");
  ErrorOf([] { DatetimeFormat::Compile("yyyy]"); }, "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER");
  ErrorOf([] { DatetimeFormat::Compile("MMMMMM"); }, "INVALID_DATETIME_PATTERN.LENGTH");
  ErrorOf([] { DatetimeFormat::Compile("ddd"); }, "INVALID_DATETIME_PATTERN.LENGTH");
}

TEST(DatetimePatternTest, CachesCompiledPatterns) {
  EXPECT_EQ(DatetimeFormat::Compile("yyyy-MM-dd").get(), DatetimeFormat::Compile("yyyy-MM-dd").get());
}

}  // namespace
}  // namespace lakestream
