#include "sql/query_parser.h"

#include <cctype>
#include <optional>

#include "lakestream/error.h"
#include "sql/group_by_parser.h"

namespace lakestream::sql {

namespace {

bool EqualsIgnoreCase(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// A mutable copy of a node just built, to set the flags the Make* constructors
// do not take (GROUPING SETS, GROUP BY ALL, HAVING).
std::shared_ptr<LogicalPlan> Copy(const LogicalPlanPtr& plan) { return std::make_shared<LogicalPlan>(*plan); }

// SELECT without FROM reads one row with no columns: Range(0, 1) under an
// empty projection, so that `id` does not resolve as it would not in Spark.
LogicalPlanPtr OneRowRelation() { return MakeProject(MakeRange(0, 1, 1, 1), {}); }

}  // namespace

QueryParser::QueryParser(TokenCursor& in) : in_(in), exprs_(in, *this), relations_(in, *this, exprs_) {}

bool QueryParser::AtQuery(size_t ahead, bool through_parens) const {
  while (through_parens && in_.IsSymbol("(", ahead)) ++ahead;
  return in_.Is("SELECT", ahead) || in_.Is("WITH", ahead) || in_.Is("VALUES", ahead) ||
         (in_.Is("TABLE", ahead) && in_.IsIdentifier(ahead + 1));
}

LogicalPlanPtr QueryParser::ParseQuery() {
  TokenCursor::Nesting nesting(in_);
  if (!in_.Match("WITH")) return ParseQueryBody();
  CteScope scope(*this);
  ParseCteDefinitions();
  return ParseQueryBody();
}

LogicalPlanPtr QueryParser::ParseQueryBody() { return ParseOrganization(ParseSetOperations()); }

void QueryParser::ParseCteDefinitions() {
  if (in_.Is("RECURSIVE")) in_.Unsupported(in_.Peek(), "WITH RECURSIVE");
  do {
    const Token& at = in_.Peek();
    std::string name = in_.Identifier();
    std::vector<std::string> columns;
    if (in_.MatchSymbol("(")) {
      do {
        columns.push_back(in_.Identifier());
      } while (in_.MatchSymbol(","));
      in_.ExpectSymbol(")");
    }
    in_.Match("AS");
    in_.ExpectSymbol("(");
    LogicalPlanPtr plan = ParseQuery();
    in_.ExpectSymbol(")");
    if (!columns.empty()) plan = relations_.AliasColumns(plan, columns, at);
    for (const auto& [existing, unused] : ctes_.back()) {
      if (EqualsIgnoreCase(existing, name)) {
        throw UserError("DUPLICATED_CTE_NAMES", "42602",
                        in_.Locate(at, "42602", "CTE definition can't have duplicate names: `" + name + "`."));
      }
    }
    ctes_.back().emplace_back(name, plan);
  } while (in_.MatchSymbol(","));
}

LogicalPlanPtr QueryParser::FindCte(const std::string& name) const {
  for (auto scope = ctes_.rbegin(); scope != ctes_.rend(); ++scope) {
    for (auto cte = scope->rbegin(); cte != scope->rend(); ++cte) {
      if (EqualsIgnoreCase(cte->first, name)) return cte->second;
    }
  }
  return nullptr;
}

// UNION, EXCEPT and MINUS, left to right, over INTERSECT terms.
LogicalPlanPtr QueryParser::ParseSetOperations() {
  LogicalPlanPtr left = ParseIntersections();
  for (size_t n = 2; in_.Is("UNION") || in_.Is("EXCEPT") || in_.Is("MINUS"); ++n) {
    in_.CheckChain(n);
    bool is_union = in_.Next().Is("UNION");
    bool all = in_.Match("ALL");
    if (!all) in_.Match("DISTINCT");
    if (in_.Is("BY") && in_.Is("NAME", 1)) in_.Unsupported(in_.Peek(), "UNION BY NAME");
    LogicalPlanPtr right = ParseIntersections();
    if (is_union) {
      left = MakeUnion({left, right});
      if (!all) left = MakeDistinct(left);  // UNION [DISTINCT] is Distinct(Union), as Spark
    } else {
      left = MakeSetOperation(PlanKind::kExcept, left, right, all);
    }
  }
  return left;
}

LogicalPlanPtr QueryParser::ParseIntersections() {
  LogicalPlanPtr left = ParseTerm();
  for (size_t n = 2; in_.Match("INTERSECT"); ++n) {
    in_.CheckChain(n);
    bool all = in_.Match("ALL");
    if (!all) in_.Match("DISTINCT");
    left = MakeSetOperation(PlanKind::kIntersect, left, ParseTerm(), all);
  }
  return left;
}

LogicalPlanPtr QueryParser::ParseTerm() {
  if (in_.Is("SELECT")) return ParseSelect();
  if (in_.Match("VALUES")) return relations_.ParseValues();
  if (in_.Match("TABLE")) return relations_.ParseTableName();
  if (in_.MatchSymbol("(")) {
    LogicalPlanPtr plan = ParseQuery();
    in_.ExpectSymbol(")");
    return plan;
  }
  if (in_.Is("FROM")) in_.Unsupported(in_.Peek(), "FROM-first queries (FROM t SELECT ...)");
  in_.SyntaxError(in_.Peek());
}

LogicalPlanPtr QueryParser::ParseSelect() {
  in_.Expect("SELECT");
  WindowParser::Block windows(exprs_.windows());
  bool distinct = in_.Match("DISTINCT");
  if (!distinct) in_.Match("ALL");
  std::vector<ExprPtr> items;
  do {
    items.push_back(exprs_.ParseNamed());
    if (items.back()->kind == ExprKind::kStar && in_.Is("EXCEPT") && in_.IsSymbol("(", 1)) {
      in_.Unsupported(in_.Peek(), "SELECT * EXCEPT (...)");
    }
  } while (in_.MatchSymbol(","));

  LogicalPlanPtr plan = in_.Match("FROM") ? relations_.ParseFrom() : OneRowRelation();
  if (in_.Match("WHERE")) plan = MakeFilter(plan, exprs_.Parse());
  std::optional<GroupBy> group_by;
  if (in_.Is("GROUP") && in_.Is("BY", 1)) {
    in_.Next();
    in_.Next();
    group_by = GroupByParser(in_, exprs_).Parse();
  }
  ExprPtr having, qualify;
  if (in_.Match("HAVING")) having = exprs_.Parse();
  while (true) {  // Databricks accepts WINDOW and QUALIFY in either order
    if (in_.Match("WINDOW")) {
      exprs_.windows().ParseDefinitions();
    } else if (!qualify && in_.Match("QUALIFY")) {
      qualify = exprs_.Parse();
    } else {
      break;
    }
  }
  for (auto& item : items) item = exprs_.windows().Resolve(item);
  having = exprs_.windows().Resolve(having);
  qualify = exprs_.windows().Resolve(qualify);

  if (group_by) {
    auto aggregate = Copy(MakeAggregate(plan, group_by->expressions, items));
    aggregate->grouping_sets = group_by->sets;
    aggregate->group_by_all = group_by->all;
    plan = aggregate;
  } else if (having) {
    plan = MakeAggregate(plan, {}, items);  // HAVING without GROUP BY: one global group
  } else {
    plan = MakeProject(plan, items);
  }
  if (having) {
    auto filter = Copy(MakeFilter(plan, having));
    filter->is_having = true;
    plan = filter;
  }
  if (qualify) {
    auto filter = Copy(MakeFilter(plan, qualify));
    filter->is_qualify = true;  // the one filter whose condition may hold windows
    plan = filter;
  }
  if (distinct) plan = MakeDistinct(plan);
  return plan;
}

LogicalPlanPtr QueryParser::ParseOrganization(LogicalPlanPtr plan) {
  if (in_.Is("ORDER") && in_.Is("BY", 1)) {
    in_.Next();
    in_.Next();
    std::vector<ExprPtr> orders;
    do {
      orders.push_back(exprs_.ParseSortItem());
    } while (in_.MatchSymbol(","));
    plan = MakeSort(plan, std::move(orders));
  }
  for (const char* clause : {"SORT", "CLUSTER", "DISTRIBUTE"}) {
    if (in_.Is(clause) && in_.Is("BY", 1)) in_.Unsupported(in_.Peek(), std::string(clause) + " BY");
  }
  int64_t limit = -1, offset = 0;
  bool has_limit = false, has_offset = false;
  while (true) {  // LIMIT and OFFSET in either order
    if (!has_limit && in_.Match("LIMIT")) {
      has_limit = true;
      if (!in_.Match("ALL")) limit = ParseLimitValue("limit");
    } else if (!has_offset && in_.Match("OFFSET")) {
      has_offset = true;
      offset = ParseLimitValue("offset");
    } else {
      break;
    }
  }
  if (limit >= 0 || offset > 0) plan = MakeLimit(plan, limit, offset);
  return plan;
}

int64_t QueryParser::ParseLimitValue(const char* clause) {
  const Token& at = in_.Peek();
  ExprPtr e = exprs_.Parse();
  std::string prefix = "The " + std::string(clause) + " like expression \"" + e->ToString() + "\" is invalid. ";
  if (e->kind != ExprKind::kLiteral) {
    throw UserError("INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE", "42K0E",
                    in_.Locate(at, "42K0E", prefix + "The " + clause + " expression must evaluate to a constant value."));
  }
  if (!e->type->IsIntegral() || e->value.is_null()) {
    throw UserError("INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE", "42K0E",
                    in_.Locate(at, "42K0E", prefix + "The " + clause + " expression must be integer type, but got \"" +
                                                e->type->ToSql() + "\"."));
  }
  if (e->value.as_int() < 0) {
    throw UserError("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E",
                    in_.Locate(at, "42K0E", prefix + "The " + clause + " expression must be equal to or greater than 0, but got " +
                                                std::to_string(e->value.as_int()) + "."));
  }
  return e->value.as_int();
}

}  // namespace lakestream::sql
