#include "formats/parquet/thrift_compact.h"

#include <bit>
#include <cstring>
#include <limits>

#include "columnar/check.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/uleb128.h"

namespace lakestream::parquet {

static_assert(std::endian::native == std::endian::little,
              "compact-protocol doubles are little-endian and copied as is");

namespace {

// Deep enough for any Parquet struct (the deepest, FileMetaData → RowGroup →
// ColumnChunk → ColumnMetaData → Statistics, is 5) while keeping recursion in
// Skip() far from exhausting the stack on hostile input.
constexpr int kMaxDepth = 64;
// Wire type 13 (UUID, 16 raw bytes) postdates ThriftType; Parquet never uses it
// but a newer writer's unknown field of that type must still be skippable.
constexpr uint8_t kUuidWireType = 13;
constexpr size_t kUuidBytes = 16;

bool IsValueType(uint8_t t) {
  return (t >= static_cast<uint8_t>(ThriftType::kBoolTrue) &&
          t <= static_cast<uint8_t>(ThriftType::kStruct)) ||
         t == kUuidWireType;
}

}  // namespace

CompactReader::CompactReader(const uint8_t* data, size_t size, std::string what)
    : data_(data), size_(size), what_(std::move(what)) {}

void CompactReader::Fail(const std::string& message) const {
  throw ParquetCorruptError("Corrupt " + what_ + ": " + message + " at byte " + std::to_string(pos_) +
                            " of " + std::to_string(size_));
}

uint8_t CompactReader::ReadRawByte() {
  if (pos_ >= size_) Fail("unexpected end of data");
  return data_[pos_++];
}

uint64_t CompactReader::ReadVarint() {
  uint64_t result = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = ReadRawByte();
    // The tenth byte holds only bit 63; anything more overflows 64 bits.
    if (shift == 63 && b > 1) Fail("varint overflows 64 bits");
    result |= static_cast<uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return result;
  }
  Fail("varint longer than 10 bytes");
}

void CompactReader::BeginStruct() {
  if (++depth_ > kMaxDepth) Fail("structures nested deeper than " + std::to_string(kMaxDepth));
  last_field_id_.push_back(0);
}

bool CompactReader::ReadFieldHeader(int16_t* field_id, ThriftType* type) {
  LS_CHECK(!last_field_id_.empty());
  uint8_t b = ReadRawByte();
  if (b == 0) return false;
  uint8_t wire_type = b & 0x0F;
  if (!IsValueType(wire_type)) Fail("unknown field type " + std::to_string(wire_type));
  int delta = b >> 4;
  int id;
  if (delta != 0) {
    id = last_field_id_.back() + delta;
    if (id > std::numeric_limits<int16_t>::max()) Fail("field id overflows i16");
  } else {
    id = ReadI16();
  }
  last_field_id_.back() = static_cast<int16_t>(id);
  *field_id = static_cast<int16_t>(id);
  *type = static_cast<ThriftType>(wire_type);
  return true;
}

void CompactReader::EndStruct() {
  LS_CHECK(!last_field_id_.empty());
  last_field_id_.pop_back();
  --depth_;
}

bool CompactReader::ReadBool(ThriftType field_type) {
  if (field_type == ThriftType::kBoolTrue) return true;
  if (field_type == ThriftType::kBoolFalse) return false;
  Fail("expected a bool field, found wire type " + std::to_string(static_cast<int>(field_type)));
}

int8_t CompactReader::ReadByte() { return static_cast<int8_t>(ReadRawByte()); }

int16_t CompactReader::ReadI16() {
  int64_t v = ZigZagDecode(ReadVarint());
  if (v < std::numeric_limits<int16_t>::min() || v > std::numeric_limits<int16_t>::max()) {
    Fail("i16 value " + std::to_string(v) + " out of range");
  }
  return static_cast<int16_t>(v);
}

int32_t CompactReader::ReadI32() {
  int64_t v = ZigZagDecode(ReadVarint());
  if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max()) {
    Fail("i32 value " + std::to_string(v) + " out of range");
  }
  return static_cast<int32_t>(v);
}

int64_t CompactReader::ReadI64() { return ZigZagDecode(ReadVarint()); }

double CompactReader::ReadDouble() {
  if (remaining() < sizeof(double)) Fail("truncated double");
  double v;
  std::memcpy(&v, data_ + pos_, sizeof(double));
  pos_ += sizeof(double);
  return v;
}

std::string CompactReader::ReadBinary() {
  uint64_t length = ReadVarint();
  if (length > static_cast<uint64_t>(std::numeric_limits<int32_t>::max()) || length > remaining()) {
    Fail("binary length " + std::to_string(length) + " exceeds the " + std::to_string(remaining()) +
         " bytes left");
  }
  std::string value(reinterpret_cast<const char*>(data_ + pos_), length);
  pos_ += length;
  return value;
}

void CompactReader::ReadListHeader(ThriftType* element_type, int32_t* count) {
  uint8_t b = ReadRawByte();
  uint8_t wire_type = b & 0x0F;
  if (!IsValueType(wire_type)) Fail("unknown list element type " + std::to_string(wire_type));
  uint64_t n = b >> 4;
  if (n == 0x0F) n = ReadVarint();
  // Every element takes at least one byte, so a larger count cannot be real
  // and must not drive an allocation.
  if (n > static_cast<uint64_t>(std::numeric_limits<int32_t>::max()) || n > remaining()) {
    Fail("list of " + std::to_string(n) + " elements exceeds the " + std::to_string(remaining()) +
         " bytes left");
  }
  // Writers disagree on the bool element type (the spec says 2, Java and C++
  // write 1); callers see one value.
  *element_type = wire_type == static_cast<uint8_t>(ThriftType::kBoolFalse)
                      ? ThriftType::kBoolTrue
                      : static_cast<ThriftType>(wire_type);
  *count = static_cast<int32_t>(n);
}

bool CompactReader::ReadBoolElement() {
  uint8_t b = ReadRawByte();
  if (b == 1) return true;
  // 0 is the spec's false; 2 (BOOLEAN_FALSE) comes from field-header habits.
  if (b == 0 || b == 2) return false;
  Fail("invalid bool element " + std::to_string(b));
}

void CompactReader::Skip(ThriftType type) {
  switch (type) {
    case ThriftType::kBoolTrue:
    case ThriftType::kBoolFalse: return;  // a bool field's value lives in its header
    case ThriftType::kByte: ReadRawByte(); return;
    case ThriftType::kI16:
    case ThriftType::kI32:
    case ThriftType::kI64: ReadVarint(); return;
    case ThriftType::kDouble: ReadDouble(); return;
    case ThriftType::kBinary: {
      uint64_t length = ReadVarint();
      if (length > remaining()) Fail("binary length " + std::to_string(length) + " exceeds the data");
      pos_ += length;
      return;
    }
    case ThriftType::kStruct: {
      BeginStruct();
      int16_t id;
      ThriftType field_type;
      while (ReadFieldHeader(&id, &field_type)) Skip(field_type);
      EndStruct();
      return;
    }
    case ThriftType::kList:
    case ThriftType::kSet: {
      if (++depth_ > kMaxDepth) Fail("containers nested deeper than " + std::to_string(kMaxDepth));
      ThriftType element_type;
      int32_t count;
      ReadListHeader(&element_type, &count);
      for (int32_t i = 0; i < count; ++i) {
        if (element_type == ThriftType::kBoolTrue) {
          ReadBoolElement();
        } else {
          Skip(element_type);
        }
      }
      --depth_;
      return;
    }
    case ThriftType::kMap: {
      if (++depth_ > kMaxDepth) Fail("containers nested deeper than " + std::to_string(kMaxDepth));
      uint64_t count = ReadVarint();
      if (count == 0) {
        --depth_;
        return;
      }
      uint8_t types = ReadRawByte();
      uint8_t key_type = types >> 4, value_type = types & 0x0F;
      if (!IsValueType(key_type) || !IsValueType(value_type)) Fail("unknown map element type");
      if (count > remaining() / 2) Fail("map of " + std::to_string(count) + " entries exceeds the data");
      for (uint64_t i = 0; i < count; ++i) {
        for (uint8_t t : {key_type, value_type}) {
          if (t == static_cast<uint8_t>(ThriftType::kBoolTrue) ||
              t == static_cast<uint8_t>(ThriftType::kBoolFalse)) {
            ReadBoolElement();
          } else {
            Skip(static_cast<ThriftType>(t));
          }
        }
      }
      --depth_;
      return;
    }
    case ThriftType::kStop: break;
  }
  if (static_cast<uint8_t>(type) == kUuidWireType) {
    if (remaining() < kUuidBytes) Fail("truncated uuid");
    pos_ += kUuidBytes;
    return;
  }
  Fail("cannot skip wire type " + std::to_string(static_cast<int>(type)));
}

void CompactWriter::BeginStruct() { last_field_id_.push_back(0); }

void CompactWriter::EndStruct() {
  LS_CHECK(!last_field_id_.empty());
  out_.push_back('\0');
  last_field_id_.pop_back();
}

void CompactWriter::WriteVarint(uint64_t v) { AppendUleb128(v, &out_); }

void CompactWriter::WriteFieldHeader(int16_t id, ThriftType type) {
  LS_CHECK(!last_field_id_.empty());
  int delta = id - last_field_id_.back();
  if (delta > 0 && delta <= 15) {
    out_.push_back(static_cast<char>((delta << 4) | static_cast<int>(type)));
  } else {
    out_.push_back(static_cast<char>(type));
    WriteVarint(ZigZagEncode(id));
  }
  last_field_id_.back() = id;
}

void CompactWriter::WriteFieldBool(int16_t id, bool value) {
  WriteFieldHeader(id, value ? ThriftType::kBoolTrue : ThriftType::kBoolFalse);
}

void CompactWriter::WriteFieldByte(int16_t id, int8_t value) {
  WriteFieldHeader(id, ThriftType::kByte);
  out_.push_back(static_cast<char>(value));
}

void CompactWriter::WriteFieldI16(int16_t id, int16_t value) {
  WriteFieldHeader(id, ThriftType::kI16);
  WriteVarint(ZigZagEncode(value));
}

void CompactWriter::WriteFieldI32(int16_t id, int32_t value) {
  WriteFieldHeader(id, ThriftType::kI32);
  WriteVarint(ZigZagEncode(value));
}

void CompactWriter::WriteFieldI64(int16_t id, int64_t value) {
  WriteFieldHeader(id, ThriftType::kI64);
  WriteVarint(ZigZagEncode(value));
}

void CompactWriter::WriteFieldDouble(int16_t id, double value) {
  WriteFieldHeader(id, ThriftType::kDouble);
  char bytes[sizeof(double)];
  std::memcpy(bytes, &value, sizeof(double));
  out_.append(bytes, sizeof(double));
}

void CompactWriter::WriteFieldBinary(int16_t id, std::string_view value) {
  WriteFieldHeader(id, ThriftType::kBinary);
  WriteBinaryElement(value);
}

void CompactWriter::WriteFieldStructBegin(int16_t id) {
  WriteFieldHeader(id, ThriftType::kStruct);
  BeginStruct();
}

void CompactWriter::WriteFieldListBegin(int16_t id, ThriftType element_type, int32_t count) {
  LS_CHECK_GE(count, 0);
  WriteFieldHeader(id, ThriftType::kList);
  // Bool elements are tagged 1 as Java and C++ Thrift write them; every reader
  // we know accepts 1, while some reject the spec's 2.
  int type = element_type == ThriftType::kBoolFalse ? static_cast<int>(ThriftType::kBoolTrue)
                                                    : static_cast<int>(element_type);
  if (count < 15) {
    out_.push_back(static_cast<char>((count << 4) | type));
  } else {
    out_.push_back(static_cast<char>(0xF0 | type));
    WriteVarint(static_cast<uint64_t>(count));
  }
}

void CompactWriter::WriteI32Element(int32_t value) { WriteVarint(ZigZagEncode(value)); }

void CompactWriter::WriteI64Element(int64_t value) { WriteVarint(ZigZagEncode(value)); }

void CompactWriter::WriteBinaryElement(std::string_view value) {
  WriteVarint(value.size());
  out_.append(value);
}

void CompactWriter::WriteBoolElement(bool value) { out_.push_back(value ? 1 : 0); }

}  // namespace lakestream::parquet
