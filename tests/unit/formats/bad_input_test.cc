// Hostile input: binary garbage, truncated files, invalid UTF-8, missing and
// unreadable files. The readers must report or tolerate, never crash.
#include "format_test_fixture.h"

#include <sys/stat.h>

namespace lakestream {
namespace {

using BadInputTest = FormatTest;

std::string Garbage(size_t n, unsigned seed) {
  std::string s;
  uint64_t x = seed * 2654435761u + 1;
  for (size_t i = 0; i < n; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    s.push_back(static_cast<char>(x & 0xFF));
  }
  return s;
}

TEST_F(BadInputTest, BinaryGarbageNeverCrashesTheReaders) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    auto f = WriteText("g" + std::to_string(seed), Garbage(3000 + seed * 37, seed));
    for (std::string mode : {"PERMISSIVE", "DROPMALFORMED"}) {
      for (std::string multi : {"false", "true"}) {
        FormatOptions o{{"mode", mode}, {"multiLine", multi}};
        EXPECT_NO_THROW(Read("csv", f, Ddl("a INT, b STRING, c DOUBLE, _corrupt_record STRING"), o));
        EXPECT_NO_THROW(Read("json", f, Ddl("a INT, b STRING, c DOUBLE, _corrupt_record STRING"), o));
        EXPECT_NO_THROW(FindFileFormat("csv").InferSchema({f}, {{"inferSchema", "true"}, {"multiLine", multi}}, ctx_));
        EXPECT_NO_THROW(FindFileFormat("json").InferSchema({f}, o, ctx_));
      }
    }
  }
}

TEST_F(BadInputTest, TruncatedJsonIsMalformed) {
  auto f = WriteText("a.json", "{\"a\":1}\n{\"a\":2,\"b\":[1,2");
  EXPECT_ROWS(Read("json", f, Ddl("a BIGINT, _corrupt_record STRING")),
              {Row{int64_t{1}, Value()}, Row{Value(), "{\"a\":2,\"b\":[1,2"}});
  auto g = WriteText("b.json", "[{\"a\":1},");
  EXPECT_ROWS(Read("json", g, Ddl("a BIGINT, _corrupt_record STRING"), {{"multiLine", "true"}}),
              {Row{Value(), "[{\"a\":1},"}});
}

TEST_F(BadInputTest, TruncatedCsvQuote) {
  auto f = WriteText("a.csv", "1,\"abc");
  EXPECT_ROWS(Read("csv", f, Ddl("a INT, b STRING"), {{"multiLine", "true"}}), {Row{1, "abc"}});
}

TEST_F(BadInputTest, InvalidUtf8InJsonIsMalformed) {
  auto f = WriteText("a.json", "{\"a\":\"\xff\xfe\"}\n{\"a\":\"ok\"}\n");
  EXPECT_ROWS(Read("json", f, Ddl("a STRING"), {{"mode", "DROPMALFORMED"}}), {Row{"ok"}});
}

TEST_F(BadInputTest, InvalidUtf8InCsvIsKeptAsBytes) {
  auto f = WriteText("a.csv", "\xff\xfe,1\n");
  auto rows = Read("csv", f, Ddl("a STRING, b INT"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][1], Value(1));
}

TEST_F(BadInputTest, MissingFileIsPathNotFound) {
  try {
    Read("csv", Path("missing.csv"), Ddl("a INT"));
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "PATH_NOT_FOUND");
    EXPECT_NE(e.message().find("missing.csv"), std::string::npos);
  }
  EXPECT_THROW(FindFileFormat("json").Split(Path("missing.json"), {}), UserError);
}

TEST_F(BadInputTest, UnreadableFileNamesTheFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file";
  auto f = WriteText("secret.csv", "1\n");
  ::chmod(f.c_str(), 0);
  try {
    Read("csv", f, Ddl("a INT"));
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "FAILED_READ_FILE");
    EXPECT_NE(e.message().find("secret.csv"), std::string::npos);
  }
}

TEST_F(BadInputTest, DirectoryIsNotAFile) {
  std::filesystem::create_directories(Path("dir.csv"));
  EXPECT_THROW(Read("csv", Path("dir.csv"), Ddl("a INT")), UserError);
}

TEST_F(BadInputTest, NulBytesAndHugeFieldCounts) {
  std::string line(50000, ',');
  auto f = WriteText("a.csv", std::string("a\0b,c\n", 6) + line + "\n");
  auto rows = Read("csv", f, Ddl("x STRING, y STRING, _corrupt_record STRING"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], Value(std::string("a\0b", 3)));
  EXPECT_FALSE(rows[1][2].is_null());
}

}  // namespace
}  // namespace lakestream
