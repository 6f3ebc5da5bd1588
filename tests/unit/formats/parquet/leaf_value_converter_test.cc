// Physical Parquet values converted to Lakestream's layout: narrowing and
// unsigned widening, decimals of every width, timestamps in every unit,
// INT96, FLOAT16 and UUID text.
#include "formats/parquet/leaf_value_converter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

namespace lakestream::parquet {
namespace {

LeafDescriptor Leaf(PhysicalType physical, DataTypePtr type, LeafConversion conversion, int32_t type_length = 0) {
  LeafDescriptor d;
  d.path = {"c"};
  d.physical_type = physical;
  d.type = std::move(type);
  d.conversion = conversion;
  d.type_length = type_length;
  return d;
}

template <typename From>
Value ConvertOne(const LeafDescriptor& leaf, From v) {
  LeafValueConverter c(leaf);
  uint8_t out[16];
  c.FixedToFixed(reinterpret_cast<const uint8_t*>(&v), 1, out);
  return c.FixedValue(out);
}

Value ConvertBytes(const LeafDescriptor& leaf, const std::string& bytes) {
  LeafValueConverter c(leaf);
  uint8_t out[16];
  if (leaf.physical_type == PhysicalType::kByteArray) {
    int32_t offsets[2] = {0, static_cast<int32_t>(bytes.size())};
    c.BinaryToFixed(offsets, reinterpret_cast<const uint8_t*>(bytes.data()), 1, out);
  } else {
    c.FixedToFixed(reinterpret_cast<const uint8_t*>(bytes.data()), 1, out);
  }
  return c.FixedValue(out);
}

TEST(LeafValueConverterTest, IntegersNarrowAndUnsignedOnesWiden) {
  EXPECT_EQ(ConvertOne(Leaf(PhysicalType::kInt32, DataType::Byte(), LeafConversion::kInt32ToInt8), int32_t{-7}),
            Value(int64_t{-7}));
  EXPECT_EQ(ConvertOne(Leaf(PhysicalType::kInt32, DataType::Short(), LeafConversion::kUint8ToInt16), int32_t{255}),
            Value(int64_t{255}));
  EXPECT_EQ(ConvertOne(Leaf(PhysicalType::kInt32, DataType::Int(), LeafConversion::kUint16ToInt32), int32_t{-1}),
            Value(int64_t{65535}));
  EXPECT_EQ(ConvertOne(Leaf(PhysicalType::kInt32, DataType::Long(), LeafConversion::kUint32ToInt64), int32_t{-1}),
            Value(int64_t{4294967295}));
  EXPECT_EQ(ConvertOne(Leaf(PhysicalType::kInt64, DataType::Decimal(20, 0), LeafConversion::kUint64ToDecimal),
                       int64_t{-1}),
            Value::Decimal(static_cast<int128_t>(UINT64_MAX)));
}

TEST(LeafValueConverterTest, TimestampsBecomeMicroseconds) {
  auto ts = DataType::Timestamp();
  EXPECT_EQ(ConvertOne(Leaf(PhysicalType::kInt64, ts, LeafConversion::kMillisToMicros), int64_t{-1500}),
            Value(int64_t{-1500000}));
  // Nanoseconds round toward negative infinity, as the instant they fall in.
  EXPECT_EQ(ConvertOne(Leaf(PhysicalType::kInt64, ts, LeafConversion::kNanosToMicros), int64_t{-1500}),
            Value(int64_t{-2}));
  EXPECT_EQ(ConvertOne(Leaf(PhysicalType::kInt64, ts, LeafConversion::kNanosToMicros), int64_t{1999}),
            Value(int64_t{1}));
  auto time_millis = Leaf(PhysicalType::kInt32, DataType::Long(), LeafConversion::kMillis32ToMicros);
  EXPECT_EQ(ConvertOne(time_millis, int32_t{86399999}), Value(int64_t{86399999000}));
  // INT96: nanoseconds of the day, then the Julian day (2440588 = 1970-01-01).
  uint8_t int96[12];
  int64_t nanos = 3723000001000;  // 01:02:03.000001
  int32_t day = 2440589;
  std::memcpy(int96, &nanos, 8);
  std::memcpy(int96 + 8, &day, 4);
  auto int96_leaf = Leaf(PhysicalType::kInt96, ts, LeafConversion::kInt96ToMicros);
  EXPECT_EQ(ConvertBytes(int96_leaf, std::string(int96, int96 + 12)), Value(int64_t{86400000000 + 3723000001}));
}

TEST(LeafValueConverterTest, DecimalsFromBigEndianBytes) {
  auto fixed = [](int length) {
    return Leaf(PhysicalType::kFixedLenByteArray, DataType::Decimal(38, 2), LeafConversion::kFixedToDecimal, length);
  };
  EXPECT_EQ(ConvertBytes(fixed(2), std::string("\x01\x00", 2)), Value::Decimal(256));
  EXPECT_EQ(ConvertBytes(fixed(3), std::string("\xff\xff\x9c", 3)), Value::Decimal(-100));
  // Wider than 16 bytes: leading sign-extension bytes are dropped.
  EXPECT_EQ(ConvertBytes(fixed(18), std::string(17, '\xff') + "\xfe"), Value::Decimal(-2));
  EXPECT_THROW(ConvertBytes(fixed(18), std::string("\x01") + std::string(17, '\x00')), UserError);
  auto binary = Leaf(PhysicalType::kByteArray, DataType::Decimal(10, 2), LeafConversion::kBinaryToDecimal);
  EXPECT_EQ(ConvertBytes(binary, std::string("\x04\xd2", 2)), Value::Decimal(1234));
  EXPECT_EQ(ConvertBytes(binary, ""), Value::Decimal(0));
}

TEST(LeafValueConverterTest, Float16BecomesFloat) {
  auto half = Leaf(PhysicalType::kFixedLenByteArray, DataType::Float(), LeafConversion::kFloat16ToFloat, 2);
  auto f16 = [&](uint16_t bits) {
    return ConvertBytes(half, std::string(reinterpret_cast<char*>(&bits), 2)).as_double();
  };
  EXPECT_EQ(f16(0x3c00), 1.0);
  EXPECT_EQ(f16(0xc000), -2.0);
  EXPECT_EQ(f16(0x7bff), 65504.0);
  EXPECT_EQ(f16(0x0001), std::ldexp(1.0, -24));  // smallest subnormal
  EXPECT_TRUE(std::signbit(f16(0x8000)));
  EXPECT_TRUE(std::isinf(f16(0x7c00)));
  EXPECT_TRUE(std::isnan(f16(0x7e00)));
}

TEST(LeafValueConverterTest, FixedLengthBytesBecomeBinaryOrUuidText) {
  std::string uuid("\x12\x3e\x45\x67\xe8\x9b\x12\xd3\xa4\x56\x42\x66\x14\x17\x40\x00", 16);
  std::vector<int32_t> offsets{0};
  std::string bytes;
  LeafValueConverter(Leaf(PhysicalType::kFixedLenByteArray, DataType::String(), LeafConversion::kUuidToString, 16))
      .FixedToBinary(reinterpret_cast<const uint8_t*>(uuid.data()), 1, &offsets, &bytes);
  EXPECT_EQ(bytes, "123e4567-e89b-12d3-a456-426614174000");
  EXPECT_EQ(offsets, (std::vector<int32_t>{0, 36}));
  offsets = {0};
  bytes.clear();
  LeafValueConverter(Leaf(PhysicalType::kFixedLenByteArray, DataType::Binary(), LeafConversion::kFixedToBinary, 3))
      .FixedToBinary(reinterpret_cast<const uint8_t*>("abcdef"), 2, &offsets, &bytes);
  EXPECT_EQ(bytes, "abcdef");
  EXPECT_EQ(offsets, (std::vector<int32_t>{0, 3, 6}));
}

}  // namespace
}  // namespace lakestream::parquet
