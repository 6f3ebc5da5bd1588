// Sorted runs: rows sorted by their key columns, with a sequence number per
// row (its position in the input) that breaks ties, so sorts are stable.
// SortBuffer collects one thread's rows and sorts them into a run; runs are
// read back chunk by chunk through RunReader, from memory or a spill file.
#pragma once

#include <memory>
#include <vector>

#include "columnar/record_batch.h"
#include "exec/sort_key_comparator.h"
#include "exec/spill_file.h"

namespace lakestream {

struct SortedRun {
  RecordBatchPtr data;
  std::vector<ArrayPtr> keys;  // evaluated sort keys, one per SortOrder
  ArrayPtr seq;                // BIGINT, non-null: input position

  int64_t rows() const { return data ? data->num_rows() : 0; }
  int64_t MemoryUsage() const;
  // Rows [offset, offset + length).
  SortedRun Slice(int64_t offset, int64_t length) const;
};

// Unsorted rows of one thread.
class SortBuffer {
 public:
  explicit SortBuffer(SchemaPtr schema) : schema_(std::move(schema)) {}
  void Append(SortedRun rows);
  int64_t rows() const { return rows_; }
  int64_t MemoryUsage() const { return bytes_; }
  // Sorts everything appended so far into one run and empties the buffer.
  SortedRun Sort(const SortKeyComparator& comparator);

 private:
  SchemaPtr schema_;
  std::vector<SortedRun> parts_;
  int64_t rows_ = 0;
  int64_t bytes_ = 0;
};

// A BIGINT array seq_base, seq_base + 1, ... of `rows` values.
ArrayPtr MakeSequence(int64_t seq_base, int64_t rows);

class RunReader {
 public:
  virtual ~RunReader() = default;
  // The next chunk of the run in order; false at the end.
  virtual bool Next(SortedRun& chunk) = 0;
};

std::unique_ptr<RunReader> MakeInMemoryRunReader(SortedRun run);
// Writes `run` to a spill file in `directory` and returns its reader.
std::unique_ptr<RunReader> SpillRun(const SortedRun& run, const std::string& directory);

}  // namespace lakestream
