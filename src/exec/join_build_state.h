// JoinBuildState: the global sink state of a join's build side (the right
// input), shared by HashJoin and NestedLoopJoin: the collected rows, the
// memory they hold, and which build rows found a match (right/full joins).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "exec/physical_operator.h"
#include "columnar/thread_annotations.h"

namespace lakestream {

class JoinBuildState : public GlobalSinkState {
 public:
  JoinBuildState(MemoryTracker& memory, std::string operator_name) : reservation_(memory, std::move(operator_name)) {}

  // Adds a batch (any thread). Raises MEMORY_LIMIT_EXCEEDED when the build
  // side does not fit the query's memory limit.
  void Add(const RecordBatchPtr& batch, int64_t order);
  // Concatenates everything added, in input order, into build(); allocates
  // the match flags when `track_matches`. Call once, after the last Add.
  void Finish(const SchemaPtr& schema, bool track_matches);
  // Reserves `bytes` more for structures built over the rows (hash tables).
  void ReserveExtra(int64_t bytes);

  const RecordBatch& build() const { return *build_; }
  std::atomic<uint8_t>* matched() const { return matched_.get(); }

 private:
  std::mutex mu_;
  std::vector<std::pair<int64_t, RecordBatchPtr>> batches_ GUARDED_BY(mu_);
  MemoryReservation reservation_ GUARDED_BY(mu_);
  RecordBatchPtr build_;
  std::unique_ptr<std::atomic<uint8_t>[]> matched_;
};

}  // namespace lakestream
