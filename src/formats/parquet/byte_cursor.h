// ByteCursor: bounds-checked sequential reads over one encoded value stream
// (a page's levels or values). Every read that would leave [data, data + size)
// throws ParquetCorruptError naming the stream and the byte offset; nothing is
// ever read outside the span. Not thread-safe; cheap to copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace lakestream::parquet {

class ByteCursor {
 public:
  // `what` names the stream in error messages ("DELTA_BINARY_PACKED data");
  // it must outlive the cursor (a string literal).
  ByteCursor(const uint8_t* data, size_t size, const char* what)
      : begin_(data), pos_(data), end_(data + size), what_(what) {}

  size_t offset() const { return static_cast<size_t>(pos_ - begin_); }
  size_t remaining() const { return static_cast<size_t>(end_ - pos_); }
  const uint8_t* position() const { return pos_; }
  const uint8_t* end() const { return end_; }

  // ULEB128 of at most 10 bytes whose value fits 64 bits.
  uint64_t ReadUleb128();
  // Zigzag-mapped ULEB128 (signed).
  int64_t ReadZigZag();
  // Returns a pointer to the next n bytes and moves past them.
  const uint8_t* Take(size_t n) {
    if (n > remaining()) FailTruncated(n);
    const uint8_t* p = pos_;
    pos_ += n;
    return p;
  }

  // Throws ParquetCorruptError("<what> at byte <offset>: <message>").
  [[noreturn]] void Fail(const std::string& message) const;

 private:
  [[noreturn]] void FailTruncated(size_t wanted) const;

  const uint8_t* begin_;
  const uint8_t* pos_;
  const uint8_t* end_;
  const char* what_;
};

}  // namespace lakestream::parquet
