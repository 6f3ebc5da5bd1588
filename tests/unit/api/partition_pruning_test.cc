// Partition pruning: a filter on a Hive partition column keeps the scan out
// of the other partitions' files entirely. Shown by corrupting the files of
// the partitions a query must not touch: reading them would fail.
#include <gtest/gtest.h>

#include <filesystem>

#include "lakestream/lakestream.h"

namespace lakestream {
namespace {

namespace fs = std::filesystem;
using namespace functions;  // NOLINT

class PartitionPruningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ls_prune_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    session_ = std::make_unique<Session>(Session::builder().threads(2).getOrCreate());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Halves every data file under `partition`, so reading it raises an error.
  void Corrupt(const fs::path& partition) {
    int corrupted = 0;
    for (const auto& e : fs::directory_iterator(partition)) {
      if (e.path().extension() != ".parquet") continue;
      fs::resize_file(e.path(), fs::file_size(e.path()) / 2);
      ++corrupted;
    }
    ASSERT_GT(corrupted, 0) << partition;
  }

  fs::path dir_;
  std::unique_ptr<Session> session_;
};

TEST_F(PartitionPruningTest, FiltersOnPartitionColumnsSkipOtherPartitionsFiles) {
  session_->createDataFrame({Row{1, "oslo", 1}, Row{2, "rome", 2}, Row{3, "oslo", 3}, Row{4, Value(), 4}},
                            "id INT, city STRING, year INT")
      .write()
      .partitionBy({"city", "year"})
      .parquet((dir_ / "t").string());
  Corrupt(dir_ / "t" / "city=rome" / "year=2");
  auto t = session_->read().parquet((dir_ / "t").string());
  EXPECT_EQ(t.filter(col("city") == lit("oslo")).count(), 2);
  EXPECT_EQ(t.filter(col("year") >= lit(3)).count(), 2);
  EXPECT_EQ(t.filter(col("city").isin({lit("oslo"), lit("paris")})).count(), 2);
  EXPECT_EQ(t.filter(col("city").isNull()).count(), 1);
  EXPECT_EQ(session_->sql("SELECT sum(id) FROM parquet.`" + (dir_ / "t").string() + "` WHERE year IN (1, 3)")
                .collect()[0]
                .ToString(),
            "[4]");
  // The corrupt partition is still read when a query needs it.
  EXPECT_THROW(t.filter(col("year") == lit(2)).count(), UserError);
  EXPECT_THROW(t.count(), UserError);
}

}  // namespace
}  // namespace lakestream
