// Split-block bloom filter lookups (parquet-format BloomFilter.md): a hash
// picks one 32-byte block from its upper half; its lower half, multiplied by
// eight salts, picks one bit in each of the block's eight 32-bit words.
#include <xxhash.h>

#include <cstring>
#include <string>

#include "formats/parquet/encoding.h"

namespace lakestream::parquet {

namespace {

constexpr uint32_t kSalt[8] = {0x47b6137bU, 0x44974d91U, 0x8824ad5bU, 0xa2b7289dU,
                               0x705495c7U, 0x2df1424bU, 0x9efc4947U, 0x5c6bfb31U};
constexpr size_t kBlockBytes = 32;

}  // namespace

SplitBlockBloomFilter::SplitBlockBloomFilter(const uint8_t* bitset, size_t num_bytes)
    : bitset_(bitset), num_blocks_(num_bytes / kBlockBytes) {
  // The block index formula multiplies by the block count in 64 bits.
  if (num_bytes == 0 || num_bytes % kBlockBytes != 0 || num_blocks_ > UINT32_MAX) {
    throw ParquetCorruptError("bloom filter of " + std::to_string(num_bytes) +
                              " bytes is not a positive multiple of 32");
  }
}

bool SplitBlockBloomFilter::MightContainHash(uint64_t hash) const {
  const uint64_t block = ((hash >> 32) * num_blocks_) >> 32;
  const uint8_t* words = bitset_ + block * kBlockBytes;
  const auto key = static_cast<uint32_t>(hash);
  for (int i = 0; i < 8; ++i) {
    uint32_t word;
    std::memcpy(&word, words + 4 * i, 4);  // little-endian, as in bit_packing.h
    if (((word >> ((key * kSalt[i]) >> 27)) & 1) == 0) return false;
  }
  return true;
}

uint64_t SplitBlockBloomFilter::Hash(const void* data, size_t size) { return XXH64(data, size, 0); }

}  // namespace lakestream::parquet
