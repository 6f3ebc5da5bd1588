// Footers of the real files in the parquet-testing corpus.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "formats/parquet/compression.h"
#include "formats/parquet/metadata.h"

namespace lakestream::parquet {
namespace {

namespace fs = std::filesystem;

// LAKESTREAM_PARQUET_CORPUS overrides the shared checkout's copy.
fs::path CorpusDir() {
  const char* env = std::getenv("LAKESTREAM_PARQUET_CORPUS");
  return env != nullptr ? fs::path(env) : fs::path("/work/shared/corpus/parquet");
}

std::string ReadFileBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The footer bytes: [footer][4-byte LE length]["PAR1"] at the end of the file.
std::string Footer(const std::string& file) {
  EXPECT_GE(file.size(), 12u);
  if (file.size() < 12) return {};
  uint32_t length;
  std::memcpy(&length, file.data() + file.size() - 8, 4);
  EXPECT_EQ(file.substr(file.size() - 4), "PAR1");
  EXPECT_LE(length, file.size() - 8);
  if (length > file.size() - 8) return {};
  return file.substr(file.size() - 8 - length, length);
}

FileMetaData DecodeFooterOf(const std::string& name) {
  std::string footer = Footer(ReadFileBytes(CorpusDir() / name));
  return DecodeFileMetaData(reinterpret_cast<const uint8_t*>(footer.data()), footer.size());
}

class MetadataCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(CorpusDir() / "alltypes_plain.parquet")) {
      GTEST_SKIP() << "no parquet corpus at " << CorpusDir();
    }
  }
};

TEST_F(MetadataCorpusTest, AlltypesPlain) {
  FileMetaData f = DecodeFooterOf("alltypes_plain.parquet");
  EXPECT_EQ(f.num_rows, 8);
  ASSERT_EQ(f.schema.size(), 12u);
  EXPECT_EQ(f.schema[0].num_children, 11);
  EXPECT_FALSE(f.schema[0].type.has_value());
  const char* names[] = {"id",           "bool_col",  "tinyint_col", "smallint_col",    "int_col",
                         "bigint_col",   "float_col", "double_col",  "date_string_col", "string_col",
                         "timestamp_col"};
  const PhysicalType types[] = {PhysicalType::kInt32,     PhysicalType::kBoolean, PhysicalType::kInt32,
                                PhysicalType::kInt32,     PhysicalType::kInt32,   PhysicalType::kInt64,
                                PhysicalType::kFloat,     PhysicalType::kDouble,  PhysicalType::kByteArray,
                                PhysicalType::kByteArray, PhysicalType::kInt96};
  for (size_t i = 0; i < 11; ++i) {
    EXPECT_EQ(f.schema[i + 1].name, names[i]);
    EXPECT_EQ(f.schema[i + 1].type, types[i]) << names[i];
    EXPECT_EQ(f.schema[i + 1].repetition_type, Repetition::kOptional);
  }
  ASSERT_EQ(f.row_groups.size(), 1u);
  EXPECT_EQ(f.row_groups[0].num_rows, 8);
  ASSERT_EQ(f.row_groups[0].columns.size(), 11u);
  const ColumnChunk& id = f.row_groups[0].columns[0];
  ASSERT_TRUE(id.meta_data.has_value());
  EXPECT_EQ(id.meta_data->type, PhysicalType::kInt32);
  EXPECT_EQ(id.meta_data->codec, Codec::kUncompressed);
  EXPECT_EQ(id.meta_data->num_values, 8);
  EXPECT_EQ(id.meta_data->path_in_schema, std::vector<std::string>{"id"});
  EXPECT_GT(id.meta_data->data_page_offset, 0);
  EXPECT_NE(f.created_by.value_or("").find("impala"), std::string::npos) << f.created_by.value_or("");
}

TEST_F(MetadataCorpusTest, NestedMapsSchema) {
  FileMetaData f = DecodeFooterOf("nested_maps.snappy.parquet");
  ASSERT_GE(f.schema.size(), 3u);
  // Column "a" is MAP<STRING, MAP<INT, BOOLEAN>>.
  const SchemaElement& a = f.schema[1];
  EXPECT_EQ(a.name, "a");
  EXPECT_EQ(a.converted_type, ConvertedType::kMap);
  EXPECT_EQ(f.schema[2].repetition_type, Repetition::kRepeated);
  EXPECT_FALSE(a.logical_type.has_value());  // parquet-mr 1.8 wrote converted types only
  EXPECT_EQ(f.row_groups.at(0).columns.at(0).meta_data->codec, Codec::kSnappy);
  EXPECT_EQ(f.num_rows, 6);
}

TEST_F(MetadataCorpusTest, UnknownLogicalTypeIsUnrecognized) {
  FileMetaData f = DecodeFooterOf("unknown-logical-type.parquet");
  int unrecognized = 0;
  for (const SchemaElement& e : f.schema) {
    if (e.logical_type && e.logical_type->kind == LogicalType::Kind::kUnrecognized) ++unrecognized;
  }
  EXPECT_EQ(unrecognized, 1);
}

TEST_F(MetadataCorpusTest, BloomFilterAndPageIndexLocations) {
  FileMetaData f = DecodeFooterOf("data_index_bloom_encoding_stats.parquet");
  ASSERT_EQ(f.row_groups.size(), 1u);
  const ColumnChunk& c = f.row_groups[0].columns.at(0);
  ASSERT_TRUE(c.meta_data.has_value());
  EXPECT_TRUE(c.meta_data->bloom_filter_offset.has_value());
  EXPECT_GT(c.meta_data->bloom_filter_offset.value_or(0), 0);
  EXPECT_TRUE(c.column_index_offset.has_value());
  EXPECT_GT(c.column_index_length.value_or(0), 0);
  EXPECT_TRUE(c.offset_index_offset.has_value());
  EXPECT_GT(c.offset_index_length.value_or(0), 0);
  EXPECT_FALSE(c.meta_data->encoding_stats.empty());
  ASSERT_TRUE(c.meta_data->statistics.has_value());
  EXPECT_TRUE(c.meta_data->statistics->min_value.has_value());
}

TEST_F(MetadataCorpusTest, PlaintextFooterOfAnEncryptedFile) {
  FileMetaData f = DecodeFooterOf("encrypt_columns_plaintext_footer.parquet.encrypted");
  EXPECT_TRUE(f.has_encryption_algorithm);
  bool any_encrypted = false;
  for (const ColumnChunk& c : f.row_groups.at(0).columns) any_encrypted |= c.has_crypto_metadata;
  EXPECT_TRUE(any_encrypted);
}

TEST_F(MetadataCorpusTest, EveryValidFooterDecodes) {
  int decoded = 0;
  for (const auto& entry : fs::recursive_directory_iterator(CorpusDir())) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || path.parent_path().filename() == "bad_data") continue;
    std::string file = ReadFileBytes(path);
    if (file.size() < 12 || file.compare(file.size() - 4, 4, "PAR1") != 0)
      continue;  // PARE: encrypted footer
    SCOPED_TRACE(path.string());
    std::string footer = Footer(file);
    EXPECT_NO_THROW({
      FileMetaData f = DecodeFileMetaData(reinterpret_cast<const uint8_t*>(footer.data()), footer.size());
      EXPECT_FALSE(f.schema.empty());
    });
    ++decoded;
  }
  EXPECT_GT(decoded, 60);
}

const uint8_t* Bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

// Walks the pages of one column chunk: each header decodes, and each payload
// decompresses to exactly the size its header declares.
void WalkPages(const std::string& file, const ColumnMetaData& m, int* pages, std::set<Codec>* codecs) {
  // Some writers record a dictionary_page_offset of 0 when there is none, and
  // column_chunk_key_value_metadata.parquet a data_page_offset of 0 beside a
  // real dictionary page.
  int64_t start = m.dictionary_page_offset.value_or(0) > 0 ? *m.dictionary_page_offset : m.data_page_offset;
  ASSERT_LE(static_cast<uint64_t>(start + m.total_compressed_size), file.size());
  int64_t pos = start, end = start + m.total_compressed_size;
  int64_t values = 0;
  while (pos < end) {
    size_t header_size = 0;
    PageHeader h = DecodePageHeader(Bytes(file) + pos, end - pos, &header_size);
    pos += header_size;
    ASSERT_LE(pos + h.compressed_page_size, end);
    const uint8_t* payload = Bytes(file) + pos;
    size_t compressed = h.compressed_page_size, uncompressed = h.uncompressed_page_size;
    bool is_compressed = true;
    if (h.data_page_header_v2) {
      // V2 levels are stored uncompressed ahead of the values.
      size_t levels = h.data_page_header_v2->definition_levels_byte_length +
                      h.data_page_header_v2->repetition_levels_byte_length;
      ASSERT_LE(levels, compressed);
      payload += levels;
      compressed -= levels;
      uncompressed -= levels;
      is_compressed = h.data_page_header_v2->is_compressed;
      values += h.data_page_header_v2->num_values;
    }
    if (h.data_page_header) values += h.data_page_header->num_values;
    // large_string_map.brotli.parquet holds 2 GiB of values; its pages'
    // headers are checked, their contents left to tests that can afford it.
    constexpr size_t kMaxPageToInflate = 16 << 20;
    if (uncompressed <= kMaxPageToInflate) {
      std::vector<uint8_t> out(uncompressed);
      Decompress(is_compressed ? m.codec : Codec::kUncompressed, payload, compressed, out.data(), out.size());
      if (is_compressed) codecs->insert(m.codec);
    }
    pos += h.compressed_page_size;
    ++*pages;
  }
  EXPECT_EQ(pos, end);
  EXPECT_EQ(values, m.num_values);
}

TEST_F(MetadataCorpusTest, EveryPageHeaderDecodesAndDecompresses) {
  int pages = 0;
  std::set<Codec> codecs;
  for (const auto& entry : fs::recursive_directory_iterator(CorpusDir())) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || path.parent_path().filename() == "bad_data") continue;
    std::string file = ReadFileBytes(path);
    if (file.size() < 12 || file.compare(file.size() - 4, 4, "PAR1") != 0) continue;
    // Its chunks' total_compressed_size leaves out one page header.
    if (path.filename() == "nation.dict-malformed.parquet") continue;
    std::string footer = Footer(file);
    FileMetaData f = DecodeFileMetaData(Bytes(footer), footer.size());
    if (f.has_encryption_algorithm) continue;  // pages are encrypted
    for (const RowGroup& g : f.row_groups) {
      for (const ColumnChunk& c : g.columns) {
        SCOPED_TRACE(path.string() + " column " + c.meta_data->path_in_schema.back());
        EXPECT_NO_THROW(WalkPages(file, *c.meta_data, &pages, &codecs));
      }
    }
  }
  EXPECT_GT(pages, 500);
  // Hadoop-framed and raw-block LZ4, concatenated GZIP members and the rest.
  EXPECT_EQ(codecs, (std::set<Codec>{Codec::kUncompressed, Codec::kSnappy, Codec::kGzip, Codec::kBrotli,
                                     Codec::kLz4, Codec::kZstd, Codec::kLz4Raw}));
}

TEST_F(MetadataCorpusTest, PageIndexAndBloomFilterHeadersDecode) {
  std::string file = ReadFileBytes(CorpusDir() / "data_index_bloom_encoding_stats.parquet");
  std::string footer = Footer(file);
  FileMetaData f = DecodeFileMetaData(Bytes(footer), footer.size());
  const ColumnChunk& c = f.row_groups.at(0).columns.at(0);

  ColumnIndex ci = DecodeColumnIndex(Bytes(file) + *c.column_index_offset, *c.column_index_length);
  ASSERT_FALSE(ci.null_pages.empty());
  EXPECT_EQ(ci.min_values.size(), ci.null_pages.size());
  OffsetIndex oi = DecodeOffsetIndex(Bytes(file) + *c.offset_index_offset, *c.offset_index_length);
  ASSERT_EQ(oi.page_locations.size(), ci.null_pages.size());
  EXPECT_EQ(oi.page_locations[0].offset, c.meta_data->data_page_offset);
  EXPECT_EQ(oi.page_locations[0].first_row_index, 0);

  size_t consumed = 0;
  int64_t at = *c.meta_data->bloom_filter_offset;
  BloomFilterHeader b = DecodeBloomFilterHeader(Bytes(file) + at, file.size() - at, &consumed);
  EXPECT_TRUE(b.algorithm_block);
  EXPECT_TRUE(b.hash_xxhash);
  EXPECT_TRUE(b.uncompressed);
  EXPECT_GT(b.num_bytes, 0);
  EXPECT_EQ(b.num_bytes % 32, 0);  // whole 256-bit blocks
  EXPECT_GT(consumed, 0u);
}

TEST_F(MetadataCorpusTest, BadFootersAreCorrupt) {
  EXPECT_THROW(DecodeFooterOf("bad_data/PARQUET-1481.parquet"), ParquetCorruptError);  // type -7
  EXPECT_THROW(DecodeFooterOf("bad_data/ARROW-GH-41317.parquet"), ParquetCorruptError);
}

TEST_F(MetadataCorpusTest, EveryTruncatedFooterIsCorrupt) {
  for (const char* name :
       {"alltypes_plain.parquet", "nested_maps.snappy.parquet", "data_index_bloom_encoding_stats.parquet"}) {
    std::string footer = Footer(ReadFileBytes(CorpusDir() / name));
    for (size_t len = 0; len < footer.size(); ++len) {
      // A copy of exactly len bytes, so AddressSanitizer catches any over-read.
      std::string prefix = footer.substr(0, len);
      EXPECT_THROW(DecodeFileMetaData(reinterpret_cast<const uint8_t*>(prefix.data()), prefix.size()),
                   ParquetCorruptError)
          << name << " cut at " << len;
    }
  }
}

TEST_F(MetadataCorpusTest, DecodedFootersReencodeToTheSameMetadata) {
  for (const char* name :
       {"alltypes_plain.parquet", "nested_maps.snappy.parquet", "data_index_bloom_encoding_stats.parquet",
        "alltypes_tiny_pages.parquet", "sort_columns.parquet", "column_chunk_key_value_metadata.parquet"}) {
    SCOPED_TRACE(name);
    FileMetaData f = DecodeFooterOf(name);
    std::string once = EncodeFileMetaData(f);
    FileMetaData again = DecodeFileMetaData(reinterpret_cast<const uint8_t*>(once.data()), once.size());
    EXPECT_EQ(EncodeFileMetaData(again), once);
    EXPECT_EQ(again.num_rows, f.num_rows);
    EXPECT_EQ(again.schema.size(), f.schema.size());
  }
}

}  // namespace
}  // namespace lakestream::parquet
