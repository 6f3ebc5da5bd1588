// TpchTextPool: the comment text of TPC-H 4.2.2.10: one long string of
// sentences from the grammar of 4.2.2.13, of which every comment column takes
// a substring of random length and offset.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "tpch_random.h"

namespace lakestream::tpch {

class TpchTextPool {
 public:
  // The specification's pool is 300 MB so that comments rarely repeat; 8 MiB
  // keeps start-up under a second while the substrings' word and pattern
  // frequencies (what queries such as Q13's '%special%requests%' see) stay
  // the grammar's.
  static constexpr size_t kDefaultBytes = 8u << 20;

  // Builds the pool; the same for every run (a fixed random stream).
  explicit TpchTextPool(size_t bytes = kDefaultBytes);

  // A comment of length uniform in [min_length, max_length] (4.2.2.10) at a
  // random offset, less any leading or trailing space (so that CSV readers
  // that trim and those that don't read the same value). Requires
  // 2 < min_length <= max_length < pool size. Points into the pool, which
  // must outlive it. Thread-safe (the pool is immutable).
  std::string_view Comment(TpchRandom& rng, int min_length, int max_length) const;

 private:
  std::string text_;
};

}  // namespace lakestream::tpch
