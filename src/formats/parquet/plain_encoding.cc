// PLAIN encoding (parquet-format Encodings.md): fixed-width values back to
// back in little-endian, booleans bit-packed LSB first, byte arrays as a
// 4-byte little-endian length followed by the bytes.
#include <algorithm>
#include <array>
#include <climits>
#include <cstring>

#include "columnar/check.h"
#include "formats/parquet/byte_cursor.h"
#include "formats/parquet/encoding.h"

namespace lakestream::parquet {

namespace {

// Byte b of entry x is bit b of x: one lookup expands 8 booleans.
constexpr std::array<uint64_t, 256> kBitsToBytes = [] {
  std::array<uint64_t, 256> table{};
  for (int x = 0; x < 256; ++x) {
    for (int b = 0; b < 8; ++b) table[x] |= static_cast<uint64_t>((x >> b) & 1) << (8 * b);
  }
  return table;
}();

void CheckCount(const ByteCursor& in, int64_t count) {
  if (count < 0) in.Fail("negative value count " + std::to_string(count));
}

}  // namespace

size_t DecodePlainFixed(const uint8_t* data, size_t size, int64_t count, int width, uint8_t* out) {
  ByteCursor in(data, size, "PLAIN data");
  CheckCount(in, count);
  if (width <= 0) in.Fail("value width " + std::to_string(width));
  if (static_cast<uint64_t>(count) > size / static_cast<size_t>(width)) {
    in.Fail(std::to_string(count) + " values of " + std::to_string(width) + " bytes need more than the " +
            std::to_string(size) + " bytes present");
  }
  const size_t bytes = static_cast<size_t>(count) * static_cast<size_t>(width);
  if (bytes > 0) std::memcpy(out, data, bytes);
  return bytes;
}

size_t DecodePlainBoolean(const uint8_t* data, size_t size, int64_t count, uint8_t* out_bytes) {
  ByteCursor in(data, size, "PLAIN BOOLEAN data");
  CheckCount(in, count);
  const size_t bytes = (static_cast<uint64_t>(count) + 7) / 8;
  const uint8_t* bits = in.Take(bytes);
  const int64_t whole = count / 8;
  for (int64_t i = 0; i < whole; ++i) std::memcpy(out_bytes + 8 * i, &kBitsToBytes[bits[i]], 8);
  for (int64_t i = whole * 8; i < count; ++i) out_bytes[i] = (bits[i / 8] >> (i % 8)) & 1;
  return bytes;
}

size_t DecodePlainByteArray(const uint8_t* data, size_t size, int64_t count, std::vector<int32_t>* offsets,
                            std::string* bytes) {
  LS_CHECK(!offsets->empty());
  ByteCursor in(data, size, "PLAIN BYTE_ARRAY data");
  CheckCount(in, count);
  if (static_cast<uint64_t>(count) > size / 4) {
    in.Fail(std::to_string(count) + " values need more than the " + std::to_string(size) + " bytes present");
  }
  // Undo partial appends so a corrupt page leaves the caller's column as it was.
  const size_t old_offsets = offsets->size();
  const size_t old_bytes = bytes->size();
  try {
    // First the lengths (checked, into the offsets), then the bytes in one
    // resize and a copy per value.
    const int64_t base = offsets->back();
    offsets->resize(old_offsets + static_cast<size_t>(count));
    int32_t* o = offsets->data() + old_offsets;
    int64_t end_offset = base;
    for (int64_t i = 0; i < count; ++i) {
      uint32_t length;
      std::memcpy(&length, in.Take(4), 4);
      in.Take(length);
      end_offset += length;
      if (end_offset > INT32_MAX) in.Fail("byte arrays exceed 2 GiB in one column batch");
      o[i] = static_cast<int32_t>(end_offset);
    }
    // Short values are copied 16 bytes at a time, which may run up to 15
    // bytes past a value: within the data while far from its end, and into
    // the padding kept after the output bytes.
    constexpr size_t kPad = 16;
    bytes->resize(old_bytes + static_cast<size_t>(end_offset - base) + kPad);
    char* dst = bytes->data() + old_bytes;
    const uint8_t* src = data;
    const uint8_t* safe_end = data + size - std::min(size, kPad);
    int64_t prev = base;
    for (int64_t i = 0; i < count; ++i) {
      const size_t length = static_cast<size_t>(o[i] - prev);
      src += 4;
      if (length <= 32 && src + 32 <= safe_end) {
        std::memcpy(dst, src, 16);
        if (length > 16) std::memcpy(dst + 16, src + 16, 16);
      } else {
        std::memcpy(dst, src, length);
      }
      src += length;
      dst += length;
      prev = o[i];
    }
    bytes->resize(old_bytes + static_cast<size_t>(end_offset - base));
  } catch (const ParquetCorruptError&) {
    offsets->resize(old_offsets);
    bytes->resize(old_bytes);
    throw;
  }
  return in.offset();
}

void EncodePlainFixed(const uint8_t* values, int64_t count, int width, std::string* out) {
  LS_CHECK(count >= 0 && width > 0);
  out->append(reinterpret_cast<const char*>(values), static_cast<size_t>(count) * static_cast<size_t>(width));
}

void EncodePlainBoolean(const uint8_t* values_0_1, int64_t count, std::string* out) {
  LS_CHECK(count >= 0);
  for (int64_t i = 0; i < count; i += 8) {
    uint8_t byte = 0;
    for (int64_t b = 0; b < 8 && i + b < count; ++b) byte |= static_cast<uint8_t>((values_0_1[i + b] & 1) << b);
    out->push_back(static_cast<char>(byte));
  }
}

void EncodePlainByteArray(const std::string_view* values, int64_t count, std::string* out) {
  LS_CHECK(count >= 0);
  for (int64_t i = 0; i < count; ++i) {
    // The writer splits or rejects values over 2 GiB before encoding.
    LS_CHECK_LE(values[i].size(), static_cast<size_t>(INT32_MAX));
    const auto length = static_cast<uint32_t>(values[i].size());
    char prefix[4];
    std::memcpy(prefix, &length, 4);
    out->append(prefix, 4);
    out->append(values[i]);
  }
}

}  // namespace lakestream::parquet
