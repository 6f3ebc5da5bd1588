#include "exec/physical_planner.h"

#include "exec/file_scan.h"
#include "exec/filter.h"
#include "exec/generate.h"
#include "exec/hash_aggregate.h"
#include "exec/hash_join.h"
#include "exec/limit.h"
#include "exec/local_scan.h"
#include "exec/nested_loop_join.h"
#include "exec/projection.h"
#include "exec/range_scan.h"
#include "exec/sort.h"
#include "exec/top_n.h"
#include "exec/union_all.h"
#include "exec/window.h"
#include "expr/column_refs.h"
#include "lakestream/error.h"
#include "plan/cardinality_estimator.h"

namespace lakestream {

namespace {

bool IsCall(const Expr& e, std::string_view name) {
  if (e.kind != ExprKind::kCall || e.name.size() != name.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(e.name[i])) != name[i]) return false;
  }
  return true;
}

void SplitConjuncts(const ExprPtr& e, std::vector<ExprPtr>& out) {
  if (IsCall(*e, "and") && e->children.size() == 2) {
    SplitConjuncts(e->children[0], out);
    SplitConjuncts(e->children[1], out);
  } else {
    out.push_back(e);
  }
}

// Bit 1: references a left column; bit 2: a right column.
int Sides(const Expr& e, int num_left) {
  int sides = 0;
  if (e.kind == ExprKind::kColumn) sides |= e.column_index < num_left ? 1 : 2;
  for (const auto& c : e.children) sides |= Sides(*c, num_left);
  return sides;
}

// Copy of `e` with column references shifted by -shift (right side keys).
ExprPtr ShiftColumns(const ExprPtr& e, int shift) {
  auto copy = std::make_shared<Expr>(*e);
  if (copy->kind == ExprKind::kColumn) copy->column_index -= shift;
  for (auto& c : copy->children) c = ShiftColumns(c, shift);
  return copy;
}

// Equi-join keys among the conjuncts of `condition`; `all_keys` tells
// whether every conjunct became a key (no residual needed).
std::vector<JoinKey> ExtractJoinKeys(const ExprPtr& condition, int num_left, bool& all_keys) {
  std::vector<JoinKey> keys;
  all_keys = true;
  if (!condition) return keys;
  std::vector<ExprPtr> conjuncts;
  SplitConjuncts(condition, conjuncts);
  for (const auto& c : conjuncts) {
    const bool null_safe = IsCall(*c, "<=>");
    if ((IsCall(*c, "=") || IsCall(*c, "==") || null_safe) && c->children.size() == 2 &&
        TypeEquals(c->children[0]->type, c->children[1]->type)) {
      int a = Sides(*c->children[0], num_left), b = Sides(*c->children[1], num_left);
      if (a == 1 && b == 2) {
        keys.push_back({c->children[0], ShiftColumns(c->children[1], num_left), null_safe});
        continue;
      }
      if (a == 2 && b == 1) {
        keys.push_back({c->children[1], ShiftColumns(c->children[0], num_left), null_safe});
        continue;
      }
    }
    all_keys = false;
  }
  return keys;
}

PhysicalOperatorPtr Plan(const LogicalPlanPtr& node);

PhysicalOperatorPtr PlanJoin(const LogicalPlan& node) {
  PhysicalOperatorPtr left = Plan(node.children.at(0));
  PhysicalOperatorPtr right = Plan(node.children.at(1));
  JoinType type = node.join_type;
  if (type == JoinType::kCross && node.condition) type = JoinType::kInner;
  const int num_left = static_cast<int>(node.children[0]->schema->num_fields());
  bool all_keys = true;
  std::vector<JoinKey> keys = ExtractJoinKeys(node.condition, num_left, all_keys);
  if (keys.empty()) return std::make_shared<NestedLoopJoin>(node.schema, left, right, type, node.condition);
  // The residual re-checks the whole condition on key matches: simple and exact.
  ExprPtr residual = all_keys ? nullptr : node.condition;
  // A semi or anti join of a small left side against a large right one
  // builds its hash table over the left side and probes with the right.
  constexpr double kBuildLeftRatio = 4;
  if ((type == JoinType::kLeftSemi || type == JoinType::kLeftAnti) &&
      EstimateRows(*node.children[1]) > kBuildLeftRatio * EstimateRows(*node.children[0])) {
    const int num_right = static_cast<int>(node.children[1]->schema->num_fields());
    std::vector<int> swap(num_left + num_right);
    for (int i = 0; i < num_left; ++i) swap[i] = num_right + i;
    for (int i = 0; i < num_right; ++i) swap[num_left + i] = i;
    for (auto& k : keys) std::swap(k.left, k.right);
    if (residual) residual = RemapColumnRefs(residual, swap);
    return std::make_shared<HashJoin>(node.schema, right, left, type, std::move(keys), residual, /*build_semi=*/true);
  }
  return std::make_shared<HashJoin>(node.schema, left, right, type, std::move(keys), residual);
}

PhysicalOperatorPtr Plan(const LogicalPlanPtr& node) {
  if (!node->analyzed || !node->schema) {
    throw InternalError("the physical planner needs an analyzed plan: " + node->Describe());
  }
  const LogicalPlan& n = *node;
  switch (n.kind) {
    case PlanKind::kLocalRelation: return std::make_shared<LocalScan>(n.schema, n.batches);
    case PlanKind::kRange: return std::make_shared<RangeScan>(n.schema, n.range_start, n.range_end, n.range_step);
    case PlanKind::kFileScan: return std::make_shared<FileScan>(n.schema, n.scan);
    case PlanKind::kProject: {
      PhysicalOperatorPtr child = Plan(n.children.at(0));
      for (const auto& e : n.exprs) {
        if (Generate::FindGenerator(*e)) return std::make_shared<Generate>(n.schema, child, n.exprs);
      }
      return std::make_shared<Projection>(n.schema, child, n.exprs);
    }
    case PlanKind::kFilter: return std::make_shared<Filter>(Plan(n.children.at(0)), n.condition);
    case PlanKind::kAggregate:
      return std::make_shared<HashAggregate>(n.schema, Plan(n.children.at(0)), n.groupings, n.exprs);
    case PlanKind::kJoin: return PlanJoin(n);
    case PlanKind::kSort: return std::make_shared<Sort>(Plan(n.children.at(0)), n.exprs);
    case PlanKind::kLimit: {
      const LogicalPlanPtr& child = n.children.at(0);
      if (n.limit >= 0 && child->kind == PlanKind::kSort) {
        return std::make_shared<TopN>(Plan(child->children.at(0)), child->exprs, n.limit, n.offset);
      }
      if (n.limit < 0 && n.offset <= 0) return Plan(child);
      return std::make_shared<Limit>(Plan(child), n.limit, n.offset);
    }
    case PlanKind::kUnion: {
      std::vector<PhysicalOperatorPtr> children;
      for (const auto& c : n.children) children.push_back(Plan(c));
      return std::make_shared<UnionAll>(n.schema, std::move(children));
    }
    case PlanKind::kDistinct:
    case PlanKind::kDeduplicate:
    case PlanKind::kSubqueryAlias:
    case PlanKind::kUnresolvedRelation:
    case PlanKind::kUnresolvedTableFunction:
    case PlanKind::kWindow: return std::make_shared<Window>(n.schema, Plan(n.children.at(0)), n.exprs);
    case PlanKind::kValues:
    case PlanKind::kIntersect:
    case PlanKind::kExcept: break;
  }
  throw InternalError("the analyzer should have removed " + n.Describe());
}

}  // namespace

PhysicalOperatorPtr CreatePhysicalPlan(const LogicalPlanPtr& analyzed) { return Plan(analyzed); }

}  // namespace lakestream
