#include <gtest/gtest.h>

#include "plan_builder.h"

namespace lakestream::exec_test {
namespace {

TEST(RangeScanTest, ProducesIdsInOrder) {
  EXPECT_EQ(RunPlan(RangePlan(0, 10)), Ids(0, 10));
  EXPECT_EQ(RunPlan(RangePlan(0, 200000), 4), Ids(0, 200000));
}

TEST(RangeScanTest, StepsAndEmptyRanges) {
  EXPECT_EQ(RunPlan(RangePlan(10, 0, -3)), (std::vector<Row>{{Value(int64_t{10})}, {Value(int64_t{7})}, {Value(int64_t{4})}, {Value(int64_t{1})}}));
  EXPECT_TRUE(RunPlan(RangePlan(5, 5)).empty());
  EXPECT_TRUE(RunPlan(RangePlan(5, 0)).empty());
}

TEST(LocalScanTest, KeepsBatchOrder) {
  std::vector<Row> rows;
  for (int i = 0; i < 20; ++i) rows.push_back(Row{Value(i), Value(std::to_string(i))});
  EXPECT_EQ(RunPlan(Local("a INT, b STRING", rows), 4), rows);
}

}  // namespace
}  // namespace lakestream::exec_test
