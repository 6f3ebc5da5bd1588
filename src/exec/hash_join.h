// HashJoin: equi-join on key pairs (left key i = right key i; null-safe
// `<=>` keys also match NULL with NULL) plus an optional residual condition
// over left ++ right columns. Builds a JoinHashTable over the right input,
// then probes it with left batches in parallel. Right and full joins emit the
// never-matched build rows after the probe side ends (Flush). The build side
// must fit the memory limit (no spill): otherwise MEMORY_LIMIT_EXCEEDED.
#pragma once

#include "exec/join_emitter.h"
#include "exec/key_encoder.h"
#include "exec/physical_operator.h"

namespace lakestream {

struct JoinKey {
  ExprPtr left;   // bound against the left input
  ExprPtr right;  // bound against the right input
  bool null_safe = false;
};

class HashJoin : public PhysicalOperator {
 public:
  // `build_semi`: `type` is a left semi or anti join whose left side is
  // `right` here, the build side (JoinEmitter's build_semi): the result is
  // emitted once the probe side ends.
  HashJoin(SchemaPtr schema, PhysicalOperatorPtr left, PhysicalOperatorPtr right, JoinType type,
           std::vector<JoinKey> keys, ExprPtr residual, bool build_semi = false);

  OperatorRole role() const override { return OperatorRole::kJoin; }
  std::string Describe() const override;

  std::unique_ptr<GlobalSinkState> MakeGlobalSinkState(ExecutionState& state) const override;
  void Sink(ExecutionState& state, GlobalSinkState& global, LocalSinkState& local, const RecordBatchPtr& batch,
            int64_t order) const override;
  void Finalize(ExecutionState& state, GlobalSinkState& global) const override;

  std::unique_ptr<OperatorState> MakeOperatorState(ExecutionState& state) const override;
  void Execute(ExecutionState& state, OperatorState* local, const RecordBatchPtr& input,
               std::vector<RecordBatchPtr>& output) const override;
  bool NeedsFlush() const override { return emitter_.tracks_build_matches(); }
  void Flush(ExecutionState& state, std::vector<RecordBatchPtr>& output) const override;

 private:
  // Encodes one side's keys (into `int_keys` when integer_keys_, else
  // `keys`); skip[r] is set where a non-null-safe key is NULL.
  void EncodeKeys(const RecordBatch& batch, bool left, const EvalContext& ctx, EncodedKeys& keys,
                  std::vector<int64_t>& int_keys, std::vector<uint8_t>& skip) const;

  JoinType type_;
  std::vector<JoinKey> keys_;
  ExprPtr residual_;
  KeyEncoder encoder_;
  bool integer_keys_;  // one or two integer keys, none null-safe: JoinHashTable's integer form
  JoinEmitter emitter_;
};

}  // namespace lakestream
