#include "exec/pipeline.h"

#include <algorithm>

#include "lakestream/error.h"

namespace lakestream {

namespace {
// `current.operators` is collected top-down and reversed when the source is found.
void Build(const PhysicalOperator& op, Pipeline current, std::vector<Pipeline>& out) {
  auto finish = [&](Pipeline p) {
    std::reverse(p.operators.begin(), p.operators.end());
    out.push_back(std::move(p));
  };
  switch (op.role()) {
    case OperatorRole::kSource:
      current.source = &op;
      finish(std::move(current));
      return;
    case OperatorRole::kStreaming:
      current.operators.push_back(&op);
      Build(*op.children().at(0), std::move(current), out);
      return;
    case OperatorRole::kBreaker: {
      Pipeline child;
      child.sink = &op;
      Build(*op.children().at(0), std::move(child), out);
      current.source = &op;
      finish(std::move(current));
      return;
    }
    case OperatorRole::kJoin: {
      Pipeline build;
      build.sink = &op;
      Build(*op.children().at(1), std::move(build), out);
      current.operators.push_back(&op);
      Build(*op.children().at(0), std::move(current), out);
      return;
    }
    case OperatorRole::kUnion:
      // The union relabels each input's batches, then feeds the shared chain.
      current.operators.push_back(&op);
      for (const auto& child : op.children()) Build(*child, current, out);
      return;
  }
  throw InternalError("unknown operator role in " + op.Describe());
}
}  // namespace

std::vector<Pipeline> BuildPipelines(const PhysicalOperator& root, const PhysicalOperator& sink) {
  std::vector<Pipeline> out;
  Pipeline top;
  top.sink = &sink;
  Build(root, std::move(top), out);
  return out;
}

}  // namespace lakestream
