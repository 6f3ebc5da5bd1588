// Ordering of single values inside arrays, with Spark's semantics: NaN equals
// NaN and sorts above every other number, -0.0 equals 0.0, strings and binary
// compare by bytes, arrays lexicographically (shorter first on a tie), structs
// field by field, NULL elements before non-NULL ones.
#pragma once

#include <cstdint>

#include "columnar/array.h"

namespace lakestream {

// <0, 0 or >0 comparing a[i] with b[j]; both non-NULL and of the same type.
int CompareArrayValues(const Array& a, int64_t i, const Array& b, int64_t j);

// Spark's total order on doubles (NaN largest, -0.0 == 0.0).
inline int CompareDoubles(double x, double y) {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x == y) return 0;
  const bool xn = x != x, yn = y != y;
  return xn == yn ? 0 : (xn ? 1 : -1);
}

}  // namespace lakestream
