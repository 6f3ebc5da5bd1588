#include "sql/expression_parser.h"

#include "expr/expression_builders.h"
#include "lakestream/error.h"
#include "sql/data_type_parser.h"
#include "sql/query_parser.h"
#include "sql/reserved_words.h"

namespace lakestream::sql {

namespace {

// Binary value operators by precedence, lowest first (Spark's valueExpression).
enum Precedence : int { kComparison = 1, kBitOr, kBitXor, kBitAnd, kShift, kAdditive, kMultiplicative };

struct BinaryOperator {
  const char* name;  // the Call name the DataFrame API uses
  int precedence = 0;
};

BinaryOperator OperatorAt(const Token& t) {
  if (t.Is("DIV")) return {"div", kMultiplicative};
  if (t.kind != TokenKind::kSymbol) return {};
  static const struct {
    const char* symbol;
    BinaryOperator op;
  } kOperators[] = {
      {"=", {"=", kComparison}},     {"==", {"=", kComparison}},    {"<=>", {"<=>", kComparison}},
      {"<>", {"!=", kComparison}},   {"!=", {"!=", kComparison}},   {"<", {"<", kComparison}},
      {"<=", {"<=", kComparison}},   {">", {">", kComparison}},     {">=", {">=", kComparison}},
      {"|", {"|", kBitOr}},          {"^", {"^", kBitXor}},         {"&", {"&", kBitAnd}},
      {"<<", {"shiftleft", kShift}}, {">>", {"shiftright", kShift}}, {">>>", {"shiftrightunsigned", kShift}},
      {"+", {"+", kAdditive}},       {"-", {"-", kAdditive}},       {"||", {"concat", kAdditive}},
      {"*", {"*", kMultiplicative}}, {"/", {"/", kMultiplicative}}, {"%", {"%", kMultiplicative}},
  };
  for (const auto& o : kOperators) {
    if (t.text == o.symbol) return o.op;
  }
  return {};
}

ExprPtr Not(ExprPtr e) { return Call("not", {std::move(e)}); }

}  // namespace

ExpressionParser::ExpressionParser(TokenCursor& in, QueryParser& queries)
    : in_(in), queries_(queries), literals_(in), functions_(in, *this), windows_(in, *this) {}

ExprPtr ExpressionParser::Parse() {
  TokenCursor::Nesting nesting(in_);
  return ParseOr();
}

ExprPtr ExpressionParser::ParseValue() {
  TokenCursor::Nesting nesting(in_);
  return ParseBinary(kComparison);
}

ExprPtr ExpressionParser::ParseNamed() {
  ExprPtr e = Parse();
  if (in_.Match("AS")) {
    if (in_.MatchSymbol("(")) {  // a generator's outputs: posexplode(x) AS (p, v)
      std::vector<std::string> names;
      do {
        names.push_back(in_.Identifier());
      } while (in_.MatchSymbol(","));
      in_.ExpectSymbol(")");
      return MultiAlias(std::move(e), std::move(names));
    }
    const Token& name = in_.Peek();
    if (name.kind != TokenKind::kWord && name.kind != TokenKind::kQuotedIdentifier) in_.SyntaxError(name);
    return Alias(std::move(e), in_.Next().text);
  }
  // `*` takes no alias, so SELECT * FORM t fails at FORM as in Spark.
  if (e->kind != ExprKind::kStar && CanBeImplicitAlias(in_.Peek())) return Alias(std::move(e), in_.Next().text);
  return e;
}

ExprPtr ExpressionParser::ParseSortItem() {
  ExprPtr e = Parse();
  bool ascending = true;
  if (in_.Match("DESC")) {
    ascending = false;
  } else {
    in_.Match("ASC");
  }
  bool nulls_first = ascending;
  if (in_.Match("NULLS")) {
    if (in_.Match("FIRST")) {
      nulls_first = true;
    } else {
      in_.Expect("LAST");
      nulls_first = false;
    }
  }
  return SortOrder(std::move(e), ascending, nulls_first);
}

std::vector<ExprPtr> ExpressionParser::ParseList() {
  std::vector<ExprPtr> out{Parse()};
  while (in_.MatchSymbol(",")) out.push_back(Parse());
  return out;
}

ExprPtr ExpressionParser::ParseArgument() {
  if (AtLambda()) in_.Unsupported(in_.Peek(), "lambda functions");
  if (in_.IsIdentifier() && in_.IsSymbol("=>", 1)) {
    std::string name = in_.Next().text;
    in_.Next();
    return Alias(Parse(), name);
  }
  return Parse();
}

// x -> ... or (x, y) -> ...
bool ExpressionParser::AtLambda() const {
  if (in_.IsIdentifier() && in_.IsSymbol("->", 1)) return true;
  if (!in_.IsSymbol("(")) return false;
  size_t i = 1;
  while (in_.IsIdentifier(i) && (in_.IsSymbol(",", i + 1) || in_.IsSymbol(")", i + 1))) {
    if (in_.IsSymbol(")", i + 1)) return in_.IsSymbol("->", i + 2);
    i += 2;
  }
  return false;
}

ExprPtr ExpressionParser::ParseOr() {
  ExprPtr left = ParseAnd();
  for (size_t n = 2; in_.Match("OR"); ++n) {
    in_.CheckChain(n);
    left = Call("or", {left, ParseAnd()});
  }
  return left;
}

ExprPtr ExpressionParser::ParseAnd() {
  ExprPtr left = ParseNot();
  for (size_t n = 2; in_.Match("AND"); ++n) {
    in_.CheckChain(n);
    left = Call("and", {left, ParseNot()});
  }
  return left;
}

ExprPtr ExpressionParser::ParseNot() {
  size_t nots = 0;  // counted, not recursed, so NOT NOT ... cannot exhaust the stack
  while (in_.Is("NOT") || in_.IsSymbol("!")) {
    in_.Next();
    in_.CheckChain(++nots);
  }
  ExprPtr e = ParsePredicated();
  while (nots-- > 0) e = Not(e);
  return e;
}

ExprPtr ExpressionParser::ParsePredicated() {
  ExprPtr value = ParseBinary(kComparison);
  if (auto predicate = ParsePredicate(value)) return *predicate;
  return value;
}

std::optional<ExprPtr> ExpressionParser::ParsePredicate(const ExprPtr& value) {
  if (in_.Match("IS")) {
    bool negated = in_.Match("NOT");
    if (in_.Match("NULL")) return Call(negated ? "isnotnull" : "isnull", {value});
    if (in_.Match("UNKNOWN")) return Call(negated ? "isnotnull" : "isnull", {value});
    if (in_.Is("TRUE") || in_.Is("FALSE")) {
      // Spark: x IS TRUE is x <=> true, never NULL.
      ExprPtr e = Call("<=>", {value, Lit(Value(in_.Next().Is("TRUE")), DataType::Boolean())});
      return negated ? Not(e) : e;
    }
    if (in_.Match("DISTINCT")) {
      in_.Expect("FROM");
      ExprPtr e = Call("<=>", {value, ParseBinary(kComparison)});
      return negated ? e : Not(e);
    }
    in_.SyntaxError(in_.Peek());
  }
  bool negated = in_.Is("NOT") && (in_.Is("BETWEEN", 1) || in_.Is("IN", 1) || in_.Is("LIKE", 1) || in_.Is("ILIKE", 1) ||
                                    in_.Is("RLIKE", 1) || in_.Is("REGEXP", 1));
  if (negated) in_.Next();
  ExprPtr e;
  if (in_.Match("BETWEEN")) {
    ExprPtr low = ParseBinary(kComparison);
    in_.Expect("AND");
    e = Between(value, low, ParseBinary(kComparison));
  } else if (in_.Match("IN")) {
    in_.ExpectSymbol("(");
    if (queries_.AtQuery()) {
      e = Subquery(SubqueryKind::kIn, queries_.ParseQuery(), value);
    } else if (in_.options().legacy_empty_in_list && in_.IsSymbol(")")) {
      e = In(value, {});  // the binder makes it FALSE (ParserOptions)
    } else {
      e = In(value, ParseList());
    }
    in_.ExpectSymbol(")");
  } else if (in_.Is("LIKE") || in_.Is("ILIKE")) {
    return ParseLike(value, in_.Next().Is("LIKE") ? "like" : "ilike", negated);
  } else if (in_.Match("RLIKE") || in_.Match("REGEXP")) {
    e = Call("rlike", {value, ParseBinary(kComparison)});
  } else {
    return std::nullopt;
  }
  return negated ? Not(e) : e;
}

// x [NOT] LIKE pattern [ESCAPE 'c'], and LIKE ANY|SOME|ALL (p1, p2, ...)
// expanded to ORs / ANDs of single LIKEs as Spark's LikeAny/LikeAll mean.
ExprPtr ExpressionParser::ParseLike(const ExprPtr& value, const std::string& op, bool negated) {
  if (in_.Is("ANY") || in_.Is("SOME") || in_.Is("ALL")) {
    bool all = in_.Next().Is("ALL");
    in_.ExpectSymbol("(");
    std::vector<ExprPtr> patterns = ParseList();
    in_.ExpectSymbol(")");
    in_.CheckChain(patterns.size());
    ExprPtr out;
    for (const auto& p : patterns) {
      ExprPtr one = Call(op, {value, p});
      if (negated) one = Not(one);
      out = out ? Call(all ? "and" : "or", {out, one}) : one;
    }
    return out;
  }
  std::vector<ExprPtr> args{value, ParseBinary(kComparison)};
  if (in_.Match("ESCAPE")) {
    if (in_.Peek().kind != TokenKind::kString) in_.SyntaxError(in_.Peek(), "ESCAPE needs a string literal");
    args.push_back(literals_.String());
  }
  ExprPtr e = Call(op, std::move(args));
  return negated ? Not(e) : e;
}

// Precedence climbing over the binary value operators: the recursion depth is
// bounded by the number of precedence levels, not by the input.
ExprPtr ExpressionParser::ParseBinary(int min_precedence) {
  ExprPtr left = ParseUnary();
  for (size_t n = 2;; ++n) {
    BinaryOperator op = OperatorAt(in_.Peek());
    if (op.precedence < min_precedence || op.precedence == 0) return left;
    in_.Next();
    in_.CheckChain(n);
    left = Call(op.name, {left, ParseBinary(op.precedence + 1)});
  }
}

ExprPtr ExpressionParser::ParseUnary() {
  std::vector<std::string> ops;  // applied innermost last, without recursion
  while (in_.IsSymbol("-") || in_.IsSymbol("+") || in_.IsSymbol("~")) {
    if (in_.IsSymbol("-") && in_.Peek(1).kind == TokenKind::kNumber) break;  // a negative literal
    ops.push_back(in_.Next().text);
    in_.CheckChain(ops.size());
  }
  ExprPtr e = ParsePostfix(ParsePrimary());
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    e = Call(*it == "-" ? "negative" : *it == "+" ? "positive" : "~", {e});
  }
  return e;
}

ExprPtr ExpressionParser::ParsePostfix(ExprPtr base) {
  for (size_t n = 1;; ++n) {
    in_.CheckChain(n);
    if (in_.MatchSymbol("[")) {
      ExprPtr index = Parse();
      in_.ExpectSymbol("]");
      base = Call("get_item", {base, index});  // as Column::getItem
    } else if (in_.IsSymbol(".") &&
               (in_.Peek(1).kind == TokenKind::kWord || in_.Peek(1).kind == TokenKind::kQuotedIdentifier)) {
      in_.Next();
      base = Call("get_field", {base, Lit(Value(in_.Next().text), DataType::String())});  // as Column::getField
    } else if (in_.MatchSymbol("::")) {
      base = CastTo(base, ParseDataType(in_));
    } else if (in_.IsSymbol(":")) {
      in_.Unsupported(in_.Peek(), "JSON path extraction with ':'");
    } else {
      return base;
    }
  }
}

ExprPtr ExpressionParser::ParsePrimary() {
  const Token& t = in_.Peek();
  switch (t.kind) {
    case TokenKind::kNumber: return literals_.Number(false);
    case TokenKind::kString: return literals_.String();
    case TokenKind::kWord:
    case TokenKind::kQuotedIdentifier: return ParseWord();
    case TokenKind::kEnd: in_.SyntaxError(t);
    case TokenKind::kSymbol: break;
  }
  if (t.IsSymbol("-")) {  // -5: Spark folds the sign into the literal
    in_.Next();
    return literals_.Number(true);
  }
  if (t.IsSymbol("(")) return ParseParenthesized();
  if (t.IsSymbol("*")) {
    in_.Next();
    return Star();
  }
  if (t.IsSymbol("?")) in_.Unsupported(t, "parameter markers");
  in_.SyntaxError(t);
}

// (expr), (SELECT ...) as a scalar subquery, or (a, b) as a struct.
ExprPtr ExpressionParser::ParseParenthesized() {
  if (AtLambda()) in_.Unsupported(in_.Peek(), "lambda functions");
  in_.Next();
  if (queries_.AtQuery()) {
    ExprPtr e = Subquery(SubqueryKind::kScalar, queries_.ParseQuery());
    in_.ExpectSymbol(")");
    return e;
  }
  std::vector<ExprPtr> items = ParseList();
  in_.ExpectSymbol(")");
  if (items.size() == 1) return items[0];
  return Call("struct", std::move(items));  // Spark's row constructor (a, b)
}

ExprPtr ExpressionParser::ParseWord() {
  const Token& t = in_.Peek();
  bool call = in_.IsSymbol("(", 1);
  if (t.kind == TokenKind::kWord) {
    if (t.Is("NULL")) {
      in_.Next();
      return LitNull();
    }
    if (t.Is("TRUE") || t.Is("FALSE")) return Lit(Value(in_.Next().Is("TRUE")), DataType::Boolean());
    if (literals_.AtTypedLiteral()) return literals_.TypedLiteral();
    if (t.Is("CASE")) return ParseCase();
    if (t.Is("EXISTS") && call) {
      in_.Next();
      in_.Next();
      ExprPtr e = Subquery(SubqueryKind::kExists, queries_.ParseQuery());
      in_.ExpectSymbol(")");
      return e;
    }
    if (t.Is("INTERVAL") && (in_.Peek(1).kind == TokenKind::kString || in_.Peek(1).kind == TokenKind::kNumber ||
                             ((in_.IsSymbol("-", 1) || in_.IsSymbol("+", 1)) &&
                              (in_.Peek(2).kind == TokenKind::kString || in_.Peek(2).kind == TokenKind::kNumber)))) {
      return literals_.Interval();
    }
    if (!call && (t.Is("CURRENT_DATE") || t.Is("CURRENT_TIMESTAMP") || t.Is("CURRENT_USER"))) {
      std::string name = in_.Next().text;
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return Call(name, {});
    }
    // LEFT and RIGHT are reserved for joins but also string functions.
    if (IsReservedWord(t) && !(call && (t.Is("LEFT") || t.Is("RIGHT")))) in_.SyntaxError(t);
  }
  if (in_.IsSymbol("->", 1)) in_.Unsupported(t, "lambda functions");
  std::vector<std::string> parts{in_.Next().text};
  while (in_.IsSymbol(".")) {
    const Token& next = in_.Peek(1);
    if (next.IsSymbol("*")) {
      in_.Next();
      in_.Next();
      return Star(parts);
    }
    if (next.kind != TokenKind::kWord && next.kind != TokenKind::kQuotedIdentifier) break;
    in_.Next();
    parts.push_back(in_.Next().text);
  }
  if (in_.IsSymbol("(")) return functions_.Parse(parts);
  return ColParts(std::move(parts));
}

// CASE [operand] WHEN a THEN b ... [ELSE c] END; the simple form compares
// the operand with each WHEN value, as Spark's CaseKeyWhen.
ExprPtr ExpressionParser::ParseCase() {
  in_.Next();
  ExprPtr operand;
  if (!in_.Is("WHEN")) operand = Parse();
  std::vector<ExprPtr> when_then;
  while (in_.Match("WHEN")) {
    ExprPtr condition = Parse();
    if (operand) condition = Call("=", {operand, condition});
    in_.Expect("THEN");
    when_then.push_back(condition);
    when_then.push_back(Parse());
  }
  if (when_then.empty()) in_.SyntaxError(in_.Peek(), "missing 'WHEN'");
  ExprPtr otherwise;
  if (in_.Match("ELSE")) otherwise = Parse();
  in_.Expect("END");
  return CaseWhen(std::move(when_then), otherwise);
}

}  // namespace lakestream::sql
