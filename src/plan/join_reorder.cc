// Join reordering from simple cardinality estimates (cardinality_estimator.h).
//
// A tree of inner joins is flattened into its relations and the conjuncts of
// its conditions, then rebuilt greedily (Fegaras' greedy operator ordering):
// of all pairs of partial results connected by a predicate, join the pair
// with the smallest estimated result, the larger input on the probe (left)
// side and the smaller one built into the hash table (right); relations no
// predicate connects are crossed last, smallest first. A projection restores
// the original column order.
//
// A left (right) outer join whose preserved side is much smaller than the
// other becomes the mirrored right (left) join, so the hash table is built
// over the smaller side.
#include <algorithm>
#include <limits>
#include <set>

#include "expr/column_refs.h"
#include "expr/conjuncts.h"
#include "plan/cardinality_estimator.h"
#include "plan/optimizer.h"

namespace lakestream {
namespace {

// A relation of the join graph, or a join of several: its output columns by
// global id (the position in the original join tree's output).
struct Part {
  LogicalPlanPtr plan;
  std::vector<int> columns;
  double rows = 1;
};

struct Predicate {
  ExprPtr expr;  // bound over the global ids
  std::set<int> refs;
  bool applied = false;
};

struct JoinGraph {
  std::vector<Part> parts;
  std::vector<Predicate> predicates;
  std::vector<Field> fields;    // by global id
  std::vector<double> domains;  // by global id
};

bool IsInnerJoin(const LogicalPlan& p) {
  return p.kind == PlanKind::kJoin && (p.join_type == JoinType::kInner || p.join_type == JoinType::kCross);
}

std::vector<int> ShiftBy(int width, int offset) {
  std::vector<int> m(width);
  for (int i = 0; i < width; ++i) m[i] = i + offset;
  return m;
}

void Flatten(const LogicalPlanPtr& plan, JoinGraph* graph) {
  if (!IsInnerJoin(*plan)) {
    Part part;
    part.plan = ReorderJoins(plan);
    part.rows = EstimateRows(*part.plan);
    for (size_t i = 0; i < part.plan->schema->num_fields(); ++i) {
      part.columns.push_back(static_cast<int>(graph->fields.size()));
      graph->fields.push_back(part.plan->schema->field(i));
      graph->domains.push_back(EstimateColumnDomain(*part.plan, static_cast<int>(i)));
    }
    graph->parts.push_back(std::move(part));
    return;
  }
  const int offset = static_cast<int>(graph->fields.size());
  Flatten(plan->children[0], graph);
  Flatten(plan->children[1], graph);
  if (!plan->condition) return;
  std::vector<ExprPtr> conjuncts;
  SplitConjuncts(plan->condition, &conjuncts);
  const auto shift = ShiftBy(static_cast<int>(graph->fields.size()) - offset, offset);
  for (const auto& c : conjuncts) {
    Predicate p;
    p.expr = RemapColumnRefs(c, shift);
    CollectColumnRefs(p.expr, &p.refs);
    graph->predicates.push_back(std::move(p));
  }
}

bool Contains(const std::vector<int>& columns, int id) {
  return std::find(columns.begin(), columns.end(), id) != columns.end();
}

bool RefsWithin(const std::set<int>& refs, const Part& part) {
  return std::all_of(refs.begin(), refs.end(), [&](int id) { return Contains(part.columns, id); });
}

bool RefsWithin(const ExprPtr& e, const Part& part) {
  std::set<int> refs;
  CollectColumnRefs(e, &refs);
  return !refs.empty() && RefsWithin(refs, part);
}

// Whether predicate p can be applied when joining a and b (and not before).
bool Applies(const Predicate& p, const Part& a, const Part& b) {
  if (p.applied) return false;
  bool in_a = false, in_b = false;
  for (int id : p.refs) {
    if (Contains(a.columns, id)) {
      in_a = true;
    } else if (Contains(b.columns, id)) {
      in_b = true;
    } else {
      return false;
    }
  }
  return (in_a && in_b) || p.refs.empty();
}

double Domain(const JoinGraph& g, const Expr& e, const Part& part) {
  return e.kind == ExprKind::kColumn ? g.domains[e.column_index] : part.rows;
}

// Estimated rows of joining a and b; *connected tells whether a predicate links them.
double JoinEstimate(const JoinGraph& g, const Part& a, const Part& b, bool* connected) {
  std::vector<std::pair<double, double>> domains;
  double residual = 1;
  *connected = false;
  for (const auto& p : g.predicates) {
    if (!Applies(p, a, b) || p.refs.empty()) continue;
    *connected = true;
    const Expr& e = *p.expr;
    if (e.kind == ExprKind::kCall && (e.name == "=" || e.name == "<=>") && e.children.size() == 2) {
      const ExprPtr& x = e.children[0];
      const ExprPtr& y = e.children[1];
      if (RefsWithin(x, a) && RefsWithin(y, b)) {
        domains.emplace_back(Domain(g, *x, a), Domain(g, *y, b));
        continue;
      }
      if (RefsWithin(y, a) && RefsWithin(x, b)) {
        domains.emplace_back(Domain(g, *y, a), Domain(g, *x, b));
        continue;
      }
    }
    residual *= EstimateSelectivity(e);
  }
  return std::max(EstimateEquiJoinRows(a.rows, b.rows, domains) * residual, 1.0);
}

SchemaPtr Concat(const Schema& left, const Schema& right) {
  std::vector<Field> fields = left.fields();
  fields.insert(fields.end(), right.fields().begin(), right.fields().end());
  return std::make_shared<Schema>(std::move(fields));
}

// `schema`: the join's output; by default the children's columns as they are.
LogicalPlanPtr MakeAnalyzedJoin(LogicalPlanPtr left, LogicalPlanPtr right, JoinType type, ExprPtr condition,
                                SchemaPtr schema = nullptr) {
  if (!schema) schema = Concat(*left->schema, *right->schema);
  auto join = std::make_shared<LogicalPlan>(*MakeJoin(std::move(left), std::move(right), type, std::move(condition)));
  join->schema = std::move(schema);
  join->analyzed = true;
  return join;
}

// Joins parts a and b (the larger one probes) with every predicate that applies.
Part JoinParts(JoinGraph* g, const Part& a, const Part& b, double rows) {
  const bool a_probes = a.rows >= b.rows;
  const Part& left = a_probes ? a : b;
  const Part& right = a_probes ? b : a;
  std::vector<int> local(g->fields.size(), -1);
  Part joined;
  joined.columns = left.columns;
  joined.columns.insert(joined.columns.end(), right.columns.begin(), right.columns.end());
  for (size_t i = 0; i < joined.columns.size(); ++i) local[joined.columns[i]] = static_cast<int>(i);
  std::vector<ExprPtr> condition;
  for (auto& p : g->predicates) {
    if (!Applies(p, a, b)) continue;
    p.applied = true;
    condition.push_back(RemapColumnRefs(p.expr, local));
  }
  ExprPtr on = Conjoin(condition);
  const JoinType type = on ? JoinType::kInner : JoinType::kCross;
  joined.plan = MakeAnalyzedJoin(left.plan, right.plan, type, on);
  joined.rows = rows;
  return joined;
}

// Greedy operator ordering over the graph's parts, down to one.
Part Order(JoinGraph* g) {
  std::vector<Part> parts = g->parts;
  while (parts.size() > 1) {
    size_t best_i = 0, best_j = 1;
    double best_rows = std::numeric_limits<double>::infinity();
    double best_inputs = std::numeric_limits<double>::infinity();
    bool found = false;
    for (size_t i = 0; i < parts.size(); ++i) {
      for (size_t j = i + 1; j < parts.size(); ++j) {
        bool connected = false;
        const double rows = JoinEstimate(*g, parts[i], parts[j], &connected);
        if (!connected) continue;
        const double inputs = parts[i].rows + parts[j].rows;
        if (rows < best_rows || (rows == best_rows && inputs < best_inputs)) {
          best_i = i, best_j = j, best_rows = rows, best_inputs = inputs, found = true;
        }
      }
    }
    if (!found) {
      // Nothing connects the rest: cross the two smallest.
      std::vector<size_t> order(parts.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return parts[x].rows < parts[y].rows; });
      best_i = std::min(order[0], order[1]);
      best_j = std::max(order[0], order[1]);
      best_rows = parts[best_i].rows * parts[best_j].rows;
    }
    Part joined = JoinParts(g, parts[best_i], parts[best_j], best_rows);
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(best_j));
    parts[best_i] = std::move(joined);
  }
  return parts[0];
}

// A projection of `part` putting its columns back in global-id order, with `schema`.
LogicalPlanPtr RestoreOrder(const Part& part, const JoinGraph& g, const SchemaPtr& schema) {
  bool identity = true;
  for (size_t i = 0; i < part.columns.size(); ++i) identity &= part.columns[i] == static_cast<int>(i);
  if (identity) return part.plan;
  std::vector<int> position(part.columns.size());
  for (size_t i = 0; i < part.columns.size(); ++i) position[part.columns[i]] = static_cast<int>(i);
  std::vector<ExprPtr> exprs;
  for (size_t id = 0; id < g.fields.size(); ++id) {
    const Field& f = g.fields[id];
    auto ref = std::make_shared<Expr>(*ColParts({f.name}));
    ref->column_index = position[id];
    ref->type = f.type;
    ref->nullable = f.nullable;
    exprs.push_back(ref);
  }
  auto project = std::make_shared<LogicalPlan>(*MakeProject(part.plan, std::move(exprs)));
  project->schema = schema;
  project->analyzed = true;
  return project;
}

// Left(a, b) with a much smaller than b as Right(b, a) (and the mirror case).
LogicalPlanPtr MirrorOuterJoin(const LogicalPlanPtr& join) {
  const JoinType type = join->join_type;
  const double left = EstimateRows(*join->children[0]), right = EstimateRows(*join->children[1]);
  // The build side is the right one: mirror when that builds a table several times smaller.
  constexpr double kMirrorRatio = 4;
  if ((type != JoinType::kLeft && type != JoinType::kRight) || right <= kMirrorRatio * left) return join;
  const int lw = static_cast<int>(join->children[0]->schema->num_fields());
  const int rw = static_cast<int>(join->children[1]->schema->num_fields());
  std::vector<int> swap(lw + rw);
  for (int i = 0; i < lw; ++i) swap[i] = rw + i;
  for (int i = 0; i < rw; ++i) swap[lw + i] = i;
  ExprPtr condition = join->condition ? RemapColumnRefs(join->condition, swap) : nullptr;
  const JoinType mirrored = type == JoinType::kLeft ? JoinType::kRight : JoinType::kLeft;
  // Global ids are the original positions: right's columns first now.
  Part part;
  for (int i = 0; i < rw; ++i) part.columns.push_back(lw + i);
  for (int i = 0; i < lw; ++i) part.columns.push_back(i);
  JoinGraph g;
  g.fields = join->schema->fields();
  std::vector<Field> fields;
  for (int id : part.columns) fields.push_back(g.fields[id]);
  part.plan = MakeAnalyzedJoin(join->children[1], join->children[0], mirrored, condition,
                               std::make_shared<Schema>(std::move(fields)));
  return RestoreOrder(part, g, join->schema);
}

}  // namespace

LogicalPlanPtr ReorderJoins(const LogicalPlanPtr& plan) {
  if (IsInnerJoin(*plan)) {
    JoinGraph graph;
    Flatten(plan, &graph);
    return RestoreOrder(Order(&graph), graph, plan->schema);
  }
  if (plan->children.empty()) return plan;
  auto node = std::make_shared<LogicalPlan>(*plan);
  for (auto& c : node->children) c = ReorderJoins(c);
  if (node->kind == PlanKind::kJoin) return MirrorOuterJoin(node);
  return node;
}

}  // namespace lakestream
