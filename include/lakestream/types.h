// Data types, fields and schemas: Spark's SQL types with Arrow's memory layout.
//
// Types are immutable and shared (DataTypePtr). Physical layout of each type
// (Arrow): BOOLEAN bit-packed; TINYINT..BIGINT, FLOAT, DOUBLE native; DECIMAL as
// 16-byte little-endian two's complement unscaled values (decimal128); DATE as
// int32 days since 1970-01-01; TIMESTAMP and TIMESTAMP_NTZ as int64 microseconds
// since the epoch (TIMESTAMP is UTC, shown in the session time zone); ANSI
// intervals as int32 months (INTERVAL YEAR TO MONTH family) and int64
// microseconds (INTERVAL DAY TO SECOND family); STRING
// and BINARY with int32 offsets; ARRAY with int32 offsets and one child; STRUCT
// with one child per field; MAP as Arrow's list<struct<key, value>>.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lakestream {

enum class TypeId : uint8_t {
  kNull,
  kBoolean,
  kByte,    // TINYINT
  kShort,   // SMALLINT
  kInt,     // INT
  kLong,    // BIGINT
  kFloat,
  kDouble,
  kDecimal,
  kString,
  kBinary,
  kDate,
  kTimestamp,
  kTimestampNtz,
  kYearMonthInterval,  // start/end fields in precision()/scale(): IntervalField::kYear..kMonth
  kDayTimeInterval,    // start/end fields in precision()/scale(): IntervalField::kDay..kSecond
  kArray,
  kStruct,
  kMap,
};

// The fields of an ANSI interval type, numbered as Spark does (YEAR 0,
// MONTH 1 for year-month; DAY 0, HOUR 1, MINUTE 2, SECOND 3 for day-time).
namespace IntervalField {
constexpr int kYear = 0, kMonth = 1;
constexpr int kDay = 0, kHour = 1, kMinute = 2, kSecond = 3;
}  // namespace IntervalField

class DataType;
using DataTypePtr = std::shared_ptr<const DataType>;

struct Field {
  Field() = default;
  Field(std::string name, DataTypePtr type, bool nullable = true,
        std::map<std::string, std::string> metadata = {})
      : name(std::move(name)), type(std::move(type)), nullable(nullable),
        metadata(std::move(metadata)) {}

  std::string name;
  DataTypePtr type;
  bool nullable = true;
  std::map<std::string, std::string> metadata;

  bool operator==(const Field& other) const;
};

class DataType {
 public:
  static constexpr int kMaxDecimalPrecision = 38;

  static DataTypePtr Null();
  static DataTypePtr Boolean();
  static DataTypePtr Byte();
  static DataTypePtr Short();
  static DataTypePtr Int();
  static DataTypePtr Long();
  static DataTypePtr Float();
  static DataTypePtr Double();
  // Throws UserError unless 1 <= precision <= 38 and 0 <= scale <= precision.
  static DataTypePtr Decimal(int precision, int scale);
  static DataTypePtr String();
  static DataTypePtr Binary();
  static DataTypePtr Date();
  static DataTypePtr Timestamp();
  static DataTypePtr TimestampNtz();
  // Spark's YearMonthIntervalType(start, end) and DayTimeIntervalType(start,
  // end); throws InternalError unless start <= end are fields of the family.
  static DataTypePtr YearMonthInterval(int start = IntervalField::kYear, int end = IntervalField::kMonth);
  static DataTypePtr DayTimeInterval(int start = IntervalField::kDay, int end = IntervalField::kSecond);
  static DataTypePtr Array(DataTypePtr element, bool contains_null = true);
  static DataTypePtr Struct(std::vector<Field> fields);
  static DataTypePtr Map(DataTypePtr key, DataTypePtr value, bool value_contains_null = true);

  // Parses a Spark type string: "int", "bigint", "decimal(10,2)", "array<string>",
  // "map<string,int>", "struct<a:int,b:string>", "timestamp_ntz". Case-insensitive.
  static DataTypePtr Parse(std::string_view text);

  TypeId id() const { return id_; }
  int precision() const { return precision_; }
  int scale() const { return scale_; }
  // ARRAY: the element type. MAP: key_type()/value_type(). STRUCT: fields().
  const DataTypePtr& element_type() const { return children_[0].type; }
  bool contains_null() const { return children_[0].nullable; }
  const DataTypePtr& key_type() const { return children_[0].type; }
  const DataTypePtr& value_type() const { return children_[1].type; }
  bool value_contains_null() const { return children_[1].nullable; }
  const std::vector<Field>& fields() const { return children_; }
  // Interval types: the start and end field (IntervalField).
  int start_field() const { return precision_; }
  int end_field() const { return scale_; }

  bool IsIntegral() const { return id_ >= TypeId::kByte && id_ <= TypeId::kLong; }
  bool IsFloating() const { return id_ == TypeId::kFloat || id_ == TypeId::kDouble; }
  bool IsNumeric() const { return IsIntegral() || IsFloating() || id_ == TypeId::kDecimal; }
  bool IsNested() const { return id_ >= TypeId::kArray; }
  bool IsBinaryLike() const { return id_ == TypeId::kString || id_ == TypeId::kBinary; }
  bool IsInterval() const { return id_ == TypeId::kYearMonthInterval || id_ == TypeId::kDayTimeInterval; }
  bool IsTimestampLike() const { return id_ == TypeId::kTimestamp || id_ == TypeId::kTimestampNtz; }
  // Bytes per value for fixed-width types (BOOLEAN counts as 0: bit-packed); -1 otherwise.
  int byte_width() const;

  // Spark's simpleString: "int", "decimal(10,2)", "array<int>", "struct<a:int>",
  // "interval day to second", "interval month".
  std::string ToString() const;
  // Spark's SQL name for DDL and error messages: "INT", "DECIMAL(10,2)", "ARRAY<INT>".
  std::string ToSql() const;

  bool Equals(const DataType& other) const;

 private:
  DataType(TypeId id, int precision, int scale, std::vector<Field> children);

  TypeId id_;
  int precision_ = 0;
  int scale_ = 0;
  std::vector<Field> children_;
};

inline bool operator==(const DataType& a, const DataType& b) { return a.Equals(b); }
// Pointer-aware equality; two null pointers are equal.
bool TypeEquals(const DataTypePtr& a, const DataTypePtr& b);

class Schema;
using SchemaPtr = std::shared_ptr<const Schema>;

class Schema {
 public:
  Schema() = default;
  explicit Schema(std::vector<Field> fields, std::map<std::string, std::string> metadata = {});

  // Parses Spark DDL: "a INT, b STRING NOT NULL, c ARRAY<INT>". Names may be `quoted`.
  static SchemaPtr ParseDdl(std::string_view ddl);

  const std::vector<Field>& fields() const { return fields_; }
  const Field& field(size_t i) const { return fields_[i]; }
  size_t num_fields() const { return fields_.size(); }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }

  // Case-insensitive lookup (Spark's default, spark.sql.caseSensitive=false).
  // Returns -1 if absent; throws UserError AMBIGUOUS_REFERENCE if several match.
  int FieldIndex(std::string_view name) const;
  std::vector<std::string> FieldNames() const;

  // "struct<a:int,b:string>"
  std::string ToString() const;
  // Spark's printSchema() tree: "root\n |-- a: integer (nullable = true)\n".
  std::string TreeString() const;
  DataTypePtr AsStruct() const;

  bool Equals(const Schema& other) const;

 private:
  std::vector<Field> fields_;
  std::map<std::string, std::string> metadata_;
};

}  // namespace lakestream
