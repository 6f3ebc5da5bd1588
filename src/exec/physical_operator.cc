#include "exec/physical_operator.h"

#include "lakestream/error.h"

namespace lakestream {

namespace {
void AppendTree(const PhysicalOperator& op, const std::string& prefix, bool is_root, bool is_last, std::string& out) {
  if (!is_root) out += prefix + (is_last ? "+- " : ":- ");
  out += op.Describe();
  out += "\n";
  std::string child_prefix = is_root ? "" : prefix + (is_last ? "   " : ":  ");
  const auto& children = op.children();
  for (size_t i = 0; i < children.size(); ++i) {
    AppendTree(*children[i], child_prefix, false, i + 1 == children.size(), out);
  }
}
}  // namespace

std::string PhysicalOperator::TreeString() const {
  std::string out;
  AppendTree(*this, "", true, true, out);
  if (!out.empty()) out.pop_back();
  return out;
}

void PhysicalOperator::Unsupported(const char* what) const {
  throw InternalError(std::string(what) + " is not supported by " + Describe());
}

std::unique_ptr<SourceState> PhysicalOperator::MakeSourceState(ExecutionState&) const { Unsupported("source"); }
void PhysicalOperator::ReadMorsel(ExecutionState&, SourceState&, int64_t, const BatchCallback&) const {
  Unsupported("source");
}
std::unique_ptr<OperatorState> PhysicalOperator::MakeOperatorState(ExecutionState&) const { return nullptr; }
void PhysicalOperator::Execute(ExecutionState&, OperatorState*, const RecordBatchPtr&,
                               std::vector<RecordBatchPtr>&) const {
  Unsupported("streaming");
}
void PhysicalOperator::Flush(ExecutionState&, std::vector<RecordBatchPtr>&) const {}
std::unique_ptr<GlobalSinkState> PhysicalOperator::MakeGlobalSinkState(ExecutionState&) const { Unsupported("sink"); }
std::unique_ptr<LocalSinkState> PhysicalOperator::MakeLocalSinkState(ExecutionState&, GlobalSinkState&) const {
  return std::make_unique<LocalSinkState>();
}
void PhysicalOperator::Sink(ExecutionState&, GlobalSinkState&, LocalSinkState&, const RecordBatchPtr&,
                            int64_t) const {
  Unsupported("sink");
}
void PhysicalOperator::Combine(ExecutionState&, GlobalSinkState&, LocalSinkState&) const {}
void PhysicalOperator::Finalize(ExecutionState&, GlobalSinkState&) const {}

}  // namespace lakestream
