// The Lakestream side of the comparison: one DataFrame builder per query,
// keyed by the same name as the SQL in queries.mjs.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "lakestream/dataframe.h"

namespace lakestream::duckdb_compare {

// The tables gen_data.mjs writes, read with the DDL of its schemas.tsv.
struct Tables {
  DataFrame trips;
  DataFrame zones;
  DataFrame edge_l;
  DataFrame edge_r;
};

struct Query {
  std::string name;
  std::function<DataFrame(const Tables&)> build;
  // When set, the result is the count() action on the built DataFrame (one
  // row, one BIGINT column "count") instead of collect().
  bool count_action = false;
};

// All queries, in the order queries.mjs lists them.
const std::vector<Query>& DataFrameQueries();

}  // namespace lakestream::duckdb_compare
