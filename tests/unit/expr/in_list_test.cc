// x IN (literals) through the hash-set path (in_list.h) agrees with the
// item-by-item comparison, NULLs included.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace lakestream
