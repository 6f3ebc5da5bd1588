#include "exec/top_n.h"

#include <mutex>

#include <fmt/format.h>

#include "exec/limit.h"
#include "exec/projection.h"
#include "exec/sort.h"
#include "exec/sorted_run.h"
#include "columnar/thread_annotations.h"

namespace lakestream {

namespace {
class TopNLocal : public LocalSinkState {
 public:
  explicit TopNLocal(SchemaPtr schema) : buffer(std::move(schema)) {}
  SortBuffer buffer;
  int64_t current_order = -1;
  int64_t rows_in_order = 0;
};

class TopNGlobal : public GlobalSinkState {
 public:
  explicit TopNGlobal(SchemaPtr schema) : buffer(std::move(schema)) {}
  std::mutex mu;
  SortBuffer buffer GUARDED_BY(mu);
  std::vector<RecordBatchPtr> result;  // after Finalize
};

class TopNSource : public SourceState {
 public:
  explicit TopNSource(int64_t n) : n_(n) {}
  int64_t MorselCount() const override { return n_; }

 private:
  int64_t n_;
};

// The first `keep` rows of everything in `buffer`, sorted.
SortedRun KeepBest(SortBuffer& buffer, const SortKeyComparator& comparator, int64_t keep) {
  SortedRun run = buffer.Sort(comparator);
  return run.rows() > keep ? run.Slice(0, keep) : run;
}
}  // namespace

TopN::TopN(PhysicalOperatorPtr child, std::vector<ExprPtr> orders, int64_t limit, int64_t offset)
    : PhysicalOperator(child->schema(), {child}),
      orders_(std::move(orders)),
      comparator_(orders_),
      limit_(limit),
      offset_(offset) {
  for (const auto& o : orders_) key_exprs_.push_back(o->children[0]);
}

std::string TopN::Describe() const {
  std::string s = fmt::format("TopN(limit={}", limit_);
  if (offset_ > 0) s += fmt::format(", offset={}", offset_);
  return s + ", orderBy=[" + DescribeExprs(orders_) + "], output=[" + fmt::format("{}", fmt::join(schema()->FieldNames(), ",")) + "])";
}

std::unique_ptr<GlobalSinkState> TopN::MakeGlobalSinkState(ExecutionState&) const {
  return std::make_unique<TopNGlobal>(schema());
}

std::unique_ptr<LocalSinkState> TopN::MakeLocalSinkState(ExecutionState&, GlobalSinkState&) const {
  return std::make_unique<TopNLocal>(schema());
}

void TopN::Sink(ExecutionState& state, GlobalSinkState&, LocalSinkState& local_state, const RecordBatchPtr& batch,
                int64_t order) const {
  auto& local = static_cast<TopNLocal&>(local_state);
  if (order != local.current_order) {
    local.current_order = order;
    local.rows_in_order = 0;
  }
  local.buffer.Append(MakeSortInput(key_exprs_, batch, (order << 32) + local.rows_in_order, state.eval()));
  local.rows_in_order += batch->num_rows();
  const int64_t keep = offset_ + limit_;
  if (local.buffer.rows() >= std::max<int64_t>(2 * keep, kDefaultBatchRows)) {
    local.buffer.Append(KeepBest(local.buffer, comparator_, keep));
  }
}

void TopN::Combine(ExecutionState&, GlobalSinkState& global, LocalSinkState& local_state) const {
  auto& local = static_cast<TopNLocal&>(local_state);
  if (local.buffer.rows() == 0) return;
  SortedRun best = KeepBest(local.buffer, comparator_, offset_ + limit_);
  auto& g = static_cast<TopNGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mu);
  g.buffer.Append(std::move(best));
}

void TopN::Finalize(ExecutionState&, GlobalSinkState& global) const {
  auto& g = static_cast<TopNGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mu);
  if (g.buffer.rows() == 0) return;
  SortedRun best = KeepBest(g.buffer, comparator_, offset_ + limit_);
  std::vector<RecordBatchPtr> sliced = SliceBatches({best.data}, offset_, limit_);
  for (int64_t i = 0; !sliced.empty() && i < sliced[0]->num_rows(); i += kDefaultBatchRows) {
    g.result.push_back(sliced[0]->Slice(i, std::min(kDefaultBatchRows, sliced[0]->num_rows() - i)));
  }
}

std::unique_ptr<SourceState> TopN::MakeSourceState(ExecutionState& state) const {
  return std::make_unique<TopNSource>(static_cast<TopNGlobal&>(state.sink_state(*this)).result.size());
}

void TopN::ReadMorsel(ExecutionState& state, SourceState&, int64_t morsel, const BatchCallback& emit) const {
  emit(static_cast<TopNGlobal&>(state.sink_state(*this)).result[morsel]);
}

}  // namespace lakestream
