#include "exec/pipeline_executor.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace lakestream {

namespace {

// One thread's view of a pipeline: local operator states (for the operators
// from `first_op` on) and its sink state.
class PipelineThread {
 public:
  PipelineThread(ExecutionState& state, const Pipeline& pipeline, GlobalSinkState& global, size_t first_op)
      : state_(state), pipeline_(pipeline), global_(global) {
    for (size_t i = 0; i < pipeline.operators.size(); ++i) {
      op_states_.push_back(i >= first_op ? pipeline.operators[i]->MakeOperatorState(state) : nullptr);
    }
    local_sink_ = pipeline.sink->MakeLocalSinkState(state, global);
  }

  void Push(const RecordBatchPtr& batch, size_t op_index, int64_t order) {
    if (batch->num_rows() == 0) return;
    if (op_index == pipeline_.operators.size()) {
      pipeline_.sink->Sink(state_, global_, *local_sink_, batch, order);
      return;
    }
    std::vector<RecordBatchPtr> out;
    pipeline_.operators[op_index]->Execute(state_, op_states_[op_index].get(), batch, out);
    for (const auto& b : out) Push(b, op_index + 1, order);
  }

  void Combine() { pipeline_.sink->Combine(state_, global_, *local_sink_); }

 private:
  ExecutionState& state_;
  const Pipeline& pipeline_;
  GlobalSinkState& global_;
  std::vector<std::unique_ptr<OperatorState>> op_states_;
  std::unique_ptr<LocalSinkState> local_sink_;
};

}  // namespace

void PipelineExecutor::Run(const std::vector<Pipeline>& pipelines) {
  state_.query().progress->pipelines.fetch_add(static_cast<int>(pipelines.size()), std::memory_order_relaxed);
  std::unordered_map<const PhysicalOperator*, size_t> last_sink_use, last_op_use;
  for (size_t i = 0; i < pipelines.size(); ++i) {
    last_sink_use[pipelines[i].sink] = i;
    for (const auto* op : pipelines[i].operators) last_op_use[op] = i;
  }
  for (size_t i = 0; i < pipelines.size(); ++i) {
    const Pipeline& p = pipelines[i];
    GlobalSinkState* global = state_.find_sink_state(*p.sink);
    if (global == nullptr) {
      state_.set_sink_state(*p.sink, p.sink->MakeGlobalSinkState(state_));
      global = &state_.sink_state(*p.sink);
    }
    std::vector<size_t> flush_positions;
    for (size_t j = 0; j < p.operators.size(); ++j) {
      if (p.operators[j]->NeedsFlush() && last_op_use[p.operators[j]] == i) flush_positions.push_back(j);
    }
    RunOne(p, *global, flush_positions);
    if (last_sink_use[p.sink] == i) p.sink->Finalize(state_, *global);
  }
}

void PipelineExecutor::RunOne(const Pipeline& p, GlobalSinkState& global, const std::vector<size_t>& flush_positions) {
  state_.CheckCancelled();
  std::unique_ptr<SourceState> source = p.source->MakeSourceState(state_);
  const int64_t count = source->MorselCount();
  const int64_t base = global.next_order_base;
  global.next_order_base += count + 1;
  QueryProgress& progress = *state_.query().progress;
  // Only leaf scans count as input read; breakers re-emit rows already counted.
  const bool leaf_scan = p.source->role() == OperatorRole::kSource;
  progress.pipeline.fetch_add(1, std::memory_order_relaxed);
  progress.morsels_done.store(0, std::memory_order_relaxed);
  progress.morsels.store(count, std::memory_order_relaxed);

  std::mutex claim_mu;
  int64_t next_morsel = 0;
  std::atomic<bool> abort{false};
  int workers = static_cast<int>(std::min<int64_t>(state_.parallelism(), count));
  auto worker = [&](int64_t) {
    try {
      PipelineThread thread(state_, p, global, 0);
      while (!abort.load(std::memory_order_relaxed) && !p.sink->SinkFinished(global)) {
        state_.CheckCancelled();
        int64_t m;
        {
          // Claim and announce together so sinks see morsels start in order.
          std::lock_guard<std::mutex> lock(claim_mu);
          m = next_morsel++;
          if (m < count) p.sink->MorselStarted(global, base + m);
        }
        if (m >= count) break;
        const int64_t order = base + m;
        p.source->ReadMorsel(state_, *source, m, [&](const RecordBatchPtr& batch) {
          state_.CheckCancelled();
          if (leaf_scan) progress.source_rows.fetch_add(batch->num_rows(), std::memory_order_relaxed);
          thread.Push(batch, 0, order);
          return !abort.load(std::memory_order_relaxed) && !p.sink->SinkFinished(global);
        });
        p.sink->MorselDone(global, order);
        progress.morsels_done.fetch_add(1, std::memory_order_relaxed);
        if (leaf_scan) progress.source_splits_done.fetch_add(1, std::memory_order_relaxed);
      }
      thread.Combine();
    } catch (...) {
      abort = true;
      throw;
    }
  };
  state_.pool().ParallelFor(workers, workers, worker);

  // Rows emitted after the input ended (outer joins) rank after every morsel.
  for (size_t pos : flush_positions) {
    std::vector<RecordBatchPtr> out;
    p.operators[pos]->Flush(state_, out);
    if (out.empty()) continue;
    PipelineThread thread(state_, p, global, pos + 1);
    for (const auto& b : out) thread.Push(b, pos + 1, base + count);
    thread.Combine();
  }
}

}  // namespace lakestream

