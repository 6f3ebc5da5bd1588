#include "sql/relation_parser.h"

#include <cctype>
#include <optional>

#include "lakestream/error.h"
#include "sql/expression_parser.h"
#include "sql/known_output_names.h"
#include "sql/query_parser.h"
#include "sql/reserved_words.h"

namespace lakestream::sql {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsIntegerLiteral(const ExprPtr& e) {
  return e->kind == ExprKind::kLiteral && e->type->IsIntegral() && !e->value.is_null();
}

}  // namespace

LogicalPlanPtr RelationParser::ParseFrom() {
  LogicalPlanPtr plan = ParseRelation();
  for (size_t n = 2; in_.MatchSymbol(","); ++n) {
    in_.CheckChain(n);
    plan = MakeJoin(plan, ParseRelation(), JoinType::kInner, nullptr);  // FROM a, b: an inner join without condition
  }
  while (in_.Is("LATERAL") && in_.Is("VIEW", 1)) plan = ParseLateralView(plan);
  if (in_.Is("PIVOT") && in_.IsSymbol("(", 1)) plan = ParsePivot(plan);
  if (in_.Is("UNPIVOT")) plan = ParseUnpivot(plan);
  return plan;
}

LogicalPlanPtr RelationParser::ParseRelation() { return ParseJoins(ParsePrimary()); }

LogicalPlanPtr RelationParser::ParseJoins(LogicalPlanPtr left) {
  for (size_t n = 2;; ++n) {
    bool natural = in_.Match("NATURAL");
    JoinType type = JoinType::kInner;
    if (in_.Match("INNER")) {
      type = JoinType::kInner;
    } else if (in_.Match("CROSS")) {
      type = JoinType::kCross;
    } else if (in_.Match("LEFT")) {
      type = in_.Match("SEMI") ? JoinType::kLeftSemi : in_.Match("ANTI") ? JoinType::kLeftAnti : JoinType::kLeft;
      if (type == JoinType::kLeft) in_.Match("OUTER");
    } else if (in_.Match("RIGHT")) {
      type = JoinType::kRight;
      in_.Match("OUTER");
    } else if (in_.Match("FULL")) {
      type = JoinType::kFull;
      in_.Match("OUTER");
    } else if (in_.Match("SEMI")) {
      type = JoinType::kLeftSemi;
    } else if (in_.Match("ANTI")) {
      type = JoinType::kLeftAnti;
    } else if (!in_.Is("JOIN")) {
      if (natural) in_.SyntaxError(in_.Peek(), "missing 'JOIN'");
      return left;
    }
    in_.Expect("JOIN");
    in_.CheckChain(n);
    if (in_.Is("LATERAL")) in_.Unsupported(in_.Peek(), "LATERAL joins");
    LogicalPlanPtr right = ParsePrimary();
    ExprPtr condition;
    std::vector<std::string> using_columns;
    if (!natural && in_.Match("ON")) {
      condition = exprs_.Parse();
    } else if (!natural && in_.Match("USING")) {
      in_.ExpectSymbol("(");
      do {
        using_columns.push_back(in_.Identifier());
      } while (in_.MatchSymbol(","));
      in_.ExpectSymbol(")");
    }
    LogicalPlanPtr join = MakeJoin(left, right, type, condition, std::move(using_columns));
    if (natural) {
      auto copy = std::make_shared<LogicalPlan>(*join);
      copy->natural = true;
      join = copy;
    }
    left = join;
  }
}

LogicalPlanPtr RelationParser::ParsePrimary() {
  TokenCursor::Nesting nesting(in_);
  if (in_.IsSymbol("(")) {
    bool query = queries_.AtQuery(1, /*through_parens=*/true);
    in_.Next();
    LogicalPlanPtr plan = query ? queries_.ParseQuery() : ParseRelation();
    in_.ExpectSymbol(")");
    return ParseAlias(plan);
  }
  if (in_.Match("VALUES")) return ParseAlias(ParseValues());
  if (in_.Is("LATERAL")) in_.Unsupported(in_.Peek(), "LATERAL subqueries");
  if (in_.IsIdentifier() && in_.IsSymbol("(", 1)) return ParseAlias(ParseTableFunction());
  LogicalPlanPtr plan = ParseTableName();
  if (in_.Is("TABLESAMPLE")) in_.Unsupported(in_.Peek(), "TABLESAMPLE");
  if ((in_.Is("VERSION") || in_.Is("TIMESTAMP")) && in_.Is("AS", 1) && in_.Is("OF", 2)) {
    in_.Unsupported(in_.Peek(), "time travel (VERSION AS OF, TIMESTAMP AS OF)");
  }
  if (in_.Is("FOR") && (in_.Is("VERSION", 1) || in_.Is("TIMESTAMP", 1) || in_.Is("SYSTEM_TIME", 1))) {
    in_.Unsupported(in_.Peek(), "time travel (FOR VERSION AS OF)");
  }
  return ParseAlias(plan);
}

LogicalPlanPtr RelationParser::ParseTableName() {
  std::vector<std::string> name = in_.MultipartIdentifier();
  if (name.size() == 1) {
    if (LogicalPlanPtr cte = queries_.FindCte(name[0])) return MakeSubqueryAlias(cte, name[0]);
  }
  return MakeUnresolvedRelation(std::move(name));
}

// [AS] alias [(c1, c2, ...)]
LogicalPlanPtr RelationParser::ParseAlias(LogicalPlanPtr plan) {
  const Token& at = in_.Peek();
  std::string alias;
  if (in_.Match("AS")) {
    const Token& name = in_.Peek();
    if (name.kind != TokenKind::kWord && name.kind != TokenKind::kQuotedIdentifier) in_.SyntaxError(name);
    alias = in_.Next().text;
  } else if (CanBeImplicitAlias(at)) {
    alias = in_.Next().text;
  } else {
    return plan;
  }
  if (in_.MatchSymbol("(")) {
    std::vector<std::string> columns;
    do {
      columns.push_back(in_.Identifier());
    } while (in_.MatchSymbol(","));
    in_.ExpectSymbol(")");
    plan = AliasColumns(plan, columns, at);
  }
  return MakeSubqueryAlias(plan, alias);
}

LogicalPlanPtr RelationParser::AliasColumns(LogicalPlanPtr plan, const std::vector<std::string>& names,
                                            const Token& at) const {
  auto known = KnownOutputNames(*plan);
  if (!known) in_.Unsupported(at, "column aliases for a table or join, whose columns are known only after analysis");
  if (known->size() != names.size()) {
    throw UserError("ASSIGNMENT_ARITY_MISMATCH", "42802",
                    in_.Locate(at, "42802",
                               "The number of columns or variables assigned or aliased: " + std::to_string(names.size()) +
                                   " does not match the number of source tuples: " + std::to_string(known->size()) + "."));
  }
  std::vector<ExprPtr> exprs;
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (Lower((*known)[i]) == Lower((*known)[j])) {
        in_.Unsupported(at, "column aliases over several columns named `" + (*known)[i] + "`");
      }
    }
    exprs.push_back(Alias(ColParts({(*known)[i]}), names[i]));
  }
  return MakeProject(plan, std::move(exprs));
}

LogicalPlanPtr RelationParser::ParseValues() {
  const Token& at = in_.Peek();
  std::vector<std::vector<ExprPtr>> rows;
  do {
    in_.CheckChain(rows.size() + 1);
    if (in_.MatchSymbol("(")) {  // a row; a single value needs no parentheses
      rows.push_back(exprs_.ParseList());
      in_.ExpectSymbol(")");
    } else {
      rows.push_back({exprs_.Parse()});
    }
    if (rows.back().size() != rows[0].size()) {
      throw UserError("INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", "42000",
                      in_.Locate(at, "42000",
                                 "Invalid inline table. Inline table expected " + std::to_string(rows[0].size()) +
                                     " columns but found " + std::to_string(rows.back().size()) + " columns in row " +
                                     std::to_string(rows.size() - 1) + "."));
    }
  } while (in_.MatchSymbol(","));
  return MakeValues(std::move(rows));
}

// name(args): range with literal arguments is a Range node, as
// Session::range builds; any other function stays for the analyzer.
LogicalPlanPtr RelationParser::ParseTableFunction() {
  const Token& at = in_.Peek();
  std::string name = Lower(in_.Next().text);
  in_.ExpectSymbol("(");
  std::vector<ExprPtr> args;
  if (!in_.IsSymbol(")")) {
    do {
      args.push_back(exprs_.ParseArgument());
    } while (in_.MatchSymbol(","));
  }
  in_.ExpectSymbol(")");
  bool literal_range = name == "range" && !args.empty() && args.size() <= 4;
  for (const auto& a : args) literal_range &= IsIntegerLiteral(a);
  if (!literal_range) return MakeUnresolvedTableFunction(name, std::move(args));
  int64_t v[4] = {0, 0, 1, 0};  // start, end, step, partitions
  if (args.size() == 1) {
    v[1] = args[0]->value.as_int();
  } else {
    for (size_t i = 0; i < args.size(); ++i) v[i] = args[i]->value.as_int();
  }
  if (v[3] < 0 || v[3] > INT32_MAX) {
    throw UserError("INVALID_PARAMETER_VALUE.RANGE_PARTITIONS", "22023",
                    in_.Locate(at, "22023", "The number of partitions of range() must be positive."));
  }
  try {
    return MakeRange(v[0], v[1], v[2], static_cast<int>(v[3]));
  } catch (const UserError& e) {
    throw UserError(e.error_class(), e.sql_state(), in_.Locate(at, e.sql_state(), e.message()));
  }
}

// LATERAL VIEW [OUTER] explode(x) [t] [AS] [c1, c2, ...]: Project
// [*, explode(x) AS c] (what df.select(col("*"), explode(x).alias("c"))
// builds), or with several names one per output (posexplode: pos and the
// element; a map: key and value; posexplode of a map: all three). Without
// names Spark's defaults: col, pos, key, value. The Project's `alias` is the
// view's table alias t, which qualifies the generator's outputs (t.c).
LogicalPlanPtr RelationParser::ParseLateralView(LogicalPlanPtr child) {
  in_.Next();
  in_.Next();
  bool outer = in_.Match("OUTER");
  const Token& at = in_.Peek();
  ExprPtr generator = exprs_.Parse();
  if (generator->kind != ExprKind::kGenerator) {
    in_.Unsupported(at, "LATERAL VIEW with " + generator->ToString() +
                            " (explode, explode_outer, posexplode and posexplode_outer are supported)");
  }
  std::string name = generator->name;
  if (outer && name.find("_outer") == std::string::npos) name += "_outer";
  std::string table_alias;  // qualifies the outputs: t.c
  if (!in_.Is("AS") && CanBeImplicitAlias(in_.Peek())) table_alias = in_.Next().text;
  std::vector<std::string> columns;
  if (in_.Match("AS") || CanBeImplicitAlias(in_.Peek())) {
    do {
      columns.push_back(in_.Identifier());
    } while (in_.MatchSymbol(","));
  }
  ExprPtr item = Generator(name, generator->children[0]);
  if (columns.size() == 1) item = Alias(item, columns[0]);
  if (columns.size() > 1) item = MultiAlias(item, std::move(columns));  // one name per output: pos, key, value
  auto project = std::make_shared<LogicalPlan>(*MakeProject(child, {Star(), item}));
  project->alias = std::move(table_alias);
  return project;
}

// PIVOT (agg [AS a] [, ...] FOR col IN (v [AS a], ...)) [[AS] alias], or
// FOR (c1, c2) IN ((v1, v2) [AS a], ...): an Aggregate with a PivotSpec, which
// the analyzer turns into conditional aggregates grouped by the other columns.
LogicalPlanPtr RelationParser::ParsePivot(LogicalPlanPtr child) {
  in_.Next();
  in_.ExpectSymbol("(");
  std::vector<ExprPtr> aggregates;
  do {
    aggregates.push_back(exprs_.ParseNamed());
  } while (in_.MatchSymbol(","));
  in_.Expect("FOR");
  auto spec = std::make_shared<PivotSpec>();
  bool tuple = in_.MatchSymbol("(");
  do {
    spec->columns.push_back(ColParts(in_.MultipartIdentifier()));
  } while (tuple && in_.MatchSymbol(","));
  if (tuple) in_.ExpectSymbol(")");
  in_.Expect("IN");
  in_.ExpectSymbol("(");
  do {
    const Token& at = in_.Peek();
    std::vector<ExprPtr> value;
    if (tuple) {
      // (v1, v2): a single column's value may be parenthesized too.
      in_.ExpectSymbol("(");
      value = exprs_.ParseList();
      in_.ExpectSymbol(")");
      if (value.size() != spec->columns.size()) {
        throw UserError("PIVOT_VALUE_DATA_TYPE_MISMATCH", "42K09",
                        in_.Locate(at, "42K09",
                                   "Invalid pivot value: it has " + std::to_string(value.size()) +
                                       " values but the pivot has " + std::to_string(spec->columns.size()) +
                                       " columns."));
      }
    } else {
      value.push_back(exprs_.Parse());
    }
    std::string alias;
    if (in_.Match("AS") || CanBeImplicitAlias(in_.Peek())) alias = in_.Identifier();
    spec->values.push_back(std::move(value));
    spec->value_aliases.push_back(std::move(alias));
  } while (in_.MatchSymbol(","));
  in_.ExpectSymbol(")");
  in_.ExpectSymbol(")");
  auto node = std::make_shared<LogicalPlan>(*MakeAggregate(std::move(child), {}, std::move(aggregates)));
  node->pivot = std::move(spec);
  return ParseAlias(node);
}

// UNPIVOT [INCLUDE | EXCLUDE NULLS] (v FOR name IN (a [[AS] x], ...)), or
// ((v1, v2) FOR name IN ((a, b) [[AS] x], ...)) [[AS] alias]: a Project with
// an UnpivotSpec, which the analyzer expands (analyze_unpivot.cc).
LogicalPlanPtr RelationParser::ParseUnpivot(LogicalPlanPtr child) {
  in_.Next();
  auto spec = std::make_shared<UnpivotSpec>();
  if (in_.Match("INCLUDE")) {
    in_.Expect("NULLS");
    spec->include_nulls = true;
  } else if (in_.Match("EXCLUDE")) {
    in_.Expect("NULLS");
  }
  in_.ExpectSymbol("(");
  bool multi = in_.MatchSymbol("(");
  do {
    spec->value_columns.push_back(in_.Identifier());
  } while (multi && in_.MatchSymbol(","));
  if (multi) in_.ExpectSymbol(")");
  in_.Expect("FOR");
  spec->name_column = in_.Identifier();
  in_.Expect("IN");
  in_.ExpectSymbol("(");
  do {
    std::vector<ExprPtr> entry;
    if (multi) {
      in_.ExpectSymbol("(");
      do {
        entry.push_back(ColParts(in_.MultipartIdentifier()));
      } while (in_.MatchSymbol(","));
      in_.ExpectSymbol(")");
    } else {
      entry.push_back(ColParts(in_.MultipartIdentifier()));
    }
    std::string alias;
    if (in_.Match("AS") || CanBeImplicitAlias(in_.Peek())) alias = in_.Identifier();
    spec->entries.push_back(std::move(entry));
    spec->entry_names.push_back(std::move(alias));
  } while (in_.MatchSymbol(","));
  in_.ExpectSymbol(")");
  in_.ExpectSymbol(")");
  auto node = std::make_shared<LogicalPlan>(*MakeProject(std::move(child), {}));
  node->unpivot = std::move(spec);
  return ParseAlias(node);
}

}  // namespace lakestream::sql
