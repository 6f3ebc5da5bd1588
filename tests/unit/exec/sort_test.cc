#include <filesystem>

#include <gtest/gtest.h>

#include "lakestream/error.h"
#include "plan_builder.h"

namespace lakestream::exec_test {
namespace {

std::vector<Row> Shuffled(int n) {
  std::vector<Row> rows;
  for (int i = 0; i < n; ++i) {
    int k = (i * 7919) % n;
    rows.push_back(Row{k % 10 == 0 ? Value() : Value(k % 1000), Value(i)});
  }
  return rows;
}

// Expected order of Shuffled rows: by key (NULLs as given), then input position.
std::vector<Row> Expected(std::vector<Row> rows, bool ascending, bool nulls_first) {
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a[0].is_null() && b[0].is_null()) return false;
    if (a[0].is_null()) return nulls_first;
    if (b[0].is_null()) return !nulls_first;
    return ascending ? a[0].as_int() < b[0].as_int() : a[0].as_int() > b[0].as_int();
  });
  return rows;
}

TEST(SortTest, AscendingNullsFirstIsStable) {
  auto rows = Shuffled(5000);
  auto plan = SortPlan(Local("k INT, i INT", rows, 100), {{"k", true, true}});
  EXPECT_EQ(RunPlan(plan, 1), Expected(rows, true, true));
  EXPECT_EQ(RunPlan(plan, 4), Expected(rows, true, true));
}

TEST(SortTest, DescendingNullsLast) {
  auto rows = Shuffled(3000);
  auto plan = SortPlan(Local("k INT, i INT", rows, 128), {{"k", false, false}});
  EXPECT_EQ(RunPlan(plan, 4), Expected(rows, false, false));
}

TEST(SortTest, MultipleKeysAndStrings) {
  std::vector<Row> rows = {{Value("b"), Value(2)}, {Value("a"), Value(3)}, {Value(), Value(1)},
                           {Value("b"), Value(1)}, {Value("ab"), Value(0)}};
  auto plan = SortPlan(Local("s STRING, n INT", rows), {{"s", true, false}, {"n", false, true}});
  EXPECT_EQ(RunPlan(plan), (std::vector<Row>{{Value("a"), Value(3)}, {Value("ab"), Value(0)}, {Value("b"), Value(2)},
                                         {Value("b"), Value(1)}, {Value(), Value(1)}}));
}

TEST(SortTest, EmptyInput) { EXPECT_TRUE(RunPlan(SortPlan(Local("k INT", {}), {{"k"}})).empty()); }

TEST(TopNTest, SortThenLimitWithOffset) {
  auto rows = Shuffled(20000);
  auto expected = Expected(rows, true, true);
  auto plan = LimitPlan(SortPlan(Local("k INT, i INT", rows, 512), {{"k", true, true}}), 25, 10);
  std::vector<Row> want(expected.begin() + 10, expected.begin() + 35);
  EXPECT_EQ(RunPlan(plan, 1), want);
  EXPECT_EQ(RunPlan(plan, 4), want);
  EXPECT_TRUE(RunPlan(LimitPlan(SortPlan(Local("k INT", {}), {{"k"}}), 5)).empty());
}

TEST(SortTest, SpillsUnderMemoryLimit) {
  auto dir = std::filesystem::temp_directory_path() / "lakestream_sort_spill_test";
  std::filesystem::create_directories(dir);
  auto rows = Shuffled(200000);
  auto plan = SortPlan(Local("k INT, i INT", rows, 4096), {{"k", true, true}});
  QueryContext ctx;
  ctx.num_threads = 2;
  ctx.memory_limit_bytes = 1 << 20;
  ctx.spill_directory = dir.string();
  EXPECT_EQ(BatchesToRows(ExecutePlan(plan, ctx)), Expected(rows, true, true));
  EXPECT_TRUE(std::filesystem::is_empty(dir));  // spill files are removed
}

TEST(SortTest, MemoryLimitWithoutSpillDirectoryRaises) {
  auto plan = SortPlan(RangePlan(0, 1000000), {{"id", false, true}});
  QueryContext ctx;
  ctx.memory_limit_bytes = 1 << 20;
  try {
    ExecutePlan(plan, ctx);
    FAIL() << "expected MEMORY_LIMIT_EXCEEDED";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "MEMORY_LIMIT_EXCEEDED");
    EXPECT_NE(e.message().find("Sort"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace lakestream::exec_test
