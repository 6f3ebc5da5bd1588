#include "formats/parquet/byte_cursor.h"

#include "formats/parquet/metadata.h"
#include "formats/parquet/uleb128.h"

namespace lakestream::parquet {

uint64_t ByteCursor::ReadUleb128() {
  uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos_ == end_) Fail("varint runs past the end of the data");
    const uint8_t byte = *pos_++;
    // The tenth byte may only carry the top bit of a 64-bit value.
    if (shift == 63 && byte > 1) Fail("varint does not fit 64 bits");
    value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  Fail("varint longer than 10 bytes");  // unreachable: the tenth byte ends it
}

int64_t ByteCursor::ReadZigZag() { return ZigZagDecode(ReadUleb128()); }

void ByteCursor::Fail(const std::string& message) const {
  throw ParquetCorruptError(std::string(what_) + " at byte " + std::to_string(offset()) + ": " + message);
}

void ByteCursor::FailTruncated(size_t wanted) const {
  Fail("needs " + std::to_string(wanted) + " bytes but only " + std::to_string(remaining()) + " remain");
}

}  // namespace lakestream::parquet
