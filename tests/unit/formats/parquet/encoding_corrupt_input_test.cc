// Every value decoder fed truncated and bit-flipped copies of valid streams,
// each in an exactly sized heap buffer so that a sanitizer build catches any
// read past the end. A decoder may succeed or throw ParquetCorruptError;
// anything else (another exception, a crash) is a bug.
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "formats/parquet/encoding.h"

namespace lakestream::parquet {
namespace {

using Decoder = std::function<void(const uint8_t* data, size_t size)>;

void ExpectOnlyCorruptErrors(const Decoder& decode, const uint8_t* data, size_t size) {
  auto exact = std::make_unique<uint8_t[]>(size);
  if (size > 0) std::memcpy(exact.get(), data, size);
  try {
    decode(exact.get(), size);
  } catch (const ParquetCorruptError&) {
  }
}

// Truncates `valid` at every length, then flips random bytes of it.
void Torture(const std::string& valid, const Decoder& decode) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(valid.data());
  for (size_t length = 0; length <= valid.size(); ++length) ExpectOnlyCorruptErrors(decode, bytes, length);
  std::mt19937 rng(static_cast<unsigned>(valid.size()));
  for (int round = 0; round < 2000; ++round) {
    std::string mutated = valid;
    for (int flips = 1 + static_cast<int>(rng() % 3); flips > 0; --flips) {
      mutated[rng() % mutated.size()] = static_cast<char>(rng());
    }
    ExpectOnlyCorruptErrors(decode, reinterpret_cast<const uint8_t*>(mutated.data()), mutated.size());
  }
}

std::string EncodeDelta(const std::vector<int64_t>& values) {
  std::string out;
  EncodeDeltaBinaryPacked64(values.data(), static_cast<int64_t>(values.size()), &out);
  return out;
}

TEST(EncodingCorruptInputTest, RleBitPacked) {
  RleBitPackedEncoder encoder(7);
  for (uint32_t i = 0; i < 300; ++i) encoder.Put(i % 50 < 20 ? 9 : (i * 37) % 128);
  std::string valid;
  encoder.Finish(&valid);
  Torture(valid, [](const uint8_t* data, size_t size) {
    RleBitPackedDecoder decoder(data, size, 7);
    std::vector<uint32_t> out(300);
    const int64_t got = decoder.GetBatch(out.data(), 300);
    EXPECT_LE(got, 300);
    for (int64_t i = 0; i < got; ++i) EXPECT_LT(out[i], 128u);
  });
}

TEST(EncodingCorruptInputTest, DeltaBinaryPacked) {
  std::vector<int64_t> values;
  for (int64_t i = 0; i < 300; ++i) values.push_back(i * i * (i % 3 ? 1 : -1));
  Torture(EncodeDelta(values), [](const uint8_t* data, size_t size) {
    std::vector<int64_t> out64(300);
    DecodeDeltaBinaryPacked64(data, size, 300, out64.data());
    std::vector<int32_t> out32(300);
    DecodeDeltaBinaryPacked32(data, size, 300, out32.data());
  });
}

TEST(EncodingCorruptInputTest, ByteArrays) {
  const std::string_view values[] = {"alpha", "alphabet", "", "beta", "betamax", "z"};
  std::string plain;
  EncodePlainByteArray(values, 6, &plain);
  const auto check = [](const std::vector<int32_t>& offsets, const std::string& bytes) {
    EXPECT_EQ(offsets.back(), static_cast<int32_t>(bytes.size()));
    for (size_t i = 1; i < offsets.size(); ++i) EXPECT_LE(offsets[i - 1], offsets[i]);
  };
  Torture(plain, [&](const uint8_t* data, size_t size) {
    std::vector<int32_t> offsets = {0};
    std::string bytes;
    DecodePlainByteArray(data, size, 6, &offsets, &bytes);
    check(offsets, bytes);
  });
  const std::string delta_length = EncodeDelta({5, 8, 0, 4, 7, 1}) + "alphaalphabetbetabetamaxz";
  Torture(delta_length, [&](const uint8_t* data, size_t size) {
    std::vector<int32_t> offsets = {0};
    std::string bytes;
    DecodeDeltaLengthByteArray(data, size, 6, &offsets, &bytes);
    check(offsets, bytes);
  });
  const std::string delta = EncodeDelta({0, 5, 0, 0, 4, 0}) + EncodeDelta({5, 3, 0, 4, 3, 1}) + "alphabetbetamaxz";
  Torture(delta, [&](const uint8_t* data, size_t size) {
    std::vector<int32_t> offsets = {0};
    std::string bytes;
    DecodeDeltaByteArray(data, size, 6, &offsets, &bytes);
    check(offsets, bytes);
  });
}

TEST(EncodingCorruptInputTest, ValidByteArrayStreamsDecodeToTheSameValues) {
  // The torture inputs above start from streams that really hold these values.
  const std::string delta = EncodeDelta({0, 5, 0, 0, 4, 0}) + EncodeDelta({5, 3, 0, 4, 3, 1}) + "alphabetbetamaxz";
  std::vector<int32_t> offsets = {0};
  std::string bytes;
  DecodeDeltaByteArray(reinterpret_cast<const uint8_t*>(delta.data()), delta.size(), 6, &offsets, &bytes);
  EXPECT_EQ(bytes, "alphaalphabetbetabetamaxz");
  EXPECT_EQ(offsets, (std::vector<int32_t>{0, 5, 13, 13, 17, 24, 25}));
}

}  // namespace
}  // namespace lakestream::parquet
