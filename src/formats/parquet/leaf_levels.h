// LeafLevels: one leaf column of a range of rows shredded into Dremel
// definition and repetition levels plus the positions of its non-null values.
#pragma once

#include <cstdint>
#include <vector>

#include "columnar/array.h"
#include "formats/parquet/writer_schema.h"

namespace lakestream::parquet {

struct LeafLevels {
  // One entry per leaf slot (a value, a NULL, or an empty/NULL ancestor).
  // Empty when the leaf's max definition (repetition) level is 0.
  std::vector<int16_t> def_levels;
  std::vector<int16_t> rep_levels;
  // Positions in `values` of the present values, in order: one per entry whose
  // definition level is the maximum.
  std::vector<int64_t> value_indices;
  // The innermost array of the leaf; borrowed from the column passed to
  // BuildLeafLevels and valid as long as it is.
  const Array* values = nullptr;
  int64_t num_entries = 0;
};

// Shreds rows [begin, end) of top-level `column` along `leaf`'s path into
// *out (cleared first). A row starts at each entry with repetition level 0.
void BuildLeafLevels(const Array& column, const LeafColumn& leaf, int64_t begin, int64_t end, LeafLevels* out);

}  // namespace lakestream::parquet
