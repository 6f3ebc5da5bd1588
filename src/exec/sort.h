// Sort: ORDER BY over the whole input, stable (ties keep input order).
// Each thread buffers its rows and sorts them into a run when its input ends
// (so local sorts run in parallel); Finalize prepares a k-way merge of the
// runs that the source side streams out. Under the memory limit a thread
// sorts what it holds and spills it as a run to ctx.spill_directory (external
// merge sort); without a spill directory it raises MEMORY_LIMIT_EXCEEDED.
#pragma once

#include "exec/physical_operator.h"
#include "exec/sort_key_comparator.h"
#include "exec/sorted_run.h"

namespace lakestream {

class Sort : public PhysicalOperator {
 public:
  // `orders`: kSortOrder expressions bound against the child.
  Sort(PhysicalOperatorPtr child, std::vector<ExprPtr> orders);

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
  std::vector<ExprPtr> orders_;
  std::vector<ExprPtr> key_exprs_;
  SortKeyComparator comparator_;
};

// Evaluates the sort keys of `batch` and numbers its rows for stability:
// rows of morsel `order` get sequence numbers (order << 32) + row_in_morsel.
SortedRun MakeSortInput(const std::vector<ExprPtr>& key_exprs, const RecordBatchPtr& batch, int64_t seq_base,
                        const EvalContext& ctx);

}  // namespace lakestream
