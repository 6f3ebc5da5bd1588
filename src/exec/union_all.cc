#include "exec/union_all.h"

#include "lakestream/error.h"

namespace lakestream {

UnionAll::UnionAll(SchemaPtr schema, std::vector<PhysicalOperatorPtr> children)
    : PhysicalOperator(std::move(schema), std::move(children)) {
  for (const auto& c : this->children()) {
    if (c->schema()->num_fields() != this->schema()->num_fields()) {
      throw InternalError("UNION input has " + std::to_string(c->schema()->num_fields()) + " columns, expected " +
                          std::to_string(this->schema()->num_fields()));
    }
  }
}

void UnionAll::Execute(ExecutionState&, OperatorState*, const RecordBatchPtr& input,
                       std::vector<RecordBatchPtr>& output) const {
  output.push_back(input->schema() == schema()
                       ? input
                       : std::make_shared<RecordBatch>(schema(), input->columns(), input->num_rows()));
}

}  // namespace lakestream
