// ColumnChunkReader on column chunks built page by page: records that span
// pages, batches cut inside pages, dictionary and v2 pages, and the checks
// that turn broken pages into clear errors.
#include "formats/parquet/column_chunk_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <cstring>
#include <fstream>

#include "formats/local_file.h"
#include "unit/formats/parquet/schema_element_builders.h"

namespace lakestream::parquet {
namespace {

std::string Rle(int bit_width, const std::vector<uint32_t>& values) {
  RleBitPackedEncoder encoder(bit_width);
  for (uint32_t v : values) encoder.Put(v);
  std::string out;
  encoder.Finish(&out);
  return out;
}

// v1 levels: a 4-byte length, then the RLE runs.
std::string V1Levels(int bit_width, const std::vector<uint32_t>& values) {
  std::string runs = Rle(bit_width, values);
  uint32_t length = static_cast<uint32_t>(runs.size());
  return std::string(reinterpret_cast<const char*>(&length), 4) + runs;
}

std::string PlainInts(const std::vector<int32_t>& values) {
  return std::string(reinterpret_cast<const char*>(values.data()), values.size() * 4);
}

std::string Page(PageHeader header, const std::string& body, bool with_crc = false) {
  header.compressed_page_size = header.uncompressed_page_size = static_cast<int32_t>(body.size());
  if (with_crc) {
    header.crc = static_cast<int32_t>(crc32(0L, reinterpret_cast<const Bytef*>(body.data()), body.size()));
  }
  return EncodePageHeader(header) + body;
}

std::string DataPageV1(int32_t num_values, const std::string& body, Encoding encoding = Encoding::kPlain) {
  PageHeader h;
  h.type = PageType::kDataPage;
  h.data_page_header = DataPageHeader{num_values, encoding, Encoding::kRle, Encoding::kRle, std::nullopt};
  return Page(h, body);
}

std::string DictionaryPage(int32_t num_values, const std::string& body) {
  PageHeader h;
  h.type = PageType::kDictionaryPage;
  h.dictionary_page_header = DictionaryPageHeader{num_values, Encoding::kPlain, std::nullopt};
  return Page(h, body);
}

class ChunkReaderTest : public ::testing::Test {
 protected:
  void TearDown() override {
    if (!path_.empty()) std::filesystem::remove(path_);
  }

  // Writes `chunk` after the file's leading magic and reads it as the only
  // leaf of `fields`, `batch` records at a time, until `rows` are read.
  void Open(const std::vector<SchemaElement>& fields, const std::string& chunk, int64_t rows) {
    schema_ = std::make_unique<ParquetSchema>(Meta(fields), "t.parquet");
    path_ = (std::filesystem::temp_directory_path() / ("ls_chunk_" + std::to_string(::getpid()))).string();
    std::ofstream(path_, std::ios::binary) << "PAR1" << chunk << "PAR1";
    file_ = std::make_unique<LocalFile>(path_);
    meta_.type = schema_->leaves()[0].physical_type;
    meta_.data_page_offset = 4;
    meta_.total_compressed_size = static_cast<int64_t>(chunk.size());
    reader_ = std::make_unique<ColumnChunkReader>(*file_, meta_, schema_->leaves()[0], rows, nullptr, "column `x`");
  }

  std::unique_ptr<ParquetSchema> schema_;
  std::string path_;
  std::unique_ptr<LocalFile> file_;
  ColumnMetaData meta_;
  std::unique_ptr<ColumnChunkReader> reader_;
};

std::vector<int32_t> Ints(const LeafBatch& b) {
  std::vector<int32_t> out(b.num_values);
  if (b.num_values > 0) std::memcpy(out.data(), b.values->data(), out.size() * 4);
  return out;
}

TEST_F(ChunkReaderTest, FlatOptionalColumnAcrossPagesAndBatches) {
  // Rows: 1, NULL, 2 | 3, NULL
  std::string chunk = DataPageV1(3, V1Levels(1, {1, 0, 1}) + PlainInts({1, 2})) +
                      DataPageV1(2, V1Levels(1, {1, 0}) + PlainInts({3}));
  Open({Leaf("x", PhysicalType::kInt32)}, chunk, 5);
  LeafBatch b;
  reader_->ReadRecords(2, &b);  // ends inside the first page
  EXPECT_EQ(b.num_levels, 2);
  EXPECT_EQ(Ints(b), (std::vector<int32_t>{1}));
  EXPECT_EQ(b.null_count, 1);
  reader_->ReadRecords(3, &b);  // the rest of page 1 and all of page 2
  EXPECT_EQ(b.num_levels, 3);
  EXPECT_EQ(Ints(b), (std::vector<int32_t>{2, 3}));
  ASSERT_TRUE(b.validity);
  EXPECT_EQ(b.validity->data()[0] & 7, 0b011);
}

TEST_F(ChunkReaderTest, RecordsContinueAcrossPageBoundaries) {
  // repeated int32 x: [1, 2, 3], [4], [5, 6]; page 1 ends inside the first record.
  std::string chunk = DataPageV1(2, V1Levels(1, {0, 1}) + V1Levels(1, {1, 1}) + PlainInts({1, 2})) +
                      DataPageV1(4, V1Levels(1, {1, 0, 0, 1}) + V1Levels(1, {1, 1, 1, 1}) + PlainInts({3, 4, 5, 6}));
  Open({Leaf("x", PhysicalType::kInt32, Repetition::kRepeated)}, chunk, 3);
  LeafBatch b;
  reader_->ReadRecords(1, &b);
  EXPECT_EQ(b.rep_levels, (std::vector<int16_t>{0, 1, 1}));
  EXPECT_EQ(Ints(b), (std::vector<int32_t>{1, 2, 3}));
  reader_->ReadRecords(2, &b);
  EXPECT_EQ(b.rep_levels, (std::vector<int16_t>{0, 0, 1}));
  EXPECT_EQ(Ints(b), (std::vector<int32_t>{4, 5, 6}));
}

TEST_F(ChunkReaderTest, DictionaryPagesAndIndexChecks) {
  std::string dictionary = DictionaryPage(3, PlainInts({10, 20, 30}));
  std::string indices = std::string(1, '\x02') + Rle(2, {2, 0, 1, 1});
  Open({Leaf("x", PhysicalType::kInt32, Repetition::kRequired)},
       dictionary + DataPageV1(4, indices, Encoding::kRleDictionary), 4);
  LeafBatch b;
  reader_->ReadRecords(4, &b);
  EXPECT_EQ(Ints(b), (std::vector<int32_t>{30, 10, 20, 20}));

  std::string bad = std::string(1, '\x02') + Rle(2, {2, 3});
  Open({Leaf("x", PhysicalType::kInt32, Repetition::kRequired)},
       dictionary + DataPageV1(2, bad, Encoding::kRleDictionary), 2);
  try {
    reader_->ReadRecords(2, &b);
    FAIL();
  } catch (const ParquetCorruptError& e) {
    EXPECT_NE(e.message().find("dictionary index 3 is out of range"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("column `x`"), std::string::npos);
  }
  Open({Leaf("x", PhysicalType::kInt32, Repetition::kRequired)}, DataPageV1(2, bad, Encoding::kRleDictionary), 2);
  EXPECT_THROW(reader_->ReadRecords(2, &b), ParquetCorruptError);  // no dictionary page
}

TEST_F(ChunkReaderTest, DataPageV2WithAnEmptyValueSection) {
  // Two NULL rows: levels only, values section empty (never fed to a codec).
  PageHeader h;
  h.type = PageType::kDataPageV2;
  std::string def = Rle(1, {0, 0});
  h.data_page_header_v2 = DataPageHeaderV2{2, 2, 2, Encoding::kPlain, static_cast<int32_t>(def.size()), 0, true, {}};
  std::string chunk = Page(h, def);
  Open({Leaf("x", PhysicalType::kDouble)}, chunk, 2);
  meta_.codec = Codec::kSnappy;
  reader_ = std::make_unique<ColumnChunkReader>(*file_, meta_, schema_->leaves()[0], 2, nullptr, "column `x`");
  LeafBatch b;
  reader_->ReadRecords(2, &b);
  EXPECT_EQ(b.num_levels, 2);
  EXPECT_EQ(b.num_values, 0);
  EXPECT_EQ(b.null_count, 2);
}

TEST_F(ChunkReaderTest, BrokenPagesAreCorruptErrors) {
  LeafBatch b;
  auto expect_error = [&](const std::string& chunk, const std::vector<SchemaElement>& fields, int64_t rows,
                          const std::string& text) {
    Open(fields, chunk, rows);
    try {
      reader_->ReadRecords(rows, &b);
      FAIL() << "expected: " << text;
    } catch (const ParquetCorruptError& e) {
      EXPECT_NE(e.message().find(text), std::string::npos) << e.message();
    }
  };
  auto optional = std::vector<SchemaElement>{Leaf("x", PhysicalType::kInt32)};
  auto repeated = std::vector<SchemaElement>{Leaf("x", PhysicalType::kInt32, Repetition::kRepeated)};
  // Levels that stop before the page's value count: one RLE run of two 1s.
  std::string two_ones("\x02\x00\x00\x00\x04\x01", 6);
  expect_error(DataPageV1(5, two_ones + PlainInts({1, 2})), optional, 5, "levels end after 2");
  // A level above the column's maximum (2, so levels have 2 bits).
  expect_error(DataPageV1(2, V1Levels(2, {1, 3}) + PlainInts({1})), {Group("s", 1), Leaf("x", PhysicalType::kInt32)},
               2, "level of 3 exceeds the column's maximum of 2");
  // A chunk starting in the middle of a record.
  expect_error(DataPageV1(1, V1Levels(1, {1}) + V1Levels(1, {1}) + PlainInts({1})), repeated, 1,
               "first repetition level is 1");
  // Fewer values than present levels.
  expect_error(DataPageV1(2, V1Levels(1, {1, 1}) + PlainInts({1})), optional, 2, "fewer values");
  // Fewer records than the row group says.
  expect_error(DataPageV1(1, V1Levels(1, {1}) + PlainInts({1})), optional, 3, "ends after 1 rows");
  // A page CRC that does not match.
  PageHeader h;
  h.type = PageType::kDataPage;
  h.data_page_header = DataPageHeader{1, Encoding::kPlain, Encoding::kRle, Encoding::kRle, std::nullopt};
  std::string page = Page(h, V1Levels(1, {1}) + PlainInts({7}), true);
  page.back() ^= 1;
  expect_error(page, optional, 1, "CRC");
  // A negative dictionary size.
  expect_error(DictionaryPage(-1, ""), optional, 1, "negative");
}

}  // namespace
}  // namespace lakestream::parquet
