// FormatTest: a fixture with a fresh temporary directory and helpers to write
// input files and read them back through a FileFormat as rows.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "formats/file_format.h"
#include "lakestream/error.h"

namespace lakestream {

class FormatTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("ls_formats_" + std::to_string(::getpid()) + "_" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::string WriteText(const std::string& name, const std::string& content) const {
    std::string p = Path(name);
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  static std::string ReadText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // Reads `split` of `format` and returns its rows.
  std::vector<Row> ReadSplit(const std::string& format, const FileSplit& split, const SchemaPtr& schema,
                             const FormatOptions& options = {}) const {
    std::vector<RecordBatchPtr> batches;
    FindFileFormat(format).Read(split, schema, options, ctx_, [&](RecordBatchPtr b) {
      EXPECT_TRUE(b->schema()->Equals(*schema));
      batches.push_back(std::move(b));
      return true;
    });
    return BatchesToRows(batches);
  }

  std::vector<Row> Read(const std::string& format, const std::string& file, const SchemaPtr& schema,
                        const FormatOptions& options = {}) const {
    return ReadSplit(format, FileSplit{file}, schema, options);
  }

  // Reads every file under `path` with the inferred (or given) schema.
  std::vector<Row> ReadAll(const std::string& format, const std::string& path, SchemaPtr* schema,
                           const FormatOptions& options = {}) const {
    auto files = ListDataFiles({path});
    if (!*schema) *schema = FindFileFormat(format).InferSchema(files, options, ctx_);
    std::vector<Row> rows;
    for (const auto& f : files) {
      for (auto& split : FindFileFormat(format).Split(f, options)) {
        auto part = ReadSplit(format, split, *schema, options);
        rows.insert(rows.end(), part.begin(), part.end());
      }
    }
    return rows;
  }

  static SchemaPtr Ddl(const std::string& ddl) { return Schema::ParseDdl(ddl); }

  std::filesystem::path dir_;
  EvalContext ctx_;
};

inline std::string RowsToString(const std::vector<Row>& rows) {
  std::string s;
  for (const auto& r : rows) s += r.ToString() + "\n";
  return s;
}

#define EXPECT_ROWS(actual, ...)                                                  \
  do {                                                                            \
    std::vector<::lakestream::Row> ls_expected_ = __VA_ARGS__;                    \
    auto ls_actual_ = (actual);                                                   \
    EXPECT_EQ(ls_actual_, ls_expected_) << "actual:\n" << RowsToString(ls_actual_) \
                                        << "expected:\n" << RowsToString(ls_expected_); \
  } while (0)

}  // namespace lakestream
