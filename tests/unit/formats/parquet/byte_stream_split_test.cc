// BYTE_STREAM_SPLIT: the spec's example, every width the format allows, and
// data that cannot be split into whole streams.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "formats/parquet/encoding.h"

namespace lakestream::parquet {
namespace {

// The encoder side, written the obvious way: byte k of value i goes to
// position k * count + i.
std::vector<uint8_t> Split(const std::vector<uint8_t>& values, int width) {
  const size_t count = values.size() / static_cast<size_t>(width);
  std::vector<uint8_t> out(values.size());
  for (size_t i = 0; i < count; ++i) {
    for (size_t k = 0; k < static_cast<size_t>(width); ++k) out[k * count + i] = values[i * width + k];
  }
  return out;
}

TEST(ByteStreamSplitTest, DecodesSpecExample) {
  const std::vector<uint8_t> data = {0xAA, 0x00, 0xA3, 0xBB, 0x11, 0xB4, 0xCC, 0x22, 0xC5, 0xDD, 0x33, 0xD6};
  uint8_t out[12];
  DecodeByteStreamSplit(data.data(), data.size(), 3, 4, out);
  const std::vector<uint8_t> expected = {0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x11, 0x22, 0x33, 0xA3, 0xB4, 0xC5, 0xD6};
  EXPECT_EQ(std::vector<uint8_t>(out, out + 12), expected);
}

TEST(ByteStreamSplitTest, RoundTripsDoublesAndOddWidths) {
  std::vector<double> doubles;
  for (int i = 0; i < 301; ++i) doubles.push_back(i * 1.25 - 17.0 / (i + 1));
  std::vector<uint8_t> raw(doubles.size() * 8);
  std::memcpy(raw.data(), doubles.data(), raw.size());
  std::vector<double> decoded(doubles.size());
  const auto split = Split(raw, 8);
  DecodeByteStreamSplit(split.data(), split.size(), 301, 8, reinterpret_cast<uint8_t*>(decoded.data()));
  EXPECT_EQ(decoded, doubles);
  for (int width : {1, 2, 3, 4, 5, 12, 16}) {
    std::vector<uint8_t> values(static_cast<size_t>(width) * 57);
    for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<uint8_t>(i * 31 + width);
    const auto encoded = Split(values, width);
    std::vector<uint8_t> out(values.size());
    DecodeByteStreamSplit(encoded.data(), encoded.size(), 57, width, out.data());
    EXPECT_EQ(out, values) << "width " << width;
  }
}

TEST(ByteStreamSplitTest, DecodesLeadingValuesWithStreamsSizedByTheData) {
  // Fewer values requested than the page holds: the stream stride still
  // comes from the data size.
  const std::vector<uint8_t> values = {1, 2, 3, 4, 5, 6, 7, 8};  // four INT16-like values
  const auto encoded = Split(values, 2);
  uint8_t out[4];
  DecodeByteStreamSplit(encoded.data(), encoded.size(), 2, 2, out);
  EXPECT_EQ(std::vector<uint8_t>(out, out + 4), (std::vector<uint8_t>{1, 2, 3, 4}));
}

TEST(ByteStreamSplitTest, MalformedDataIsCorrupt) {
  const std::vector<uint8_t> data(10, 0);
  uint8_t out[16];
  EXPECT_THROW(DecodeByteStreamSplit(data.data(), data.size(), 2, 4, out), ParquetCorruptError);  // 10 % 4
  EXPECT_THROW(DecodeByteStreamSplit(data.data(), data.size(), 3, 5, out), ParquetCorruptError);  // only 2
  EXPECT_THROW(DecodeByteStreamSplit(data.data(), data.size(), -1, 5, out), ParquetCorruptError);
  EXPECT_THROW(DecodeByteStreamSplit(data.data(), data.size(), 1, 0, out), ParquetCorruptError);
}

}  // namespace
}  // namespace lakestream::parquet
