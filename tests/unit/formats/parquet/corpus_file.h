// Where the parquet-testing corpus lives for tests: LAKESTREAM_PARQUET_CORPUS,
// else the shared checkout's copy.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace lakestream::parquet {

inline std::string CorpusFile(const std::string& name) {
  const char* dir = std::getenv("LAKESTREAM_PARQUET_CORPUS");
  return std::string(dir ? dir : "/work/shared/corpus/parquet") + "/" + name;
}

// Skips the calling test when the corpus file is missing.
#define LS_REQUIRE_CORPUS_FILE(name)                                                     \
  do {                                                                                   \
    if (!std::filesystem::exists(::lakestream::parquet::CorpusFile(name))) {             \
      GTEST_SKIP() << "parquet corpus file missing: " << ::lakestream::parquet::CorpusFile(name); \
    }                                                                                    \
  } while (0)

}  // namespace lakestream::parquet
