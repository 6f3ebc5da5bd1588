// Comparison, equality and canonical keys of single values inside arrays of
// any type, with Spark's semantics: NULL sorts first, NaN is the largest
// double and equals itself, -0.0 equals 0.0, strings compare by bytes,
// arrays and structs compare element by element. Used by the collection
// functions (array_sort, array_distinct, map keys) and the aggregates
// (min/max of nested values, DISTINCT, collect_set). Pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "columnar/array.h"

namespace lakestream::element {

// <0, 0, >0 for a[i] vs b[j]; a and b have the same type (MAP compares its entries in order).
int Compare(const Array& a, int64_t i, const Array& b, int64_t j);
// Null-safe equality (NULL equals NULL).
bool Equal(const Array& a, int64_t i, const Array& b, int64_t j);
// Appends canonical bytes of a[i] to `out`: equal values (by Equal) give equal bytes
// and distinct values distinct bytes, so the bytes serve as a hash/set key.
void AppendKey(const Array& a, int64_t i, std::string* out);

// Whether values of `type` can be ordered (MAP cannot, as in Spark).
bool IsOrderable(const DataType& type);

}  // namespace lakestream::element
