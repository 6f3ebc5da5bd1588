// Thrift compact protocol (the encoding of Parquet footers and page headers),
// written by hand because only a handful of structs are needed and every read
// must be bounds-checked against a possibly corrupt or hostile file.
//
// Reader contract: every read checks the remaining input and throws
// ParquetCorruptError (see metadata.h) on truncation, varints longer than 10
// bytes, negative or absurd lengths/counts (a list count larger than the bytes
// left), unknown wire types, and nesting deeper than 64; it never reads
// outside [data, data + size). Unknown fields are skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lakestream::parquet {

// Compact protocol wire types.
enum class ThriftType : uint8_t {
  kStop = 0, kBoolTrue = 1, kBoolFalse = 2, kByte = 3, kI16 = 4, kI32 = 5, kI64 = 6,
  kDouble = 7, kBinary = 8, kList = 9, kSet = 10, kMap = 11, kStruct = 12,
};

class CompactReader {
 public:
  // `what` names the structure for error messages ("file footer", "page header").
  CompactReader(const uint8_t* data, size_t size, std::string what);

  size_t position() const { return pos_; }
  size_t remaining() const { return size_ - pos_; }

  // Struct framing: BeginStruct, then ReadFieldHeader until it returns false
  // (STOP), then EndStruct. field_id/type describe the field just read.
  void BeginStruct();
  bool ReadFieldHeader(int16_t* field_id, ThriftType* type);
  void EndStruct();

  bool ReadBool(ThriftType field_type);  // bools are encoded in the field header
  int8_t ReadByte();
  int16_t ReadI16();
  int32_t ReadI32();
  int64_t ReadI64();
  double ReadDouble();
  std::string ReadBinary();
  // List/set header: element type and count (checked against remaining bytes).
  // Bool elements report kBoolTrue whichever of the two tags the writer used.
  void ReadListHeader(ThriftType* element_type, int32_t* count);
  // Reads a bool element of a list (one byte each in lists).
  bool ReadBoolElement();
  void Skip(ThriftType type);

  [[noreturn]] void Fail(const std::string& message) const;

 private:
  uint64_t ReadVarint();
  uint8_t ReadRawByte();

  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  std::string what_;
  std::vector<int16_t> last_field_id_;  // per open struct, for delta field ids
  int depth_ = 0;
};

class CompactWriter {
 public:
  void BeginStruct();
  void EndStruct();  // writes STOP
  void WriteFieldBool(int16_t id, bool value);
  void WriteFieldByte(int16_t id, int8_t value);
  void WriteFieldI16(int16_t id, int16_t value);
  void WriteFieldI32(int16_t id, int32_t value);
  void WriteFieldI64(int16_t id, int64_t value);
  void WriteFieldDouble(int16_t id, double value);
  void WriteFieldBinary(int16_t id, std::string_view value);
  // Begins a struct-typed field; close it with EndStruct().
  void WriteFieldStructBegin(int16_t id);
  // Begins a list field; then write `count` elements with the element writers.
  void WriteFieldListBegin(int16_t id, ThriftType element_type, int32_t count);
  void WriteI32Element(int32_t value);
  void WriteI64Element(int64_t value);
  void WriteBinaryElement(std::string_view value);
  void WriteBoolElement(bool value);
  // A struct element of a list: BeginStruct ... EndStruct.

  const std::string& buffer() const { return out_; }
  std::string Release() { return std::move(out_); }

 private:
  void WriteFieldHeader(int16_t id, ThriftType type);
  void WriteVarint(uint64_t v);
  std::string out_;
  std::vector<int16_t> last_field_id_;
};

}  // namespace lakestream::parquet
