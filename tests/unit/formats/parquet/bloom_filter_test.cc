// SplitBlockBloomFilter against a filter written by another implementation
// (parquet-testing's bloom_filter.xxhash.bin), plus hashing and bad sizes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "formats/parquet/encoding.h"
#include "formats/parquet/metadata.h"

namespace lakestream::parquet {
namespace {

std::string CorpusFile(const std::string& name) {
  const char* dir = std::getenv("LAKESTREAM_PARQUET_CORPUS");
  return std::string(dir ? dir : "/work/shared/corpus/parquet") + "/" + name;
}

bool MightContain(const SplitBlockBloomFilter& filter, const std::string& value) {
  return filter.MightContainHash(SplitBlockBloomFilter::Hash(value.data(), value.size()));
}

TEST(BloomFilterTest, HashIsXxh64WithSeedZero) {
  // Published XXH64 test vector for the empty input, seed 0.
  EXPECT_EQ(SplitBlockBloomFilter::Hash("", 0), 0xEF46DB3751D8E999ULL);
}

TEST(BloomFilterTest, ReadsFilterWrittenByParquetMr) {
  std::ifstream in(CorpusFile("bloom_filter.xxhash.bin"), std::ios::binary);
  if (!in) GTEST_SKIP() << "corpus file missing: " << CorpusFile("bloom_filter.xxhash.bin");
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto* data = reinterpret_cast<const uint8_t*>(file.data());
  size_t header_size = 0;
  const BloomFilterHeader header = DecodeBloomFilterHeader(data, file.size(), &header_size);
  ASSERT_TRUE(header.algorithm_block && header.hash_xxhash && header.uncompressed);
  ASSERT_EQ(header_size + static_cast<size_t>(header.num_bytes), file.size());
  const SplitBlockBloomFilter filter(data + header_size, static_cast<size_t>(header.num_bytes));

  for (const std::string value : {"hello", "parquet", "bloom", "filter"}) {
    EXPECT_TRUE(MightContain(filter, value)) << value;
  }
  std::mt19937 rng(11);
  int false_positives = 0;
  for (int i = 0; i < 1000; ++i) {
    std::string value = "absent-" + std::to_string(rng());
    false_positives += MightContain(filter, value);
  }
  // 4 values in 32 blocks: a false positive needs 8 chosen bits all set.
  EXPECT_LT(false_positives, 10);
}

TEST(BloomFilterTest, EmptyAndFullFilters) {
  std::vector<uint8_t> bits(64, 0);
  const SplitBlockBloomFilter empty(bits.data(), bits.size());
  EXPECT_FALSE(MightContain(empty, "x"));
  EXPECT_FALSE(empty.MightContainHash(0));
  std::vector<uint8_t> ones(64, 0xFF);
  const SplitBlockBloomFilter full(ones.data(), ones.size());
  EXPECT_TRUE(MightContain(full, "x"));
  EXPECT_TRUE(full.MightContainHash(UINT64_MAX));
}

TEST(BloomFilterTest, SizeMustBeAPositiveMultipleOf32) {
  std::vector<uint8_t> bits(48, 0);
  EXPECT_THROW(SplitBlockBloomFilter(bits.data(), 0), ParquetCorruptError);
  EXPECT_THROW(SplitBlockBloomFilter(bits.data(), 48), ParquetCorruptError);
}

}  // namespace
}  // namespace lakestream::parquet
