#include "exec/join_emitter.h"

#include "exec/take_rows.h"
#include "expr/evaluator.h"

namespace lakestream {

JoinEmitter::JoinEmitter(JoinType type, ExprPtr residual, SchemaPtr output_schema, const Schema& left,
                         const Schema& right, bool build_semi)
    : type_(type), build_semi_(build_semi), residual_(std::move(residual)), output_schema_(std::move(output_schema)) {
  std::vector<Field> fields = left.fields();
  fields.insert(fields.end(), right.fields().begin(), right.fields().end());
  pair_schema_ = std::make_shared<Schema>(std::move(fields));
  for (const auto& f : left.fields()) left_types_.push_back(f.type);
}

RecordBatchPtr JoinEmitter::Pairs(const RecordBatch& probe, const RecordBatch& build,
                                  const std::vector<int32_t>& probe_rows, const std::vector<int32_t>& build_rows,
                                  const SchemaPtr& schema) const {
  std::vector<ArrayPtr> columns;
  const auto n = static_cast<int64_t>(probe_rows.size());
  TakeColumns(probe, probe_rows.data(), n, columns);
  TakeColumns(build, build_rows.data(), n, columns);
  return std::make_shared<RecordBatch>(schema, std::move(columns), n);
}

void JoinEmitter::Emit(const RecordBatch& probe, int64_t begin, int64_t end, const RecordBatch& build,
                       std::vector<int32_t>& probe_rows, std::vector<int32_t>& build_rows,
                       std::atomic<uint8_t>* build_matched, const EvalContext& ctx,
                       std::vector<RecordBatchPtr>& out) const {
  const bool pair_output =
      !build_semi_ && (type_ == JoinType::kInner || type_ == JoinType::kCross || type_ == JoinType::kRight);
  RecordBatchPtr pairs;
  if (residual_ && !probe_rows.empty()) {
    pairs = Pairs(probe, build, probe_rows, build_rows, pair_schema_);
    std::vector<int32_t> keep = EvaluateSelection(*residual_, *pairs, ctx);
    if (keep.size() != probe_rows.size()) {
      if (pair_output) pairs = keep.empty() ? nullptr : TakeRows(*pairs, keep, pair_schema_);
      size_t k = 0;
      for (int32_t i : keep) {
        probe_rows[k] = probe_rows[i];
        build_rows[k] = build_rows[i];
        ++k;
      }
      probe_rows.resize(k);
      build_rows.resize(k);
    }
  }
  if (build_matched != nullptr) {
    for (int32_t b : build_rows) build_matched[b].store(1, std::memory_order_relaxed);
  }
  if (build_semi_) return;
  switch (type_) {
    case JoinType::kInner:
    case JoinType::kCross:
    case JoinType::kRight:
      if (probe_rows.empty()) return;
      if (pairs) {
        out.push_back(std::make_shared<RecordBatch>(output_schema_, pairs->columns(), pairs->num_rows()));
      } else {
        out.push_back(Pairs(probe, build, probe_rows, build_rows, output_schema_));
      }
      return;
    case JoinType::kLeft:
    case JoinType::kFull: {
      std::vector<int32_t> li, ri;
      li.reserve(probe_rows.size() + (end - begin));
      ri.reserve(probe_rows.size() + (end - begin));
      size_t k = 0;
      for (int64_t r = begin; r < end; ++r) {
        bool matched = false;
        while (k < probe_rows.size() && probe_rows[k] == r) {
          li.push_back(static_cast<int32_t>(r));
          ri.push_back(build_rows[k++]);
          matched = true;
        }
        if (!matched) {
          li.push_back(static_cast<int32_t>(r));
          ri.push_back(-1);
        }
      }
      out.push_back(Pairs(probe, build, li, ri, output_schema_));
      return;
    }
    case JoinType::kLeftSemi:
    case JoinType::kLeftAnti: {
      const bool semi = type_ == JoinType::kLeftSemi;
      std::vector<int32_t> rows;
      size_t k = 0;
      for (int64_t r = begin; r < end; ++r) {
        bool matched = false;
        while (k < probe_rows.size() && probe_rows[k] == r) {
          matched = true;
          ++k;
        }
        if (matched == semi) rows.push_back(static_cast<int32_t>(r));
      }
      if (!rows.empty()) out.push_back(TakeRows(probe, rows, output_schema_));
      return;
    }
  }
}

RecordBatchPtr JoinEmitter::EmitUnmatchedBuild(const RecordBatch& build,
                                               const std::atomic<uint8_t>* build_matched) const {
  std::vector<int32_t> rows;
  for (int64_t r = 0; r < build.num_rows(); ++r) {
    if (!build_matched[r].load(std::memory_order_relaxed)) rows.push_back(static_cast<int32_t>(r));
  }
  if (rows.empty()) return nullptr;
  std::vector<ArrayPtr> columns;
  for (const auto& t : left_types_) columns.push_back(MakeNullArray(t, static_cast<int64_t>(rows.size())));
  TakeColumns(build, rows.data(), static_cast<int64_t>(rows.size()), columns);
  return std::make_shared<RecordBatch>(output_schema_, std::move(columns), static_cast<int64_t>(rows.size()));
}

RecordBatchPtr JoinEmitter::EmitBuildSemi(const RecordBatch& build, const std::atomic<uint8_t>* build_matched) const {
  const bool semi = type_ == JoinType::kLeftSemi;
  std::vector<int32_t> rows;
  for (int64_t r = 0; r < build.num_rows(); ++r) {
    if ((build_matched[r].load(std::memory_order_relaxed) != 0) == semi) rows.push_back(static_cast<int32_t>(r));
  }
  if (rows.empty()) return nullptr;
  return TakeRows(build, rows, output_schema_);
}

}  // namespace lakestream
