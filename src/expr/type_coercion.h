// Spark's ANSI type coercion rules shared by the binder and the function
// binders (AnsiTypeCoercion, DecimalPrecision). WiderType and ImplicitCast
// are declared in binder.h.
#pragma once

#include <string>
#include <vector>

#include "lakestream/types.h"

namespace lakestream {

// DECIMAL that holds every value of an integral type: TINYINT -> (3,0),
// SMALLINT -> (5,0), INT -> (10,0), BIGINT -> (20,0). Decimals are returned as is.
DataTypePtr DecimalForIntegral(const DataType& t);
// DECIMAL(min(p, 38), min(s, 38)).
DataTypePtr BoundedDecimal(int precision, int scale);
// Spark's adjustPrecisionScale (allowPrecisionLoss): precision above 38 keeps
// the integral digits and cuts the scale, down to at least min(scale, 6).
DataTypePtr AdjustedDecimal(int precision, int scale);
// Common type of several types (coalesce, CASE branches, IN lists), or nullptr.
DataTypePtr WiderTypeOf(const std::vector<DataTypePtr>& types);
// "\"INT\"" — Spark's toSQLType quoting used in error messages.
std::string QuotedSqlType(const DataType& t);

}  // namespace lakestream
