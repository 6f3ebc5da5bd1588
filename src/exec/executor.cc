#include "exec/executor.h"

#include "columnar/memory_tracker.h"
#include "exec/physical_planner.h"
#include "exec/pipeline_executor.h"
#include "exec/result_collector.h"
#include "exec/subquery_evaluator.h"
#include "exec/thread_pool.h"

namespace lakestream {

std::vector<RecordBatchPtr> ExecutePlan(const LogicalPlanPtr& analyzed, QueryContext& ctx) {
  PhysicalOperatorPtr root = CreatePhysicalPlan(EvaluateSubqueries(analyzed, ctx));
  std::unique_ptr<ThreadPool> own_pool;
  ThreadPool* pool = ctx.pool;
  if (pool == nullptr) {
    own_pool = std::make_unique<ThreadPool>(std::max(1, ctx.num_threads));
    pool = own_pool.get();
  }
  MemoryTracker memory(ctx.memory_limit_bytes);
  ExecutionState state(ctx, *pool, memory);
  ResultCollector collector(root);
  PipelineExecutor(state).Run(BuildPipelines(*root, collector));
  std::vector<RecordBatchPtr> result = ResultCollector::TakeResult(state.sink_state(collector));
  // Operators that pass their input through (filter, limit) carry the child's
  // schema object; results carry the plan's.
  for (auto& b : result) {
    if (b->schema() != analyzed->schema && b->num_columns() == analyzed->schema->num_fields()) {
      b = std::make_shared<RecordBatch>(analyzed->schema, b->columns(), b->num_rows());
    }
  }
  return result;
}

std::string ExplainPhysicalPlan(const LogicalPlanPtr& analyzed, const QueryContext&) {
  return CreatePhysicalPlan(analyzed)->TreeString();
}

}  // namespace lakestream
