// SortedRunMerger: k-way merge of sorted runs (in memory or spilled) into
// output batches in sort order, ties broken by input position.
// Used by one thread.
#pragma once

#include <memory>
#include <vector>

#include "exec/sorted_run.h"

namespace lakestream {

class SortedRunMerger {
 public:
  SortedRunMerger(const SortKeyComparator& comparator, SchemaPtr schema, std::vector<std::unique_ptr<RunReader>> runs);

  // Up to `max_rows` next rows in order, or nullptr when all runs are done.
  RecordBatchPtr Next(int64_t max_rows);

 private:
  struct Cursor {
    std::unique_ptr<RunReader> reader;
    SortedRun chunk;
    int64_t pos = 0;
    int slot = -1;  // index into the current output's sources, -1: none yet
  };
  bool Less(int a, int b) const;  // cursor a's row sorts before cursor b's
  void SiftDown(size_t i);

  const SortKeyComparator& comparator_;
  SchemaPtr schema_;
  std::vector<Cursor> cursors_;
  std::vector<int> heap_;  // min-heap of cursors with rows left
};

}  // namespace lakestream
