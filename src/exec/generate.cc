#include "exec/generate.h"

#include "columnar/array_builder.h"
#include "exec/projection.h"
#include "expr/evaluator.h"
#include "lakestream/error.h"

namespace lakestream {

const Expr* Generate::FindGenerator(const Expr& e) {
  if (e.kind == ExprKind::kGenerator) return &e;
  if (e.kind == ExprKind::kAlias && !e.children.empty()) return FindGenerator(*e.children[0]);
  return nullptr;
}

Generate::Generate(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<ExprPtr> exprs)
    : PhysicalOperator(std::move(schema), {std::move(child)}), exprs_(std::move(exprs)) {
  for (size_t i = 0; i < exprs_.size(); ++i) {
    if (const Expr* g = FindGenerator(*exprs_[i])) {
      if (generator_ != nullptr) throw InternalError("more than one generator in a projection");
      generator_ = g;
      generator_index_ = i;
    }
  }
  if (generator_ == nullptr) throw InternalError("Generate without a generator");
  std::string name = generator_->name;
  for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (name != "explode" && name != "explode_outer" && name != "posexplode" && name != "posexplode_outer" &&
      name != "inline" && name != "inline_outer") {
    throw InternalError("unknown generator " + generator_->name);
  }
  outer_ = name.ends_with("_outer");
  with_position_ = name.starts_with("pos");
  inline_ = name.starts_with("inline");
}

std::string Generate::Describe() const {
  std::vector<ExprPtr> others;
  for (size_t i = 0; i < exprs_.size(); ++i) {
    if (i != generator_index_) others.push_back(exprs_[i]);
  }
  return "Generate " + generator_->ToString() + ", [" + DescribeExprs(others) + "], " + (outer_ ? "true" : "false");
}

void Generate::Execute(ExecutionState& state, OperatorState*, const RecordBatchPtr& input,
                       std::vector<RecordBatchPtr>& output) const {
  const int64_t rows = input->num_rows();
  ArrayPtr collection = Evaluate(*generator_->children[0], *input, state.eval());
  const bool is_map = collection->type_id() == TypeId::kMap;
  if (!is_map && collection->type_id() != TypeId::kArray) {
    throw InternalError("generator input is not an array or map: " + collection->type()->ToString());
  }
  // For each output row: the input row it repeats and the element it takes (-1: NULLs).
  std::vector<int32_t> repeat, element;
  PrimitiveBuilder<int32_t> pos(DataType::Int());
  const int32_t* offsets = collection->offsets();
  for (int64_t r = 0; r < rows; ++r) {
    int32_t n = collection->IsNull(r) ? 0 : offsets[r + 1] - offsets[r];
    for (int32_t i = 0; i < n; ++i) {
      repeat.push_back(static_cast<int32_t>(r));
      element.push_back(offsets[r] + i);
      if (with_position_) pos.Append(i);
    }
    if (n == 0 && outer_) {
      repeat.push_back(static_cast<int32_t>(r));
      element.push_back(-1);
      if (with_position_) pos.AppendNull();
    }
  }
  const auto out_rows = static_cast<int64_t>(repeat.size());
  if (out_rows == 0) return;
  std::vector<ArrayPtr> columns;
  for (size_t i = 0; i < exprs_.size(); ++i) {
    if (i != generator_index_) {
      ArrayPtr v = exprs_[i]->kind == ExprKind::kColumn ? input->column(exprs_[i]->column_index)
                                                         : Evaluate(*exprs_[i], *input, state.eval());
      columns.push_back(Take(v, repeat));
      continue;
    }
    if (with_position_) columns.push_back(pos.Finish());
    const ArrayPtr& elements = collection->child(0);
    if (is_map || inline_) {
      // Map entries are struct<key, value>; inline spreads the struct's fields.
      for (const auto& field : elements->children()) columns.push_back(Take(field, element));
    } else {
      columns.push_back(Take(elements, element));
    }
  }
  output.push_back(std::make_shared<RecordBatch>(schema(), std::move(columns), out_rows));
}

}  // namespace lakestream
