// ParquetSchema: a file's Parquet schema tree converted to Lakestream types
// with Spark's mapping (ParquetToSparkSchemaConverter), plus what a reader
// needs to decode each leaf column and reassemble nested values.
//
// Leaf types (physical + logical/converted annotation -> Lakestream):
//   BOOLEAN -> BOOLEAN;  INT32 -> INT, INT(8|16,signed) -> TINYINT|SMALLINT,
//   UINT_8 -> SMALLINT, UINT_16 -> INT, UINT_32 -> BIGINT, DATE -> DATE;
//   INT64 -> BIGINT, UINT_64 -> DECIMAL(20,0), TIMESTAMP(adjusted to UTC) ->
//   TIMESTAMP, TIMESTAMP(local) -> TIMESTAMP_NTZ (nanoseconds truncated to µs);
//   TIME -> BIGINT microseconds since midnight (Spark has no TIME type);
//   INT96 -> TIMESTAMP;  FLOAT, FLOAT16 -> FLOAT;  DOUBLE -> DOUBLE;
//   BYTE_ARRAY/FIXED_LEN_BYTE_ARRAY with STRING/UTF8/ENUM/JSON -> STRING,
//   UUID -> STRING (8-4-4-4-12 hex), other -> BINARY;  DECIMAL on any of
//   INT32/INT64/BYTE_ARRAY/FIXED_LEN_BYTE_ARRAY -> DECIMAL(p,s).
// Groups -> STRUCT; LIST and MAP follow parquet-format's backward-compatibility
// rules: 2-level lists, a repeated field outside LIST/MAP is a required ARRAY
// of required elements, MAP_KEY_VALUE in place of MAP, optional map keys.
// A MAP whose key_value group has no value field (a set of keys) is read as
// ARRAY of its keys: Spark's MAP cannot omit values, and the keys carry all
// the data. Key-value metadata of the file becomes the schema's metadata.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "formats/parquet/metadata.h"
#include "lakestream/types.h"

namespace lakestream::parquet {

// How a leaf's physical values become its Lakestream type's Arrow values.
enum class LeafConversion : uint8_t {
  kNone,               // same bytes (INT, BIGINT, FLOAT, DOUBLE, DATE, µs timestamps, BOOLEAN, STRING/BINARY)
  kInt32ToInt8,        // INT(8, signed)
  kInt32ToInt16,       // INT(16, signed)
  kUint8ToInt16,       // INT(8, unsigned)
  kUint16ToInt32,      // INT(16, unsigned)
  kUint32ToInt64,      // INT(32, unsigned)
  kInt32ToDecimal,
  kInt64ToDecimal,
  kUint64ToDecimal,    // INT(64, unsigned) -> DECIMAL(20,0)
  kMillis32ToMicros,   // TIME(MILLIS) on INT32 -> BIGINT µs
  kMillisToMicros,     // INT64 milliseconds -> µs
  kNanosToMicros,      // INT64 nanoseconds -> µs, rounded toward negative infinity
  kInt96ToMicros,      // Julian day + nanoseconds of day -> µs since the epoch
  kFloat16ToFloat,
  kFixedToDecimal,     // big-endian two's complement FIXED_LEN_BYTE_ARRAY
  kBinaryToDecimal,    // big-endian two's complement BYTE_ARRAY
  kFixedToBinary,      // FIXED_LEN_BYTE_ARRAY -> STRING/BINARY
  kUuidToString,       // FIXED_LEN_BYTE_ARRAY(16) -> canonical text
};

// One leaf (primitive) column of the file.
struct LeafDescriptor {
  int column_index = 0;              // position in RowGroup::columns (depth-first leaf order)
  std::vector<std::string> path;     // names from the root's children down to the leaf
  int16_t max_def_level = 0;
  int16_t max_rep_level = 0;
  PhysicalType physical_type = PhysicalType::kInt32;
  int32_t type_length = 0;           // FIXED_LEN_BYTE_ARRAY width, else 0
  DataTypePtr type;                  // Lakestream type of the values
  LeafConversion conversion = LeafConversion::kNone;

  // "a.b.c", for messages.
  std::string DottedPath() const;
};

// One node of the converted schema tree. Levels describe where the node's
// instances are in any leaf column below it (Dremel record shredding):
//   slots: the level positions j with rep[j] <= rep_level and
//          def[j] >= slot_def_level are this node's instances, in order;
//   validity: the instance at slot j is non-null iff def[j] >= def_level.
struct ParquetNode {
  enum class Kind : uint8_t { kLeaf, kStruct, kList, kMap };
  Kind kind = Kind::kLeaf;
  Field field;                      // name, type, nullable as stored in the file
  int16_t def_level = 0;
  int16_t rep_level = 0;
  int16_t slot_def_level = 0;
  // kStruct: the fields; kList: {element}; kMap: {key, value}. The children of
  // a list or map have the slots of its elements (entries).
  std::vector<ParquetNode> children;
  int leaf = -1;                    // kLeaf: index into ParquetSchema::leaves()
  int first_leaf = -1;              // the first leaf below (or at) this node
};

class ParquetSchema {
 public:
  // Converts `metadata.schema`. `file` names the file in error messages.
  // Throws ParquetCorruptError for a malformed tree (counts that do not add
  // up, a group without children count, invalid LIST/MAP shapes, nesting over
  // 100 levels), ParquetUnsupportedError for a DECIMAL over 38 digits and
  // UserError COLUMN_ALREADY_EXISTS when a group (or the root) has two fields
  // of the same name.
  ParquetSchema(const FileMetaData& metadata, const std::string& file);

  // Top-level fields, nullability as stored, with the key-value metadata.
  const SchemaPtr& schema() const { return schema_; }
  const std::vector<ParquetNode>& fields() const { return fields_; }
  const std::vector<LeafDescriptor>& leaves() const { return leaves_; }

 private:
  SchemaPtr schema_;
  std::vector<ParquetNode> fields_;
  std::vector<LeafDescriptor> leaves_;
};

// A copy of `type` with every field, element and value nullable (Spark reads
// files with asNullable schemas, whatever the file says).
DataTypePtr AsNullable(const DataTypePtr& type);

}  // namespace lakestream::parquet
