#include "exec/join_build_state.h"

#include <algorithm>

namespace lakestream {

namespace {
constexpr const char* kAdvice =
    "Raise the query memory limit, or make the right side of the join smaller (filter it, or join the smaller "
    "table on the right).";
}

void JoinBuildState::Add(const RecordBatchPtr& batch, int64_t order) {
  std::lock_guard<std::mutex> lock(mu_);
  reservation_.Resize(reservation_.bytes() + batch->MemoryUsage(), kAdvice);
  batches_.emplace_back(order, batch);
}

void JoinBuildState::ReserveExtra(int64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  reservation_.Resize(reservation_.bytes() + bytes, kAdvice);
}

void JoinBuildState::Finish(const SchemaPtr& schema, bool track_matches) {
  std::vector<RecordBatchPtr> ordered;
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::stable_sort(batches_.begin(), batches_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [order, b] : batches_) ordered.push_back(std::move(b));
    batches_.clear();
  }
  if (ordered.size() == 1) {
    build_ = std::make_shared<RecordBatch>(schema, ordered[0]->columns(), ordered[0]->num_rows());
  } else if (ordered.empty()) {
    std::vector<ArrayPtr> columns;
    for (const auto& f : schema->fields()) columns.push_back(MakeNullArray(f.type, 0));
    build_ = std::make_shared<RecordBatch>(schema, std::move(columns), 0);
  } else {
    build_ = ConcatenateBatches(schema, ordered);
  }
  if (track_matches) {
    const int64_t n = build_->num_rows();
    matched_ = std::make_unique<std::atomic<uint8_t>[]>(static_cast<size_t>(std::max<int64_t>(n, 1)));
    for (int64_t i = 0; i < n; ++i) matched_[i].store(0, std::memory_order_relaxed);
  }
}

}  // namespace lakestream
