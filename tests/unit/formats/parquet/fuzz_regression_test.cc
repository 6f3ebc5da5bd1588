// Every input with which parquet_reader_fuzzer found a reader bug
// (tests/fuzz/regressions/parquet_reader/, saved by scripts/fuzz_parquet.sh),
// replayed through the fuzzer's own reads (fuzz/parquet_fuzz_read.h): each
// file must end in a clean UserError, or read when it turned out valid. Run
// in the ASan build (make asan) this also catches the memory errors the
// fuzzer saw.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/parquet_fuzz_read.h"
#include "lakestream/error.h"

namespace lakestream::parquet {
namespace {

std::filesystem::path RegressionDir() {
  const char* source = std::getenv("LAKESTREAM_SOURCE_DIR");
  std::filesystem::path root = source ? std::filesystem::path(source)
                                      : std::filesystem::path(__FILE__).parent_path() / "../../../..";
  return root / "tests/fuzz/regressions/parquet_reader";
}

std::vector<std::filesystem::path> Findings() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(RegressionDir())) {
    if (entry.is_regular_file() && entry.path().extension() != ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ParquetFuzzRegressionTest, EveryFindingEndsInAUserError) {
  ASSERT_TRUE(std::filesystem::is_directory(RegressionDir())) << RegressionDir();
  const auto files = Findings();
  ASSERT_FALSE(files.empty()) << "no findings in " << RegressionDir();
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    try {
      fuzz::ReadParquetForFuzzing(file.string());
    } catch (const UserError& e) {
      if (e.error_class() == "PARQUET_CORRUPT_FILE") {
        EXPECT_NE(e.message().find(file.string()), std::string::npos) << "the error does not name the file: " << e.what();
      }
    }
    // Anything else thrown fails the test through gtest with its message.
  }
}

}  // namespace
}  // namespace lakestream::parquet
