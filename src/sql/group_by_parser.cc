#include "sql/group_by_parser.h"

#include <string>

#include "sql/expression_parser.h"

namespace lakestream::sql {

namespace {

// Identity of a grouping expression, to list each once: the structure with
// full column names (ToString shows only a column's last name part).
std::string Key(const Expr& e) {
  std::string key = std::to_string(static_cast<int>(e.kind)) + ":" + e.name;
  for (const auto& p : e.name_parts) key += "." + p;
  if (e.kind == ExprKind::kLiteral) key += "=" + e.ToString() + "/" + (e.type ? e.type->ToString() : "");
  if (e.type && e.kind == ExprKind::kCast) key += "/" + e.type->ToString();
  key += "(";
  for (const auto& c : e.children) key += Key(*c) + ",";
  return key + ")";
}

std::vector<std::vector<ExprPtr>> Rollup(const std::vector<std::vector<ExprPtr>>& items) {
  std::vector<std::vector<ExprPtr>> sets;
  for (size_t n = items.size() + 1; n-- > 0;) {
    std::vector<ExprPtr> set;
    for (size_t i = 0; i < n; ++i) set.insert(set.end(), items[i].begin(), items[i].end());
    sets.push_back(std::move(set));
  }
  return sets;
}

// Spark's order: CUBE(a, b) is (a, b), (a), (b), ().
std::vector<std::vector<ExprPtr>> Cube(const std::vector<std::vector<ExprPtr>>& items, size_t from = 0) {
  if (from == items.size()) return {{}};
  auto rest = Cube(items, from + 1);
  std::vector<std::vector<ExprPtr>> sets;
  for (const auto& r : rest) {
    std::vector<ExprPtr> set = items[from];
    set.insert(set.end(), r.begin(), r.end());
    sets.push_back(std::move(set));
  }
  sets.insert(sets.end(), rest.begin(), rest.end());
  return sets;
}

}  // namespace

GroupBy GroupByParser::Parse() {
  GroupBy out;
  if (in_.Is("ALL") && !in_.IsSymbol("(", 1)) {
    in_.Next();
    out.all = true;
    return out;
  }
  // Each element contributes alternatives; the grouping sets are their cross product.
  std::vector<std::vector<std::vector<ExprPtr>>> elements;
  bool analytics = false;
  do {
    if ((in_.Is("ROLLUP") || in_.Is("CUBE")) && in_.IsSymbol("(", 1)) {
      elements.push_back(ParseAnalytics());
      analytics = true;
    } else if (in_.Is("GROUPING") && in_.Is("SETS", 1)) {
      elements.push_back(ParseAnalytics());
      analytics = true;
    } else {
      elements.push_back({{exprs_.Parse()}});
    }
  } while (in_.MatchSymbol(","));
  if (in_.Is("WITH") && (in_.Is("ROLLUP", 1) || in_.Is("CUBE", 1))) {  // Hive: GROUP BY a, b WITH ROLLUP
    in_.Next();
    bool rollup = in_.Next().Is("ROLLUP");
    if (analytics) in_.SyntaxError(in_.Previous(), "WITH ROLLUP/CUBE after grouping analytics");
    std::vector<std::vector<ExprPtr>> items;
    for (const auto& e : elements) items.push_back(e[0]);
    elements = {rollup ? Rollup(items) : Cube(items)};
    analytics = true;
  }
  std::vector<std::vector<ExprPtr>> sets{{}};
  for (const auto& alternatives : elements) {
    std::vector<std::vector<ExprPtr>> next;
    for (const auto& prefix : sets) {
      for (const auto& alt : alternatives) {
        std::vector<ExprPtr> set = prefix;
        set.insert(set.end(), alt.begin(), alt.end());
        next.push_back(std::move(set));
        in_.CheckChain(next.size());
      }
    }
    sets = std::move(next);
  }
  std::vector<std::string> seen;
  for (const auto& set : sets) {
    for (const auto& e : set) {
      std::string key = Key(*e);
      bool found = false;
      for (const auto& s : seen) found |= s == key;
      if (found) continue;
      seen.push_back(key);
      out.expressions.push_back(e);
    }
  }
  if (analytics) out.sets = std::move(sets);
  return out;
}

std::vector<std::vector<ExprPtr>> GroupByParser::ParseAnalytics() {
  const Token& keyword = in_.Next();
  if (keyword.Is("GROUPING")) in_.Next();  // SETS
  in_.ExpectSymbol("(");
  std::vector<std::vector<ExprPtr>> items;
  do {
    items.push_back(ParseSet());
    in_.CheckChain(items.size());
  } while (in_.MatchSymbol(","));
  in_.ExpectSymbol(")");
  if (keyword.Is("GROUPING")) return items;
  if (items.size() > 12) in_.Unsupported(keyword, "ROLLUP or CUBE over more than 12 elements");
  return keyword.Is("ROLLUP") ? Rollup(items) : Cube(items);
}

std::vector<ExprPtr> GroupByParser::ParseSet() {
  if (!in_.IsSymbol("(")) return {exprs_.Parse()};
  in_.Next();
  if (in_.MatchSymbol(")")) return {};
  std::vector<ExprPtr> set = exprs_.ParseList();
  in_.ExpectSymbol(")");
  return set;
}

}  // namespace lakestream::sql
