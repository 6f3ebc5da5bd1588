#include "sql/function_call_parser.h"

#include <cctype>

#include "expr/function_registry.h"
#include "sql/data_type_parser.h"
#include "sql/expression_parser.h"

namespace lakestream::sql {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsGenerator(const std::string& name) {
  return name == "explode" || name == "explode_outer" || name == "posexplode" || name == "posexplode_outer";
}

// Whether `name` is an aggregate function, by the rule the analyzer uses for
// calls (plan/analyzer.cc): an aggregate and not also a scalar function.
bool IsAggregate(const std::string& name) {
  const FunctionRegistry& registry = FunctionRegistry::Default();
  return registry.FindAggregate(name) != nullptr && registry.FindScalar(name) == nullptr;
}

// Aggregates that skip NULL inputs, so f(x) FILTER (WHERE c) equals
// f(CASE WHEN c THEN x END).
bool SkipsNulls(const std::string& name) {
  static const char* const kNames[] = {
      "count",       "sum",       "avg",        "mean",       "min",     "max",     "collect_list", "collect_set",
      "array_agg",   "count_if",  "bool_and",   "bool_or",    "every",   "some",    "any",          "stddev",
      "stddev_samp", "stddev_pop", "std",       "variance",   "var_samp", "var_pop", "median",      "approx_count_distinct",
      "try_sum",     "try_avg",
  };
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

}  // namespace

ExprPtr FunctionCallParser::Parse(const std::vector<std::string>& name_parts) {
  const Token& at = in_.Previous();  // the name's last token, for errors
  std::string name;
  for (const auto& p : name_parts) name += (name.empty() ? "" : ".") + Lower(p);
  in_.ExpectSymbol("(");
  if (name == "cast" || name == "try_cast") return Cast(name == "try_cast");
  if (name == "extract") return Extract();
  if (name == "struct") {  // struct(a AS x, b): Spark names the fields by the aliases
    std::vector<ExprPtr> fields;
    if (!in_.IsSymbol(")")) {
      do {
        fields.push_back(exprs_.ParseNamed());
      } while (in_.MatchSymbol(","));
    }
    in_.ExpectSymbol(")");
    return Call(name, std::move(fields));
  }
  if (in_.IsSymbol(")")) {
    in_.Next();
    return Generic(name, {}, false, at);
  }
  bool distinct = in_.Match("DISTINCT");
  if (!distinct) in_.Match("ALL");
  if (name == "position" && !distinct) {
    ExprPtr first = exprs_.ParseValue();
    if (in_.Match("IN")) {
      ExprPtr str = exprs_.Parse();
      in_.ExpectSymbol(")");
      return Call("position", {first, str});
    }
    return Generic(name, {first}, distinct, at);
  }
  if (name == "trim" && (in_.Is("BOTH") || in_.Is("LEADING") || in_.Is("TRAILING") || in_.Is("FROM"))) {
    std::string fn = in_.Match("LEADING") ? "ltrim" : in_.Match("TRAILING") ? "rtrim" : "trim";
    in_.Match("BOTH");
    ExprPtr chars = in_.Is("FROM") ? nullptr : exprs_.Parse();
    in_.Expect("FROM");
    ExprPtr source = exprs_.Parse();
    in_.ExpectSymbol(")");
    return chars ? Call(fn, {chars, source}) : Call(fn, {source});  // the registry's trim(chars, str)
  }
  ExprPtr first = exprs_.ParseArgument();
  if ((name == "substring" || name == "substr" || name == "trim") && in_.Match("FROM")) {
    ExprPtr second = exprs_.Parse();
    if (name == "trim") {  // TRIM(chars FROM str)
      in_.ExpectSymbol(")");
      return Call("trim", {first, second});
    }
    std::vector<ExprPtr> args{first, second};
    if (in_.Match("FOR")) args.push_back(exprs_.Parse());
    in_.ExpectSymbol(")");
    return Call("substring", std::move(args));
  }
  return Generic(name, {first}, distinct, at);
}

ExprPtr FunctionCallParser::Generic(const std::string& name, std::vector<ExprPtr> args, bool distinct, const Token& at) {
  if (!args.empty()) {
    while (in_.MatchSymbol(",")) args.push_back(exprs_.ParseArgument());
    in_.ExpectSymbol(")");
  }
  ExprPtr fn = Build(name, std::move(args), distinct, at);
  if (in_.Is("WITHIN") && in_.Is("GROUP", 1)) in_.Unsupported(in_.Peek(), "WITHIN GROUP (ORDER BY ...)");
  if (in_.Is("FILTER") && in_.IsSymbol("(", 1) && in_.Is("WHERE", 2)) fn = Filter(fn, in_.Peek());
  if (in_.Is("IGNORE") && in_.Is("NULLS", 1)) {
    fn = IgnoreNulls(fn, in_.Peek());
    in_.Next();
    in_.Next();
  } else if (in_.Is("RESPECT") && in_.Is("NULLS", 1)) {
    in_.Next();  // the default
    in_.Next();
  }
  if (in_.Match("OVER")) fn = exprs_.windows().ParseOver(fn);
  return fn;
}

ExprPtr FunctionCallParser::Build(const std::string& name, std::vector<ExprPtr> args, bool distinct,
                                  const Token& at) const {
  if (IsGenerator(name) && args.size() == 1 && !distinct) return Generator(name, args[0]);
  // count(*) counts rows; Spark's parser makes it count(1), as functions::count does.
  if (name == "count" && args.size() == 1 && args[0]->kind == ExprKind::kStar && args[0]->name_parts.empty()) {
    if (distinct) in_.SyntaxError(at, "count(DISTINCT *) is not allowed");
    args[0] = Lit(Value(1), DataType::Int());
  }
  if (distinct || IsAggregate(name)) return Aggregate(name, std::move(args), distinct);
  return Call(name, std::move(args));
}

// f(x) FILTER (WHERE c) as f(CASE WHEN c THEN x END): the same result for
// aggregates that skip NULLs, which are the only ones accepted.
ExprPtr FunctionCallParser::Filter(ExprPtr aggregate, const Token& at) {
  in_.Next();
  in_.Next();
  in_.Next();
  ExprPtr condition = exprs_.Parse();
  in_.ExpectSymbol(")");
  const std::string& name = aggregate->name;
  if (aggregate->kind != ExprKind::kAggregate || !SkipsNulls(name) ||
      (aggregate->children.size() != 1 && name != "count")) {
    in_.Unsupported(at, "FILTER (WHERE ...) for " + (name.empty() ? std::string("this expression") : name + "()"));
  }
  std::vector<ExprPtr> args;
  for (const auto& a : aggregate->children) args.push_back(CaseWhen({condition, a}, nullptr));
  return WithChildren(*aggregate, std::move(args));
}

// first(x) IGNORE NULLS is first(x, true), as functions::first(x, true);
// lag(x) IGNORE NULLS is lag(x, 1, NULL, true) and nth_value(x, n) IGNORE
// NULLS nth_value(x, n, true): the functions' trailing ignoreNulls argument.
ExprPtr FunctionCallParser::IgnoreNulls(ExprPtr function, const Token& at) const {
  const std::string& name = function->name;
  if (function->kind == ExprKind::kCall && (Lower(name) == "lag" || Lower(name) == "lead") &&
      !function->children.empty() && function->children.size() <= 3) {
    std::vector<ExprPtr> args = function->children;
    if (args.size() < 2) args.push_back(Lit(Value(1), DataType::Int()));
    if (args.size() < 3) args.push_back(LitNull());
    args.push_back(Lit(Value(true), DataType::Boolean()));
    return Call(name, std::move(args));
  }
  if (function->kind == ExprKind::kCall && Lower(name) == "nth_value" && function->children.size() == 2) {
    return Call(name, {function->children[0], function->children[1], Lit(Value(true), DataType::Boolean())});
  }
  bool takes_flag = name == "first" || name == "last" || name == "first_value" || name == "last_value" || name == "any_value";
  if (function->kind != ExprKind::kAggregate || !takes_flag || function->children.size() != 1) {
    in_.Unsupported(at, "IGNORE NULLS for " + name + "()");
  }
  return Aggregate(name, {function->children[0], Lit(Value(true), DataType::Boolean())}, function->distinct);
}

ExprPtr FunctionCallParser::Cast(bool is_try) {
  ExprPtr value = exprs_.Parse();
  in_.Expect("AS");
  DataTypePtr type = ParseDataType(in_);
  in_.ExpectSymbol(")");
  return CastTo(std::move(value), std::move(type), is_try);
}

// EXTRACT(YEAR FROM x) is date_part('YEAR', x).
ExprPtr FunctionCallParser::Extract() {
  const Token& field = in_.Peek();
  if (field.kind != TokenKind::kWord && field.kind != TokenKind::kString) in_.SyntaxError(field);
  std::string unit = in_.Next().text;
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  in_.Expect("FROM");
  ExprPtr source = exprs_.Parse();
  in_.ExpectSymbol(")");
  return Call("date_part", {Lit(Value(unit), DataType::String()), source});
}

}  // namespace lakestream::sql
