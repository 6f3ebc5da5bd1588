// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY: the
// spec's examples (re-framed with a valid 128-value block), round trips
// through the writer's encoder, wrapping arithmetic and corrupt streams.
#include <gtest/gtest.h>

#include <climits>
#include <random>
#include <string>
#include <vector>

#include "formats/parquet/encoding.h"

namespace lakestream::parquet {
namespace {

const uint8_t* U8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

std::string Raw(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

// Encodings.md example 2 (7, 5, 3, 1, 2, 3, 4, 5) with block size 128 and 4
// miniblocks of 32: min delta -2, relative deltas 0,0,0,3,3,3,3 at 2 bits.
std::string SpecExample2() {
  return Raw({0x80, 0x01, 0x04, 0x08, 0x0E,  // block 128, 4 miniblocks, 8 values, first 7
              0x03,                          // min delta -2
              0x02, 0x00, 0x00, 0x00,        // bit widths
              0xC0, 0x3F, 0, 0, 0, 0, 0, 0});  // 32 values x 2 bits
}

std::vector<int64_t> Decode64(const std::string& data, int64_t count, size_t* consumed = nullptr) {
  std::vector<int64_t> out(static_cast<size_t>(count));
  const size_t used = DecodeDeltaBinaryPacked64(U8(data), data.size(), count, out.data());
  if (consumed) *consumed = used;
  return out;
}

std::vector<int32_t> Decode32(const std::string& data, int64_t count) {
  std::vector<int32_t> out(static_cast<size_t>(count));
  DecodeDeltaBinaryPacked32(U8(data), data.size(), count, out.data());
  return out;
}

std::string Encode(const std::vector<int64_t>& values) {
  std::string out;
  EncodeDeltaBinaryPacked64(values.data(), static_cast<int64_t>(values.size()), &out);
  return out;
}

TEST(DeltaBinaryPackedTest, DecodesSpecExample1) {
  // 1, 2, 3, 4, 5: every delta is the min delta 1, so all bit widths are 0.
  const std::string data = Raw({0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00});
  size_t consumed = 0;
  EXPECT_EQ(Decode64(data, 5, &consumed), (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(consumed, data.size());
  EXPECT_EQ(Decode32(data, 5), (std::vector<int32_t>{1, 2, 3, 4, 5}));
}

TEST(DeltaBinaryPackedTest, DecodesSpecExample2) {
  size_t consumed = 0;
  EXPECT_EQ(Decode64(SpecExample2(), 8, &consumed), (std::vector<int64_t>{7, 5, 3, 1, 2, 3, 4, 5}));
  EXPECT_EQ(consumed, SpecExample2().size());
  EXPECT_EQ(Decode32(SpecExample2(), 8), (std::vector<int32_t>{7, 5, 3, 1, 2, 3, 4, 5}));
}

TEST(DeltaBinaryPackedTest, EncoderWritesSpecExample2) {
  EXPECT_EQ(Encode({7, 5, 3, 1, 2, 3, 4, 5}), SpecExample2());
}

TEST(DeltaBinaryPackedTest, AcceptsArbitraryBitWidthsForUnusedMiniblocks) {
  std::string data = SpecExample2();
  data[7] = data[8] = data[9] = static_cast<char>(0xFF);
  EXPECT_EQ(Decode64(data, 8), (std::vector<int64_t>{7, 5, 3, 1, 2, 3, 4, 5}));
}

TEST(DeltaBinaryPackedTest, RoundTripsRandomSequencesOfManyLengths) {
  std::mt19937_64 rng(3);
  for (int64_t n : {0, 1, 2, 31, 32, 33, 127, 128, 129, 130, 1000, 4099}) {
    for (int64_t spread : {int64_t{0}, int64_t{1}, int64_t{1000}, int64_t{1} << 40}) {
      std::vector<int64_t> values(static_cast<size_t>(n));
      int64_t v = static_cast<int64_t>(rng());
      for (auto& x : values) {
        x = v;
        if (spread > 0) v += static_cast<int64_t>(rng() % static_cast<uint64_t>(spread)) - spread / 2;
      }
      const std::string encoded = Encode(values);
      size_t consumed = 0;
      EXPECT_EQ(Decode64(encoded, n, &consumed), values) << n << " values, spread " << spread;
      EXPECT_EQ(consumed, encoded.size());
    }
  }
}

TEST(DeltaBinaryPackedTest, WrapsAtInt64Extremes) {
  // Deltas such as INT64_MAX - INT64_MIN overflow; min delta INT64_MIN makes
  // the relative deltas need all 64 bits.
  const std::vector<int64_t> values = {0, INT64_MIN, -1, INT64_MAX, INT64_MIN, INT64_MAX, 0, 1, INT64_MIN};
  EXPECT_EQ(Decode64(Encode(values), static_cast<int64_t>(values.size())), values);
  std::vector<int64_t> alternating;
  for (int i = 0; i < 300; ++i) alternating.push_back(i % 2 ? INT64_MAX : INT64_MIN);
  EXPECT_EQ(Decode64(Encode(alternating), 300), alternating);
}

TEST(DeltaBinaryPackedTest, Int32DeltasWrapModulo2To32) {
  // A 32-bit writer stores INT32_MAX -> INT32_MIN as the wrapped delta +1.
  const std::string data = Raw({0x80, 0x01, 0x04, 0x02, 0xFE, 0xFF, 0xFF, 0xFF, 0x0F,  // first INT32_MAX
                                0x02, 0x00, 0x00, 0x00, 0x00});                      // min delta 1
  EXPECT_EQ(Decode32(data, 2), (std::vector<int32_t>{INT32_MAX, INT32_MIN}));
}

TEST(DeltaBinaryPackedTest, DecodesPrefixButReportsWholeStream) {
  std::vector<int64_t> values(500);
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<int64_t>(i * i) - 7000;
  const std::string encoded = Encode(values);
  const std::string with_trailer = encoded + "trailing bytes";
  size_t consumed = 0;
  const std::vector<int64_t> prefix = Decode64(with_trailer, 200, &consumed);
  EXPECT_EQ(prefix, std::vector<int64_t>(values.begin(), values.begin() + 200));
  EXPECT_EQ(consumed, encoded.size());
}

TEST(DeltaBinaryPackedTest, EmptyDataForNoValues) {
  EXPECT_EQ(DecodeDeltaBinaryPacked64(nullptr, 0, 0, nullptr), 0u);
}

TEST(DeltaBinaryPackedTest, MalformedHeadersAreCorrupt) {
  int64_t out[8];
  const std::vector<std::string> corrupt = {
      Raw({0x00, 0x04, 0x08, 0x0E}),        // block size 0
      Raw({0x64, 0x04, 0x08, 0x0E}),        // block size 100
      Raw({0x80, 0x01, 0x00, 0x08, 0x0E}),  // 0 miniblocks
      Raw({0x80, 0x01, 0x03, 0x08, 0x0E}),  // 128 / 3
      Raw({0x80, 0x01, 0x08, 0x08, 0x0E}),  // miniblocks of 16 values
      Raw({0x80, 0x01, 0x04}),              // header cut short
      Raw({0x80, 0x01, 0x04, 0x05, 0x02}),  // block missing
  };
  for (const std::string& data : corrupt) {
    EXPECT_THROW(DecodeDeltaBinaryPacked64(U8(data), data.size(), 5, out), ParquetCorruptError)
        << testing::PrintToString(data);
  }
  EXPECT_THROW(DecodeDeltaBinaryPacked64(U8(SpecExample2()), SpecExample2().size(), -1, out), ParquetCorruptError);
}

TEST(DeltaBinaryPackedTest, FewerValuesThanRequiredIsCorrupt) {
  int64_t out[9];
  EXPECT_THROW(DecodeDeltaBinaryPacked64(U8(SpecExample2()), SpecExample2().size(), 9, out), ParquetCorruptError);
}

TEST(DeltaBinaryPackedTest, TruncatedMiniblockIsCorrupt) {
  // The last miniblock must be present in full, padding included.
  const std::string data = SpecExample2().substr(0, 17);
  int64_t out[8];
  EXPECT_THROW(DecodeDeltaBinaryPacked64(U8(data), data.size(), 8, out), ParquetCorruptError);
}

TEST(DeltaBinaryPackedTest, BitWidthsWiderThanTheTypeAreCorrupt) {
  std::string data = SpecExample2();
  data[6] = 65;
  int64_t out64[8];
  EXPECT_THROW(DecodeDeltaBinaryPacked64(U8(data), data.size(), 8, out64), ParquetCorruptError);
  data[6] = 33;
  int32_t out32[8];
  EXPECT_THROW(DecodeDeltaBinaryPacked32(U8(data), data.size(), 8, out32), ParquetCorruptError);
}

// Lengths are DELTA_BINARY_PACKED; the 64-bit encoder writes the same bytes
// a 32-bit writer would for small values.
std::string EncodeLengths(const std::vector<int64_t>& lengths) { return Encode(lengths); }

TEST(DeltaLengthByteArrayTest, DecodesSpecExample) {
  const std::string data = EncodeLengths({5, 5, 6, 6}) + "HelloWorldFoobarABCDEF" + "next";
  std::vector<int32_t> offsets = {0};
  std::string bytes;
  EXPECT_EQ(DecodeDeltaLengthByteArray(U8(data), data.size(), 4, &offsets, &bytes), data.size() - 4);
  EXPECT_EQ(offsets, (std::vector<int32_t>{0, 5, 10, 16, 22}));
  EXPECT_EQ(bytes, "HelloWorldFoobarABCDEF");
}

TEST(DeltaLengthByteArrayTest, LengthsPastTheDataAreCorrupt) {
  const std::string data = EncodeLengths({5, 5, 6, 7}) + "HelloWorldFoobarABCDEF";
  std::vector<int32_t> offsets = {0};
  std::string bytes;
  EXPECT_THROW(DecodeDeltaLengthByteArray(U8(data), data.size(), 4, &offsets, &bytes), ParquetCorruptError);
  const std::string negative = EncodeLengths({5, -1}) + "Hello";
  EXPECT_THROW(DecodeDeltaLengthByteArray(U8(negative), negative.size(), 2, &offsets, &bytes), ParquetCorruptError);
  EXPECT_EQ(offsets, std::vector<int32_t>{0});
}

TEST(DeltaLengthByteArrayTest, OverflowingInt32OffsetsIsCorrupt) {
  const std::string data = EncodeLengths({4}) + "abcd";
  std::vector<int32_t> offsets = {INT32_MAX - 1};
  std::string bytes;
  EXPECT_THROW(DecodeDeltaLengthByteArray(U8(data), data.size(), 1, &offsets, &bytes), ParquetCorruptError);
}

TEST(DeltaByteArrayTest, DecodesSpecExample) {
  const std::string data = EncodeLengths({0, 2, 0, 3}) + EncodeLengths({4, 2, 6, 5}) + "axislebabbleyhood";
  std::vector<int32_t> offsets = {3};
  std::string bytes = "xyz";
  EXPECT_EQ(DecodeDeltaByteArray(U8(data), data.size(), 4, &offsets, &bytes), data.size());
  EXPECT_EQ(offsets, (std::vector<int32_t>{3, 7, 11, 17, 25}));
  EXPECT_EQ(bytes, "xyzaxisaxlebabblebabyhood");
}

TEST(DeltaByteArrayTest, RoundTripsSortedStrings) {
  std::vector<std::string> values;
  for (int i = 0; i < 700; ++i) values.push_back("key/" + std::to_string(1000000 + i * 37) + (i % 3 ? "" : "/x"));
  std::vector<int64_t> prefixes, suffix_lengths;
  std::string suffixes;
  std::string previous;
  for (const std::string& v : values) {
    size_t p = 0;
    while (p < previous.size() && p < v.size() && previous[p] == v[p]) ++p;
    prefixes.push_back(static_cast<int64_t>(p));
    suffix_lengths.push_back(static_cast<int64_t>(v.size() - p));
    suffixes += v.substr(p);
    previous = v;
  }
  const std::string data = EncodeLengths(prefixes) + EncodeLengths(suffix_lengths) + suffixes;
  std::vector<int32_t> offsets = {0};
  std::string bytes;
  EXPECT_EQ(DecodeDeltaByteArray(U8(data), data.size(), 700, &offsets, &bytes), data.size());
  ASSERT_EQ(offsets.size(), 701u);
  for (size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(bytes.substr(offsets[i], offsets[i + 1] - offsets[i]), values[i]) << i;
  }
}

TEST(DeltaByteArrayTest, PrefixLongerThanPreviousValueIsCorrupt) {
  std::vector<int32_t> offsets = {0};
  std::string bytes;
  const std::string first_prefix = EncodeLengths({1, 0}) + EncodeLengths({2, 2}) + "abcd";
  EXPECT_THROW(DecodeDeltaByteArray(U8(first_prefix), first_prefix.size(), 2, &offsets, &bytes),
               ParquetCorruptError);
  const std::string too_long = EncodeLengths({0, 3}) + EncodeLengths({2, 2}) + "abcd";
  EXPECT_THROW(DecodeDeltaByteArray(U8(too_long), too_long.size(), 2, &offsets, &bytes), ParquetCorruptError);
  EXPECT_EQ(offsets, std::vector<int32_t>{0});
  EXPECT_EQ(bytes, "");
}

TEST(DeltaByteArrayTest, SuffixesPastTheDataAreCorrupt) {
  const std::string data = EncodeLengths({0, 2}) + EncodeLengths({4, 9}) + "axisle";
  std::vector<int32_t> offsets = {0};
  std::string bytes;
  EXPECT_THROW(DecodeDeltaByteArray(U8(data), data.size(), 2, &offsets, &bytes), ParquetCorruptError);
}

}  // namespace
}  // namespace lakestream::parquet
