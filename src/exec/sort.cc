#include "exec/sort.h"

#include <mutex>

#include "exec/projection.h"
#include "exec/sorted_run_merger.h"
#include "columnar/thread_annotations.h"

namespace lakestream {

namespace {
constexpr const char* kAdvice =
    "Raise the query memory limit or set a spill directory so that the sort can spill to disk.";

class SortLocal : public LocalSinkState {
 public:
  SortLocal(SchemaPtr schema, MemoryTracker& memory) : buffer(std::move(schema)), reservation(std::make_unique<MemoryReservation>(memory, "Sort")) {}
  SortBuffer buffer;
  std::unique_ptr<MemoryReservation> reservation;
  std::vector<std::unique_ptr<RunReader>> spilled;
  int64_t current_order = -1;
  int64_t rows_in_order = 0;
};

class SortGlobal : public GlobalSinkState {
 public:
  std::mutex mu;
  std::vector<std::unique_ptr<RunReader>> runs GUARDED_BY(mu);
  std::vector<std::unique_ptr<MemoryReservation>> reservations GUARDED_BY(mu);
  std::unique_ptr<SortedRunMerger> merger;  // after Finalize
};

class SortSource : public SourceState {
 public:
  int64_t MorselCount() const override { return 1; }
};
}  // namespace

SortedRun MakeSortInput(const std::vector<ExprPtr>& key_exprs, const RecordBatchPtr& batch, int64_t seq_base,
                        const EvalContext& ctx) {
  SortedRun rows;
  rows.data = batch;
  rows.keys = EvaluateExprs(key_exprs, *batch, ctx);
  rows.seq = MakeSequence(seq_base, batch->num_rows());
  return rows;
}

Sort::Sort(PhysicalOperatorPtr child, std::vector<ExprPtr> orders)
    : PhysicalOperator(child->schema(), {child}), orders_(std::move(orders)), comparator_(orders_) {
  for (const auto& o : orders_) key_exprs_.push_back(o->children[0]);
}

std::string Sort::Describe() const { return "Sort [" + DescribeExprs(orders_) + "], true"; }

std::unique_ptr<GlobalSinkState> Sort::MakeGlobalSinkState(ExecutionState&) const {
  return std::make_unique<SortGlobal>();
}

std::unique_ptr<LocalSinkState> Sort::MakeLocalSinkState(ExecutionState& state, GlobalSinkState&) const {
  return std::make_unique<SortLocal>(schema(), state.memory());
}

void Sort::Sink(ExecutionState& state, GlobalSinkState&, LocalSinkState& local_state, const RecordBatchPtr& batch,
                int64_t order) const {
  auto& local = static_cast<SortLocal&>(local_state);
  if (order != local.current_order) {
    local.current_order = order;
    local.rows_in_order = 0;
  }
  SortedRun rows = MakeSortInput(key_exprs_, batch, (order << 32) + local.rows_in_order, state.eval());
  local.rows_in_order += batch->num_rows();
  local.buffer.Append(std::move(rows));
  // Sorting needs about twice the buffered bytes (the input and the sorted copy).
  const int64_t needed = 2 * local.buffer.MemoryUsage();
  if (local.reservation->TryResize(needed)) return;
  const std::string& dir = state.query().spill_directory;
  if (dir.empty()) local.reservation->Resize(needed, kAdvice);
  local.spilled.push_back(SpillRun(local.buffer.Sort(comparator_), dir));
  local.reservation->Resize(0);
}

void Sort::Combine(ExecutionState&, GlobalSinkState& global, LocalSinkState& local_state) const {
  auto& local = static_cast<SortLocal&>(local_state);
  auto& g = static_cast<SortGlobal&>(global);
  // Sorting here runs on the thread that buffered the rows, in parallel.
  std::unique_ptr<RunReader> run;
  if (local.buffer.rows() > 0) run = MakeInMemoryRunReader(local.buffer.Sort(comparator_));
  auto reservation = std::move(local.reservation);
  std::lock_guard<std::mutex> lock(g.mu);
  for (auto& r : local.spilled) g.runs.push_back(std::move(r));
  if (run) g.runs.push_back(std::move(run));
  g.reservations.push_back(std::move(reservation));
}

void Sort::Finalize(ExecutionState&, GlobalSinkState& global) const {
  auto& g = static_cast<SortGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mu);
  g.merger = std::make_unique<SortedRunMerger>(comparator_, schema(), std::move(g.runs));
}

std::unique_ptr<SourceState> Sort::MakeSourceState(ExecutionState&) const { return std::make_unique<SortSource>(); }

void Sort::ReadMorsel(ExecutionState& state, SourceState&, int64_t, const BatchCallback& emit) const {
  auto& g = static_cast<SortGlobal&>(state.sink_state(*this));
  while (RecordBatchPtr b = g.merger->Next(kDefaultBatchRows)) {
    if (!emit(b)) return;
  }
}

}  // namespace lakestream
