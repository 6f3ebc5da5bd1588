// Parquet value and level encodings. Decoders read from a bounded span and
// throw ParquetCorruptError on any inconsistency (truncated run, bit width
// over 32/64, a count larger than the data can hold); they never read or write
// out of bounds. Encoders append to a std::string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "columnar/check.h"

#include "formats/parquet/byte_cursor.h"
#include "formats/parquet/metadata.h"

namespace lakestream::parquet {

// RLE / bit-packed hybrid (levels, dictionary indices, RLE booleans) with a
// fixed bit width (0..32). Without a length prefix: the caller bounds the span.
class RleBitPackedDecoder {
 public:
  RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width);
  // Decodes up to `count` values into out; returns how many were produced
  // (fewer only when the data ends cleanly between runs).
  int64_t GetBatch(uint32_t* out, int64_t count);
  // When the next values are a repeated (RLE) run, consumes up to `max` of
  // them, sets *value and returns how many; returns 0 and consumes nothing
  // when they are bit-packed or the data has ended. Lets callers handle long
  // runs (all-present definition levels) without expanding them.
  int64_t TakeRepeated(int64_t max, uint32_t* value);
 private:
  bool NextRun();
  int64_t TakePacked(uint32_t* out, int64_t count);
  ByteCursor runs_;  // at the next run header
  int bit_width_;
  int64_t rle_left_ = 0;
  uint32_t rle_value_ = 0;
  int64_t packed_left_ = 0;  // values of the current bit-packed run not yet unpacked
  const uint8_t* packed_pos_ = nullptr;  // next group to unpack
  // Values the current bit-packed run declares beyond the end of the data;
  // an error only if a caller asks for them.
  int64_t packed_missing_ = 0;
  // One unpacked group for callers asking for fewer than 8 values at a time.
  uint32_t group_[8] = {};
  int group_index_ = 0;
  int group_size_ = 0;
};

class RleBitPackedEncoder {
 public:
  explicit RleBitPackedEncoder(int bit_width);
  void Put(uint32_t value) {
    if (bit_width_ < 32) LS_CHECK_EQ(value >> bit_width_, 0u);
    if (run_count_ > 0 && value == run_value_) {
      ++run_count_;
      return;
    }
    StartRun(value);
  }
  // Flushes and appends the encoded bytes (no length prefix) to *out.
  void Finish(std::string* out);
 private:
  // Ends the current run and starts one of `value`.
  void StartRun(uint32_t value);
  void FlushRun();
  void FlushLiterals(bool final);
  void AppendRle(uint32_t value, int64_t count);
  int bit_width_;
  std::vector<uint32_t> pending_;  // literal values not yet bit-packed
  std::string buffer_;
  uint32_t run_value_ = 0;  // the value being repeated, run_count_ times
  int64_t run_count_ = 0;
};

// Bit width needed to store values 0..max_value.
int BitWidth(uint64_t max_value);

// Decodes `count` PLAIN values of a fixed-width physical type (INT32, INT64,
// INT96 as 12 bytes, FLOAT, DOUBLE, FIXED_LEN_BYTE_ARRAY of `type_length`)
// into `out` (count * width bytes); returns bytes consumed.
size_t DecodePlainFixed(const uint8_t* data, size_t size, int64_t count, int width, uint8_t* out);
// PLAIN booleans: bit-packed LSB first.
size_t DecodePlainBoolean(const uint8_t* data, size_t size, int64_t count, uint8_t* out_bytes /*0/1 per value*/);
// PLAIN BYTE_ARRAY: 4-byte little-endian length + bytes. Appends the values to
// `offsets` (starting from offsets.back(), which must exist) and `bytes`.
size_t DecodePlainByteArray(const uint8_t* data, size_t size, int64_t count, std::vector<int32_t>* offsets,
                            std::string* bytes);

// DELTA_BINARY_PACKED for INT32 (wraps mod 2^32) and INT64. Returns bytes
// consumed (needed by DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY, where the
// lengths come first). `count` values are required.
size_t DecodeDeltaBinaryPacked32(const uint8_t* data, size_t size, int64_t count, int32_t* out);
size_t DecodeDeltaBinaryPacked64(const uint8_t* data, size_t size, int64_t count, int64_t* out);
// DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY, appending like DecodePlainByteArray.
size_t DecodeDeltaLengthByteArray(const uint8_t* data, size_t size, int64_t count, std::vector<int32_t>* offsets,
                                  std::string* bytes);
size_t DecodeDeltaByteArray(const uint8_t* data, size_t size, int64_t count, std::vector<int32_t>* offsets,
                            std::string* bytes);
// BYTE_STREAM_SPLIT of `count` values of `width` bytes (2, 4, 8 or any FLBA width).
void DecodeByteStreamSplit(const uint8_t* data, size_t size, int64_t count, int width, uint8_t* out);

// Encoders for the writer.
void EncodePlainFixed(const uint8_t* values, int64_t count, int width, std::string* out);
void EncodePlainBoolean(const uint8_t* values_0_1, int64_t count, std::string* out);
void EncodePlainByteArray(const std::string_view* values, int64_t count, std::string* out);
void EncodeDeltaBinaryPacked64(const int64_t* values, int64_t count, std::string* out);

// Split-block bloom filter (parquet-format BloomFilter.md): XXH64 of the
// value's plain encoding (without length prefix for BYTE_ARRAY), seed 0.
class SplitBlockBloomFilter {
 public:
  // Wraps a filter bitset (num_bytes a multiple of 32, > 0).
  SplitBlockBloomFilter(const uint8_t* bitset, size_t num_bytes);
  bool MightContainHash(uint64_t hash) const;
  static uint64_t Hash(const void* data, size_t size);
 private:
  const uint8_t* bitset_;
  size_t num_blocks_;
};

}  // namespace lakestream::parquet
