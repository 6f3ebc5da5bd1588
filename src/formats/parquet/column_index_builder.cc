#include "formats/parquet/column_index_builder.h"

namespace lakestream::parquet {
namespace {

bool IsUtf8Continuation(uint8_t byte) { return (byte & 0xC0) == 0x80; }

// The largest cut <= limit that does not split a UTF-8 character.
size_t CharBoundary(std::string_view value, size_t limit, bool utf8) {
  size_t cut = limit;
  if (utf8) {
    while (cut > 0 && IsUtf8Continuation(static_cast<uint8_t>(value[cut]))) --cut;
  }
  return cut;
}

}  // namespace

std::string TruncateLowerBound(std::string_view value, size_t limit, bool utf8) {
  if (value.size() <= limit) return std::string(value);
  return std::string(value.substr(0, CharBoundary(value, limit, utf8)));
}

std::string TruncateUpperBound(std::string_view value, size_t limit, bool utf8) {
  if (value.size() <= limit) return std::string(value);
  size_t cut = CharBoundary(value, limit, utf8);
  // Incrementing an ASCII byte keeps UTF-8 valid; in binary any byte below
  // 0xFF can be incremented.
  const uint8_t ceiling = utf8 ? 0x7F : 0xFF;
  for (size_t i = cut; i > 0; --i) {
    auto byte = static_cast<uint8_t>(value[i - 1]);
    if (byte < ceiling) {
      std::string out(value.substr(0, i));
      out.back() = static_cast<char>(byte + 1);
      return out;
    }
  }
  return std::string(value);
}

}  // namespace lakestream::parquet
