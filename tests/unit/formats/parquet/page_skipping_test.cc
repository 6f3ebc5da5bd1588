// Page skipping inside a row group: RowGroupPruner::MatchingRows narrows a row
// group to the pages whose column index may match, and the reader jumps over
// the other pages with each column's offset index (or decodes and drops them
// without one). Every matching row must still come back, with its values.
#include <gtest/gtest.h>

#include "formats/parquet/parquet_file_reader.h"
#include "formats/parquet/parquet_format.h"
#include "formats/parquet/row_group_pruner.h"
#include "unit/formats/format_test_fixture.h"
#include "unit/formats/parquet/corpus_file.h"

namespace lakestream::parquet {
namespace {

using Op = ColumnPredicate::Op;

ColumnPredicate P(const std::string& column, Op op, std::vector<Value> values = {}) {
  return ColumnPredicate{column, op, std::move(values)};
}

class PageSkippingTest : public FormatTest {
 protected:
  // id 0..n-1 ascending (so the column index is selective), a dictionary
  // string with NULLs, a PLAIN string, a double with NULLs.
  std::string WriteFile(int64_t n, const FormatOptions& options) {
    schema_ = Ddl("id BIGINT, tag STRING, note STRING, x DOUBLE");
    std::vector<Row> rows;
    for (int64_t i = 0; i < n; ++i) {
      Value tag = i % 7 == 3 ? Value() : Value("tag" + std::to_string(i % 5));
      Value note = Value("note number " + std::to_string(i * 7919 % 100003) + (i % 3 == 0 ? " é" : ""));
      Value x = i % 11 == 0 ? Value() : Value(static_cast<double>(i) / 4);
      rows.push_back(Row{i, tag, note, x});
    }
    all_ = rows;
    std::string path = Path("data.parquet");
    Parquet().Write(path, schema_, RowsToBatches(schema_, rows, 4096), options, ctx_);
    return path;
  }

  static const FileFormat& Parquet() { return FindFileFormat("parquet"); }

  // The rows a filtered read returns.
  std::vector<Row> ReadFiltered(const std::string& path, const std::vector<ColumnPredicate>& predicates,
                                const SchemaPtr& schema) {
    std::vector<RecordBatchPtr> batches;
    for (const auto& split : Parquet().Split(path, {})) {
      Parquet().ReadFiltered(split, schema, {}, ctx_, ScanOptions{predicates, nullptr}, [&](RecordBatchPtr b) {
        batches.push_back(std::move(b));
        return true;
      });
    }
    return BatchesToRows(batches);
  }

  // Checks that the rows read are a run-preserving subset of all_ holding
  // every row with id in [lo, hi], and returns how many came back.
  size_t CheckSubset(const std::vector<Row>& got, int64_t lo, int64_t hi) {
    size_t matching = 0;
    int64_t last = -1;
    for (const Row& row : got) {
      int64_t id = row[0].as_int();
      EXPECT_GT(id, last) << "rows out of order or repeated";
      last = id;
      EXPECT_EQ(row, all_[static_cast<size_t>(id)]) << "row " << id;
      matching += id >= lo && id <= hi;
    }
    EXPECT_EQ(matching, static_cast<size_t>(hi - lo + 1));
    return got.size();
  }

  SchemaPtr schema_;
  std::vector<Row> all_;
};

TEST_F(PageSkippingTest, ReadsOnlyThePagesThatMayMatch) {
  std::string path = WriteFile(50000, {{"parquet.page.row.count.limit", "1000"},
                                       {"parquet.block.row.count.limit", "30000"}});
  for (auto [lo, hi] : {std::pair<int64_t, int64_t>{12345, 12399}, {0, 5}, {29990, 30010}, {49990, 49999},
                        {999, 1000}, {4000, 8999}}) {
    std::vector<ColumnPredicate> predicates{P("id", Op::kGe, {lo}), P("id", Op::kLe, {hi})};
    std::vector<Row> got = ReadFiltered(path, predicates, schema_);
    size_t n = CheckSubset(got, lo, hi);
    // Whole pages of at most 1000 rows around the range, never a row group.
    EXPECT_LE(n, static_cast<size_t>(hi - lo + 1 + 2000)) << lo << ".." << hi;
  }
  // A column subset in another order.
  SchemaPtr three = Ddl("x DOUBLE, id BIGINT, note STRING");
  std::vector<ColumnPredicate> predicates{P("id", Op::kEq, {int64_t{20500}})};
  std::vector<Row> got = ReadFiltered(path, predicates, three);
  ASSERT_EQ(got.size(), 1000u);  // the page of rows 20000..20999
  for (size_t i = 0; i < got.size(); ++i) {
    const Row& expected = all_[20000 + i];
    EXPECT_EQ(got[i][0], expected[3]);
    EXPECT_EQ(got[i][1], expected[0]);
    EXPECT_EQ(got[i][2], expected[2]);
  }
}

TEST_F(PageSkippingTest, PredicatesOnTwoColumnsIntersect) {
  std::string path = WriteFile(20000, {{"parquet.page.row.count.limit", "500"}});
  // x = id / 4 except NULLs: x <= 1050 means id <= 4200, pages of rows 0..4499;
  // id >= 4000 keeps pages from row 4000 on. (> and >= on floating columns
  // never narrow: a NaN would match them whatever the bounds say.)
  std::vector<ColumnPredicate> predicates{P("id", Op::kGe, {int64_t{4000}}), P("x", Op::kLe, {1050.0})};
  std::vector<Row> got = ReadFiltered(path, predicates, schema_);
  ASSERT_EQ(got.size(), 500u);
  for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], all_[4000 + i]);
  // Disjoint page sets: nothing is read.
  predicates = {P("id", Op::kGe, {int64_t{10000}}), P("x", Op::kLe, {25.0})};
  EXPECT_TRUE(ReadFiltered(path, predicates, schema_).empty());
}

TEST_F(PageSkippingTest, MatchingRowsFollowThePageIndex) {
  std::string path = WriteFile(10000, {{"parquet.page.row.count.limit", "1000"}});
  ParquetFileReader reader(path);
  std::vector<ColumnPredicate> predicates{P("id", Op::kGt, {int64_t{2500}}), P("id", Op::kLt, {int64_t{4000}})};
  auto rows = RowGroupPruner(reader, predicates, schema_).MatchingRows(0);
  ASSERT_TRUE(rows.has_value());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].begin, 2000);
  EXPECT_EQ((*rows)[0].end, 4000);
  // A predicate every page may match narrows nothing.
  predicates = {P("id", Op::kGe, {int64_t{0}})};
  EXPECT_FALSE(RowGroupPruner(reader, predicates, schema_).MatchingRows(0).has_value());
  // Without the column index evidence nothing is narrowed either.
  predicates = {P("id", Op::kEq, {int64_t{5}})};
  PruningEvidence no_index;
  no_index.column_index = false;
  EXPECT_FALSE(RowGroupPruner(reader, predicates, schema_, no_index).MatchingRows(0).has_value());
}

TEST_F(PageSkippingTest, ReaderSkipsRangesWithAndWithoutOffsetIndex) {
  std::string path = WriteFile(9000, {{"parquet.page.row.count.limit", "700"}});
  ParquetFileReader reader(path);
  EvalContext ctx;
  std::vector<std::vector<RowRange>> ranges{{{5, 9}, {700, 703}, {2099, 2101}, {8999, 9000}}};
  std::vector<Row> got;
  reader.Read({0}, schema_->fields(), nullptr, ctx,
              [&](std::vector<ArrayPtr> columns, int64_t rows) {
                auto batch = std::make_shared<RecordBatch>(schema_, std::move(columns), rows);
                for (int64_t r = 0; r < rows; ++r) got.push_back(batch->GetRow(r));
                return true;
              },
              &ranges);
  std::vector<int64_t> ids{5, 6, 7, 8, 700, 701, 702, 2099, 2100, 8999};
  ASSERT_EQ(got.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(got[i], all_[static_cast<size_t>(ids[i])]);
}

TEST_F(PageSkippingTest, CorpusFileWithTinyPages) {
  LS_REQUIRE_CORPUS_FILE("alltypes_tiny_pages.parquet");  // id 0..7299, many small pages
  std::string f = CorpusFile("alltypes_tiny_pages.parquet");
  SchemaPtr schema = Parquet().InferSchema({f}, {}, ctx_);
  std::vector<Row> every = Read("parquet", f, schema);
  int id = schema->FieldIndex("id");
  ASSERT_GE(id, 0);
  std::vector<ColumnPredicate> predicates{P("id", Op::kGe, {1000}), P("id", Op::kLe, {1010})};
  std::vector<Row> got = ReadFiltered(f, predicates, schema);
  EXPECT_LT(got.size(), every.size());
  size_t matching = 0;
  for (const Row& row : got) {
    int64_t v = row[id].as_int();
    matching += v >= 1000 && v <= 1010;
    // Rows come back whole and unchanged: find the same row in the full read.
    bool found = false;
    for (const Row& r : every) found = found || r == row;
    EXPECT_TRUE(found) << "row with id " << v;
  }
  EXPECT_EQ(matching, 11u);
}

}  // namespace
}  // namespace lakestream::parquet
