#include "expr/expression.h"

#include <algorithm>
#include <cctype>

#include "expr/cast.h"
#include "expr/eval_context.h"
#include "expr/struct_field.h"

namespace lakestream {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::shared_ptr<Expr> MakeNode(ExprKind kind) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  return e;
}

// Splits "t.a" into {"t", "a"}; backquoted parts keep their dots ("`a.b`"),
// and a doubled backquote inside quotes is a literal one, as in Spark SQL.
std::vector<std::string> SplitName(const std::string& name) {
  std::vector<std::string> parts;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '`') {
      if (quoted && i + 1 < name.size() && name[i + 1] == '`') {
        cur += '`';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == '.' && !quoted) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

// Operators Spark prints infix: "(a + b)".
const char* InfixSymbol(const std::string& name) {
  static const char* const kSymbols[][2] = {
      {"+", "+"}, {"-", "-"}, {"*", "*"}, {"/", "/"}, {"%", "%"}, {"=", "="}, {"==", "="},
      {"<=>", "<=>"}, {"<", "<"}, {"<=", "<="}, {">", ">"}, {">=", ">="}, {"and", "AND"},
      {"or", "OR"}, {"div", "div"}, {"&", "&"}, {"|", "|"}, {"^", "^"},
  };
  for (const auto& s : kSymbols) {
    if (name == s[0]) return s[1];
  }
  return nullptr;
}

// As Spark names a literal: numbers and strings bare, datetimes and binary
// in their typed-literal SQL form (DATE '2024-01-01', X'0A1B').
std::string LiteralName(const Expr& e) {
  if (e.value.is_null()) return "NULL";
  if (!e.type || e.type->id() == TypeId::kNull) return e.value.ToString();
  EvalContext ctx;
  switch (e.type->id()) {
    case TypeId::kDate: return "DATE '" + ValueToString(e.value, *e.type, ctx) + "'";
    case TypeId::kTimestamp: return "TIMESTAMP '" + ValueToString(e.value, *e.type, ctx) + "'";
    case TypeId::kTimestampNtz: return "TIMESTAMP_NTZ '" + ValueToString(e.value, *e.type, ctx) + "'";
    case TypeId::kBinary: {
      static constexpr char kHex[] = "0123456789ABCDEF";
      std::string out = "X'";
      for (unsigned char byte : e.value.as_string()) {
        out += kHex[byte >> 4];
        out += kHex[byte & 15];
      }
      return out + "'";
    }
    default: return ValueToString(e.value, *e.type, ctx);
  }
}

std::string JoinArgs(const std::vector<ExprPtr>& args, size_t begin = 0) {
  std::string out;
  for (size_t i = begin; i < args.size(); ++i) {
    if (i > begin) out += ", ";
    out += args[i]->ToString();
  }
  return out;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

std::string CallName(const Expr& e) {
  const auto& c = e.children;
  const std::string name = Lower(e.name);
  if (name == kGetFieldName && c.size() == 2 && c[1]->kind == ExprKind::kLiteral) {
    return c[0]->ToString() + "." + c[1]->value.ToString();
  }
  if (c.size() == 2) {
    if (const char* sym = InfixSymbol(name)) {
      return "(" + c[0]->ToString() + " " + sym + " " + c[1]->ToString() + ")";
    }
    // Spark parses a != b as Not(EqualTo(a, b)).
    if (name == "!=" || name == "<>") return "(NOT (" + c[0]->ToString() + " = " + c[1]->ToString() + "))";
    if (name == "like") return c[0]->ToString() + " LIKE " + c[1]->ToString();
    if (name == "rlike" || name == "regexp" || name == "regexp_like") {
      return "RLIKE(" + c[0]->ToString() + ", " + c[1]->ToString() + ")";
    }
  }
  // Spark's rank functions print in capitals: "RANK()".
  if (c.empty() && (name == "rank" || name == "dense_rank" || name == "percent_rank")) {
    std::string upper = name;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return std::toupper(ch); });
    return upper + "()";
  }
  if (c.size() == 1) {
    if (name == "not") return "(NOT " + c[0]->ToString() + ")";
    if (name == "negative") return "(- " + c[0]->ToString() + ")";
    if (name == "positive") return "(+ " + c[0]->ToString() + ")";
    if (name == "isnull") return "(" + c[0]->ToString() + " IS NULL)";
    if (name == "isnotnull") return "(" + c[0]->ToString() + " IS NOT NULL)";
  }
  return name + "(" + JoinArgs(c) + ")";
}

std::string CaseName(const Expr& e) {
  std::string out = "CASE";
  size_t pairs = (e.children.size() - (e.has_else ? 1 : 0)) / 2;
  for (size_t i = 0; i < pairs; ++i) {
    out += " WHEN " + e.children[2 * i]->ToString() + " THEN " + e.children[2 * i + 1]->ToString();
  }
  if (e.has_else) out += " ELSE " + e.children.back()->ToString();
  return out + " END";
}

std::string QuoteIfNeeded(const std::string& part) {
  return part.find('.') == std::string::npos ? part : "`" + part + "`";
}

std::string FrameBoundName(const FrameBound& b) {
  switch (b.kind) {
    case FrameBound::Kind::kUnboundedPreceding: return "UNBOUNDED PRECEDING";
    case FrameBound::Kind::kPreceding: return b.offset->ToString() + " PRECEDING";
    case FrameBound::Kind::kCurrentRow: return "CURRENT ROW";
    case FrameBound::Kind::kFollowing: return b.offset->ToString() + " FOLLOWING";
    case FrameBound::Kind::kUnboundedFollowing: return "UNBOUNDED FOLLOWING";
  }
  return "?";
}

// Spark's rendering: "PARTITION BY a ORDER BY b ASC NULLS FIRST ROWS BETWEEN ...".
std::string WindowSpecName(const WindowSpec& w) {
  std::string out;
  if (!w.partition_by.empty()) out += "PARTITION BY " + JoinArgs(w.partition_by);
  if (!w.order_by.empty()) out += std::string(out.empty() ? "" : " ") + "ORDER BY " + JoinArgs(w.order_by);
  if (w.frame_type != WindowSpec::FrameType::kDefault) out += std::string(out.empty() ? "" : " ") + FrameName(w);
  return out;
}

}  // namespace

std::string FrameName(const WindowSpec& w) {
  if (w.frame_type == WindowSpec::FrameType::kDefault) return "";
  return std::string(w.frame_type == WindowSpec::FrameType::kRows ? "ROWS" : "RANGE") + " BETWEEN " +
         FrameBoundName(w.frame_start) + " AND " + FrameBoundName(w.frame_end);
}

std::string Expr::ToString() const {
  switch (kind) {
    case ExprKind::kColumn:
      return name_parts.empty() ? "" : name_parts.back();
    case ExprKind::kLiteral:
      return LiteralName(*this);
    case ExprKind::kStar: {
      std::string out;
      for (const auto& p : name_parts) out += QuoteIfNeeded(p) + ".";
      return out + "*";
    }
    case ExprKind::kAlias:
      if (name_parts.size() > 1) return children[0]->ToString() + " AS (" + JoinNames(name_parts) + ")";
      return children[0]->ToString() + " AS " + name;
    case ExprKind::kCall:
      return CallName(*this);
    case ExprKind::kCast:
      if (implicit_cast) return children[0]->ToString();
      if (!name.empty()) return name + "(" + children[0]->ToString() + ")";  // int(x): a cast function
      return std::string(is_try ? "TRY_CAST(" : "CAST(") + children[0]->ToString() + " AS " + type->ToSql() + ")";
    case ExprKind::kCase:
      return CaseName(*this);
    case ExprKind::kIn:
      return "(" + children[0]->ToString() + " IN (" + JoinArgs(children, 1) + "))";
    case ExprKind::kAggregate: {
      const std::string n = Lower(name);
      // Spark's parser rewrites count(*) to count(1).
      if (children.size() == 1 && children[0]->kind == ExprKind::kStar) return n + "(1)";
      return n + "(" + (distinct ? "DISTINCT " : "") + JoinArgs(children) + ")";
    }
    case ExprKind::kSortOrder:
      return children[0]->ToString() + (ascending ? " ASC" : " DESC") + (nulls_first ? " NULLS FIRST" : " NULLS LAST");
    case ExprKind::kGenerator:
      return Lower(name) + "(" + JoinArgs(children) + ")";
    case ExprKind::kSubquery:
      switch (subquery_kind) {
        case SubqueryKind::kScalar: return "scalarsubquery()";
        case SubqueryKind::kExists: return "exists()";
        case SubqueryKind::kIn: return "(" + children[0]->ToString() + " IN (listquery()))";
      }
      return "?";
    case ExprKind::kWindow:
      return children[0]->ToString() + " OVER (" + WindowSpecName(*window) + ")";
  }
  return "?";
}

std::string Expr::OutputName() const {
  if (kind == ExprKind::kAlias) return name;
  if (kind == ExprKind::kColumn && !name_parts.empty()) return name_parts.back();
  // Spark names a struct field reference s.f after the field: "f".
  if (kind == ExprKind::kCall && name == kGetFieldName && children.size() == 2) return children[1]->value.ToString();
  return ToString();
}

ExprPtr Col(std::string name) {
  auto e = MakeNode(ExprKind::kColumn);
  e->name_parts = SplitName(name);
  return e;
}

ExprPtr ColParts(std::vector<std::string> parts, int64_t plan_id) {
  auto e = MakeNode(ExprKind::kColumn);
  e->name_parts = std::move(parts);
  e->plan_id = plan_id;
  return e;
}

ExprPtr Lit(Value value, DataTypePtr type) {
  auto e = MakeNode(ExprKind::kLiteral);
  e->nullable = value.is_null();
  e->value = std::move(value);
  e->type = type ? std::move(type) : DataType::Null();
  return e;
}

ExprPtr LitNull() { return Lit(Value(), DataType::Null()); }

ExprPtr Star(std::vector<std::string> qualifier) {
  auto e = MakeNode(ExprKind::kStar);
  e->name_parts = std::move(qualifier);
  return e;
}

ExprPtr Alias(ExprPtr child, std::string name) {
  auto e = MakeNode(ExprKind::kAlias);
  e->children = {std::move(child)};
  e->name = std::move(name);
  return e;
}

ExprPtr MultiAlias(ExprPtr child, std::vector<std::string> names) {
  auto e = MakeNode(ExprKind::kAlias);
  e->children = {std::move(child)};
  e->name = names.empty() ? std::string() : names[0];
  e->name_parts = std::move(names);
  return e;
}

ExprPtr Call(std::string name, std::vector<ExprPtr> args) {
  auto e = MakeNode(ExprKind::kCall);
  e->name = std::move(name);
  e->children = std::move(args);
  return e;
}

ExprPtr CastTo(ExprPtr child, DataTypePtr type, bool is_try) {
  auto e = MakeNode(ExprKind::kCast);
  e->children = {std::move(child)};
  e->type = std::move(type);
  e->is_try = is_try;
  return e;
}

ExprPtr CaseWhen(std::vector<ExprPtr> when_then, ExprPtr else_expr) {
  auto e = MakeNode(ExprKind::kCase);
  e->children = std::move(when_then);
  if (else_expr) {
    e->children.push_back(std::move(else_expr));
    e->has_else = true;
  }
  return e;
}

ExprPtr In(ExprPtr value, std::vector<ExprPtr> list) {
  auto e = MakeNode(ExprKind::kIn);
  e->children.reserve(list.size() + 1);
  e->children.push_back(std::move(value));
  for (auto& x : list) e->children.push_back(std::move(x));
  return e;
}

ExprPtr Aggregate(std::string name, std::vector<ExprPtr> args, bool distinct) {
  auto e = MakeNode(ExprKind::kAggregate);
  e->name = std::move(name);
  e->children = std::move(args);
  e->distinct = distinct;
  return e;
}

ExprPtr SortOrder(ExprPtr child, bool ascending, bool nulls_first) {
  auto e = MakeNode(ExprKind::kSortOrder);
  e->children = {std::move(child)};
  e->ascending = ascending;
  e->nulls_first = nulls_first;
  return e;
}

ExprPtr Generator(std::string name, ExprPtr child) {
  auto e = MakeNode(ExprKind::kGenerator);
  e->name = std::move(name);
  e->children = {std::move(child)};
  return e;
}

ExprPtr Subquery(SubqueryKind kind, std::shared_ptr<const LogicalPlan> plan, ExprPtr value) {
  auto e = MakeNode(ExprKind::kSubquery);
  e->subquery_kind = kind;
  e->subquery = std::move(plan);
  if (value) e->children = {std::move(value)};
  return e;
}

ExprPtr WindowExpr(ExprPtr function, WindowSpec window) {
  auto e = MakeNode(ExprKind::kWindow);
  e->children = {std::move(function)};
  e->window = std::make_shared<const WindowSpec>(std::move(window));
  return e;
}

ExprPtr WithChildren(const Expr& e, std::vector<ExprPtr> children) {
  auto copy = std::make_shared<Expr>(e);
  copy->children = std::move(children);
  return copy;
}

bool ContainsKind(const ExprPtr& e, ExprKind kind) {
  if (!e) return false;
  if (e->kind == kind) return true;
  return std::any_of(e->children.begin(), e->children.end(), [&](const ExprPtr& c) { return ContainsKind(c, kind); });
}

}  // namespace lakestream
