#include "formats/parquet/thrift_compact.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "formats/parquet/metadata.h"

namespace lakestream::parquet {
namespace {

const uint8_t* Bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

std::string Raw(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}

// Reads the next field header and checks its id and wire type.
void ExpectField(CompactReader& r, int16_t id, ThriftType type) {
  int16_t got_id;
  ThriftType got_type;
  ASSERT_TRUE(r.ReadFieldHeader(&got_id, &got_type));
  EXPECT_EQ(got_id, id);
  EXPECT_EQ(got_type, type);
}

void ExpectStop(CompactReader& r) {
  int16_t id;
  ThriftType type;
  EXPECT_FALSE(r.ReadFieldHeader(&id, &type));
}

TEST(ThriftCompactTest, IntegersRoundTripAtTheirLimits) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI16(1, std::numeric_limits<int16_t>::min());
  w.WriteFieldI16(2, std::numeric_limits<int16_t>::max());
  w.WriteFieldI32(3, std::numeric_limits<int32_t>::min());
  w.WriteFieldI32(4, std::numeric_limits<int32_t>::max());
  w.WriteFieldI32(5, -1);
  w.WriteFieldI64(6, std::numeric_limits<int64_t>::min());
  w.WriteFieldI64(7, std::numeric_limits<int64_t>::max());
  w.WriteFieldI64(8, 0);
  w.WriteFieldByte(9, -128);
  w.WriteFieldDouble(10, -2.5);
  w.EndStruct();
  std::string buf = w.Release();

  CompactReader r(Bytes(buf), buf.size(), "test");
  r.BeginStruct();
  ExpectField(r, 1, ThriftType::kI16);
  EXPECT_EQ(r.ReadI16(), std::numeric_limits<int16_t>::min());
  ExpectField(r, 2, ThriftType::kI16);
  EXPECT_EQ(r.ReadI16(), std::numeric_limits<int16_t>::max());
  ExpectField(r, 3, ThriftType::kI32);
  EXPECT_EQ(r.ReadI32(), std::numeric_limits<int32_t>::min());
  ExpectField(r, 4, ThriftType::kI32);
  EXPECT_EQ(r.ReadI32(), std::numeric_limits<int32_t>::max());
  ExpectField(r, 5, ThriftType::kI32);
  EXPECT_EQ(r.ReadI32(), -1);
  ExpectField(r, 6, ThriftType::kI64);
  EXPECT_EQ(r.ReadI64(), std::numeric_limits<int64_t>::min());
  ExpectField(r, 7, ThriftType::kI64);
  EXPECT_EQ(r.ReadI64(), std::numeric_limits<int64_t>::max());
  ExpectField(r, 8, ThriftType::kI64);
  EXPECT_EQ(r.ReadI64(), 0);
  ExpectField(r, 9, ThriftType::kByte);
  EXPECT_EQ(r.ReadByte(), -128);
  ExpectField(r, 10, ThriftType::kDouble);
  EXPECT_EQ(r.ReadDouble(), -2.5);
  ExpectStop(r);
  r.EndStruct();
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(ThriftCompactTest, WireFormatMatchesTheSpecification) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI32(1, 50399 / 2 * -1 - 1);  // zigzag 50399 → varint DF 89 03 (spec example)
  w.WriteFieldBool(2, true);
  w.WriteFieldBool(3, false);
  w.WriteFieldBinary(4, "ab");
  w.WriteFieldI64(20, 1);  // delta 16: long form, zigzag id 40
  w.WriteFieldI64(5, 1);   // backwards: long form
  w.EndStruct();
  EXPECT_EQ(w.buffer(), Raw({0x15, 0xDF, 0x89, 0x03, 0x11, 0x12, 0x18, 0x02, 'a', 'b', 0x06, 0x28, 0x02, 0x06,
                             0x0A, 0x02, 0x00}));
}

TEST(ThriftCompactTest, FieldIdDeltasAndLongFormIds) {
  CompactWriter w;
  w.BeginStruct();
  for (int16_t id : {1, 2, 17, 40, 3, -5, 32767}) w.WriteFieldI32(id, id);
  w.EndStruct();
  std::string buf = w.Release();
  CompactReader r(Bytes(buf), buf.size(), "test");
  r.BeginStruct();
  for (int16_t id : {1, 2, 17, 40, 3, -5, 32767}) {
    ExpectField(r, id, ThriftType::kI32);
    EXPECT_EQ(r.ReadI32(), id);
  }
  ExpectStop(r);
  r.EndStruct();
}

TEST(ThriftCompactTest, BoolFieldsLiveInTheHeader) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldBool(1, true);
  w.WriteFieldBool(2, false);
  w.EndStruct();
  EXPECT_EQ(w.buffer(), Raw({0x11, 0x12, 0x00}));
  std::string buf = w.Release();
  CompactReader r(Bytes(buf), buf.size(), "test");
  r.BeginStruct();
  int16_t id;
  ThriftType type;
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type));
  EXPECT_TRUE(r.ReadBool(type));
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type));
  EXPECT_FALSE(r.ReadBool(type));
  EXPECT_THROW(r.ReadBool(ThriftType::kI32), ParquetCorruptError);
}

TEST(ThriftCompactTest, ListsUseTheLongFormFromFifteenElements) {
  for (int32_t count : {0, 1, 14, 15, 16, 1000}) {
    CompactWriter w;
    w.BeginStruct();
    w.WriteFieldListBegin(1, ThriftType::kI64, count);
    for (int32_t i = 0; i < count; ++i) w.WriteI64Element(-i);
    w.WriteFieldListBegin(2, ThriftType::kBoolTrue, count);
    for (int32_t i = 0; i < count; ++i) w.WriteBoolElement(i % 3 == 0);
    w.WriteFieldListBegin(3, ThriftType::kBinary, count);
    for (int32_t i = 0; i < count; ++i) w.WriteBinaryElement(std::to_string(i));
    w.EndStruct();
    std::string buf = w.Release();
    // Short form: size in the high nibble; long form: 0xF then a varint.
    EXPECT_EQ(static_cast<uint8_t>(buf[1]), count < 15 ? (count << 4) | 6 : 0xF6) << count;

    CompactReader r(Bytes(buf), buf.size(), "test");
    r.BeginStruct();
    ThriftType element_type;
    int32_t n;
    ExpectField(r, 1, ThriftType::kList);
    r.ReadListHeader(&element_type, &n);
    EXPECT_EQ(element_type, ThriftType::kI64);
    ASSERT_EQ(n, count);
    for (int32_t i = 0; i < count; ++i) EXPECT_EQ(r.ReadI64(), -i);
    ExpectField(r, 2, ThriftType::kList);
    r.ReadListHeader(&element_type, &n);
    EXPECT_EQ(element_type, ThriftType::kBoolTrue);
    ASSERT_EQ(n, count);
    for (int32_t i = 0; i < count; ++i) EXPECT_EQ(r.ReadBoolElement(), i % 3 == 0);
    ExpectField(r, 3, ThriftType::kList);
    r.ReadListHeader(&element_type, &n);
    ASSERT_EQ(n, count);
    for (int32_t i = 0; i < count; ++i) EXPECT_EQ(r.ReadBinary(), std::to_string(i));
    ExpectStop(r);
    r.EndStruct();
    EXPECT_EQ(r.remaining(), 0u);
  }
}

TEST(ThriftCompactTest, BoolListElementTypeTwoIsAccepted) {
  // The spec's element type for bool is 2; values are bytes 1 (true) / 0 (false).
  std::string buf = Raw({0x32, 0x01, 0x00, 0x01});
  CompactReader r(Bytes(buf), buf.size(), "test");
  ThriftType element_type;
  int32_t n;
  r.ReadListHeader(&element_type, &n);
  EXPECT_EQ(element_type, ThriftType::kBoolTrue);
  ASSERT_EQ(n, 3);
  EXPECT_TRUE(r.ReadBoolElement());
  EXPECT_FALSE(r.ReadBoolElement());
  EXPECT_TRUE(r.ReadBoolElement());
  std::string bad = Raw({0x07});
  CompactReader r2(Bytes(bad), bad.size(), "test");
  EXPECT_THROW(r2.ReadBoolElement(), ParquetCorruptError);
}

TEST(ThriftCompactTest, SkipsUnknownFieldsOfEveryType) {
  // struct { 1: i32 7, 2: struct{1: list<struct{1: bool}>, 2: map<string,bool>,
  //   3: set<i16>, 4: double, 5: uuid, 6: map{} }, 3: byte, 4: binary, 5: bool, 9: i32 42 }
  std::string inner_struct = Raw({0x11, 0x00});  // {1: true}
  std::string buf;
  buf += Raw({0x15, 0x0E});                                // 1: i32 7
  buf += Raw({0x1C});                                      // 2: struct {
  buf += Raw({0x19, 0x2C}) + inner_struct + inner_struct;  //   1: list<struct> of 2
  buf += Raw({0x1B, 0x02, 0x81});                          //   2: map<binary, bool> of 2
  buf += Raw({0x01, 'k', 0x01, 0x01, 'j', 0x00});          //      {"k": true, "j": false}
  buf += Raw({0x1A, 0x24, 0x02, 0x04});                    //   3: set<i16> {1, 2}
  buf += Raw({0x17, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F});        //   4: double 1.0
  buf += Raw({0x1D}) + std::string(16, 'u');               //   5: uuid
  buf += Raw({0x1B, 0x00});                                //   6: empty map
  buf += Raw({0x00});                                      // }
  buf += Raw({0x13, 0x7F});                                // 3: byte
  buf += Raw({0x18, 0x03, 'a', 'b', 'c'});                 // 4: binary
  buf += Raw({0x11});                                      // 5: bool true
  buf += Raw({0x45, 0x54});                                // 9: i32 42
  buf += Raw({0x00});
  CompactReader r(Bytes(buf), buf.size(), "test");
  r.BeginStruct();
  int16_t id;
  ThriftType type;
  int32_t found = 0;
  while (r.ReadFieldHeader(&id, &type)) {
    if (id == 9) {
      found = r.ReadI32();
    } else {
      r.Skip(type);
    }
  }
  r.EndStruct();
  EXPECT_EQ(found, 42);
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(ThriftCompactTest, EveryTruncationFailsCleanly) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI64(1, std::numeric_limits<int64_t>::max());
  w.WriteFieldBinary(2, "hello world");
  w.WriteFieldListBegin(3, ThriftType::kStruct, 20);
  for (int i = 0; i < 20; ++i) {
    w.BeginStruct();
    w.WriteFieldDouble(1, i);
    w.WriteFieldBool(2, i % 2 == 0);
    w.EndStruct();
  }
  w.WriteFieldStructBegin(4);
  w.WriteFieldI32(300, -7);
  w.EndStruct();
  w.EndStruct();
  std::string buf = w.Release();
  for (size_t len = 0; len < buf.size(); ++len) {
    // Copy so that AddressSanitizer sees any read past the truncated end.
    std::string prefix = buf.substr(0, len);
    CompactReader r(Bytes(prefix), prefix.size(), "test");
    EXPECT_THROW(r.Skip(ThriftType::kStruct), ParquetCorruptError) << len;
  }
  CompactReader whole(Bytes(buf), buf.size(), "test");
  whole.Skip(ThriftType::kStruct);
  EXPECT_EQ(whole.remaining(), 0u);
}

TEST(ThriftCompactTest, RejectsOverlongVarintsAndOutOfRangeIntegers) {
  std::string eleven = std::string(10, '\x80') + Raw({0x01});
  CompactReader r1(Bytes(eleven), eleven.size(), "test");
  EXPECT_THROW(r1.ReadI64(), ParquetCorruptError);

  std::string overflow = std::string(9, '\xFF') + Raw({0x02});  // bit 64 set
  CompactReader r2(Bytes(overflow), overflow.size(), "test");
  EXPECT_THROW(r2.ReadI64(), ParquetCorruptError);

  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI64(1, int64_t{1} << 40);
  std::string big = w.Release().substr(1);  // the bare varint
  CompactReader r3(Bytes(big), big.size(), "test");
  EXPECT_THROW(r3.ReadI32(), ParquetCorruptError);
  CompactReader r4(Bytes(big), big.size(), "test");
  EXPECT_THROW(r4.ReadI16(), ParquetCorruptError);
}

TEST(ThriftCompactTest, RejectsLengthsBeyondTheData) {
  std::string binary = Raw({0x0A, 'a', 'b'});
  CompactReader r1(Bytes(binary), binary.size(), "test");
  EXPECT_THROW(r1.ReadBinary(), ParquetCorruptError);

  // A list claiming 2^31-1 elements in a handful of bytes must not allocate.
  std::string list = Raw({0xF5, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00});
  CompactReader r2(Bytes(list), list.size(), "test");
  ThriftType element_type;
  int32_t n;
  EXPECT_THROW(r2.ReadListHeader(&element_type, &n), ParquetCorruptError);

  std::string huge_list = Raw({0xF5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F});  // 2^32-1
  CompactReader r3(Bytes(huge_list), huge_list.size(), "test");
  EXPECT_THROW(r3.ReadListHeader(&element_type, &n), ParquetCorruptError);

  std::string map = Raw({0x1B, 0x64, 0x55, 0x00});  // 100 entries, 1 byte left
  CompactReader r4(Bytes(map), map.size(), "test");
  r4.BeginStruct();
  int16_t id;
  ThriftType type;
  ASSERT_TRUE(r4.ReadFieldHeader(&id, &type));
  EXPECT_THROW(r4.Skip(type), ParquetCorruptError);
}

TEST(ThriftCompactTest, RejectsUnknownWireTypes) {
  for (int t : {0x0E, 0x0F}) {
    std::string field = Raw({0x10 | t, 0x00});
    CompactReader r(Bytes(field), field.size(), "test");
    r.BeginStruct();
    int16_t id;
    ThriftType type;
    EXPECT_THROW(r.ReadFieldHeader(&id, &type), ParquetCorruptError);

    std::string list = Raw({0x10 | t, 0x00});
    CompactReader r2(Bytes(list), list.size(), "test");
    ThriftType element_type;
    int32_t n;
    EXPECT_THROW(r2.ReadListHeader(&element_type, &n), ParquetCorruptError);
  }
}

TEST(ThriftCompactTest, DeepNestingFailsInsteadOfOverflowingTheStack) {
  // 100,000 nested struct fields, then 100,000 nested lists of lists.
  std::string structs(100000, '\x1C');
  CompactReader r1(Bytes(structs), structs.size(), "test");
  EXPECT_THROW(r1.Skip(ThriftType::kStruct), ParquetCorruptError);

  std::string lists(100000, '\x19');
  CompactReader r2(Bytes(lists), lists.size(), "test");
  EXPECT_THROW(r2.Skip(ThriftType::kList), ParquetCorruptError);

  // Nesting just inside the limit is fine.
  std::string ok = std::string(63, '\x1C') + std::string(64, '\x00');
  CompactReader r3(Bytes(ok), ok.size(), "test");
  r3.Skip(ThriftType::kStruct);
  EXPECT_EQ(r3.remaining(), 0u);
}

TEST(ThriftCompactTest, ErrorsNameTheStructureAndOffset) {
  std::string buf = Raw({0x15});
  CompactReader r(Bytes(buf), buf.size(), "page header");
  r.BeginStruct();
  int16_t id;
  ThriftType type;
  ASSERT_TRUE(r.ReadFieldHeader(&id, &type));
  try {
    r.ReadI32();
    FAIL() << "expected an error";
  } catch (const ParquetCorruptError& e) {
    EXPECT_EQ(e.error_class(), "PARQUET_CORRUPT_FILE");
    EXPECT_NE(e.message().find("page header"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("byte 1"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace lakestream::parquet
