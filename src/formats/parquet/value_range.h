// ValueRange: what statistics say about a run of a column's values (a column
// chunk, or one page of a column index), in the Value domain of the type the
// scan reads the column as, and whether a predicate may match any of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "formats/file_format.h"
#include "formats/parquet/parquet_schema.h"

namespace lakestream::parquet {

struct ValueRange {
  std::optional<Value> min, max;      // bounds (inclusive); absent when unknown or unusable
  std::optional<int64_t> null_count;  // absent when unknown
  int64_t num_values = -1;            // entries, NULLs included; -1 when unknown
  bool all_null = false;              // known to hold only NULLs

  // False only when no value in the range can satisfy `p` (whose values have
  // the Value kind of `type`). Bounds may be inexact (truncated strings):
  // statistics promise min <= every value <= max either way.
  bool MayMatch(const ColumnPredicate& p, const DataType& type) const;
};

// Decodes a statistics value (PLAIN bytes of the leaf's physical type, no
// length prefix) of `leaf` into the domain of `type`, a type the leaf can be
// read as (CanReadAs). nullopt when it cannot be used for ordering: INT96,
// NaN, a wrong byte count, or a decimal read at another scale.
std::optional<Value> DecodeStatisticsValue(const LeafDescriptor& leaf, const std::string& bytes, const DataType& type);

// Three-way comparison of two non-null Values of the same kind (int, double,
// decimal, string by unsigned bytes, bool).
int CompareValues(const Value& a, const Value& b);

}  // namespace lakestream::parquet
