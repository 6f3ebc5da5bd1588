// Line-aligned splits: reading a file as many byte ranges gives the same rows
// as reading it whole, for every split size.
#include "format_test_fixture.h"

#include "formats/csv_format.h"

namespace lakestream {
namespace {

using SplitTest = FormatTest;

std::vector<Row> ReadInRanges(const FormatTest& t, const std::string& format, const std::string& file,
                              int64_t size, int64_t step, const SchemaPtr& schema, const FormatOptions& options,
                              const EvalContext& ctx) {
  std::vector<Row> rows;
  for (const auto& split : SplitByteRanges(file, size, step)) {
    std::vector<RecordBatchPtr> batches;
    FindFileFormat(format).Read(split, schema, options, ctx, [&](RecordBatchPtr b) {
      batches.push_back(b);
      return true;
    });
    auto part = BatchesToRows(batches);
    rows.insert(rows.end(), part.begin(), part.end());
  }
  (void)t;
  return rows;
}

// Compares row lists with a readable message (gtest prints Rows as bytes).
std::string Describe(const std::vector<Row>& rows) {
  std::string s = std::to_string(rows.size()) + " rows:";
  for (size_t i = 0; i < rows.size() && i < 20; ++i) s += " " + rows[i].ToString();
  return s;
}

TEST_F(SplitTest, CsvSplitsReadEveryRowOnce) {
  std::string text = "id,name\n";
  for (int i = 0; i < 300; ++i) text += std::to_string(i) + ",name" + std::string(i % 7, 'x') + "\n";
  text += "300,last";  // no trailing newline
  auto f = WriteText("a.csv", text);
  auto schema = Ddl("id INT, name STRING");
  FormatOptions options{{"header", "true"}};
  auto whole = Read("csv", f, schema, options);
  ASSERT_EQ(whole.size(), 301u);
  for (int64_t step : {1, 2, 3, 7, 10, 64, 1000, 100000}) {
    EXPECT_EQ(Describe(ReadInRanges(*this, "csv", f, static_cast<int64_t>(text.size()), step, schema, options, ctx_)),
              Describe(whole))
        << "step " << step;
  }
}

TEST_F(SplitTest, CsvSplitsWithCrLfAndCustomLineSep) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += std::to_string(i) + "\r\n";
  auto f = WriteText("a.csv", text);
  auto schema = Ddl("v INT");
  auto whole = Read("csv", f, schema);
  ASSERT_EQ(whole.size(), 50u);
  for (int64_t step : {1, 3, 5, 11}) {
    EXPECT_EQ(Describe(ReadInRanges(*this, "csv", f, static_cast<int64_t>(text.size()), step, schema, {}, ctx_)),
              Describe(whole));
  }
  std::string sep_text;
  for (int i = 0; i < 50; ++i) sep_text += std::to_string(i) + "<>";
  auto g = WriteText("b.csv", sep_text);
  FormatOptions o{{"lineSep", "<>"}};
  auto whole_sep = Read("csv", g, schema, o);
  ASSERT_EQ(whole_sep.size(), 50u);
  for (int64_t step : {1, 2, 3, 5, 11}) {
    EXPECT_EQ(Describe(ReadInRanges(*this, "csv", g, static_cast<int64_t>(sep_text.size()), step, schema, o, ctx_)),
              Describe(whole_sep))
        << "step " << step;
  }
}

TEST_F(SplitTest, JsonSplitsReadEveryRowOnce) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "{\"i\":" + std::to_string(i) + ",\"s\":\"" + std::string(i % 5, 'y') + "\"}\n";
  auto f = WriteText("a.json", text);
  auto schema = Ddl("i BIGINT, s STRING");
  auto whole = Read("json", f, schema);
  ASSERT_EQ(whole.size(), 200u);
  for (int64_t step : {1, 4, 9, 33, 4096}) {
    EXPECT_EQ(Describe(ReadInRanges(*this, "json", f, static_cast<int64_t>(text.size()), step, schema, {}, ctx_)),
              Describe(whole))
        << "step " << step;
  }
}

TEST_F(SplitTest, SplitPlanning) {
  auto f = WriteText("a.csv", std::string(100, 'x'));
  auto splits = FindFileFormat("csv").Split(f, {});
  ASSERT_EQ(splits.size(), 1u);
  EXPECT_EQ(splits[0].length, 100);
  auto ranges = SplitByteRanges(f, 66, 32);
  ASSERT_EQ(ranges.size(), 2u);  // 32, 34: a tail under 10% joins the last range
  EXPECT_EQ(ranges[1].offset, 32);
  EXPECT_EQ(ranges[1].length, 34);
  EXPECT_EQ(FindFileFormat("csv").Split(f, {{"multiLine", "true"}})[0].length, -1);
  auto empty = WriteText("e.csv", "");
  EXPECT_EQ(FindFileFormat("json").Split(empty, {}).size(), 1u);
  EXPECT_ROWS(Read("csv", empty, Ddl("a INT")), {});
}

}  // namespace
}  // namespace lakestream
