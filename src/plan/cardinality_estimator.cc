#include "plan/cardinality_estimator.h"

#include <algorithm>
#include <set>

#include "expr/column_refs.h"
#include "expr/conjuncts.h"

namespace lakestream {
namespace {

// Unknown relations (a file scan without a size) count as this many rows.
constexpr double kUnknownRows = 1e6;
// Fractions of rows kept, by predicate shape.
constexpr double kEqualitySelectivity = 0.1;
constexpr double kRangeSelectivity = 1.0 / 3;
constexpr double kLikeSelectivity = 0.1;
constexpr double kDefaultSelectivity = 0.5;
// Groups per input row of a grouped aggregate.
constexpr double kGroupsPerRow = 0.1;

// Bytes one row takes in a data file, roughly (text and compressed columnar
// files alike; only ratios between tables matter).
double RowWidth(const Schema& schema) {
  double width = 0;
  for (const auto& f : schema.fields()) {
    switch (f.type->id()) {
      case TypeId::kBoolean:
      case TypeId::kByte: width += 1; break;
      case TypeId::kShort:
      case TypeId::kInt:
      case TypeId::kDate:
      case TypeId::kYearMonthInterval:
      case TypeId::kFloat: width += 4; break;
      case TypeId::kLong:
      case TypeId::kDouble:
      case TypeId::kDecimal:
      case TypeId::kTimestamp:
      case TypeId::kTimestampNtz:
      case TypeId::kDayTimeInterval: width += 8; break;
      case TypeId::kString:
      case TypeId::kBinary: width += 16; break;
      default: width += 32; break;
    }
  }
  return std::max(width, 1.0);
}

bool IsCall(const Expr& e, const char* name) { return e.kind == ExprKind::kCall && e.name == name; }

double LiteralCount(const Expr& e) {
  double n = 0;
  for (size_t i = 1; i < e.children.size(); ++i) n += e.children[i]->kind == ExprKind::kLiteral ? 1 : 0;
  return n;
}

// Whether all of `e`'s column references lie in [begin, end).
bool RefsWithin(const ExprPtr& e, int begin, int end) {
  std::set<int> refs;
  CollectColumnRefs(e, &refs);
  if (refs.empty()) return false;
  return *refs.begin() >= begin && *refs.rbegin() < end;
}

double SideDomain(const LogicalPlan& child, const Expr& e, int shift) {
  if (e.kind == ExprKind::kColumn && e.column_index >= 0) return EstimateColumnDomain(child, e.column_index - shift);
  return EstimateRows(child);
}

double JoinRows(const LogicalPlan& plan) {
  const LogicalPlan& left = *plan.children[0];
  const LogicalPlan& right = *plan.children[1];
  const double l = EstimateRows(left), r = EstimateRows(right);
  const int lw = static_cast<int>(left.schema->num_fields());
  const int width = lw + static_cast<int>(right.schema->num_fields());
  std::vector<std::pair<double, double>> domains;
  double residual = 1;
  if (plan.condition) {
    std::vector<ExprPtr> conjuncts;
    SplitConjuncts(plan.condition, &conjuncts);
    for (const auto& c : conjuncts) {
      if ((IsCall(*c, "=") || IsCall(*c, "<=>")) && c->children.size() == 2) {
        const ExprPtr& a = c->children[0];
        const ExprPtr& b = c->children[1];
        if (RefsWithin(a, 0, lw) && RefsWithin(b, lw, width)) {
          domains.emplace_back(SideDomain(left, *a, 0), SideDomain(right, *b, lw));
          continue;
        }
        if (RefsWithin(b, 0, lw) && RefsWithin(a, lw, width)) {
          domains.emplace_back(SideDomain(left, *b, 0), SideDomain(right, *a, lw));
          continue;
        }
      }
      residual *= EstimateSelectivity(*c);
    }
  }
  const double inner = EstimateEquiJoinRows(l, r, domains) * residual;
  switch (plan.join_type) {
    case JoinType::kInner:
    case JoinType::kCross: return std::max(inner, 1.0);
    case JoinType::kLeft: return std::max(inner, l);
    case JoinType::kRight: return std::max(inner, r);
    case JoinType::kFull: return std::max(inner, l + r);
    case JoinType::kLeftSemi:
    case JoinType::kLeftAnti: return std::max(l * kDefaultSelectivity, 1.0);
  }
  return inner;
}

}  // namespace

double EstimateSelectivity(const Expr& e) {
  if (e.kind == ExprKind::kLiteral && e.value.kind() == Value::Kind::kBool) return e.value.as_bool() ? 1 : 0;
  if (e.kind == ExprKind::kIn) return std::min(kDefaultSelectivity, kEqualitySelectivity * LiteralCount(e));
  if (e.kind != ExprKind::kCall) return kDefaultSelectivity;
  if (IsCall(e, "and") && e.children.size() == 2) {
    return EstimateSelectivity(*e.children[0]) * EstimateSelectivity(*e.children[1]);
  }
  if (IsCall(e, "or") && e.children.size() == 2) {
    const double a = EstimateSelectivity(*e.children[0]), b = EstimateSelectivity(*e.children[1]);
    return a + b - a * b;
  }
  if (IsCall(e, "not") && e.children.size() == 1) return 1 - EstimateSelectivity(*e.children[0]);
  if (IsCall(e, "=") || IsCall(e, "<=>")) return kEqualitySelectivity;
  if (IsCall(e, "<") || IsCall(e, "<=") || IsCall(e, ">") || IsCall(e, ">=")) return kRangeSelectivity;
  if (IsCall(e, "like") || IsCall(e, "rlike") || IsCall(e, "startswith") || IsCall(e, "endswith") ||
      IsCall(e, "contains")) {
    return kLikeSelectivity;
  }
  if (IsCall(e, "isnull")) return kEqualitySelectivity;
  if (IsCall(e, "isnotnull")) return 1 - kEqualitySelectivity;
  return kDefaultSelectivity;
}

double EstimateRows(const LogicalPlan& plan) {
  switch (plan.kind) {
    case PlanKind::kFileScan:
      if (plan.scan.num_rows >= 0) return std::max(static_cast<double>(plan.scan.num_rows), 1.0);
      return plan.scan.size_in_bytes >= 0 ? std::max(plan.scan.size_in_bytes / RowWidth(*plan.scan.schema), 1.0)
                                          : kUnknownRows;
    case PlanKind::kLocalRelation: {
      double rows = 0;
      for (const auto& b : plan.batches) rows += static_cast<double>(b->num_rows());
      return std::max(rows, 1.0);
    }
    case PlanKind::kRange:
      return std::max(static_cast<double>(plan.range_end - plan.range_start) / static_cast<double>(plan.range_step), 1.0);
    case PlanKind::kValues: return std::max(static_cast<double>(plan.values.size()), 1.0);
    case PlanKind::kFilter:
      return std::max(EstimateRows(*plan.children[0]) * EstimateSelectivity(*plan.condition), 1.0);
    case PlanKind::kLimit: {
      const double child = EstimateRows(*plan.children[0]);
      return plan.limit >= 0 ? std::min(child, static_cast<double>(plan.limit)) : child;
    }
    case PlanKind::kAggregate: {
      if (plan.groupings.empty()) return 1;
      const double child = EstimateRows(*plan.children[0]);
      double domain = 1;
      for (const auto& g : plan.groupings) domain *= SideDomain(*plan.children[0], *g, 0);
      return std::max(std::min(child * kGroupsPerRow, domain), 1.0);
    }
    case PlanKind::kDistinct:
    case PlanKind::kDeduplicate: return std::max(EstimateRows(*plan.children[0]) * kGroupsPerRow, 1.0);
    case PlanKind::kJoin: return JoinRows(plan);
    case PlanKind::kUnion: {
      double rows = 0;
      for (const auto& c : plan.children) rows += EstimateRows(*c);
      return rows;
    }
    default: return plan.children.empty() ? kUnknownRows : EstimateRows(*plan.children[0]);
  }
}

double EstimateColumnDomain(const LogicalPlan& plan, int column) {
  switch (plan.kind) {
    case PlanKind::kFileScan: {
      const auto bound = plan.scan.distinct_bounds.find(plan.schema->field(column).name);
      const double rows = EstimateRows(plan);
      return bound == plan.scan.distinct_bounds.end() ? rows : std::min(rows, static_cast<double>(bound->second));
    }
    case PlanKind::kFilter:
    case PlanKind::kSort:
    case PlanKind::kLimit: return EstimateColumnDomain(*plan.children[0], column);
    case PlanKind::kProject: {
      const Expr* e = plan.exprs.at(column).get();
      if (e->kind == ExprKind::kAlias) e = e->children[0].get();
      if (e->kind == ExprKind::kColumn && e->column_index >= 0) {
        return EstimateColumnDomain(*plan.children[0], e->column_index);
      }
      return EstimateRows(plan);
    }
    case PlanKind::kJoin: {
      const int lw = static_cast<int>(plan.children[0]->schema->num_fields());
      return column < lw ? EstimateColumnDomain(*plan.children[0], column)
                         : EstimateColumnDomain(*plan.children[1], column - lw);
    }
    case PlanKind::kAggregate:
      // A lone grouping key is unique in the output.
      if (column < static_cast<int>(plan.groupings.size()) && plan.groupings.size() > 1) {
        return std::min(SideDomain(*plan.children[0], *plan.groupings[column], 0), EstimateRows(plan));
      }
      return EstimateRows(plan);
    case PlanKind::kWindow: {
      const int child_width = static_cast<int>(plan.children[0]->schema->num_fields());
      return column < child_width ? EstimateColumnDomain(*plan.children[0], column) : EstimateRows(plan);
    }
    default: return EstimateRows(plan);
  }
}

double EstimateEquiJoinRows(double left_rows, double right_rows,
                            const std::vector<std::pair<double, double>>& domains) {
  double divisor = 1;
  for (const auto& [l, r] : domains) divisor = std::max(divisor, std::min(l, r));
  return std::max(left_rows * right_rows / divisor, 1.0);
}

}  // namespace lakestream
