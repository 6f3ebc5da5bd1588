// WriterSchema: how an engine schema is laid out in a Parquet file, following
// Spark's non-legacy conventions (ParquetSchemaConverter with
// writeLegacyParquetFormat=false): TINYINT/SMALLINT as INT32 with INT(8/16),
// DECIMAL as INT32 (precision <= 9), INT64 (<= 18) or the smallest
// FIXED_LEN_BYTE_ARRAY, TIMESTAMP as INT64 TIMESTAMP(MICROS, UTC),
// TIMESTAMP_NTZ as TIMESTAMP(MICROS, local), ARRAY as the three-level LIST
// (`list` / `element`), MAP as MAP (`key_value` / `key` / `value`).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lakestream/types.h"
#include "formats/parquet/metadata.h"

namespace lakestream::parquet {

// One step on the way from a top-level column down to a leaf, as the level
// builder walks the arrays.
struct LevelNode {
  enum class Kind {
    kLeaf,      // the primitive values
    kStruct,    // descend into child `child`
    kRepeated,  // ARRAY or MAP: descend into child 0 for each element/entry
  };
  Kind kind = Kind::kLeaf;
  bool nullable = false;  // adds one definition level when the value is present
  int child = 0;          // kStruct only
  int16_t rep_level = 0;  // kRepeated only: repetition level of its elements
};

struct LeafColumn {
  int field_index = 0;            // top-level column of the schema
  std::vector<LevelNode> nodes;   // nodes[0] is the top-level field, back() the leaf
  DataTypePtr type;               // engine type of the leaf values
  PhysicalType physical_type = PhysicalType::kInt32;
  int32_t type_length = 0;        // FIXED_LEN_BYTE_ARRAY only
  int16_t max_def = 0;
  int16_t max_rep = 0;
  std::vector<std::string> path;  // ColumnMetaData.path_in_schema
};

struct WriterSchema {
  std::vector<SchemaElement> elements;  // depth first, elements[0] the root
  std::vector<LeafColumn> leaves;       // in schema (depth-first) order
};

// Refuses what Spark cannot write to Parquet either: UserError
// UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE (0A000) for VOID (the NULL type) and
// EMPTY_SCHEMA_NOT_SUPPORTED_FOR_DATASOURCE (0A000) for no columns or an empty struct.
WriterSchema BuildWriterSchema(const Schema& schema);

// Bytes of the FIXED_LEN_BYTE_ARRAY holding any unscaled DECIMAL(precision)
// (Spark's minBytesForPrecision).
int32_t DecimalByteWidth(int precision);

}  // namespace lakestream::parquet
