#include "sql/data_type_parser.h"

#include "lakestream/error.h"

namespace lakestream::sql {

namespace {

// How many '<' a token opens (negative: closes). ">>" and ">>>" close
// several levels of ARRAY<ARRAY<INT>>; "<>" is the empty STRUCT<>.
int AngleDepthChange(const Token& t) {
  if (t.kind != TokenKind::kSymbol) return 0;
  if (t.text == "<") return 1;
  if (t.text == ">") return -1;
  if (t.text == ">>") return -2;
  if (t.text == ">>>") return -3;
  return 0;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

DataTypePtr ParseDataType(TokenCursor& in) {
  const Token& first = in.Peek();
  if (first.kind != TokenKind::kWord && first.kind != TokenKind::kQuotedIdentifier) in.SyntaxError(first, "missing data type");
  in.Next();
  size_t end = first.end_offset();
  if (first.Is("INTERVAL")) {
    // INTERVAL YEAR [TO MONTH], INTERVAL DAY TO SECOND, ...; a bare INTERVAL
    // (Spark's CalendarIntervalType) has no Lakestream counterpart.
    if (in.Peek().kind != TokenKind::kWord) in.Unsupported(first, "the INTERVAL data type without fields");
    end = in.Next().end_offset();
    if (in.Match("TO")) {
      if (in.Peek().kind != TokenKind::kWord) in.SyntaxError(in.Peek(), "missing interval field after TO");
      end = in.Next().end_offset();
    }
  } else if (in.IsSymbol("(")) {
    int depth = 0;
    do {
      const Token& t = in.Next();
      if (t.kind == TokenKind::kEnd) in.SyntaxError(t, "missing ')'");
      depth += t.IsSymbol("(") ? 1 : t.IsSymbol(")") ? -1 : 0;
      end = t.end_offset();
    } while (depth > 0);
  } else if (in.IsSymbol("<") || in.IsSymbol("<>")) {
    int depth = 0;
    do {
      const Token& t = in.Next();
      if (t.kind == TokenKind::kEnd) in.SyntaxError(t, "missing '>'");
      depth += AngleDepthChange(t);
      end = t.end_offset();
    } while (depth > 0);
    if (depth < 0) in.SyntaxError(in.Previous());
  }
  std::string_view text = in.Text(first.offset, end);
  try {
    return DataType::Parse(text);
  } catch (const UserError& e) {
    if (e.error_class() == "PARSE_SYNTAX_ERROR") {
      throw UserError("UNSUPPORTED_DATATYPE", "0A000",
                      in.Locate(first, "0A000", "Unsupported data type \"" + Upper(text) + "\"."));
    }
    throw UserError(e.error_class(), e.sql_state(), in.Locate(first, e.sql_state(), e.message()));
  }
}

}  // namespace lakestream::sql
