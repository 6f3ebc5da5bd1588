// Type merging for schema inference over many records, with Spark's rules
// (TypeCoercion.findTightestCommonType, then the JSON/CSV compatibleType
// fallbacks): integers widen to bigint, decimal and double; decimals widen to
// cover both; DATE with TIMESTAMP gives TIMESTAMP; structs merge field by
// field (sorted by name); arrays merge elements; anything else becomes STRING.
#pragma once

#include "lakestream/types.h"

namespace lakestream {

DataTypePtr MergeInferredTypes(const DataTypePtr& a, const DataTypePtr& b);

// The type a reader exposes for an inferred one: NULL becomes STRING, inside
// arrays and structs too; a struct with no fields is dropped (nullptr).
DataTypePtr CanonicalInferredType(const DataTypePtr& type);

}  // namespace lakestream
