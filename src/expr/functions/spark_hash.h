// Spark-compatible row hashing: the Murmur3 x86_32 of hash() (also Spark's
// HashPartitioning and bucketing) and the XXH64 of xxhash64(), both with the
// per-type rules of Spark's InterpretedHashFunction: integers up to INT and
// DATE hash as 4 bytes, BIGINT and timestamps as 8, floating point by its bit
// pattern with -0.0 folded into 0.0, DECIMAL by its unscaled value, strings
// and binary by their bytes, nested values element by element; a NULL leaves
// the running hash unchanged. Results equal Spark's bit for bit.
#pragma once

#include <cstdint>
#include <string_view>

#include "columnar/array.h"

namespace lakestream {

// Spark's default seed for hash() and xxhash64().
inline constexpr int32_t kSparkHashSeed = 42;

// Spark's Murmur3_x86_32 primitives (hashUnsafeBytes: the legacy tail handling
// that mixes each trailing byte on its own, sign-extended).
int32_t Murmur3HashInt(int32_t value, int32_t seed);
int32_t Murmur3HashLong(int64_t value, int32_t seed);
int32_t Murmur3HashBytes(std::string_view bytes, int32_t seed);

// Folds every row of `column` into hashes[row] (hashes has column.length()
// entries, initialized by the caller to the seed or the previous column's hash).
void Murmur3HashColumn(const Array& column, int32_t* hashes);
void XxHash64Column(const Array& column, int64_t* hashes);

}  // namespace lakestream
