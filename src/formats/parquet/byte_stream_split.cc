// BYTE_STREAM_SPLIT (parquet-format Encodings.md): byte k of every value is
// stored in stream k; the streams are concatenated and together fill the
// value section of the page.
#include <string>

#include "formats/parquet/byte_cursor.h"
#include "formats/parquet/encoding.h"

namespace lakestream::parquet {

namespace {

// A compile-time width lets the inner loop unroll for FLOAT/DOUBLE/INT.
template <int W>
void Interleave(const uint8_t* data, int64_t stride, int64_t count, uint8_t* out) {
  for (int64_t i = 0; i < count; ++i) {
    for (int k = 0; k < W; ++k) out[i * W + k] = data[k * stride + i];
  }
}

void Interleave(const uint8_t* data, int64_t stride, int64_t count, int width, uint8_t* out) {
  for (int64_t i = 0; i < count; ++i) {
    for (int k = 0; k < width; ++k) out[i * width + k] = data[k * stride + i];
  }
}

}  // namespace

void DecodeByteStreamSplit(const uint8_t* data, size_t size, int64_t count, int width, uint8_t* out) {
  ByteCursor in(data, size, "BYTE_STREAM_SPLIT data");
  if (count < 0) in.Fail("negative value count " + std::to_string(count));
  if (width <= 0) in.Fail("value width " + std::to_string(width));
  // The stream length comes from the data, not from `count`: callers may
  // pass only the values they need, but the layout depends on all of them.
  if (size % static_cast<size_t>(width) != 0) {
    in.Fail(std::to_string(size) + " bytes do not split into streams of " + std::to_string(width) + "-byte values");
  }
  const auto stride = static_cast<int64_t>(size / static_cast<size_t>(width));
  if (count > stride) {
    in.Fail(std::to_string(count) + " values requested but the streams hold " + std::to_string(stride));
  }
  switch (width) {
    case 2: return Interleave<2>(data, stride, count, out);
    case 4: return Interleave<4>(data, stride, count, out);
    case 8: return Interleave<8>(data, stride, count, out);
    default: return Interleave(data, stride, count, width, out);
  }
}

}  // namespace lakestream::parquet
