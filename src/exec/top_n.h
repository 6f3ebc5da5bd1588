// TopN: ORDER BY ... LIMIT n [OFFSET m] without sorting everything. Each
// thread keeps its best offset + n rows (re-sorting whenever its buffer
// doubles); Finalize merges the thread-local bests and keeps rows
// [offset, offset + n). Ties keep input order, as Sort does.
#pragma once

#include "exec/physical_operator.h"
#include "exec/sort_key_comparator.h"

namespace lakestream {

class TopN : public PhysicalOperator {
 public:
  TopN(PhysicalOperatorPtr child, std::vector<ExprPtr> orders, int64_t limit, int64_t offset);

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
  int64_t limit_, offset_;
};

}  // namespace lakestream
