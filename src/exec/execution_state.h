// ExecutionState: everything one running query shares between its pipelines:
// the query context, the worker pool, the memory tracker and the global sink
// state of every pipeline breaker. Created by the executor per query.
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>

#include "columnar/memory_tracker.h"
#include "exec/query_context.h"
#include "columnar/thread_annotations.h"
#include "exec/thread_pool.h"

namespace lakestream {

class PhysicalOperator;
class GlobalSinkState;

class ExecutionState {
 public:
  ExecutionState(QueryContext& query, ThreadPool& pool, MemoryTracker& memory);
  ~ExecutionState();

  QueryContext& query() const { return query_; }
  const EvalContext& eval() const { return query_.eval; }
  ThreadPool& pool() const { return pool_; }
  MemoryTracker& memory() const { return memory_; }
  // Threads a pipeline may use (>= 1).
  int parallelism() const;

  // Throws CancelledError once the query was cancelled. Any thread.
  void CheckCancelled() const;

  // The global sink state of `op`, created by the pipeline executor before the
  // first pipeline feeding `op` runs. Throws InternalError if absent. Thread-safe.
  GlobalSinkState& sink_state(const PhysicalOperator& op) const;
  GlobalSinkState* find_sink_state(const PhysicalOperator& op) const;
  void set_sink_state(const PhysicalOperator& op, std::unique_ptr<GlobalSinkState> state);

 private:
  QueryContext& query_;
  ThreadPool& pool_;
  MemoryTracker& memory_;
  mutable std::mutex mu_;
  std::unordered_map<const PhysicalOperator*, std::unique_ptr<GlobalSinkState>> sink_states_ GUARDED_BY(mu_);
};

}  // namespace lakestream
