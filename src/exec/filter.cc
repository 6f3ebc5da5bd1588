#include "exec/filter.h"

#include "exec/take_rows.h"
#include "expr/evaluator.h"

namespace lakestream {

Filter::Filter(PhysicalOperatorPtr child, ExprPtr condition)
    : PhysicalOperator(child->schema(), {child}), condition_(std::move(condition)) {}

std::string Filter::Describe() const { return "Filter " + condition_->ToString(); }

void Filter::Execute(ExecutionState& state, OperatorState*, const RecordBatchPtr& input,
                     std::vector<RecordBatchPtr>& output) const {
  std::vector<int32_t> selected = EvaluateSelection(*condition_, *input, state.eval());
  if (static_cast<int64_t>(selected.size()) == input->num_rows()) {
    output.push_back(input);
  } else if (!selected.empty()) {
    output.push_back(TakeRows(*input, selected, schema()));
  }
}

}  // namespace lakestream
