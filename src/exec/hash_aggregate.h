// HashAggregate: GROUP BY keys with aggregate functions. Output columns are
// the grouping values, then one column per aggregate. Without keys it emits
// exactly one row, even over empty input.
//
// Each thread aggregates its morsels into a thread-local table (GroupHashTable
// plus accumulators indexed by group id); once it holds many groups, into
// tables radix-partitioned by key hash, one partition per thread. Finalize
// merges partition p of every thread in parallel across partitions, so even a
// million groups merge on all cores; the small unpartitioned tables merge
// into each partition, which keeps only its own groups.
// Every table reserves its memory; over the query limit it raises
// MEMORY_LIMIT_EXCEEDED (aggregation does not spill yet).
#pragma once

#include "exec/key_encoder.h"
#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace lakestream {

class HashAggregate : public PhysicalOperator {
 public:
  // `groupings` and the kAggregate `aggregates` are bound against the child.
  HashAggregate(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<ExprPtr> groupings,
                std::vector<ExprPtr> aggregates);

  OperatorRole role() const override { return OperatorRole::kBreaker; }
  std::string Describe() const override;

  std::unique_ptr<GlobalSinkState> MakeGlobalSinkState(ExecutionState& state) const override;
  std::unique_ptr<LocalSinkState> MakeLocalSinkState(ExecutionState& state, GlobalSinkState& global) const override;
  void Sink(ExecutionState& state, GlobalSinkState& global, LocalSinkState& local, const RecordBatchPtr& batch,
            int64_t order) const override;
  void Combine(ExecutionState& state, GlobalSinkState& global, LocalSinkState& local) const override;
  void Finalize(ExecutionState& state, GlobalSinkState& global) const override;

  std::unique_ptr<SourceState> MakeSourceState(ExecutionState& state) const override;
  void ReadMorsel(ExecutionState& state, SourceState& source, int64_t morsel, const BatchCallback& emit) const override;

  // One hash table with its accumulators (defined in the .cc).
  class Table;

 private:
  std::unique_ptr<Table> MakeTable(ExecutionState& state) const;
  int PartitionBits(const ExecutionState& state) const;
  void Merge(Table& into, Table& from) const;
  // The groups of `table`; with partition_shift < 64 only those whose hash
  // has `partition` in its top bits.
  RecordBatchPtr Result(Table& table, const EvalContext& ctx, int partition_shift = 64, int64_t partition = 0) const;

  std::vector<ExprPtr> groupings_;
  std::vector<ExprPtr> aggregates_;
  KeyEncoder encoder_;
};

}  // namespace lakestream
