// QueryContext: what one running query needs from its session: threads,
// memory limit, spill directory, evaluation settings, cancellation, progress.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "exec/query_progress.h"
#include "expr/eval_context.h"

namespace lakestream {

class MemoryTracker;
class ThreadPool;

struct QueryContext {
  EvalContext eval;
  int num_threads = 1;
  // Bytes the query's operators may hold (hash tables, sort buffers); <= 0: no limit.
  int64_t memory_limit_bytes = 0;
  std::string spill_directory;  // where operators spill under the limit
  // Set by another thread to cancel; operators check it between batches.
  std::shared_ptr<std::atomic<bool>> cancelled = std::make_shared<std::atomic<bool>>(false);
  // Advanced by the pipeline executor; shared so that a watcher (the shell's
  // progress bar) can read it from another thread while the query runs.
  std::shared_ptr<QueryProgress> progress = std::make_shared<QueryProgress>();
  // Worker pool shared by the session (never null during execution).
  ThreadPool* pool = nullptr;
};

}  // namespace lakestream
