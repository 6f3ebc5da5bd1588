#include "plan/logical_plan.h"

#include <algorithm>
#include <atomic>
#include <cctype>

#include "lakestream/error.h"

namespace lakestream {

int64_t LogicalPlan::NextPlanId() {
  static std::atomic<int64_t> next{1};
  return next++;
}

JoinType ParseJoinType(const std::string& name) {
  std::string n;
  for (char c : name) if (c != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "inner") return JoinType::kInner;
  if (n == "left" || n == "leftouter") return JoinType::kLeft;
  if (n == "right" || n == "rightouter") return JoinType::kRight;
  if (n == "full" || n == "outer" || n == "fullouter") return JoinType::kFull;
  if (n == "leftsemi" || n == "semi") return JoinType::kLeftSemi;
  if (n == "leftanti" || n == "anti") return JoinType::kLeftAnti;
  if (n == "cross") return JoinType::kCross;
  throw UserError("UNSUPPORTED_JOIN_TYPE", "0A000",
                  "Unsupported join type '" + name + "'. Supported join types include: 'inner', 'outer', 'full', "
                  "'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', "
                  "'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'.");
}

std::string JoinTypeName(JoinType t) {
  switch (t) {
    case JoinType::kInner: return "Inner";
    case JoinType::kLeft: return "LeftOuter";
    case JoinType::kRight: return "RightOuter";
    case JoinType::kFull: return "FullOuter";
    case JoinType::kLeftSemi: return "LeftSemi";
    case JoinType::kLeftAnti: return "LeftAnti";
    case JoinType::kCross: return "Cross";
  }
  return "?";
}

namespace {
std::string JoinExprs(const std::vector<ExprPtr>& exprs) {
  std::string s;
  for (size_t i = 0; i < exprs.size(); ++i) s += (i ? ", " : "") + exprs[i]->ToString();
  return s;
}

std::shared_ptr<LogicalPlan> NewNode(PlanKind kind, std::vector<LogicalPlanPtr> children) {
  auto p = std::make_shared<LogicalPlan>();
  p->kind = kind;
  p->children = std::move(children);
  return p;
}
}  // namespace

std::string LogicalPlan::Describe() const {
  switch (kind) {
    case PlanKind::kLocalRelation: return "LocalRelation [" + JoinExprs({}) + (schema ? schema->ToString() : "") + "]";
    case PlanKind::kRange:
      return "Range (" + std::to_string(range_start) + ", " + std::to_string(range_end) + ", step=" +
             std::to_string(range_step) + ")";
    case PlanKind::kFileScan: {
      std::string paths;
      for (size_t i = 0; i < scan.paths.size(); ++i) paths += (i ? ", " : "") + scan.paths[i];
      std::string s = "Relation [" + (schema ? schema->ToString() : "") + "] " + scan.format + " [" + paths + "]";
      if (!scan.pushed_filters.empty()) s += ", PushedFilters: [" + JoinExprs(scan.pushed_filters) + "]";
      return s;
    }
    case PlanKind::kProject:
      if (unpivot) return "'Unpivot " + unpivot->name_column + " FOR " + std::to_string(unpivot->entries.size()) + " entries";
      return "Project [" + JoinExprs(exprs) + "]";
    case PlanKind::kFilter: return "Filter " + condition->ToString();
    case PlanKind::kAggregate: {
      std::string s = "Aggregate [" + JoinExprs(groupings) + "], [" + JoinExprs(exprs) + "]";
      if (pivot) {
        s += ", pivot [" + JoinExprs(pivot->columns) + "] IN (";
        for (size_t i = 0; i < pivot->values.size(); ++i) s += (i ? "), (" : "(") + JoinExprs(pivot->values[i]);
        s += pivot->values.empty() ? ")" : "))";
      }
      return s;
    }
    case PlanKind::kJoin: {
      std::string s = "Join " + JoinTypeName(join_type);
      if (condition) s += ", " + condition->ToString();
      if (!using_columns.empty()) {
        s += ", using [";
        for (size_t i = 0; i < using_columns.size(); ++i) s += (i ? ", " : "") + using_columns[i];
        s += "]";
      }
      return s;
    }
    case PlanKind::kSort: return "Sort [" + JoinExprs(exprs) + "]";
    case PlanKind::kLimit:
      return "Limit " + std::to_string(limit) + (offset ? " Offset " + std::to_string(offset) : "");
    case PlanKind::kUnion: return "Union";
    case PlanKind::kDistinct: return "Distinct";
    case PlanKind::kDeduplicate: return "Deduplicate [" + JoinExprs(exprs) + "]";
    case PlanKind::kSubqueryAlias: return "SubqueryAlias " + alias;
    case PlanKind::kUnresolvedRelation: {
      std::string name;
      for (size_t i = 0; i < table_name.size(); ++i) name += (i ? "." : "") + table_name[i];
      return "'UnresolvedRelation [" + name + "]";
    }
    case PlanKind::kUnresolvedTableFunction: return "'UnresolvedTableValuedFunction " + alias + "(" + JoinExprs(exprs) + ")";
    case PlanKind::kValues: {
      std::string rows;
      for (size_t i = 0; i < values.size(); ++i) rows += std::string(i ? ", " : "") + "(" + JoinExprs(values[i]) + ")";
      return "Values [" + rows + "]";
    }
    case PlanKind::kWindow: return "Window [" + JoinExprs(exprs) + "]";
    case PlanKind::kIntersect: return std::string("Intersect") + (set_all ? " All" : "");
    case PlanKind::kExcept: return std::string("Except") + (set_all ? " All" : "");
  }
  return "?";
}

std::string LogicalPlan::TreeString() const {
  std::string out;
  struct Walker {
    static void Walk(const LogicalPlan& p, const std::string& prefix, bool root, std::string& out) {
      out += (root ? "" : prefix.substr(0, prefix.size() - 3) + "+- ") + p.Describe() + "\n";
      for (const auto& c : p.children) Walk(*c, prefix + "   ", false, out);
    }
  };
  Walker::Walk(*this, "", true, out);
  return out;
}

LogicalPlanPtr MakeLocalRelation(SchemaPtr schema, std::vector<RecordBatchPtr> batches) {
  auto p = NewNode(PlanKind::kLocalRelation, {});
  p->schema = std::move(schema);
  p->batches = std::move(batches);
  return p;
}

LogicalPlanPtr MakeRange(int64_t start, int64_t end, int64_t step, int num_partitions) {
  if (step == 0) throw UserError("INVALID_PARAMETER_VALUE.RANGE_STEP", "22023", "The step of range() must not be 0.");
  auto p = NewNode(PlanKind::kRange, {});
  p->range_start = start;
  p->range_end = end;
  p->range_step = step;
  p->num_partitions = num_partitions;
  p->schema = std::make_shared<Schema>(std::vector<Field>{Field("id", DataType::Long(), false)});
  return p;
}

LogicalPlanPtr MakeFileScan(FileScanSpec spec) {
  auto p = NewNode(PlanKind::kFileScan, {});
  p->schema = spec.schema;
  p->scan = std::move(spec);
  return p;
}

LogicalPlanPtr MakeProject(LogicalPlanPtr child, std::vector<ExprPtr> exprs) {
  auto p = NewNode(PlanKind::kProject, {std::move(child)});
  p->exprs = std::move(exprs);
  return p;
}

LogicalPlanPtr MakeFilter(LogicalPlanPtr child, ExprPtr condition) {
  auto p = NewNode(PlanKind::kFilter, {std::move(child)});
  p->condition = std::move(condition);
  return p;
}

LogicalPlanPtr MakeAggregate(LogicalPlanPtr child, std::vector<ExprPtr> groupings, std::vector<ExprPtr> outputs) {
  auto p = NewNode(PlanKind::kAggregate, {std::move(child)});
  p->groupings = std::move(groupings);
  p->exprs = std::move(outputs);
  return p;
}

LogicalPlanPtr MakeJoin(LogicalPlanPtr left, LogicalPlanPtr right, JoinType type, ExprPtr condition,
                        std::vector<std::string> using_columns) {
  auto p = NewNode(PlanKind::kJoin, {std::move(left), std::move(right)});
  p->join_type = type;
  p->condition = std::move(condition);
  p->using_columns = std::move(using_columns);
  return p;
}

LogicalPlanPtr MakeSort(LogicalPlanPtr child, std::vector<ExprPtr> orders) {
  auto p = NewNode(PlanKind::kSort, {std::move(child)});
  p->exprs = std::move(orders);
  return p;
}

LogicalPlanPtr MakeLimit(LogicalPlanPtr child, int64_t limit, int64_t offset) {
  if (limit < -1) throw UserError("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E",
                                  "The limit expression must be equal to or greater than 0, but got " + std::to_string(limit) + ".");
  if (offset < 0) throw UserError("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E",
                                  "The offset expression must be equal to or greater than 0, but got " + std::to_string(offset) + ".");
  auto p = NewNode(PlanKind::kLimit, {std::move(child)});
  p->limit = limit;
  p->offset = offset;
  return p;
}

LogicalPlanPtr MakeUnion(std::vector<LogicalPlanPtr> children) { return NewNode(PlanKind::kUnion, std::move(children)); }

LogicalPlanPtr MakeDistinct(LogicalPlanPtr child) { return NewNode(PlanKind::kDistinct, {std::move(child)}); }

LogicalPlanPtr MakeDeduplicate(LogicalPlanPtr child, std::vector<ExprPtr> keys) {
  auto p = NewNode(PlanKind::kDeduplicate, {std::move(child)});
  p->exprs = std::move(keys);
  return p;
}

LogicalPlanPtr MakeSubqueryAlias(LogicalPlanPtr child, std::string alias) {
  auto p = NewNode(PlanKind::kSubqueryAlias, {std::move(child)});
  p->alias = std::move(alias);
  return p;
}

LogicalPlanPtr MakeUnresolvedRelation(std::vector<std::string> table_name) {
  auto p = NewNode(PlanKind::kUnresolvedRelation, {});
  p->table_name = std::move(table_name);
  return p;
}

LogicalPlanPtr MakeUnresolvedTableFunction(std::string name, std::vector<ExprPtr> args) {
  auto p = NewNode(PlanKind::kUnresolvedTableFunction, {});
  p->alias = std::move(name);
  p->exprs = std::move(args);
  return p;
}

LogicalPlanPtr MakeValues(std::vector<std::vector<ExprPtr>> rows) {
  auto p = NewNode(PlanKind::kValues, {});
  p->values = std::move(rows);
  return p;
}

LogicalPlanPtr MakeWindow(LogicalPlanPtr child, std::vector<ExprPtr> window_exprs) {
  auto p = NewNode(PlanKind::kWindow, {std::move(child)});
  p->exprs = std::move(window_exprs);
  return p;
}

LogicalPlanPtr MakeSetOperation(PlanKind kind, LogicalPlanPtr left, LogicalPlanPtr right, bool all) {
  auto p = NewNode(kind, {std::move(left), std::move(right)});
  p->set_all = all;
  return p;
}

}  // namespace lakestream
