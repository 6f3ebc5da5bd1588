#include "sql/statement_parser.h"

#include <cctype>

#include "sql/reserved_words.h"

namespace lakestream::sql {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Statements of Spark and Databricks SQL that Lakestream does not run yet.
constexpr const char* kUnsupportedStatements[] = {
    "ALTER",  "TRUNCATE", "MERGE",  "CACHE",   "UNCACHE", "CLEAR",    "REFRESH", "ANALYZE", "MSCK",   "LOAD",
    "GRANT",  "REVOKE",   "OPTIMIZE", "VACUUM", "COPY",   "CALL",     "COMMENT", "DECLARE", "EXECUTE", "ADD",
    "LIST",   "REPAIR",   "RESTORE", "CONVERT", "FSCK",   "COMMIT",   "ROLLBACK", "BEGIN",  "START",  "GENERATE",
};

}  // namespace

StatementPtr StatementParser::Parse() {
  const Token& first = in_.Peek();
  auto statement = std::make_shared<Statement>();
  statement->body = ParseBody();
  statement->text = std::string(in_.Text(first.offset, in_.Previous().end_offset()));
  statement->line = first.line;
  return statement;
}

StatementBody StatementParser::ParseBody() {
  const Token& t = in_.Peek();
  if (t.Is("WITH")) return ParseWith();
  if (queries_.AtQuery(0, true)) return QueryStatement{queries_.ParseQuery()};
  if (in_.Match("CREATE")) return ddl_.ParseCreate();
  if (in_.Match("DROP")) return ddl_.ParseDrop();
  if (t.Is("INSERT")) return ParseInsert();
  if (t.Is("DELETE")) return ParseDelete();
  if (t.Is("UPDATE")) return ParseUpdate();
  if (t.Is("SHOW")) return ParseShow();
  if (t.Is("DESC") || t.Is("DESCRIBE")) return ParseDescribe();
  if (t.Is("SET")) return ParseSet();
  if (t.Is("RESET")) return ParseReset();
  if (t.Is("EXPLAIN")) return ParseExplain();
  if (t.Is("USE")) return ParseUse();
  if (t.Is("FROM")) in_.Unsupported(t, "FROM-first queries (FROM t SELECT ...)");
  for (const char* keyword : kUnsupportedStatements) {
    if (t.Is(keyword)) in_.UnsupportedStatement(t, keyword);
  }
  in_.SyntaxError(t);
}

// WITH ctes SELECT ... or WITH ctes INSERT INTO ...
StatementBody StatementParser::ParseWith() {
  TokenCursor::Nesting nesting(in_);
  in_.Next();
  QueryParser::CteScope scope(queries_);
  queries_.ParseCteDefinitions();
  if (in_.Is("INSERT")) return ParseInsert();
  return QueryStatement{queries_.ParseQueryBody()};
}

StatementBody StatementParser::ParseInsert() {
  in_.Next();
  InsertStatement s;
  s.overwrite = in_.Match("OVERWRITE");
  if (!s.overwrite) in_.Expect("INTO");
  if (s.overwrite && (in_.Is("LOCAL") || in_.Is("DIRECTORY"))) in_.UnsupportedStatement(in_.Peek(), "INSERT OVERWRITE DIRECTORY");
  in_.Match("TABLE");
  s.table = in_.MultipartIdentifier();
  // Spark puts the column list after PARTITION (...); before it is accepted too.
  auto columns = [&] {
    if (!s.columns.empty() || !in_.IsSymbol("(") || queries_.AtQuery(1, true)) return;
    in_.Next();
    do {
      s.columns.push_back(in_.Identifier());
    } while (in_.MatchSymbol(","));
    in_.ExpectSymbol(")");
  };
  columns();
  if (in_.Match("PARTITION")) {
    in_.ExpectSymbol("(");
    do {
      std::string column = in_.Identifier();
      ExprPtr value = in_.MatchSymbol("=") ? queries_.expressions().Parse() : nullptr;
      s.partition.emplace_back(column, value);
    } while (in_.MatchSymbol(","));
    in_.ExpectSymbol(")");
  }
  if (in_.Is("IF") && in_.Is("NOT", 1)) in_.Unsupported(in_.Peek(), "INSERT ... IF NOT EXISTS");
  columns();
  if (s.columns.empty() && in_.Is("BY") && in_.Is("NAME", 1)) {
    in_.Next();
    in_.Next();
    s.by_name = true;
  }
  if (in_.Is("REPLACE")) in_.Unsupported(in_.Peek(), "INSERT ... REPLACE");
  s.query = queries_.ParseQuery();
  return s;
}

// [AS] alias before WHERE / SET.
std::optional<std::string> StatementParser::ParseAliasName() {
  if (in_.Match("AS")) return in_.Identifier();
  if (CanBeImplicitAlias(in_.Peek())) return in_.Next().text;
  return std::nullopt;
}

StatementBody StatementParser::ParseDelete() {
  in_.Next();
  in_.Expect("FROM");
  DeleteStatement s;
  s.table = in_.MultipartIdentifier();
  s.alias = ParseAliasName();
  if (in_.Match("WHERE")) s.condition = queries_.expressions().Parse();
  return s;
}

StatementBody StatementParser::ParseUpdate() {
  in_.Next();
  UpdateStatement s;
  s.table = in_.MultipartIdentifier();
  s.alias = ParseAliasName();
  in_.Expect("SET");
  do {
    Name target = in_.MultipartIdentifier();
    in_.ExpectSymbol("=");
    s.assignments.emplace_back(std::move(target), queries_.expressions().Parse());
  } while (in_.MatchSymbol(","));
  if (in_.Match("WHERE")) s.condition = queries_.expressions().Parse();
  return s;
}

StatementBody StatementParser::ParseShow() {
  const Token& show = in_.Next();
  auto pattern = [this]() -> std::optional<std::string> {
    in_.Match("LIKE");
    if (in_.Peek().kind == TokenKind::kString) return queries_.expressions().literals().StringValue();
    return std::nullopt;
  };
  if (in_.Match("DATABASES") || in_.Match("SCHEMAS") || in_.Match("NAMESPACES")) {
    return ShowDatabasesStatement{pattern()};
  }
  if (in_.Match("TABLES")) {
    ShowTablesStatement s;
    if (in_.Match("FROM") || in_.Match("IN")) s.database = in_.MultipartIdentifier();
    s.pattern = pattern();
    return s;
  }
  if (in_.Match("COLUMNS")) {
    ShowColumnsStatement s;
    if (!in_.Match("IN")) in_.Expect("FROM");
    s.table = in_.MultipartIdentifier();
    if (in_.Match("FROM") || in_.Match("IN")) s.database = in_.MultipartIdentifier();
    return s;
  }
  if (in_.Is("FUNCTIONS") || ((in_.Is("USER") || in_.Is("SYSTEM") || in_.Is("ALL")) && in_.Is("FUNCTIONS", 1))) {
    ShowFunctionsStatement s;
    if (!in_.Is("FUNCTIONS")) s.scope = Lower(in_.Next().text);
    in_.Next();
    if (in_.Match("FROM") || in_.Match("IN")) in_.MultipartIdentifier();  // one database of functions: all built-in
    s.pattern = pattern();
    if (!s.pattern && in_.IsIdentifier()) {  // SHOW FUNCTIONS [LIKE] name
      std::string name;
      for (const auto& part : in_.MultipartIdentifier()) name += (name.empty() ? "" : ".") + part;
      s.pattern = name;
    }
    return s;
  }
  const Token& what = in_.Peek();
  if (what.kind == TokenKind::kWord) in_.UnsupportedStatement(show, "SHOW " + Upper(what.text));
  in_.SyntaxError(what);
}

StatementBody StatementParser::ParseDescribe() {
  const Token& describe = in_.Next();
  if (in_.Match("DATABASE") || in_.Match("SCHEMA") || in_.Match("NAMESPACE")) {
    DescribeDatabaseStatement s;
    s.extended = in_.Match("EXTENDED");
    s.name = in_.MultipartIdentifier();
    return s;
  }
  if (in_.Match("FUNCTION")) {
    DescribeFunctionStatement s;
    s.extended = in_.Match("EXTENDED");
    if (in_.Peek().kind == TokenKind::kString) {
      s.name = queries_.expressions().literals().StringValue();
    } else {
      for (const auto& part : in_.MultipartIdentifier()) s.name += (s.name.empty() ? "" : ".") + part;
    }
    return s;
  }
  // DESCRIBE TABLE t describes a table, though TABLE t alone is a query.
  if (in_.Match("QUERY") || (!in_.Is("TABLE") && queries_.AtQuery(0, true))) {
    return DescribeQueryStatement{queries_.ParseQuery()};
  }
  for (const char* delta : {"HISTORY", "DETAIL"}) {
    if (in_.Is(delta) && in_.IsIdentifier(1)) in_.UnsupportedStatement(describe, "DESCRIBE " + std::string(delta));
  }
  DescribeTableStatement s;
  in_.Match("TABLE");
  s.extended = in_.Match("EXTENDED") || in_.Match("FORMATTED");
  s.table = in_.MultipartIdentifier();
  if (in_.Is("PARTITION")) in_.Unsupported(in_.Peek(), "DESCRIBE ... PARTITION");
  if (!AtStatementEnd()) s.column = in_.MultipartIdentifier();
  return s;
}

std::string StatementParser::RestOfStatement() {
  if (AtStatementEnd()) return "";
  size_t begin = in_.Peek().offset;
  while (!AtStatementEnd()) in_.Next();
  return std::string(in_.Text(begin, in_.Previous().end_offset()));
}

// SET; SET key; SET key = value with the value taken verbatim to the end of
// the statement, as Spark does (keys have dots: spark.sql.shuffle.partitions).
StatementBody StatementParser::ParseSet() {
  in_.Next();
  SetStatement s;
  if (AtStatementEnd()) return s;
  if (in_.Is("TIME") && in_.Is("ZONE", 1)) {
    in_.Next();
    in_.Next();
    s.key = "spark.sql.session.timeZone";
    if (in_.Match("LOCAL")) {
      s.value = "LOCAL";
    } else if (in_.Peek().kind == TokenKind::kString) {
      s.value = queries_.expressions().literals().StringValue();
    } else {
      in_.Unsupported(in_.Peek(), "SET TIME ZONE with an interval");
    }
    return s;
  }
  if (in_.Is("VAR") || in_.Is("VARIABLE")) in_.UnsupportedStatement(in_.Peek(), "SET VARIABLE");
  const Token& first = in_.Peek();
  while (!AtStatementEnd() && !in_.IsSymbol("=")) in_.Next();
  if (first.kind == TokenKind::kQuotedIdentifier && &in_.Previous() == &first) {
    s.key = first.text;  // SET `key` = ...
  } else {
    s.key = std::string(in_.Text(first.offset, in_.Previous().end_offset()));
  }
  if (in_.MatchSymbol("=")) s.value = RestOfStatement();
  return s;
}

StatementBody StatementParser::ParseReset() {
  in_.Next();
  ResetStatement s;
  if (!AtStatementEnd()) s.key = RestOfStatement();
  return s;
}

StatementBody StatementParser::ParseExplain() {
  in_.Next();
  ExplainStatement s;
  for (const char* mode : {"EXTENDED", "FORMATTED", "CODEGEN", "COST", "LOGICAL"}) {
    if (in_.Match(mode)) s.mode = Lower(mode);
  }
  if (in_.Is("EXPLAIN")) in_.SyntaxError(in_.Peek());
  s.statement = Parse();
  return s;
}

StatementBody StatementParser::ParseUse() {
  in_.Next();
  if (in_.Is("CATALOG")) in_.UnsupportedStatement(in_.Previous(), "USE CATALOG");
  if (!in_.Match("DATABASE") && !in_.Match("SCHEMA")) in_.Match("NAMESPACE");
  return UseStatement{in_.MultipartIdentifier()};
}

}  // namespace lakestream::sql
