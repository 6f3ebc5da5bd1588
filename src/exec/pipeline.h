// Pipeline: a source of morsels, a chain of streaming operators and a sink.
// A physical plan splits into pipelines at breakers (aggregate, sort, limit),
// at join build sides and at unions (each union input gets its own pipeline
// feeding the same chain and sink).
#pragma once

#include <vector>

#include "exec/physical_operator.h"

namespace lakestream {

struct Pipeline {
  const PhysicalOperator* source = nullptr;
  std::vector<const PhysicalOperator*> operators;  // streaming, in data-flow order
  const PhysicalOperator* sink = nullptr;
};

// The pipelines of the plan rooted at `root`, whose output goes to `sink`, in
// an order where every pipeline comes after those it depends on (the ones that
// fill its source breaker or its joins' build sides). Pipelines feeding one
// sink appear in input order (union children left to right).
std::vector<Pipeline> BuildPipelines(const PhysicalOperator& root, const PhysicalOperator& sink);

}  // namespace lakestream
