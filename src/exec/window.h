// Window: window functions over one window (PARTITION BY, ORDER BY). Output
// columns are the child's, then one per window expression (the analyzer
// chains one Window per distinct PARTITION BY / ORDER BY).
//
// A pipeline breaker. Sink buffers each thread's batches with the evaluated
// keys and function arguments. Finalize hashes rows into buckets by partition
// key (one bucket without PARTITION BY), then, in parallel across buckets,
// gathers each bucket, sorts it stably by (partition keys, order keys), finds
// its partitions, peer groups and frames (WindowLayout) and computes every
// window column: window functions through their kernels, aggregates through
// EvaluateWindowAggregate. Ties keep input order, so results do not depend on
// the number of threads. Everything held is reserved with the query's memory
// tracker; over the limit it raises MEMORY_LIMIT_EXCEEDED (no spilling yet).
#pragma once

#include "exec/key_encoder.h"
#include "exec/physical_operator.h"
#include "exec/sort_key_comparator.h"
#include "expr/expression.h"

namespace lakestream {

class Window : public PhysicalOperator {
 public:
  // `exprs`: Alias(kWindow) expressions bound against the child, all with the
  // same PARTITION BY and ORDER BY; `schema` = child columns + one per expr.
  Window(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<ExprPtr> exprs);

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

 private:
  // Columns of a buffered batch: the child's, then `evaluated_` in order.
  std::vector<ArrayPtr> Evaluate(const RecordBatch& batch, const EvalContext& ctx) const;
  // Output rows of one bucket (its rows gathered from the input, unsorted).
  RecordBatchPtr ComputeBucket(std::vector<ArrayPtr> columns, int64_t rows, ExecutionState& state,
                               MemoryReservation& memory) const;
  int BucketBits(const ExecutionState& state) const;

  std::vector<ExprPtr> exprs_;       // Alias(kWindow)
  std::vector<const Expr*> windows_;  // the kWindow under each alias
  size_t child_width_;
  // Expressions evaluated per input batch: partition keys, order keys, then
  // every function's arguments (function_args_[k] indexes them).
  std::vector<ExprPtr> evaluated_;
  size_t num_partition_keys_, num_order_keys_;
  std::vector<std::vector<size_t>> function_args_;
  KeyEncoder partition_encoder_;
  SortKeyComparator partition_comparator_;
  SortKeyComparator order_comparator_;
};

}  // namespace lakestream
