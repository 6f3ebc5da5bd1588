#include "exec/result_collector.h"

#include <algorithm>
#include <mutex>

#include "columnar/thread_annotations.h"

namespace lakestream {

namespace {
using OrderedBatch = std::pair<int64_t, RecordBatchPtr>;

class CollectLocal : public LocalSinkState {
 public:
  std::vector<OrderedBatch> batches;
};

class CollectGlobal : public GlobalSinkState {
 public:
  std::mutex mu;
  std::vector<OrderedBatch> batches GUARDED_BY(mu);
};
}  // namespace

ResultCollector::ResultCollector(PhysicalOperatorPtr child) : PhysicalOperator(child->schema(), {child}) {}

std::unique_ptr<GlobalSinkState> ResultCollector::MakeGlobalSinkState(ExecutionState&) const {
  return std::make_unique<CollectGlobal>();
}

std::unique_ptr<LocalSinkState> ResultCollector::MakeLocalSinkState(ExecutionState&, GlobalSinkState&) const {
  return std::make_unique<CollectLocal>();
}

void ResultCollector::Sink(ExecutionState&, GlobalSinkState&, LocalSinkState& local, const RecordBatchPtr& batch,
                           int64_t order) const {
  static_cast<CollectLocal&>(local).batches.emplace_back(order, batch);
}

void ResultCollector::Combine(ExecutionState&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<CollectGlobal&>(global);
  auto& l = static_cast<CollectLocal&>(local);
  std::lock_guard<std::mutex> lock(g.mu);
  g.batches.insert(g.batches.end(), l.batches.begin(), l.batches.end());
}

std::vector<RecordBatchPtr> ResultCollector::TakeResult(GlobalSinkState& global) {
  auto& g = static_cast<CollectGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mu);
  // Stable: batches of one morsel were appended in order by one thread.
  std::stable_sort(g.batches.begin(), g.batches.end(),
                   [](const OrderedBatch& a, const OrderedBatch& b) { return a.first < b.first; });
  std::vector<RecordBatchPtr> out;
  out.reserve(g.batches.size());
  for (auto& [order, batch] : g.batches) out.push_back(std::move(batch));
  g.batches.clear();
  return out;
}

}  // namespace lakestream
