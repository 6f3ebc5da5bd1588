// x IN (literals) through the hash-set path (in_list.h) agrees with the
// item-by-item comparison, NULLs included.
#include <gtest/gtest.h>

#include <limits>

#include "test_batches.h"

namespace lakestream {
namespace {

using namespace expr_test;  // NOLINT

TEST(InListTest, IntegerStringAndDateListsMatchByValue) {
  auto batch = MakeBatch("i INT, s STRING, l BIGINT",
                         {Row{Value(1), Value("a"), Value(int64_t{10})}, Row{Value(2), Value("b"), Value(int64_t{20})},
                          Row{Value(), Value(), Value()}});
  EXPECT_EQ(EvalValues(In(Col("i"), {I(2), I(3)}), *batch), (std::vector<Value>{Value(false), Value(true), Value()}));
  EXPECT_EQ(EvalValues(In(Col("s"), {S("a"), S("zz")}), *batch),
            (std::vector<Value>{Value(true), Value(false), Value()}));
  EXPECT_EQ(EvalValues(In(Col("l"), {L(20)}), *batch), (std::vector<Value>{Value(false), Value(true), Value()}));
}

TEST(InListTest, ANullItemTurnsMissesIntoNull) {
  auto batch = MakeBatch("i INT", {Row{Value(1)}, Row{Value(2)}});
  auto null_int = Lit(Value(), DataType::Int());
  EXPECT_EQ(EvalValues(In(Col("i"), {I(1), null_int}), *batch), (std::vector<Value>{Value(true), Value()}));
}

TEST(InListTest, ThousandsOfItems) {
  std::vector<ExprPtr> items;
  for (int64_t v = 0; v < 5000; v += 2) items.push_back(L(v));
  auto batch = MakeBatch("l BIGINT", {Row{Value(int64_t{4998})}, Row{Value(int64_t{4999})}});
  EXPECT_EQ(EvalValues(In(Col("l"), items), *batch), (std::vector<Value>{Value(true), Value(false)}));
}

TEST(InListTest, ExtremeNegativeAndRepeatedIntegers) {
  const int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
  std::vector<ExprPtr> items{L(lo), L(hi), L(-1), L(0), L(-1), L(64), L(1024)};
  std::vector<Row> rows;
  for (int64_t v : {lo, hi, int64_t{-1}, int64_t{0}, int64_t{1}, int64_t{64}, int64_t{-64}, int64_t{1024}, lo + 1}) {
    rows.push_back(Row{Value(v)});
  }
  auto batch = MakeBatch("l BIGINT", rows);
  std::vector<Value> expected{Value(true), Value(true), Value(true), Value(true),  Value(false),
                              Value(true), Value(false), Value(true), Value(false)};
  EXPECT_EQ(EvalValues(In(Col("l"), items), *batch), expected);
}

TEST(InListTest, SmallStringListsCompareLengthAndBytes) {
  auto batch = MakeBatch("s STRING", {Row{Value("AIR")}, Row{Value("AIR REG")}, Row{Value("AIR RE")}, Row{Value("")},
                                      Row{Value("air")}, Row{Value()}});
  std::vector<Value> expected{Value(true), Value(true), Value(false), Value(true), Value(false), Value()};
  EXPECT_EQ(EvalValues(In(Col("s"), {S("AIR"), S("AIR REG"), S("")}), *batch), expected);
}

}  // namespace
}  // namespace lakestream
