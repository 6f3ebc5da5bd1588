// PipelineExecutor: runs pipelines morsel-parallel on the query's pool.
// Every thread claims morsels in increasing order, pushes their batches
// through the streaming operators into its local sink state and combines it
// at the end; the sink is finalized after the last pipeline feeding it.
#pragma once

#include <vector>

#include "exec/pipeline.h"

namespace lakestream {

class PipelineExecutor {
 public:
  explicit PipelineExecutor(ExecutionState& state) : state_(state) {}

  // Runs `pipelines` (as BuildPipelines orders them) to completion. Rethrows
  // the first error of any thread; CancelledError once the query is cancelled.
  // Advances the query's QueryProgress as pipelines and morsels finish.
  void Run(const std::vector<Pipeline>& pipelines);

 private:
  void RunOne(const Pipeline& pipeline, GlobalSinkState& global, const std::vector<size_t>& flush_positions);

  ExecutionState& state_;
};

}  // namespace lakestream
