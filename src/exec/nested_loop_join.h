// NestedLoopJoin: joins without equi-keys (cross joins, theta joins). The
// right input is collected; each left batch is paired with all right rows in
// blocks of about kPairsPerBlock candidate pairs, filtered by the condition.
// The right side must fit the memory limit (MEMORY_LIMIT_EXCEEDED otherwise).
#pragma once

#include "exec/join_emitter.h"
#include "exec/physical_operator.h"

namespace lakestream {

class NestedLoopJoin : public PhysicalOperator {
 public:
  static constexpr int64_t kPairsPerBlock = 1 << 16;
  NestedLoopJoin(SchemaPtr schema, PhysicalOperatorPtr left, PhysicalOperatorPtr right, JoinType type,
                 ExprPtr condition);

  OperatorRole role() const override { return OperatorRole::kJoin; }
  std::string Describe() const override;

  std::unique_ptr<GlobalSinkState> MakeGlobalSinkState(ExecutionState& state) const override;
  void Sink(ExecutionState& state, GlobalSinkState& global, LocalSinkState& local, const RecordBatchPtr& batch,
            int64_t order) const override;
  void Finalize(ExecutionState& state, GlobalSinkState& global) const override;

  void Execute(ExecutionState& state, OperatorState* local, const RecordBatchPtr& input,
               std::vector<RecordBatchPtr>& output) const override;
  bool NeedsFlush() const override { return emitter_.tracks_build_matches(); }
  void Flush(ExecutionState& state, std::vector<RecordBatchPtr>& output) const override;

 private:
  JoinType type_;
  ExprPtr condition_;
  JoinEmitter emitter_;
};

}  // namespace lakestream
