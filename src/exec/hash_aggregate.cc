#include "exec/hash_aggregate.h"

#include <mutex>

#include "exec/group_hash_table.h"
#include "exec/projection.h"
#include "exec/thread_annotations.h"
#include "expr/evaluator.h"
#include "expr/function_registry.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {
constexpr const char* kAdvice =
    "Raise the query memory limit, or reduce the number of groups (filter first or group by fewer columns).";

std::vector<DataTypePtr> TypesOf(const std::vector<ExprPtr>& exprs) {
  std::vector<DataTypePtr> types;
  for (const auto& e : exprs) types.push_back(e->type);
  return types;
}
}  // namespace

// One hash table with its accumulators; thread-local while sinking.
class HashAggregate::Table {
 public:
  Table(int64_t fixed_width, MemoryTracker& memory) : groups(fixed_width), reservation(memory, "HashAggregate") {}

  void ReserveMemory() {
    int64_t bytes = groups.MemoryUsage();
    for (const auto& a : accumulators) bytes += a->MemoryUsage();
    reservation.Resize(bytes, kAdvice);
  }

  GroupHashTable groups;
  std::vector<std::unique_ptr<GroupedAccumulator>> accumulators;
  MemoryReservation reservation;
  EncodedKeys keys;  // scratch
  std::vector<uint32_t> group_ids;
};

namespace {
class AggLocal : public LocalSinkState {
 public:
  std::unique_ptr<HashAggregate::Table> table;
};

class AggGlobal : public GlobalSinkState {
 public:
  std::mutex mu;
  std::vector<std::unique_ptr<HashAggregate::Table>> tables GUARDED_BY(mu);
  RecordBatchPtr result;  // after Finalize
};

class AggSource : public SourceState {
 public:
  explicit AggSource(RecordBatchPtr result) : result(std::move(result)) {}
  int64_t MorselCount() const override { return (result->num_rows() + kDefaultBatchRows - 1) / kDefaultBatchRows; }
  RecordBatchPtr result;
};
}  // namespace

HashAggregate::HashAggregate(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<ExprPtr> groupings,
                             std::vector<ExprPtr> aggregates)
    : PhysicalOperator(std::move(schema), {std::move(child)}),
      groupings_(std::move(groupings)),
      aggregates_(std::move(aggregates)),
      encoder_(TypesOf(groupings_)) {
  for (const auto& a : aggregates_) {
    if (a->kind != ExprKind::kAggregate || !a->aggregate) {
      throw InternalError("HashAggregate expects bound aggregate functions, got " + a->ToString());
    }
  }
}

std::string HashAggregate::Describe() const {
  return "HashAggregate(keys=[" + DescribeExprs(groupings_) + "], functions=[" + DescribeExprs(aggregates_) + "])";
}

std::unique_ptr<HashAggregate::Table> HashAggregate::MakeTable(ExecutionState& state) const {
  auto table = std::make_unique<Table>(encoder_.fixed_width(), state.memory());
  for (const auto& a : aggregates_) table->accumulators.push_back(a->aggregate->make_accumulator());
  return table;
}

std::unique_ptr<GlobalSinkState> HashAggregate::MakeGlobalSinkState(ExecutionState&) const {
  return std::make_unique<AggGlobal>();
}

std::unique_ptr<LocalSinkState> HashAggregate::MakeLocalSinkState(ExecutionState& state, GlobalSinkState&) const {
  auto local = std::make_unique<AggLocal>();
  local->table = MakeTable(state);
  return local;
}

void HashAggregate::Sink(ExecutionState& state, GlobalSinkState&, LocalSinkState& local, const RecordBatchPtr& batch,
                         int64_t) const {
  Table& t = *static_cast<AggLocal&>(local).table;
  const int64_t rows = batch->num_rows();
  t.group_ids.clear();
  int64_t num_groups;
  if (groupings_.empty()) {
    t.group_ids.assign(rows, 0);
    num_groups = 1;
  } else {
    std::vector<ArrayPtr> keys = EvaluateExprs(groupings_, *batch, state.eval());
    encoder_.Encode(keys, rows, t.keys);
    t.groups.FindOrInsert(t.keys, t.group_ids);
    num_groups = t.groups.num_groups();
  }
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    std::vector<ArrayPtr> args = EvaluateExprs(aggregates_[i]->children, *batch, state.eval());
    t.accumulators[i]->Resize(num_groups);
    t.accumulators[i]->Update(args, t.group_ids.data(), rows);
  }
  t.ReserveMemory();
}

void HashAggregate::Combine(ExecutionState&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<AggGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mu);
  g.tables.push_back(std::move(static_cast<AggLocal&>(local).table));
}

void HashAggregate::Merge(Table& into, Table& from) const {
  const int64_t n = groupings_.empty() ? 1 : from.groups.num_groups();
  std::vector<uint32_t> map(n, 0);
  if (!groupings_.empty()) {
    for (int64_t g = 0; g < n; ++g) {
      auto gid = static_cast<uint32_t>(g);
      map[g] = into.groups.FindOrInsert(from.groups.key(gid), from.groups.key_length(gid), from.groups.hash(gid));
    }
  }
  const int64_t groups = groupings_.empty() ? 1 : into.groups.num_groups();
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    from.accumulators[i]->Resize(n);
    into.accumulators[i]->Resize(groups);
    into.accumulators[i]->Merge(*from.accumulators[i], map.data());
  }
  into.ReserveMemory();
}

void HashAggregate::Finalize(ExecutionState& state, GlobalSinkState& global) const {
  auto& g = static_cast<AggGlobal&>(global);
  std::vector<std::unique_ptr<Table>> tables;
  {
    std::lock_guard<std::mutex> lock(g.mu);
    tables = std::move(g.tables);
  }
  if (tables.empty()) tables.push_back(MakeTable(state));
  // Merge tree: each level merges the upper half into the lower half in parallel.
  while (tables.size() > 1) {
    const size_t half = (tables.size() + 1) / 2;
    const int64_t pairs = static_cast<int64_t>(tables.size() - half);
    state.pool().ParallelFor(pairs, state.parallelism(), [&](int64_t i) {
      state.CheckCancelled();
      Merge(*tables[i], *tables[half + i]);
      tables[half + i].reset();
    });
    tables.resize(half);
  }
  Table& t = *tables[0];
  const int64_t groups = groupings_.empty() ? 1 : t.groups.num_groups();
  std::vector<ArrayPtr> columns;
  if (!groupings_.empty()) {
    std::vector<const uint8_t*> keys(groups);
    for (int64_t i = 0; i < groups; ++i) keys[i] = t.groups.key(static_cast<uint32_t>(i));
    columns = encoder_.Decode(keys);
  }
  for (auto& acc : t.accumulators) {
    acc->Resize(groups);
    columns.push_back(acc->Finalize(state.eval()));
  }
  g.result = std::make_shared<RecordBatch>(schema(), std::move(columns), groups);
}

std::unique_ptr<SourceState> HashAggregate::MakeSourceState(ExecutionState& state) const {
  return std::make_unique<AggSource>(static_cast<AggGlobal&>(state.sink_state(*this)).result);
}

void HashAggregate::ReadMorsel(ExecutionState&, SourceState& source, int64_t morsel, const BatchCallback& emit) const {
  const RecordBatchPtr& result = static_cast<AggSource&>(source).result;
  const int64_t offset = morsel * kDefaultBatchRows;
  const int64_t n = std::min(kDefaultBatchRows, result->num_rows() - offset);
  emit(n == result->num_rows() ? result : result->Slice(offset, n));
}

}  // namespace lakestream
