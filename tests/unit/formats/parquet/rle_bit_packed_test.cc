// RLE / bit-packed hybrid: the spec's byte layouts, round trips at every bit
// width, and corrupt streams that must raise ParquetCorruptError.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "formats/parquet/encoding.h"

namespace lakestream::parquet {
namespace {

std::vector<uint8_t> Bytes(std::initializer_list<int> values) {
  std::vector<uint8_t> out;
  for (int v : values) out.push_back(static_cast<uint8_t>(v));
  return out;
}

std::vector<uint32_t> DecodeAll(const std::string& data, int bit_width, int64_t count, int64_t batch) {
  RleBitPackedDecoder decoder(reinterpret_cast<const uint8_t*>(data.data()), data.size(), bit_width);
  std::vector<uint32_t> out(static_cast<size_t>(count));
  int64_t done = 0;
  while (done < count) {
    const int64_t got = decoder.GetBatch(out.data() + done, std::min(batch, count - done));
    if (got == 0) break;
    done += got;
  }
  out.resize(static_cast<size_t>(done));
  return out;
}

std::string Encode(const std::vector<uint32_t>& values, int bit_width) {
  RleBitPackedEncoder encoder(bit_width);
  for (uint32_t v : values) encoder.Put(v);
  std::string out;
  encoder.Finish(&out);
  return out;
}

// An independent, bit-at-a-time bit-packed run: the reference the
// word-at-a-time unpacker is checked against.
std::string NaiveBitPackedRun(const std::vector<uint32_t>& values, int bit_width) {
  const size_t groups = (values.size() + 7) / 8;
  std::string out(1, static_cast<char>((groups << 1) | 1));  // groups < 64 here
  std::vector<uint8_t> bits(groups * static_cast<size_t>(bit_width), 0);
  for (size_t i = 0; i < values.size(); ++i) {
    for (int b = 0; b < bit_width; ++b) {
      const size_t bit = i * static_cast<size_t>(bit_width) + static_cast<size_t>(b);
      if ((values[i] >> b) & 1) bits[bit / 8] |= static_cast<uint8_t>(1u << (bit % 8));
    }
  }
  out.append(bits.begin(), bits.end());
  return out;
}

uint32_t MaxFor(int bit_width) { return bit_width == 32 ? UINT32_MAX : (1u << bit_width) - 1; }

TEST(RleBitPackedTest, DecodesSpecBitPackingExample) {
  // Encodings.md: 0..7 at bit width 3 pack to 10001000 11000110 11111010.
  const auto data = Bytes({0x03, 0x88, 0xC6, 0xFA});
  RleBitPackedDecoder decoder(data.data(), data.size(), 3);
  uint32_t out[8];
  ASSERT_EQ(decoder.GetBatch(out, 8), 8);
  for (uint32_t i = 0; i < 8; ++i) EXPECT_EQ(out[i], i);
  EXPECT_EQ(decoder.GetBatch(out, 8), 0);  // clean end between runs
}

TEST(RleBitPackedTest, EncodesSpecBitPackingExample) {
  EXPECT_EQ(Encode({0, 1, 2, 3, 4, 5, 6, 7}, 3), std::string("\x03\x88\xC6\xFA", 4));
}

TEST(RleBitPackedTest, DecodesRleRunWithTwoByteValue) {
  // Header 5 << 1, then 300 in ceil(9 / 8) = 2 little-endian bytes.
  const auto data = Bytes({0x0A, 0x2C, 0x01});
  RleBitPackedDecoder decoder(data.data(), data.size(), 9);
  uint32_t out[10];
  ASSERT_EQ(decoder.GetBatch(out, 10), 5);  // data ends after the run
  for (int i = 0; i < 5; ++i) EXPECT_EQ(out[i], 300u);
}

TEST(RleBitPackedTest, EncoderUsesRleRunsForRepeats) {
  // 200 copies of 5: one RLE run, header 400 as ULEB128 (0x90 0x03), value 0x05.
  EXPECT_EQ(Encode(std::vector<uint32_t>(200, 5), 3), std::string("\x90\x03\x05", 3));
}

TEST(RleBitPackedTest, EncoderEndsLiteralsOnGroupBoundaryBeforeRun) {
  // 3 literals then 20 repeats: the repeats top the literals up to a group
  // of 8, the remaining 15 become an RLE run.
  std::vector<uint32_t> values = {1, 2, 3};
  values.insert(values.end(), 20, 7);
  const std::string encoded = Encode(values, 3);
  ASSERT_EQ(encoded.size(), 1u + 3u + 2u);  // bit-packed header + 1 group, RLE header + value
  EXPECT_EQ(encoded[0], 0x03);
  EXPECT_EQ(encoded.substr(4), std::string("\x1E\x07", 2));  // 15 << 1, value 7
  EXPECT_EQ(DecodeAll(encoded, 3, 23, 23), values);
}

TEST(RleBitPackedTest, MatchesNaivePackingAtEveryWidth) {
  std::mt19937 rng(7);
  for (int width = 1; width <= 32; ++width) {
    std::vector<uint32_t> values(8 * 20);
    for (auto& v : values) v = rng() & MaxFor(width);
    const std::string data = NaiveBitPackedRun(values, width);
    EXPECT_EQ(DecodeAll(data, width, 160, 160), values) << "bit width " << width;
    EXPECT_EQ(DecodeAll(data, width, 160, 3), values) << "bit width " << width << " in batches of 3";
  }
}

TEST(RleBitPackedTest, RoundTripsRunsAndRandomDataAtEveryWidth) {
  std::mt19937 rng(42);
  for (int width = 0; width <= 32; ++width) {
    std::vector<uint32_t> values;
    for (int segment = 0; segment < 60; ++segment) {
      const uint32_t v = rng() & MaxFor(width);
      const int length = static_cast<int>(rng() % 40) + 1;
      if (rng() % 2) {
        values.insert(values.end(), static_cast<size_t>(length), v);
      } else {
        for (int i = 0; i < length; ++i) values.push_back(rng() & MaxFor(width));
      }
    }
    const std::string encoded = Encode(values, width);
    const auto n = static_cast<int64_t>(values.size());
    for (int64_t batch : {int64_t{1}, int64_t{5}, int64_t{8}, int64_t{64}, n}) {
      EXPECT_EQ(DecodeAll(encoded, width, n, batch), values) << "bit width " << width << " batch " << batch;
    }
  }
}

TEST(RleBitPackedTest, RoundTripsLongLiteralRuns) {
  // Over 4096 distinct values forces the encoder to cut several literal runs.
  std::vector<uint32_t> values(10007);
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<uint32_t>(i * 2654435761u) & 0xFFFFF;
  EXPECT_EQ(DecodeAll(Encode(values, 20), 20, 10007, 1000), values);
}

TEST(RleBitPackedTest, EncoderIsReusableAfterFinish) {
  RleBitPackedEncoder encoder(4);
  for (uint32_t v : {1u, 2u, 3u}) encoder.Put(v);
  std::string first;
  encoder.Finish(&first);
  encoder.Put(9);
  std::string second;
  encoder.Finish(&second);
  EXPECT_EQ(DecodeAll(second, 4, 1, 1), std::vector<uint32_t>{9});
}

TEST(RleBitPackedTest, BitWidthZeroYieldsZerosWithoutData) {
  RleBitPackedDecoder decoder(nullptr, 0, 0);
  std::vector<uint32_t> out(100, 99);
  EXPECT_EQ(decoder.GetBatch(out.data(), 100), 100);
  EXPECT_EQ(out, std::vector<uint32_t>(100, 0));
}

TEST(RleBitPackedTest, TruncatedPaddingOfLastGroupIsTolerated) {
  // One group declared at width 8 but only 3 of its 8 bytes present: the 3
  // values whose bits exist are readable, asking for a fourth is corrupt.
  const auto data = Bytes({0x03, 10, 20, 30});
  RleBitPackedDecoder decoder(data.data(), data.size(), 8);
  uint32_t out[8];
  ASSERT_EQ(decoder.GetBatch(out, 3), 3);
  EXPECT_EQ(out[0], 10u);
  EXPECT_EQ(out[2], 30u);
  EXPECT_THROW(decoder.GetBatch(out, 1), ParquetCorruptError);
}

TEST(RleBitPackedTest, BitPackedRunPastTheDataIsCorrupt) {
  // Two groups (16 values) of width 5 need 10 bytes; 4 are present.
  const auto data = Bytes({0x05, 0xFF, 0xFF, 0xFF, 0xFF});
  RleBitPackedDecoder decoder(data.data(), data.size(), 5);
  uint32_t out[16];
  EXPECT_THROW(decoder.GetBatch(out, 16), ParquetCorruptError);
}

TEST(RleBitPackedTest, RejectsBitWidthOutside0To32) {
  const auto data = Bytes({0x02, 0x01});
  EXPECT_THROW(RleBitPackedDecoder(data.data(), data.size(), 33), ParquetCorruptError);
  EXPECT_THROW(RleBitPackedDecoder(data.data(), data.size(), -1), ParquetCorruptError);
}

TEST(RleBitPackedTest, RleValueWiderThanBitWidthIsCorrupt) {
  const auto data = Bytes({0x08, 0x08});  // run of 4 of value 8 at width 3
  RleBitPackedDecoder decoder(data.data(), data.size(), 3);
  uint32_t out[4];
  try {
    decoder.GetBatch(out, 4);
    FAIL() << "expected ParquetCorruptError";
  } catch (const ParquetCorruptError& e) {
    EXPECT_EQ(e.error_class(), "PARQUET_CORRUPT_FILE");
    EXPECT_NE(e.message().find("wider than 3 bits"), std::string::npos) << e.message();
  }
}

TEST(RleBitPackedTest, CorruptRunHeadersAreRejected) {
  uint32_t out[8];
  const std::vector<std::vector<uint8_t>> corrupt = {
      Bytes({0x08}),                                // RLE run whose value byte is missing
      Bytes({0x0A, 0x2C}),                          // 2-byte value (width 9) with 1 byte
      Bytes({0x80}),                                // varint header cut short
      Bytes({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}),  // 11-byte varint
      Bytes({0x00, 0x01}),                          // RLE run of length 0
      Bytes({0x01}),                                // bit-packed run of 0 groups
      Bytes({0x80, 0x80, 0x80, 0x80, 0x10, 0x01}),  // RLE run of 2^31 values
  };
  for (const auto& data : corrupt) {
    RleBitPackedDecoder decoder(data.data(), data.size(), data.size() == 2 && data[0] == 0x0A ? 9 : 1);
    EXPECT_THROW(decoder.GetBatch(out, 8), ParquetCorruptError) << "first byte " << int{data[0]};
  }
}

TEST(RleBitPackedTest, BitWidthOfMaxValue) {
  EXPECT_EQ(BitWidth(0), 0);
  EXPECT_EQ(BitWidth(1), 1);
  EXPECT_EQ(BitWidth(2), 2);
  EXPECT_EQ(BitWidth(255), 8);
  EXPECT_EQ(BitWidth(256), 9);
  EXPECT_EQ(BitWidth(UINT32_MAX), 32);
  EXPECT_EQ(BitWidth(UINT64_MAX), 64);
}

}  // namespace
}  // namespace lakestream::parquet
