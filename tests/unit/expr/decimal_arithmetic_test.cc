// DecimalArithmetic on whole arrays: the 64-bit path for values that fit
// 64 bits must give the same values, result types, rounding and overflow
// behaviour as the 128-bit path it falls back to.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "columnar/array.h"
#include "expr/functions/arithmetic_kernels.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

ArrayPtr DecArray(const std::vector<int128_t>& unscaled, int p, int s, bool with_null = false) {
  std::vector<Value> values;
  for (int128_t v : unscaled) values.push_back(Value::Decimal(v));
  auto array = MakeArrayFromValues(DataType::Decimal(p, s), values);
  if (!with_null) return array;
  // A negative index takes a NULL row.
  std::vector<int32_t> rows;
  for (size_t i = 0; i < unscaled.size(); ++i) rows.push_back(static_cast<int32_t>(i));
  rows.push_back(-1);
  return Take(array, rows);
}

int128_t Unscaled(const ArrayPtr& a, int64_t i) { return a->values<int128_t>()[i]; }

int128_t Parse128(const std::string& digits) {
  int128_t v = 0;
  bool neg = digits[0] == '-';
  for (size_t i = neg ? 1 : 0; i < digits.size(); ++i) v = v * 10 + (digits[i] - '0');
  return neg ? -v : v;
}

EvalContext Ansi(bool on) {
  EvalContext c;
  c.ansi = on;
  return c;
}

constexpr int64_t kNearMax = 999999999999999999;  // 10^18 - 1, 18 digits

TEST(DecimalArithmeticTest, ProductsNear1e18FitExactly) {
  // DECIMAL(18,0) * DECIMAL(18,0) is DECIMAL(37,0).
  auto x = DecArray({kNearMax, -kNearMax, kNearMax, 0, 123456789}, 18, 0);
  auto y = DecArray({kNearMax, kNearMax, -1, -kNearMax, -987654321}, 18, 0);
  auto out = DecimalArithmetic(x, y, DataType::Decimal(37, 0), {ArithmeticOp::kMultiply}, Ansi(true));
  ASSERT_EQ(out->length(), 5);
  EXPECT_EQ(out->null_count(), 0);
  EXPECT_EQ(Unscaled(out, 0), Parse128("999999999999999998000000000000000001"));
  EXPECT_EQ(Unscaled(out, 1), Parse128("-999999999999999998000000000000000001"));
  EXPECT_EQ(Unscaled(out, 2), -static_cast<int128_t>(kNearMax));
  EXPECT_EQ(Unscaled(out, 3), 0);
  EXPECT_EQ(Unscaled(out, 4), static_cast<int128_t>(123456789) * -987654321);
}

TEST(DecimalArithmeticTest, SumsAlignScalesNear1e18) {
  // DECIMAL(18,2) + DECIMAL(18,0): aligned at scale 2, DECIMAL(21,2); the
  // second operand is multiplied by 100 beyond 64 bits.
  auto x = DecArray({kNearMax, -kNearMax, 1}, 18, 2);
  auto y = DecArray({kNearMax, kNearMax, -1}, 18, 0);
  auto sum = DecimalArithmetic(x, y, DataType::Decimal(21, 2), {ArithmeticOp::kAdd}, Ansi(true));
  EXPECT_EQ(Unscaled(sum, 0), static_cast<int128_t>(kNearMax) * 101);
  EXPECT_EQ(Unscaled(sum, 1), static_cast<int128_t>(kNearMax) * 99);
  EXPECT_EQ(Unscaled(sum, 2), -99);
  auto diff = DecimalArithmetic(x, y, DataType::Decimal(21, 2), {ArithmeticOp::kSubtract}, Ansi(true));
  EXPECT_EQ(Unscaled(diff, 0), -static_cast<int128_t>(kNearMax) * 99);
  EXPECT_EQ(Unscaled(diff, 1), -static_cast<int128_t>(kNearMax) * 101);
  EXPECT_EQ(Unscaled(diff, 2), 101);
}

TEST(DecimalArithmeticTest, BatchWithAValueBeyond64BitsFallsBackForAllRows) {
  const int128_t big = Parse128("12345678901234567890123");  // 23 digits
  auto x = DecArray({2, big, -3}, 38, 0);
  auto y = DecArray({5, 7, 4}, 10, 0);
  auto out = DecimalArithmetic(x, y, DataType::Decimal(38, 0), {ArithmeticOp::kMultiply}, Ansi(true));
  EXPECT_EQ(Unscaled(out, 0), 10);
  EXPECT_EQ(Unscaled(out, 1), big * 7);
  EXPECT_EQ(Unscaled(out, 2), -12);
  auto sum = DecimalArithmetic(x, y, DataType::Decimal(38, 0), {ArithmeticOp::kAdd}, Ansi(true));
  EXPECT_EQ(Unscaled(sum, 1), big + 7);
  EXPECT_EQ(Unscaled(sum, 2), 1);
}

TEST(DecimalArithmeticTest, ScaleReductionRoundsHalfUp) {
  // DECIMAL(38,10) * DECIMAL(38,10) is DECIMAL(38,6): 20 fraction digits
  // rounded to 6, half away from zero.
  const int128_t half = Parse128("15000000000");      // 1.5
  const int128_t quarter = Parse128("2500000005");    // 0.2500000005
  auto x = DecArray({half, -half, half}, 38, 10);
  auto y = DecArray({quarter, quarter, Parse128("10000000000")}, 38, 10);
  auto out = DecimalArithmetic(x, y, DataType::Decimal(38, 6), {ArithmeticOp::kMultiply}, Ansi(true));
  // 1.5 * 0.2500000005 = 0.37500000075 -> 0.375000 (the dropped digits
  // 00075 are below half a unit).
  EXPECT_EQ(Unscaled(out, 0), 375000);
  EXPECT_EQ(Unscaled(out, 1), -375000);
  EXPECT_EQ(Unscaled(out, 2), 1500000);
  // 0.0000005 * 1 at scale 6 rounds half up to 0.000001, and -0.0000005 to -0.000001.
  auto a = DecArray({5, -5, 4}, 38, 7);
  auto one = DecArray({1, 1, 1}, 38, 0);
  auto r = DecimalArithmetic(a, one, DataType::Decimal(38, 6), {ArithmeticOp::kMultiply}, Ansi(true));
  EXPECT_EQ(Unscaled(r, 0), 1);
  EXPECT_EQ(Unscaled(r, 1), -1);
  EXPECT_EQ(Unscaled(r, 2), 0);
}

TEST(DecimalArithmeticTest, OverflowIsNullWithoutAnsiAndAnErrorWithAnsi) {
  int128_t nines = 0;
  for (int i = 0; i < 38; ++i) nines = nines * 10 + 9;
  auto x = DecArray({1, nines, -2}, 38, 0);
  auto y = DecArray({1, 1, -3}, 38, 0);
  auto out = DecimalArithmetic(x, y, DataType::Decimal(38, 0), {ArithmeticOp::kAdd}, Ansi(false));
  ASSERT_EQ(out->length(), 3);
  EXPECT_EQ(out->null_count(), 1);
  EXPECT_EQ(Unscaled(out, 0), 2);
  EXPECT_TRUE(out->IsNull(1));
  EXPECT_EQ(Unscaled(out, 2), -5);
  EXPECT_THROW(DecimalArithmetic(x, y, DataType::Decimal(38, 0), {ArithmeticOp::kAdd}, Ansi(true)), UserError);
  auto tried = DecimalArithmetic(x, y, DataType::Decimal(38, 0), {ArithmeticOp::kAdd, /*is_try=*/true}, Ansi(true));
  EXPECT_TRUE(tried->IsNull(1));
  EXPECT_EQ(Unscaled(tried, 2), -5);
}

TEST(DecimalArithmeticTest, ResultBeyondASmallerResultPrecisionOverflows) {
  // A result type narrower than the exact result (as when the caller asks
  // for it) must still be checked on the 64-bit path.
  auto x = DecArray({kNearMax, 5}, 18, 0);
  auto y = DecArray({10, 5}, 18, 0);
  auto out = DecimalArithmetic(x, y, DataType::Decimal(18, 0), {ArithmeticOp::kMultiply}, Ansi(false));
  EXPECT_TRUE(out->IsNull(0));
  EXPECT_EQ(Unscaled(out, 1), 25);
  EXPECT_THROW(DecimalArithmetic(x, y, DataType::Decimal(18, 0), {ArithmeticOp::kMultiply}, Ansi(true)), UserError);
}

TEST(DecimalArithmeticTest, NullsPropagate) {
  auto x = DecArray({kNearMax, 7}, 18, 0, /*with_null=*/true);
  auto y = DecArray({2, 3, 4}, 18, 0);
  auto out = DecimalArithmetic(x, y, DataType::Decimal(37, 0), {ArithmeticOp::kMultiply}, Ansi(true));
  EXPECT_EQ(Unscaled(out, 0), static_cast<int128_t>(kNearMax) * 2);
  EXPECT_EQ(Unscaled(out, 1), 21);
  EXPECT_TRUE(out->IsNull(2));
}

}  // namespace
}  // namespace lakestream
