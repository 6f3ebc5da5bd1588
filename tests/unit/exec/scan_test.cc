#include <filesystem>
#include <fstream>

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

TEST(FileScanTest, ReadsEverySplitOfEveryFile) {
  auto dir = std::filesystem::temp_directory_path() / "lakestream_file_scan_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (int f = 0; f < 3; ++f) {
    std::ofstream out(dir / ("part-" + std::to_string(f) + ".csv"));
    for (int i = 0; i < 1000; ++i) out << f * 1000 + i << ",v" << i << "\n";
  }
  auto scan = Node(PlanKind::kFileScan, Schema::ParseDdl("a INT, b STRING"));
  scan->scan.format = "csv";
  scan->scan.paths = {dir.string()};
  scan->scan.schema = scan->schema;
  auto plan = FilterPlan(scan, Call(">=", {Col("a"), Lit(Value(1500), DataType::Int())}));
  auto rows = Sorted(RunPlan(plan, 4));
  ASSERT_EQ(rows.size(), 1500u);
  EXPECT_EQ(rows.front(), (Row{Value(1500), Value("v500")}));
  QueryContext ctx;
  EXPECT_NE(ExplainPhysicalPlan(plan, ctx).find("+- Scan csv [a,b] files=3"), std::string::npos)
      << ExplainPhysicalPlan(plan, ctx);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lakestream::exec_test
