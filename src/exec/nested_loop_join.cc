#include "exec/nested_loop_join.h"

#include "exec/join_build_state.h"

namespace lakestream {

NestedLoopJoin::NestedLoopJoin(SchemaPtr schema, PhysicalOperatorPtr left, PhysicalOperatorPtr right, JoinType type,
                               ExprPtr condition)
    : PhysicalOperator(schema, {left, right}),
      type_(type),
      condition_(condition),
      emitter_(type, condition, schema, *left->schema(), *right->schema()) {}

std::string NestedLoopJoin::Describe() const {
  std::string s = "BroadcastNestedLoopJoin " + JoinTypeName(type_);
  if (condition_) s += ", " + condition_->ToString();
  return s;
}

std::unique_ptr<GlobalSinkState> NestedLoopJoin::MakeGlobalSinkState(ExecutionState& state) const {
  return std::make_unique<JoinBuildState>(state.memory(), "NestedLoopJoin");
}

void NestedLoopJoin::Sink(ExecutionState&, GlobalSinkState& global, LocalSinkState&, const RecordBatchPtr& batch,
                          int64_t order) const {
  static_cast<JoinBuildState&>(global).Add(batch, order);
}

void NestedLoopJoin::Finalize(ExecutionState&, GlobalSinkState& global) const {
  static_cast<JoinBuildState&>(global).Finish(children()[1]->schema(), emitter_.tracks_build_matches());
}

void NestedLoopJoin::Execute(ExecutionState& state, OperatorState*, const RecordBatchPtr& input,
                             std::vector<RecordBatchPtr>& output) const {
  auto& g = static_cast<JoinBuildState&>(state.sink_state(*this));
  const RecordBatch& build = g.build();
  const int64_t build_rows = build.num_rows();
  const int64_t probe_rows = input->num_rows();
  // Whole probe rows per block, so outer/semi/anti decisions see all candidates.
  const int64_t block = std::max<int64_t>(1, kPairsPerBlock / std::max<int64_t>(build_rows, 1));
  std::vector<int32_t> li, ri;
  for (int64_t begin = 0; begin < probe_rows; begin += block) {
    state.CheckCancelled();
    const int64_t end = std::min(probe_rows, begin + block);
    li.clear();
    ri.clear();
    for (int64_t r = begin; r < end; ++r) {
      for (int64_t b = 0; b < build_rows; ++b) {
        li.push_back(static_cast<int32_t>(r));
        ri.push_back(static_cast<int32_t>(b));
      }
    }
    emitter_.Emit(*input, begin, end, build, li, ri, g.matched(), state.eval(), output);
  }
}

void NestedLoopJoin::Flush(ExecutionState& state, std::vector<RecordBatchPtr>& output) const {
  auto& g = static_cast<JoinBuildState&>(state.sink_state(*this));
  if (RecordBatchPtr b = emitter_.EmitUnmatchedBuild(g.build(), g.matched())) output.push_back(b);
}

}  // namespace lakestream
