// PLAIN encoding: fixed-width, boolean and byte-array values, their round
// trips, and data too short for the values a page claims.
#include <gtest/gtest.h>

#include <climits>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "formats/parquet/encoding.h"

namespace lakestream::parquet {
namespace {

const uint8_t* U8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

TEST(PlainEncodingTest, FixedWidthRoundTripsLittleEndian) {
  const int32_t values[] = {1, -2, INT32_MAX, INT32_MIN};
  std::string encoded;
  EncodePlainFixed(reinterpret_cast<const uint8_t*>(values), 4, 4, &encoded);
  ASSERT_EQ(encoded.size(), 16u);
  EXPECT_EQ(encoded.substr(0, 8), std::string("\x01\x00\x00\x00\xFE\xFF\xFF\xFF", 8));
  int32_t decoded[4];
  EXPECT_EQ(DecodePlainFixed(U8(encoded), encoded.size(), 4, 4, reinterpret_cast<uint8_t*>(decoded)), 16u);
  EXPECT_EQ(std::memcmp(decoded, values, sizeof values), 0);
}

TEST(PlainEncodingTest, FixedWidthDecodesPrefixAndReportsBytesUsed) {
  // INT96 is 12 bytes; two values out of a 30-byte buffer use 24.
  std::string data(30, '\0');
  for (int i = 0; i < 30; ++i) data[i] = static_cast<char>(i);
  uint8_t out[24];
  EXPECT_EQ(DecodePlainFixed(U8(data), data.size(), 2, 12, out), 24u);
  EXPECT_EQ(out[23], 23);
}

TEST(PlainEncodingTest, FixedWidthTooShortIsCorrupt) {
  const std::string data(15, 'x');
  uint8_t out[16];
  EXPECT_THROW(DecodePlainFixed(U8(data), data.size(), 2, 8, out), ParquetCorruptError);
  EXPECT_THROW(DecodePlainFixed(U8(data), data.size(), -1, 8, out), ParquetCorruptError);
  EXPECT_THROW(DecodePlainFixed(U8(data), data.size(), 1, 0, out), ParquetCorruptError);
  // A count whose byte size overflows 64 bits must not wrap into "fits".
  EXPECT_THROW(DecodePlainFixed(U8(data), data.size(), INT64_MAX / 4, 8, out), ParquetCorruptError);
}

TEST(PlainEncodingTest, BooleansArePackedLsbFirst) {
  const uint8_t values[] = {1, 0, 1, 1, 0, 0, 0, 0, 1, 1};
  std::string encoded;
  EncodePlainBoolean(values, 10, &encoded);
  EXPECT_EQ(encoded, std::string("\x0D\x03", 2));
  uint8_t decoded[10];
  EXPECT_EQ(DecodePlainBoolean(U8(encoded), encoded.size(), 10, decoded), 2u);
  EXPECT_EQ(std::memcmp(decoded, values, 10), 0);
}

TEST(PlainEncodingTest, BooleansRoundTripManyValues) {
  std::vector<uint8_t> values(1001);
  for (size_t i = 0; i < values.size(); ++i) values[i] = (i * 7 + i / 3) % 2;
  std::string encoded;
  EncodePlainBoolean(values.data(), 1001, &encoded);
  EXPECT_EQ(encoded.size(), 126u);
  std::vector<uint8_t> decoded(1001);
  DecodePlainBoolean(U8(encoded), encoded.size(), 1001, decoded.data());
  EXPECT_EQ(decoded, values);
}

TEST(PlainEncodingTest, BooleansTooShortIsCorrupt) {
  const std::string data(2, '\xFF');
  uint8_t out[17];
  EXPECT_THROW(DecodePlainBoolean(U8(data), data.size(), 17, out), ParquetCorruptError);
}

TEST(PlainEncodingTest, ByteArraysRoundTripAndAppendAfterExistingValues) {
  const std::string_view values[] = {"hello", "", "parquet", std::string_view("\0\xFF", 2)};
  std::string encoded;
  EncodePlainByteArray(values, 4, &encoded);
  ASSERT_EQ(encoded.size(), 4u * 4 + 5 + 0 + 7 + 2);
  EXPECT_EQ(encoded.substr(0, 9), std::string("\x05\x00\x00\x00hello", 9));
  std::vector<int32_t> offsets = {0, 3};
  std::string bytes = "abc";
  EXPECT_EQ(DecodePlainByteArray(U8(encoded), encoded.size(), 4, &offsets, &bytes), encoded.size());
  EXPECT_EQ(offsets, (std::vector<int32_t>{0, 3, 8, 8, 15, 17}));
  EXPECT_EQ(bytes, std::string("abchelloparquet\0\xFF", 17));
}

TEST(PlainEncodingTest, ByteArrayLengthPastTheDataIsCorruptAndLeavesOutputUntouched) {
  std::string data("\x02\x00\x00\x00hi\x09\x00\x00\x00short", 15);
  std::vector<int32_t> offsets = {0};
  std::string bytes;
  EXPECT_THROW(DecodePlainByteArray(U8(data), data.size(), 2, &offsets, &bytes), ParquetCorruptError);
  EXPECT_EQ(offsets, std::vector<int32_t>{0});
  EXPECT_EQ(bytes, "");
  // A length prefix cut in half.
  EXPECT_THROW(DecodePlainByteArray(U8(data), 8, 2, &offsets, &bytes), ParquetCorruptError);
  // More values than 4-byte prefixes could fit.
  EXPECT_THROW(DecodePlainByteArray(U8(data), data.size(), 4, &offsets, &bytes), ParquetCorruptError);
}

TEST(PlainEncodingTest, ByteArraysOverflowingInt32OffsetsAreCorrupt) {
  const std::string data("\x04\x00\x00\x00" "abcd", 8);
  std::vector<int32_t> offsets = {INT32_MAX - 2};
  std::string bytes;
  EXPECT_THROW(DecodePlainByteArray(U8(data), data.size(), 1, &offsets, &bytes), ParquetCorruptError);
  EXPECT_EQ(offsets.size(), 1u);
}

}  // namespace
}  // namespace lakestream::parquet
