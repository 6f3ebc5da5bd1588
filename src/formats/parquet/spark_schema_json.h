// The schema as Spark's StructType JSON (DataType.json), which Spark stores in
// the Parquet footer under kSparkRowMetadataKey and prefers over the Parquet
// schema when it reads the file back (exact types, nullability, metadata).
#pragma once

#include <string>

#include "lakestream/types.h"

namespace lakestream::parquet {

inline constexpr const char* kSparkRowMetadataKey = "org.apache.spark.sql.parquet.row.metadata";

// {"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{}}]}
// Field metadata values are written as JSON strings.
std::string SparkSchemaJson(const Schema& schema);

}  // namespace lakestream::parquet
