// RandomRows: deterministic random rows of any schema, with NULLs at every
// nullable level, empty arrays and maps, and values spread over each type's
// range, for the Parquet interoperability files.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "lakestream/types.h"
#include "lakestream/value.h"

namespace lakestream::parquet_write {

class RandomRows {
 public:
  explicit RandomRows(uint64_t seed) : rng_(seed) {}

  std::vector<Row> Rows(const Schema& schema, int64_t count);
  Value Next(const DataType& type, bool nullable);

 private:
  int64_t Uniform(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng_); }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  std::string Text(int max_length);
  // A map key distinct from the others of its map.
  Value Key(const DataType& type, int ordinal);

  std::mt19937_64 rng_;
};

}  // namespace lakestream::parquet_write
