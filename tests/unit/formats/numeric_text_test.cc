// JVM number parsing rules used by the CSV and JSON readers.
#include "formats/numeric_text.h"

#include <gtest/gtest.h>

#include <cmath>

namespace lakestream {
namespace {

TEST(NumericTextTest, JavaIntegers) {
  EXPECT_EQ(ParseJavaInteger("123", INT32_MIN, INT32_MAX), 123);
  EXPECT_EQ(ParseJavaInteger("+7", INT32_MIN, INT32_MAX), 7);
  EXPECT_EQ(ParseJavaInteger("-2147483648", INT32_MIN, INT32_MAX), INT32_MIN);
  EXPECT_FALSE(ParseJavaInteger("2147483648", INT32_MIN, INT32_MAX));
  EXPECT_EQ(ParseJavaInteger("-9223372036854775808", INT64_MIN, INT64_MAX), INT64_MIN);
  EXPECT_FALSE(ParseJavaInteger("9223372036854775808", INT64_MIN, INT64_MAX));
  EXPECT_FALSE(ParseJavaInteger(" 1", INT64_MIN, INT64_MAX));
  EXPECT_FALSE(ParseJavaInteger("1.0", INT64_MIN, INT64_MAX));
  EXPECT_FALSE(ParseJavaInteger("", INT64_MIN, INT64_MAX));
  EXPECT_FALSE(ParseJavaInteger("-", INT64_MIN, INT64_MAX));
}

TEST(NumericTextTest, JavaDoubles) {
  EXPECT_EQ(ParseJavaDouble("1.5"), 1.5);
  EXPECT_EQ(ParseJavaDouble(" 2e3 "), 2000.0);
  EXPECT_EQ(ParseJavaDouble("1d"), 1.0);
  EXPECT_EQ(ParseJavaDouble(".5"), 0.5);
  EXPECT_EQ(ParseJavaDouble("-Infinity"), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(*ParseJavaDouble("NaN")));
  EXPECT_EQ(ParseJavaDouble("1e999"), HUGE_VAL);
  EXPECT_FALSE(ParseJavaDouble("inf"));
  EXPECT_FALSE(ParseJavaDouble("nan"));
  EXPECT_FALSE(ParseJavaDouble("1e"));
  EXPECT_FALSE(ParseJavaDouble("abc"));
  EXPECT_FALSE(ParseJavaDouble("."));
}

TEST(NumericTextTest, Decimals) {
  auto d = ParseDecimalText("-12.340");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->negative);
  EXPECT_EQ(d->digits, "12340");
  EXPECT_EQ(d->scale, 3);
  EXPECT_EQ(d->precision(), 5);
  EXPECT_EQ(RescaleDecimal(*d, 10, 2), -1234);
  EXPECT_EQ(RescaleDecimal(*ParseDecimalText("1.005"), 10, 2), 101);  // HALF_UP
  EXPECT_EQ(RescaleDecimal(*ParseDecimalText("1,234"), 10, 0), 1234);
  EXPECT_EQ(RescaleDecimal(*ParseDecimalText("1e3"), 10, 1), 10000);
  EXPECT_FALSE(RescaleDecimal(*ParseDecimalText("12345"), 4, 0));
  EXPECT_FALSE(RescaleDecimal(*ParseDecimalText("99.99"), 3, 1));
  EXPECT_EQ(RescaleDecimal(*ParseDecimalText("0.000"), 3, 1), 0);
  EXPECT_FALSE(ParseDecimalText("1.2.3"));
  EXPECT_FALSE(ParseDecimalText("x"));
}

}  // namespace
}  // namespace lakestream
