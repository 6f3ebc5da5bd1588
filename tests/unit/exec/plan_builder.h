// Builders for analyzed logical plans in exec tests: the analyzer is not
// needed, expressions are bound against each node's input schema directly.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "exec/executor.h"
#include "exec/thread_pool.h"
#include "expr/binder.h"
#include "expr/function_registry.h"
#include "expr/scope.h"
#include "plan/logical_plan.h"

namespace lakestream::exec_test {

inline std::shared_ptr<LogicalPlan> Node(PlanKind kind, SchemaPtr schema, std::vector<LogicalPlanPtr> children = {}) {
  auto n = std::make_shared<LogicalPlan>();
  n->kind = kind;
  n->schema = std::move(schema);
  n->children = std::move(children);
  n->analyzed = true;
  return n;
}

inline LogicalPlanPtr Local(const std::string& ddl, const std::vector<Row>& rows, int64_t batch_rows = 3) {
  SchemaPtr schema = Schema::ParseDdl(ddl);
  auto n = Node(PlanKind::kLocalRelation, schema);
  n->batches = RowsToBatches(schema, rows, batch_rows);
  return n;
}

inline LogicalPlanPtr RangePlan(int64_t start, int64_t end, int64_t step = 1) {
  auto n = Node(PlanKind::kRange, std::make_shared<Schema>(std::vector<Field>{Field("id", DataType::Long(), false)}));
  n->range_start = start;
  n->range_end = end;
  n->range_step = step;
  return n;
}

inline ExprPtr Bind(const ExprPtr& e, const Schema& schema, bool aggregates = false, bool generators = false) {
  BindOptions options;
  options.allow_aggregates = aggregates;
  options.allow_generators = generators;
  return BindExpression(e, Scope::FromSchema(schema), FunctionRegistry::Default(), options);
}

inline Field FieldOf(const ExprPtr& bound) { return Field(bound->OutputName(), bound->type, bound->nullable); }

inline LogicalPlanPtr FilterPlan(const LogicalPlanPtr& child, const ExprPtr& condition) {
  auto n = Node(PlanKind::kFilter, child->schema, {child});
  n->condition = Bind(condition, *child->schema);
  return n;
}

inline const Expr* GeneratorOf(const ExprPtr& e) {
  if (e->kind == ExprKind::kGenerator) return e.get();
  if (e->kind == ExprKind::kAlias) return GeneratorOf(e->children[0]);
  return nullptr;
}

inline LogicalPlanPtr ProjectPlan(const LogicalPlanPtr& child, const std::vector<ExprPtr>& exprs) {
  std::vector<Field> fields;
  std::vector<ExprPtr> bound;
  for (const auto& e : exprs) {
    ExprPtr b = Bind(e, *child->schema, false, true);
    bound.push_back(b);
    if (const Expr* g = GeneratorOf(b)) {
      const DataTypePtr& t = g->children[0]->type;
      if (g->name.rfind("pos", 0) == 0) fields.emplace_back("pos", DataType::Int());
      if (t->id() == TypeId::kMap) {
        fields.emplace_back("key", t->key_type());
        fields.emplace_back("value", t->value_type());
      } else {
        fields.emplace_back("col", t->element_type());
      }
    } else {
      fields.push_back(FieldOf(b));
    }
  }
  auto n = Node(PlanKind::kProject, std::make_shared<Schema>(fields), {child});
  n->exprs = bound;
  return n;
}

inline LogicalPlanPtr AggregatePlan(const LogicalPlanPtr& child, const std::vector<ExprPtr>& groupings,
                                    const std::vector<ExprPtr>& aggregates) {
  std::vector<Field> fields;
  auto n = Node(PlanKind::kAggregate, nullptr, {child});
  for (const auto& g : groupings) {
    n->groupings.push_back(Bind(g, *child->schema));
    fields.push_back(FieldOf(n->groupings.back()));
  }
  for (const auto& a : aggregates) {
    n->exprs.push_back(Bind(a, *child->schema, true));
    fields.push_back(FieldOf(n->exprs.back()));
  }
  n->schema = std::make_shared<Schema>(fields);
  return n;
}

inline LogicalPlanPtr JoinPlan(const LogicalPlanPtr& left, const LogicalPlanPtr& right, JoinType type,
                               const ExprPtr& condition) {
  std::vector<Field> both = left->schema->fields();
  both.insert(both.end(), right->schema->fields().begin(), right->schema->fields().end());
  Schema pair(both);
  bool left_only = type == JoinType::kLeftSemi || type == JoinType::kLeftAnti;
  auto n = Node(PlanKind::kJoin, left_only ? left->schema : std::make_shared<Schema>(both), {left, right});
  n->join_type = type;
  if (condition) n->condition = Bind(condition, pair);
  return n;
}

// Sort keys: (column name, ascending, nulls_first).
struct Order {
  std::string column;
  bool ascending = true;
  bool nulls_first = true;
};

inline std::vector<ExprPtr> BindOrders(const Schema& schema, const std::vector<Order>& orders) {
  std::vector<ExprPtr> out;
  for (const auto& o : orders) {
    ExprPtr key = Bind(Col(o.column), schema);
    auto s = std::make_shared<Expr>();
    s->kind = ExprKind::kSortOrder;
    s->children = {key};
    s->type = key->type;
    s->ascending = o.ascending;
    s->nulls_first = o.nulls_first;
    out.push_back(s);
  }
  return out;
}

inline LogicalPlanPtr SortPlan(const LogicalPlanPtr& child, const std::vector<Order>& orders) {
  auto n = Node(PlanKind::kSort, child->schema, {child});
  n->exprs = BindOrders(*child->schema, orders);
  return n;
}

inline LogicalPlanPtr LimitPlan(const LogicalPlanPtr& child, int64_t limit, int64_t offset = 0) {
  auto n = Node(PlanKind::kLimit, child->schema, {child});
  n->limit = limit;
  n->offset = offset;
  return n;
}

inline LogicalPlanPtr UnionPlan(std::vector<LogicalPlanPtr> children) {
  SchemaPtr schema = children.at(0)->schema;
  return Node(PlanKind::kUnion, schema, std::move(children));
}

inline std::vector<Row> RunPlan(const LogicalPlanPtr& plan, int threads = 1) {
  QueryContext ctx;
  ctx.num_threads = threads;
  ThreadPool pool(threads);
  ctx.pool = &pool;
  return BatchesToRows(ExecutePlan(plan, ctx));
}

// Rows in a canonical order, for results whose order is unspecified.
inline std::vector<Row> Sorted(std::vector<Row> rows) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.ToString() < b.ToString(); });
  return rows;
}

inline std::vector<Row> Ids(int64_t begin, int64_t end) {
  std::vector<Row> rows;
  for (int64_t i = begin; i < end; ++i) rows.push_back(Row{Value(i)});
  return rows;
}

}  // namespace lakestream::exec_test
