// JoinEmitter: turns candidate (probe row, build row) pairs into join output
// for every join type; shared by HashJoin and NestedLoopJoin. The probe side
// is the left input, the build side the right one. Immutable; thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "columnar/record_batch.h"
#include "expr/eval_context.h"
#include "expr/expression.h"
#include "plan/logical_plan.h"

namespace lakestream {

class JoinEmitter {
 public:
  // `residual` (may be null) is bound against left ++ right columns.
  // `build_semi`: a left semi or anti join whose left side is the build side
  // (inputs swapped to build the hash table over the smaller one): probing
  // only marks build rows, and EmitBuildSemi() emits the result at the end.
  JoinEmitter(JoinType type, ExprPtr residual, SchemaPtr output_schema, const Schema& left, const Schema& right,
              bool build_semi = false);

  // Whether build rows must be marked as matched (right and full joins, build_semi).
  bool tracks_build_matches() const {
    return type_ == JoinType::kRight || type_ == JoinType::kFull || build_semi_;
  }
  bool build_semi() const { return build_semi_; }

  // `probe_rows`/`build_rows`: every candidate pair whose probe row lies in
  // [begin, end), in probe-row order. Keeps the pairs passing the residual,
  // marks their build rows in `build_matched` (if tracked) and appends the
  // output rows that probe rows [begin, end) produce. Consumes the vectors.
  void Emit(const RecordBatch& probe, int64_t begin, int64_t end, const RecordBatch& build,
            std::vector<int32_t>& probe_rows, std::vector<int32_t>& build_rows, std::atomic<uint8_t>* build_matched,
            const EvalContext& ctx, std::vector<RecordBatchPtr>& out) const;

  // Build rows never marked matched, with NULLs for the left columns.
  RecordBatchPtr EmitUnmatchedBuild(const RecordBatch& build, const std::atomic<uint8_t>* build_matched) const;
  // build_semi: the build rows marked matched (semi) or never marked (anti).
  RecordBatchPtr EmitBuildSemi(const RecordBatch& build, const std::atomic<uint8_t>* build_matched) const;

 private:
  RecordBatchPtr Pairs(const RecordBatch& probe, const RecordBatch& build, const std::vector<int32_t>& probe_rows,
                       const std::vector<int32_t>& build_rows, const SchemaPtr& schema) const;

  JoinType type_;
  bool build_semi_;
  ExprPtr residual_;
  SchemaPtr output_schema_;
  SchemaPtr pair_schema_;  // left ++ right
  std::vector<DataTypePtr> left_types_;
};

}  // namespace lakestream
