// QueryProgress: how far a running query got, for progress reports (the SQL
// shell's progress bar). The pipeline executor advances it from any worker
// thread; any thread may read it while the query runs. Reads are a snapshot of
// independent counters, good for display and nothing else.
#pragma once

#include <atomic>
#include <cstdint>

namespace lakestream {

struct QueryProgress {
  // Pipelines ("stages") of the query, and the 1-based number of the one
  // running; a nested execution (a subquery) adds its own.
  std::atomic<int> pipelines{0};
  std::atomic<int> pipeline{0};
  // Morsels of the running pipeline: all of them, and those finished.
  std::atomic<int64_t> morsels{0};
  std::atomic<int64_t> morsels_done{0};
  // Over the whole query, for leaf scans only (files, ranges, local rows):
  // rows read, and splits finished (for file scans a split is a file or a
  // range of a large file).
  std::atomic<int64_t> source_rows{0};
  std::atomic<int64_t> source_splits_done{0};
};

}  // namespace lakestream
