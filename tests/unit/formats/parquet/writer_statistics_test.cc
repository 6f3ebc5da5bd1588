// Statistics the writer puts in column chunks and the page index, in
// parquet-format's type-defined orders: signed integers, unsigned bytewise
// strings and binary, decimals by value, floats without NaN and with the
// -0.0/+0.0 rule; deprecated min/max only where their signed order agrees.
#include <gtest/gtest.h>

#include <limits>

#include "formats/parquet/column_index_builder.h"
#include "formats/parquet/parquet_writer.h"
#include "formats/parquet/value_statistics.h"
#include "unit/formats/format_test_fixture.h"
#include "unit/formats/parquet/written_parquet_file.h"

namespace lakestream::parquet {
namespace {

class WriterStatisticsTest : public FormatTest {
 protected:
  // Chunk statistics of one column `c` holding `values`.
  Statistics StatsOf(const DataTypePtr& type, const std::vector<Value>& values, const FormatOptions& options = {}) {
    auto schema = std::make_shared<Schema>(std::vector<Field>{Field("c", type)});
    std::string path = Path("s.parquet");
    WriteParquetFile(path, schema, {RecordBatch::Make(schema, {MakeArrayFromValues(type, values)})}, options);
    file_ = std::make_unique<WrittenParquetFile>(path);
    return *file_->Column(0, 0).statistics;
  }

  std::unique_ptr<WrittenParquetFile> file_;
};

std::string BigEndian(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

TEST_F(WriterStatisticsTest, IntegersAreSignedWithLegacyFields) {
  Statistics s = StatsOf(DataType::Int(), {Value(5), Value(-7), Value(), Value(3)});
  EXPECT_EQ(s.min_value, StatBytesOf<int32_t>(-7));
  EXPECT_EQ(s.max_value, StatBytesOf<int32_t>(5));
  EXPECT_EQ(s.min, s.min_value);
  EXPECT_EQ(s.max, s.max_value);
  EXPECT_EQ(s.null_count, 1);
}

TEST_F(WriterStatisticsTest, SmallIntegersAndDatesAreStoredAsInt32) {
  Statistics s = StatsOf(DataType::Byte(), {Value(-128), Value(127)});
  EXPECT_EQ(s.min_value, StatBytesOf<int32_t>(-128));
  EXPECT_EQ(s.max_value, StatBytesOf<int32_t>(127));
  s = StatsOf(DataType::Date(), {Value(-1), Value(19000)});
  EXPECT_EQ(s.min_value, StatBytesOf<int32_t>(-1));
  s = StatsOf(DataType::Timestamp(), {Value(int64_t{-5}), Value(int64_t{1700000000000000})});
  EXPECT_EQ(s.max_value, StatBytesOf<int64_t>(1700000000000000));
}

TEST_F(WriterStatisticsTest, StringsCompareAsUnsignedBytesWithoutLegacyFields) {
  // "é" is 0xC3 0xA9: above "z" unsigned, below it as signed bytes.
  Statistics s = StatsOf(DataType::String(), {Value("m"), Value("\xC3\xA9"), Value("a"), Value("z")});
  EXPECT_EQ(s.min_value, "a");
  EXPECT_EQ(s.max_value, "\xC3\xA9");
  EXPECT_FALSE(s.min.has_value());
  EXPECT_FALSE(s.max.has_value());
  s = StatsOf(DataType::Binary(), {Value(std::string("\x00\x01", 2)), Value(std::string("\xFF")), Value("")});
  EXPECT_EQ(s.min_value, "");
  EXPECT_EQ(s.max_value, "\xFF");
}

TEST_F(WriterStatisticsTest, DecimalsCompareByValue) {
  auto type = DataType::Decimal(38, 2);
  Statistics s = StatsOf(type, {Value::Decimal(1), Value::Decimal(-1), Value::Decimal(0)});
  // 16-byte big-endian two's complement; -1 is all 0xFF bytes yet the minimum.
  EXPECT_EQ(s.min_value, std::string(16, '\xFF'));
  EXPECT_EQ(s.max_value, std::string(15, '\0') + '\1');
  EXPECT_FALSE(s.min.has_value());
  s = StatsOf(DataType::Decimal(20, 0), {Value::Decimal(-256), Value::Decimal(255)});
  // Precision 20 needs 9 bytes.
  EXPECT_EQ(s.min_value, BigEndian({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00}));
  EXPECT_EQ(s.max_value, BigEndian({0, 0, 0, 0, 0, 0, 0, 0, 0xFF}));
  s = StatsOf(DataType::Decimal(9, 2), {Value::Decimal(-12345), Value::Decimal(99)});
  EXPECT_EQ(s.min_value, StatBytesOf<int32_t>(-12345));
  EXPECT_EQ(s.min, s.min_value);
  s = StatsOf(DataType::Decimal(18, 2), {Value::Decimal(-12345), Value::Decimal(99)});
  EXPECT_EQ(s.max_value, StatBytesOf<int64_t>(99));
}

TEST_F(WriterStatisticsTest, FloatsIgnoreNanAndWriteSignedZeros) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Statistics s = StatsOf(DataType::Double(), {Value(nan), Value(2.5), Value(-1.0), Value(nan)});
  EXPECT_EQ(s.min_value, StatBytesOf<double>(-1.0));
  EXPECT_EQ(s.max_value, StatBytesOf<double>(2.5));
  s = StatsOf(DataType::Double(), {Value(0.0), Value(-0.0)});
  EXPECT_EQ(s.min_value, StatBytesOf<double>(-0.0));
  EXPECT_EQ(s.max_value, StatBytesOf<double>(0.0));
  s = StatsOf(DataType::Float(), {Value(-0.0), Value(3.0)});
  EXPECT_EQ(s.min_value, StatBytesOf<float>(-0.0f));
  EXPECT_EQ(s.max_value, StatBytesOf<float>(3.0f));
  s = StatsOf(DataType::Float(), {Value(-4.0), Value(0.0)});
  EXPECT_EQ(s.max_value, StatBytesOf<float>(0.0f));
}

TEST_F(WriterStatisticsTest, OnlyNanLeavesNoBoundsAndNoColumnIndex) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Statistics s = StatsOf(DataType::Double(), {Value(nan), Value()});
  EXPECT_FALSE(s.min_value.has_value());
  EXPECT_EQ(s.null_count, 1);
  EXPECT_FALSE(file_->Chunk(0, 0).column_index_offset.has_value());
  EXPECT_TRUE(file_->Chunk(0, 0).offset_index_offset.has_value());
}

TEST_F(WriterStatisticsTest, NestedNullsCountEveryEntryWithoutValue) {
  auto type = DataType::Array(DataType::Int());
  Statistics s = StatsOf(type, {Value::List({Value(1), Value()}), Value(), Value::List({})});
  EXPECT_EQ(s.null_count, 3);
  EXPECT_EQ(s.min_value, StatBytesOf<int32_t>(1));
}

TEST_F(WriterStatisticsTest, HugeBoundsAreDroppedFromChunkButTruncatedInColumnIndex) {
  std::string big(5000, 'q');
  Statistics s = StatsOf(DataType::String(), {Value(big), Value("a")});
  EXPECT_FALSE(s.max_value.has_value());
  EXPECT_EQ(s.null_count, 0);
  ColumnIndex index = file_->ColumnIndexOf(0, 0);
  EXPECT_EQ(index.min_values[0], "a");
  EXPECT_EQ(index.max_values[0], std::string(63, 'q') + 'r');
}

TEST(ValueStatisticsTest, MergeKeepsOwnCopiesOfBorrowedStrings) {
  ValueStatistics<std::string_view> page, chunk;
  {
    std::string a = "kiwi", b = "apple";
    std::string_view values[] = {a, b};
    page.Update(values, 2);
    page.AddNulls(2);
  }
  chunk.Merge(page);
  std::string_view more[] = {"zebra"};
  chunk.Update(more, 1);
  EXPECT_EQ(chunk.min(), "apple");
  EXPECT_EQ(chunk.max(), "zebra");
  EXPECT_EQ(chunk.null_count(), 2);
}

TEST(ColumnIndexTruncationTest, BoundsStayBoundsAfterTruncation) {
  EXPECT_EQ(TruncateLowerBound("abcdef", 3, false), "abc");
  EXPECT_EQ(TruncateUpperBound("abcdef", 3, false), "abd");
  EXPECT_EQ(TruncateUpperBound("ab", 3, false), "ab");
  // 0xFF cannot be incremented: the byte before it is.
  EXPECT_EQ(TruncateUpperBound("a\xFF\xFF\xFF", 3, false), "b");
  EXPECT_EQ(TruncateUpperBound("\xFF\xFF\xFF\xFF", 3, false), "\xFF\xFF\xFF\xFF");
  // UTF-8 is cut between characters ("é" is two bytes) and only ASCII is incremented.
  EXPECT_EQ(TruncateLowerBound("ab\xC3\xA9z", 3, true), "ab");
  EXPECT_EQ(TruncateUpperBound("ab\xC3\xA9z", 3, true), "ac");
  EXPECT_EQ(TruncateUpperBound("\xC3\xA9\xC3\xA9", 3, true), "\xC3\xA9\xC3\xA9");
  EXPECT_EQ(TruncateUpperBound("a~~~", 3, true), "a~\x7F");
}

TEST(ColumnIndexBuilderTest, AllNullPagesAreMarkedAndIgnoredForOrder) {
  ColumnIndexBuilder<int32_t> builder(0, false);
  ValueStatistics<int32_t> a, nulls, b;
  int32_t av[] = {5, 1}, bv[] = {3, 9};
  a.Update(av, 2);
  nulls.AddNulls(4);
  b.Update(bv, 2);
  builder.AddPage(a, true);
  builder.AddPage(nulls, false);
  builder.AddPage(b, true);
  auto index = builder.Finish();
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(index->null_pages, (std::vector<bool>{false, true, false}));
  EXPECT_EQ(index->null_counts, (std::vector<int64_t>{0, 4, 0}));
  EXPECT_EQ(index->min_values[0], StatBytesOf<int32_t>(1));
  EXPECT_EQ(index->max_values[2], StatBytesOf<int32_t>(9));
  EXPECT_EQ(index->boundary_order, BoundaryOrder::kAscending);
  // Finish starts a new chunk.
  builder.AddPage(b, true);
  builder.AddPage(a, true);
  EXPECT_EQ(builder.Finish()->boundary_order, BoundaryOrder::kDescending);
}

}  // namespace
}  // namespace lakestream::parquet
