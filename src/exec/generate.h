// Generate: a projection with one generator (explode, posexplode over an
// ARRAY or MAP; inline over an ARRAY<STRUCT>; each with an _outer form). Each
// input row yields one output row per element; the generator contributes its
// columns (pos, col / key, value / the struct's fields) at its position and
// the other expressions repeat.
// The _outer forms yield one row of NULLs for a NULL or empty collection.
#pragma once

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace lakestream {

class Generate : public PhysicalOperator {
 public:
  // `exprs`: the projection list; exactly one is a kGenerator (maybe under an alias).
  Generate(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<ExprPtr> exprs);

  OperatorRole role() const override { return OperatorRole::kStreaming; }
  std::string Describe() const override;
  void Execute(ExecutionState& state, OperatorState* local, const RecordBatchPtr& input,
               std::vector<RecordBatchPtr>& output) const override;

  // The generator inside `e` (itself or under aliases), or nullptr.
  static const Expr* FindGenerator(const Expr& e);

 private:
  std::vector<ExprPtr> exprs_;
  size_t generator_index_ = 0;
  const Expr* generator_ = nullptr;
  bool outer_ = false;
  bool with_position_ = false;
  bool inline_ = false;
};

}  // namespace lakestream
