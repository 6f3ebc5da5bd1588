#include "exec/hash_aggregate.h"

#include <mutex>

#include "exec/group_hash_table.h"
#include "exec/projection.h"
#include "columnar/thread_annotations.h"
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
};

namespace {
// A thread aggregates into one table until it holds this many groups, then
// into its radix partitions: few groups (TPC-H Q1 has four) never pay for
// partitioning the rows.
constexpr int64_t kUnpartitionedGroups = 16384;

class AggLocal : public LocalSinkState {
 public:
  std::unique_ptr<HashAggregate::Table> single;  // until partitioned
  bool partitioned = false;
  std::vector<std::unique_ptr<HashAggregate::Table>> partitions;
  EncodedKeys keys;
  std::vector<uint32_t> group_ids;
  std::vector<std::vector<int32_t>> rows_of;  // rows of the batch per partition
};

class AggGlobal : public GlobalSinkState {
 public:
  std::mutex mu;
  // tables[p]: every thread's table of partition p.
  std::vector<std::vector<std::unique_ptr<HashAggregate::Table>>> tables GUARDED_BY(mu);
  // Threads' unpartitioned tables (when there are several partitions).
  std::vector<std::unique_ptr<HashAggregate::Table>> singles GUARDED_BY(mu);
  std::vector<RecordBatchPtr> results;  // one per partition, after Finalize
};

class AggSource : public SourceState {
 public:
  struct Morsel {
    size_t partition;
    int64_t offset, length;
  };
  explicit AggSource(const std::vector<RecordBatchPtr>& results) : results(results) {
    for (size_t p = 0; p < results.size(); ++p) {
      for (int64_t off = 0; off < results[p]->num_rows(); off += kDefaultBatchRows) {
        morsels.push_back({p, off, std::min(kDefaultBatchRows, results[p]->num_rows() - off)});
      }
    }
  }
  int64_t MorselCount() const override { return static_cast<int64_t>(morsels.size()); }
  const std::vector<RecordBatchPtr>& results;
  std::vector<Morsel> morsels;
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

int HashAggregate::PartitionBits(const ExecutionState& state) const {
  if (groupings_.empty()) return 0;
  int bits = 0;
  while ((1 << bits) < state.parallelism()) ++bits;
  return bits;
}

std::unique_ptr<HashAggregate::Table> HashAggregate::MakeTable(ExecutionState& state) const {
  auto table = std::make_unique<Table>(encoder_.fixed_width(), state.memory());
  for (const auto& a : aggregates_) table->accumulators.push_back(a->aggregate->make_accumulator());
  return table;
}

std::unique_ptr<GlobalSinkState> HashAggregate::MakeGlobalSinkState(ExecutionState& state) const {
  auto g = std::make_unique<AggGlobal>();
  std::lock_guard<std::mutex> lock(g->mu);
  g->tables.resize(size_t{1} << PartitionBits(state));
  return g;
}

std::unique_ptr<LocalSinkState> HashAggregate::MakeLocalSinkState(ExecutionState& state, GlobalSinkState&) const {
  auto local = std::make_unique<AggLocal>();
  const size_t partitions = size_t{1} << PartitionBits(state);
  local->single = MakeTable(state);
  for (size_t p = 0; p < partitions && partitions > 1; ++p) local->partitions.push_back(MakeTable(state));
  local->rows_of.resize(partitions);
  return local;
}

void HashAggregate::Sink(ExecutionState& state, GlobalSinkState&, LocalSinkState& local_state,
                         const RecordBatchPtr& batch, int64_t) const {
  auto& local = static_cast<AggLocal&>(local_state);
  const int64_t rows = batch->num_rows();
  std::vector<std::vector<ArrayPtr>> args;
  for (const auto& a : aggregates_) args.push_back(EvaluateExprs(a->children, *batch, state.eval()));
  if (groupings_.empty()) {
    Table& t = *local.single;
    local.group_ids.assign(rows, 0);
    for (size_t i = 0; i < aggregates_.size(); ++i) {
      t.accumulators[i]->Resize(1);
      t.accumulators[i]->Update(args[i], local.group_ids.data(), rows);
    }
    t.ReserveMemory();
    return;
  }
  encoder_.Encode(EvaluateExprs(groupings_, *batch, state.eval()), rows, local.keys);
  const EncodedKeys& keys = local.keys;
  if (!local.partitioned) {
    Table& t = *local.single;
    local.group_ids.clear();
    t.groups.FindOrInsert(keys, local.group_ids);
    for (size_t i = 0; i < aggregates_.size(); ++i) {
      t.accumulators[i]->Resize(t.groups.num_groups());
      t.accumulators[i]->Update(args[i], local.group_ids.data(), rows);
    }
    t.ReserveMemory();
    local.partitioned = !local.partitions.empty() && t.groups.num_groups() > kUnpartitionedGroups;
    return;
  }
  // Radix-partition the rows by the top hash bits, then aggregate each part.
  const int shift = 64 - PartitionBits(state);
  for (auto& r : local.rows_of) r.clear();
  for (int64_t r = 0; r < rows; ++r) local.rows_of[keys.hashes[r] >> shift].push_back(static_cast<int32_t>(r));
  for (size_t p = 0; p < local.partitions.size(); ++p) {
    const std::vector<int32_t>& part = local.rows_of[p];
    if (part.empty()) continue;
    Table& t = *local.partitions[p];
    local.group_ids.resize(part.size());
    for (size_t k = 0; k < part.size(); ++k) {
      if (k + GroupHashTable::kPrefetchDistance < part.size()) {
        t.groups.Prefetch(keys.hashes[part[k + GroupHashTable::kPrefetchDistance]]);
      }
      local.group_ids[k] = t.groups.FindOrInsert(keys.row(part[k]), keys.length(part[k]), keys.hashes[part[k]]);
    }
    // Aggregates often share an argument (sum(x), count(x)): gather it once.
    std::vector<std::pair<const Array*, ArrayPtr>> taken;
    auto take = [&](const ArrayPtr& a) {
      for (const auto& [source, result] : taken) {
        if (source == a.get()) return result;
      }
      taken.emplace_back(a.get(), Take(a, part));
      return taken.back().second;
    };
    for (size_t i = 0; i < aggregates_.size(); ++i) {
      std::vector<ArrayPtr> part_args;
      for (const auto& a : args[i]) part_args.push_back(take(a));
      t.accumulators[i]->Resize(t.groups.num_groups());
      t.accumulators[i]->Update(part_args, local.group_ids.data(), static_cast<int64_t>(part.size()));
    }
    t.ReserveMemory();
  }
}

void HashAggregate::Combine(ExecutionState&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<AggGlobal&>(global);
  auto& l = static_cast<AggLocal&>(local);
  std::lock_guard<std::mutex> lock(g.mu);
  if (l.partitions.empty()) {
    g.tables[0].push_back(std::move(l.single));
    return;
  }
  if (l.partitioned) {
    for (size_t p = 0; p < l.partitions.size(); ++p) g.tables[p].push_back(std::move(l.partitions[p]));
  }
  if (l.single->groups.num_groups() > 0) g.singles.push_back(std::move(l.single));
}

void HashAggregate::Merge(Table& into, Table& from) const {
  const int64_t n = groupings_.empty() ? 1 : from.groups.num_groups();
  std::vector<uint32_t> map(n, 0);
  if (!groupings_.empty()) {
    for (int64_t g = 0; g < n; ++g) {
      auto gid = static_cast<uint32_t>(g);
      if (g + GroupHashTable::kPrefetchDistance < n) {
        into.groups.Prefetch(from.groups.hash(static_cast<uint32_t>(g + GroupHashTable::kPrefetchDistance)));
      }
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

RecordBatchPtr HashAggregate::Result(Table& t, const EvalContext& ctx, int partition_shift, int64_t partition) const {
  const int64_t groups = groupings_.empty() ? 1 : t.groups.num_groups();
  std::vector<ArrayPtr> columns;
  if (!groupings_.empty()) {
    std::vector<const uint8_t*> keys(groups);
    for (int64_t i = 0; i < groups; ++i) keys[i] = t.groups.key(static_cast<uint32_t>(i));
    columns = encoder_.Decode(keys);
  }
  for (auto& acc : t.accumulators) {
    acc->Resize(groups);
    columns.push_back(acc->Finalize(ctx));
  }
  if (partition_shift < 64) {
    // Unpartitioned tables were merged into every partition: keep its own groups.
    std::vector<int32_t> own;
    for (int64_t i = 0; i < groups; ++i) {
      if (static_cast<int64_t>(t.groups.hash(static_cast<uint32_t>(i)) >> partition_shift) == partition) {
        own.push_back(static_cast<int32_t>(i));
      }
    }
    if (static_cast<int64_t>(own.size()) != groups) {
      for (auto& c : columns) c = Take(c, own);
      return std::make_shared<RecordBatch>(schema(), std::move(columns), static_cast<int64_t>(own.size()));
    }
  }
  return std::make_shared<RecordBatch>(schema(), std::move(columns), groups);
}

void HashAggregate::Finalize(ExecutionState& state, GlobalSinkState& global) const {
  auto& g = static_cast<AggGlobal&>(global);
  std::vector<std::vector<std::unique_ptr<Table>>> tables;
  std::vector<std::unique_ptr<Table>> singles;
  {
    std::lock_guard<std::mutex> lock(g.mu);
    tables = std::move(g.tables);
    singles = std::move(g.singles);
  }
  bool any_partitioned = false;
  for (const auto& list : tables) any_partitioned |= !list.empty();
  if (!any_partitioned) {
    // Every thread stayed unpartitioned: one table holds all groups.
    tables.clear();
    tables.push_back(std::move(singles));
    singles.clear();
  }
  const int shift = singles.empty() ? 64 : 64 - PartitionBits(state);
  g.results.assign(tables.size(), nullptr);
  // Partitions hold disjoint groups: each merges its threads' tables on its own.
  state.pool().ParallelFor(static_cast<int64_t>(tables.size()), state.parallelism(), [&](int64_t p) {
    auto& list = tables[p];
    if (list.empty()) list.push_back(MakeTable(state));
    for (size_t i = 1; i < list.size(); ++i) {
      state.CheckCancelled();
      Merge(*list[0], *list[i]);
      list[i].reset();
    }
  });
  // The unpartitioned tables (at most kUnpartitionedGroups groups and a batch
  // each) go into every partition, one at a time: merging reads them.
  for (auto& list : tables) {
    for (auto& single : singles) {
      state.CheckCancelled();
      Merge(*list[0], *single);
    }
  }
  singles.clear();
  state.pool().ParallelFor(static_cast<int64_t>(tables.size()), state.parallelism(), [&](int64_t p) {
    g.results[p] = Result(*tables[p][0], state.eval(), shift, p);
    tables[p][0].reset();
  });
}

std::unique_ptr<SourceState> HashAggregate::MakeSourceState(ExecutionState& state) const {
  return std::make_unique<AggSource>(static_cast<AggGlobal&>(state.sink_state(*this)).results);
}

void HashAggregate::ReadMorsel(ExecutionState&, SourceState& source, int64_t morsel, const BatchCallback& emit) const {
  auto& s = static_cast<AggSource&>(source);
  const AggSource::Morsel& m = s.morsels[morsel];
  const RecordBatchPtr& result = s.results[m.partition];
  emit(m.length == result->num_rows() ? result : result->Slice(m.offset, m.length));
}

}  // namespace lakestream
