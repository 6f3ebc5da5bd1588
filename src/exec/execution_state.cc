#include "exec/execution_state.h"

#include "exec/physical_operator.h"
#include "lakestream/error.h"

namespace lakestream {

ExecutionState::ExecutionState(QueryContext& query, ThreadPool& pool, MemoryTracker& memory)
    : query_(query), pool_(pool), memory_(memory) {}

ExecutionState::~ExecutionState() = default;

int ExecutionState::parallelism() const { return std::max(1, std::min(query_.num_threads, pool_.num_threads())); }

void ExecutionState::CheckCancelled() const {
  if (query_.cancelled && query_.cancelled->load(std::memory_order_relaxed)) throw CancelledError();
}

GlobalSinkState* ExecutionState::find_sink_state(const PhysicalOperator& op) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sink_states_.find(&op);
  return it == sink_states_.end() ? nullptr : it->second.get();
}

GlobalSinkState& ExecutionState::sink_state(const PhysicalOperator& op) const {
  GlobalSinkState* s = find_sink_state(op);
  if (s == nullptr) throw InternalError("no sink state for " + op.Describe());
  return *s;
}

void ExecutionState::set_sink_state(const PhysicalOperator& op, std::unique_ptr<GlobalSinkState> state) {
  std::lock_guard<std::mutex> lock(mu_);
  sink_states_[&op] = std::move(state);
}

}  // namespace lakestream
