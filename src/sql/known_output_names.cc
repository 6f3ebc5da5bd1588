#include "sql/known_output_names.h"

namespace lakestream::sql {

std::optional<std::vector<std::string>> KnownOutputNames(const LogicalPlan& plan) {
  switch (plan.kind) {
    case PlanKind::kProject:
    case PlanKind::kAggregate: {
      if (plan.pivot || plan.unpivot) return std::nullopt;  // named by the analyzer
      std::vector<std::string> names;
      for (const auto& e : plan.exprs) {
        if (e->kind == ExprKind::kStar || ContainsKind(e, ExprKind::kGenerator)) return std::nullopt;
        names.push_back(e->OutputName());
      }
      return names;
    }
    case PlanKind::kValues: {
      std::vector<std::string> names;
      size_t width = plan.values.empty() ? 0 : plan.values[0].size();
      for (size_t i = 0; i < width; ++i) names.push_back("col" + std::to_string(i + 1));
      return names;
    }
    case PlanKind::kRange: return std::vector<std::string>{"id"};
    case PlanKind::kFilter:
    case PlanKind::kSort:
    case PlanKind::kLimit:
    case PlanKind::kDistinct:
    case PlanKind::kDeduplicate:
    case PlanKind::kSubqueryAlias:
    case PlanKind::kUnion:
    case PlanKind::kIntersect:
    case PlanKind::kExcept: return KnownOutputNames(*plan.children[0]);
    case PlanKind::kLocalRelation:
    case PlanKind::kFileScan:
      if (!plan.schema) return std::nullopt;
      return plan.schema->FieldNames();
    case PlanKind::kJoin:
    case PlanKind::kUnresolvedRelation:
    case PlanKind::kUnresolvedTableFunction:
    case PlanKind::kWindow: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace lakestream::sql
