#include "exec/limit.h"

#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "columnar/thread_annotations.h"

namespace lakestream {

namespace {
class LimitGlobal : public GlobalSinkState {
 public:
  std::mutex mu;
  std::map<int64_t, std::vector<RecordBatchPtr>> batches GUARDED_BY(mu);  // by order
  std::set<int64_t> in_flight GUARDED_BY(mu);             // morsels started, not done
  std::map<int64_t, int64_t> rows GUARDED_BY(mu);         // rows sunk per morsel
  std::atomic<bool> finished{false};
  std::vector<RecordBatchPtr> result;  // after Finalize
};

class LimitSource : public SourceState {
 public:
  explicit LimitSource(int64_t n) : n_(n) {}
  int64_t MorselCount() const override { return n_; }

 private:
  int64_t n_;
};
}  // namespace

std::vector<RecordBatchPtr> SliceBatches(const std::vector<RecordBatchPtr>& batches, int64_t offset, int64_t limit) {
  std::vector<RecordBatchPtr> out;
  int64_t skip = offset;
  int64_t remaining = limit < 0 ? INT64_MAX : limit;
  for (const auto& b : batches) {
    if (remaining == 0) break;
    int64_t n = b->num_rows();
    if (skip >= n) {
      skip -= n;
      continue;
    }
    int64_t take = std::min(n - skip, remaining);
    out.push_back(skip == 0 && take == n ? b : b->Slice(skip, take));
    remaining -= take;
    skip = 0;
  }
  return out;
}

Limit::Limit(PhysicalOperatorPtr child, int64_t limit, int64_t offset)
    : PhysicalOperator(child->schema(), {child}), limit_(limit), offset_(offset) {}

std::string Limit::Describe() const {
  if (offset_ > 0) return fmt::format("Limit {} OFFSET {}", limit_, offset_);
  return fmt::format("Limit {}", limit_);
}

std::unique_ptr<GlobalSinkState> Limit::MakeGlobalSinkState(ExecutionState&) const {
  return std::make_unique<LimitGlobal>();
}

void Limit::Sink(ExecutionState&, GlobalSinkState& global, LocalSinkState&, const RecordBatchPtr& batch,
                 int64_t order) const {
  auto& g = static_cast<LimitGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mu);
  g.batches[order].push_back(batch);
  g.rows[order] += batch->num_rows();
}

void Limit::MorselStarted(GlobalSinkState& global, int64_t order) const {
  auto& g = static_cast<LimitGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mu);
  g.in_flight.insert(order);
}

void Limit::MorselDone(GlobalSinkState& global, int64_t order) const {
  if (limit_ < 0) return;
  auto& g = static_cast<LimitGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mu);
  g.in_flight.erase(order);
  // Morsels start in order, so every morsel before the first one still in
  // flight is complete: once those hold enough rows, later input is not needed.
  int64_t first_open = g.in_flight.empty() ? INT64_MAX : *g.in_flight.begin();
  int64_t rows = 0;
  for (const auto& [o, n] : g.rows) {
    if (o >= first_open) break;
    rows += n;
  }
  if (rows >= offset_ + limit_) g.finished = true;
}

bool Limit::SinkFinished(const GlobalSinkState& global) const {
  return static_cast<const LimitGlobal&>(global).finished.load(std::memory_order_relaxed);
}

void Limit::Finalize(ExecutionState&, GlobalSinkState& global) const {
  auto& g = static_cast<LimitGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mu);
  std::vector<RecordBatchPtr> ordered;
  for (auto& [order, list] : g.batches) ordered.insert(ordered.end(), list.begin(), list.end());
  g.result = SliceBatches(ordered, offset_, limit_);
  g.batches.clear();
}

std::unique_ptr<SourceState> Limit::MakeSourceState(ExecutionState& state) const {
  return std::make_unique<LimitSource>(static_cast<LimitGlobal&>(state.sink_state(*this)).result.size());
}

void Limit::ReadMorsel(ExecutionState& state, SourceState&, int64_t morsel, const BatchCallback& emit) const {
  emit(static_cast<LimitGlobal&>(state.sink_state(*this)).result[morsel]);
}

}  // namespace lakestream
