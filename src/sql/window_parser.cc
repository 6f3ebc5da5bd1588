#include "sql/window_parser.h"

#include <cctype>

#include "lakestream/error.h"
#include "sql/expression_parser.h"

namespace lakestream::sql {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

ExprPtr WindowParser::ParseOver(ExprPtr function) {
  bool parenthesized_name = in_.IsSymbol("(") && in_.IsIdentifier(1) && in_.IsSymbol(")", 2) &&
                            !in_.Is("PARTITION", 1) && !in_.Is("ORDER", 1);
  if (in_.IsSymbol("(") && !parenthesized_name) return WindowExpr(std::move(function), ParseSpec());
  if (parenthesized_name) in_.Next();
  const Token& at = in_.Peek();
  std::string name = Lower(in_.Identifier());
  if (parenthesized_name) in_.Next();
  if (blocks_.empty()) {
    throw UserError("MISSING_WINDOW_SPECIFICATION", "42P20",
                    in_.Locate(at, "42P20", "Window specification " + name + " is not defined in the WINDOW clause."));
  }
  ExprPtr placeholder = WindowExpr(std::move(function), WindowSpec{});
  blocks_.back().references.push_back({placeholder.get(), name, at});
  return placeholder;
}

WindowSpec WindowParser::ParseSpec() {
  in_.ExpectSymbol("(");
  WindowSpec w;
  if (in_.Is("CLUSTER")) in_.Unsupported(in_.Peek(), "CLUSTER BY in a window specification");
  if (in_.Match("PARTITION") || in_.Match("DISTRIBUTE")) {
    in_.Expect("BY");
    w.partition_by = exprs_.ParseList();
  }
  if (in_.Match("ORDER") || in_.Match("SORT")) {
    in_.Expect("BY");
    do {
      w.order_by.push_back(exprs_.ParseSortItem());
    } while (in_.MatchSymbol(","));
  }
  if (in_.Is("ROWS") || in_.Is("RANGE")) {
    w.frame_type = in_.Next().Is("ROWS") ? WindowSpec::FrameType::kRows : WindowSpec::FrameType::kRange;
    if (in_.Match("BETWEEN")) {
      w.frame_start = ParseBound();
      in_.Expect("AND");
      w.frame_end = ParseBound();
    } else {
      w.frame_start = ParseBound();  // ROWS n PRECEDING ends at the current row
    }
  }
  in_.ExpectSymbol(")");
  return w;
}

FrameBound WindowParser::ParseBound() {
  FrameBound b;
  if (in_.Match("UNBOUNDED")) {
    if (in_.Match("PRECEDING")) {
      b.kind = FrameBound::Kind::kUnboundedPreceding;
    } else {
      in_.Expect("FOLLOWING");
      b.kind = FrameBound::Kind::kUnboundedFollowing;
    }
    return b;
  }
  if (in_.Is("CURRENT") && in_.Is("ROW", 1)) {
    in_.Next();
    in_.Next();
    b.kind = FrameBound::Kind::kCurrentRow;
    return b;
  }
  b.offset = exprs_.ParseValue();
  if (in_.Match("PRECEDING")) {
    b.kind = FrameBound::Kind::kPreceding;
  } else {
    in_.Expect("FOLLOWING");
    b.kind = FrameBound::Kind::kFollowing;
  }
  return b;
}

void WindowParser::ParseDefinitions() {
  do {
    const Token& at = in_.Peek();
    std::string name = Lower(in_.Identifier());
    in_.Expect("AS");
    WindowSpec spec;
    if (in_.IsIdentifier()) {  // w2 AS w1
      const Token& ref = in_.Peek();
      auto it = blocks_.back().definitions.find(Lower(in_.Identifier()));
      if (it == blocks_.back().definitions.end()) {
        throw UserError("MISSING_WINDOW_SPECIFICATION", "42P20",
                        in_.Locate(ref, "42P20", "Window specification " + ref.text + " is not defined in the WINDOW clause."));
      }
      spec = it->second;
    } else {
      spec = ParseSpec();
    }
    if (!blocks_.back().definitions.emplace(name, spec).second) {
      in_.SyntaxError(at, "the window " + name + " is defined twice");
    }
  } while (in_.MatchSymbol(","));
}

ExprPtr WindowParser::Resolve(const ExprPtr& e) const {
  if (!e) return e;
  const BlockState& block = blocks_.back();
  if (block.references.empty()) return e;
  if (e->kind == ExprKind::kWindow) {
    for (const auto& r : block.references) {
      if (r.node != e.get()) continue;
      auto it = block.definitions.find(r.name);
      if (it == block.definitions.end()) {
        throw UserError("MISSING_WINDOW_SPECIFICATION", "42P20",
                        in_.Locate(r.at, "42P20", "Window specification " + r.name + " is not defined in the WINDOW clause."));
      }
      return WindowExpr(e->children[0], it->second);
    }
  }
  std::vector<ExprPtr> children;
  bool changed = false;
  for (const auto& c : e->children) {
    children.push_back(Resolve(c));
    changed |= children.back() != c;
  }
  return changed ? WithChildren(*e, std::move(children)) : e;
}

}  // namespace lakestream::sql
