// spark.read.parquet / df.write.parquet / SQL over Parquet files, end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "lakestream/lakestream.h"

namespace lakestream {
namespace {

namespace fs = std::filesystem;
using namespace functions;  // NOLINT

class ParquetIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ls_pq_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    session_ = std::make_unique<Session>(
        Session::builder().threads(2).warehouseDir((dir_ / "wh").string()).getOrCreate());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  static std::vector<std::string> Strings(const std::vector<Row>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.ToString());
    std::sort(out.begin(), out.end());
    return out;
  }

  static std::string ErrorClass(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const UserError& e) {
      return e.error_class();
    }
    return "no error";
  }

  DataFrame Sample() const {
    return session_->createDataFrame(
        {Row{1, "oslo", 2.5, Value::List({Value(1), Value(2)})}, Row{2, "rome", Value(), Value::List({})},
         Row{3, "oslo", 7.0, Value()}},
        "id INT, city STRING, amount DOUBLE, tags ARRAY<INT>");
  }

  fs::path dir_;
  std::unique_ptr<Session> session_;
};

TEST_F(ParquetIoTest, WriteThenReadBackEveryColumn) {
  Sample().write().parquet(Path("t"));
  auto back = session_->read().parquet(Path("t"));
  EXPECT_EQ(back.schema().ToString(), "struct<id:int,city:string,amount:double,tags:array<int>>");
  EXPECT_EQ(Strings(back.collect()), Strings(Sample().collect()));
}

TEST_F(ParquetIoTest, SaveModesAndCompressionOption) {
  Sample().write().option("compression", "zstd").parquet(Path("t"));
  EXPECT_EQ(ErrorClass([&] { Sample().write().parquet(Path("t")); }), "PATH_ALREADY_EXISTS");
  Sample().write().mode("append").option("compression", "gzip").parquet(Path("t"));
  EXPECT_EQ(session_->read().parquet(Path("t")).count(), 6);
  Sample().write().mode("overwrite").parquet(Path("t"));
  EXPECT_EQ(session_->read().parquet(Path("t")).count(), 3);
  Sample().write().mode("ignore").parquet(Path("t"));
  EXPECT_EQ(session_->read().parquet(Path("t")).count(), 3);
  EXPECT_EQ(ErrorClass([&] { Sample().write().mode("overwrite").option("compression", "lzma").parquet(Path("u")); }),
            "CODEC_NOT_AVAILABLE");
}

TEST_F(ParquetIoTest, PartitionByWritesHiveDirectoriesReadBackAsColumns) {
  Sample().write().partitionBy({"city"}).parquet(Path("p"));
  EXPECT_TRUE(fs::is_directory(dir_ / "p" / "city=oslo"));
  auto back = session_->read().parquet(Path("p"));
  EXPECT_EQ(back.columns(), (std::vector<std::string>{"id", "amount", "tags", "city"}));
  EXPECT_EQ(back.filter(col("city") == lit("oslo")).count(), 2);
}

TEST_F(ParquetIoTest, ManyFilesGlobsAndMergeSchema) {
  session_->createDataFrame({Row{1, "a"}}, "id INT, s STRING").write().parquet(Path("m/one"));
  session_->createDataFrame({Row{2, 9.5}}, "id INT, x DOUBLE").write().parquet(Path("m/two"));
  EXPECT_EQ(session_->read().parquet(std::vector<std::string>{Path("m/one"), Path("m/two")}).count(), 2);
  EXPECT_EQ(session_->read().parquet(Path("m/*/*.parquet")).count(), 2);
  auto merged = session_->read().option("mergeSchema", "true").parquet(Path("m"));
  EXPECT_EQ(merged.schema().ToString(), "struct<id:int,s:string,x:double>");
  EXPECT_EQ(Strings(merged.collect()), (std::vector<std::string>{"[1,a,null]", "[2,null,9.5]"}));
}

TEST_F(ParquetIoTest, SqlReadsParquetPathsAndReadFiles) {
  Sample().write().parquet(Path("t"));
  auto direct = session_->sql("SELECT city, count(*) AS n FROM parquet.`" + Path("t") + "` GROUP BY city");
  EXPECT_EQ(Strings(direct.collect()), (std::vector<std::string>{"[oslo,2]", "[rome,1]"}));
  auto rf = session_->sql("SELECT sum(amount) FROM read_files('" + Path("t") + "', format => 'parquet')");
  EXPECT_EQ(rf.collect()[0].ToString(), "[9.5]");
}

TEST_F(ParquetIoTest, ScansReadOnlyNeededColumnsAndSkipRowGroups) {
  // 4 row groups of 1000 ids; a selective filter must skip row groups by statistics.
  session_->range(4000).write().option("parquet.block.row.count.limit", "1000").parquet(Path("r"));
  auto q = session_->read().parquet(Path("r")).filter(col("id") == lit(int64_t{3500})).select("id");
  EXPECT_EQ(q.count(), 1);
  std::string plan = q.explainString(false);
  EXPECT_NE(plan.find("PushedFilters"), std::string::npos) << plan;
}

TEST_F(ParquetIoTest, ATruncatedFileIsAClearErrorNamingIt) {
  Sample().write().parquet(Path("t"));
  for (const auto& e : fs::directory_iterator(dir_ / "t")) {
    if (e.path().extension() == ".parquet") fs::resize_file(e.path(), fs::file_size(e.path()) / 2);
  }
  try {
    session_->read().parquet(Path("t")).collect();
    FAIL() << "expected an error";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find(".parquet"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace lakestream
