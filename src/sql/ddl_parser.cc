#include "sql/ddl_parser.h"

#include <cctype>

#include "sql/data_type_parser.h"

namespace lakestream::sql {

namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

bool DdlParser::ParseIfNotExists() {
  if (!in_.Is("IF")) return false;
  in_.Next();
  in_.Expect("NOT");
  in_.Expect("EXISTS");
  return true;
}

bool DdlParser::ParseIfExists() {
  if (!in_.Is("IF")) return false;
  in_.Next();
  in_.Expect("EXISTS");
  return true;
}

std::string DdlParser::ParseStringValue() {
  if (in_.Peek().kind != TokenKind::kString) in_.SyntaxError(in_.Peek(), "missing a string literal");
  return queries_.expressions().literals().StringValue();
}

std::vector<std::string> DdlParser::ParseIdentifierList() {
  in_.ExpectSymbol("(");
  std::vector<std::string> names;
  do {
    names.push_back(in_.Identifier());
  } while (in_.MatchSymbol(","));
  in_.ExpectSymbol(")");
  return names;
}

Properties DdlParser::ParseProperties() {
  in_.ExpectSymbol("(");
  Properties out;
  if (in_.MatchSymbol(")")) return out;
  do {
    std::string key;
    if (in_.Peek().kind == TokenKind::kString) {
      key = ParseStringValue();
    } else {
      for (const auto& part : in_.MultipartIdentifier()) key += (key.empty() ? "" : ".") + part;
    }
    in_.MatchSymbol("=");
    const Token& value = in_.Peek();
    if (value.kind == TokenKind::kString) {
      out[key] = ParseStringValue();
    } else if (value.kind == TokenKind::kNumber || value.Is("TRUE") || value.Is("FALSE")) {
      out[key] = in_.Next().text;
    } else if (value.IsSymbol("-") && in_.Peek(1).kind == TokenKind::kNumber) {
      in_.Next();
      out[key] = "-" + in_.Next().text;
    } else {
      in_.SyntaxError(value, "missing a property value");
    }
  } while (in_.MatchSymbol(","));
  in_.ExpectSymbol(")");
  return out;
}

StatementBody DdlParser::ParseCreate() {
  const Token& create = in_.Previous();
  bool or_replace = false;
  if (in_.Match("OR")) {
    in_.Expect("REPLACE");
    or_replace = true;
  }
  bool global = in_.Match("GLOBAL");
  bool temporary = in_.Match("TEMPORARY") || in_.Match("TEMP");
  if (in_.Match("VIEW")) return ParseCreateView(or_replace, global, temporary);
  if (temporary || global) in_.SyntaxError(in_.Peek(), "missing 'VIEW'");
  bool external = in_.Match("EXTERNAL");
  if (in_.Match("TABLE")) return ParseCreateTable(or_replace, external);
  if (external || or_replace) in_.SyntaxError(in_.Peek(), "missing 'TABLE'");
  if (in_.Match("DATABASE") || in_.Match("SCHEMA") || in_.Match("NAMESPACE")) return ParseCreateDatabase();
  if (in_.Is("INDEX") || in_.Is("UNIQUE")) return ParseCreateIndex();
  for (const char* what : {"FUNCTION", "CATALOG", "MATERIALIZED", "STREAMING", "VOLUME", "CONNECTION"}) {
    if (in_.Is(what)) in_.UnsupportedStatement(create, "CREATE " + std::string(what));
  }
  in_.SyntaxError(in_.Peek());
}

CreateDatabaseStatement DdlParser::ParseCreateDatabase() {
  CreateDatabaseStatement s;
  s.if_not_exists = ParseIfNotExists();
  s.name = in_.MultipartIdentifier();
  while (true) {
    if (in_.Match("COMMENT")) {
      s.comment = ParseStringValue();
    } else if (in_.Match("LOCATION")) {
      s.location = ParseStringValue();
    } else if (in_.Is("WITH") && (in_.Is("DBPROPERTIES", 1) || in_.Is("PROPERTIES", 1))) {
      in_.Next();
      in_.Next();
      s.properties = ParseProperties();
    } else {
      return s;
    }
  }
}

CreateTableStatement DdlParser::ParseCreateTable(bool or_replace, bool external) {
  CreateTableStatement s;
  s.or_replace = or_replace;
  s.external = external;
  s.if_not_exists = ParseIfNotExists();
  s.name = in_.MultipartIdentifier();
  if (in_.Is("LIKE")) in_.UnsupportedStatement(in_.Peek(), "CREATE TABLE ... LIKE");
  if (in_.IsSymbol("(") && !queries_.AtQuery(1, true)) {
    in_.Next();
    do {
      if (in_.Is("CONSTRAINT") || (in_.Is("PRIMARY") && in_.Is("KEY", 1)) || in_.Is("UNIQUE") || in_.Is("CHECK") ||
          (in_.Is("FOREIGN") && in_.Is("KEY", 1))) {
        ParseTableConstraint(s);
      } else {
        s.columns.push_back(ParseColumn(s));
      }
    } while (in_.MatchSymbol(","));
    in_.ExpectSymbol(")");
  }
  while (true) {  // Spark accepts these clauses in any order
    const Token& at = in_.Peek();
    if (in_.Match("USING")) {
      s.format = in_.Identifier();
    } else if (in_.Is("STORED") && in_.Is("AS", 1)) {
      in_.Next();
      in_.Next();
      s.format = in_.Identifier();
    } else if (in_.Match("OPTIONS")) {
      s.options = ParseProperties();
    } else if (in_.Is("PARTITIONED") && in_.Is("BY", 1)) {
      ParsePartitionedBy(s);
    } else if (in_.Match("LOCATION")) {
      s.location = ParseStringValue();
    } else if (in_.Match("COMMENT")) {
      s.comment = ParseStringValue();
    } else if (in_.Match("TBLPROPERTIES")) {
      s.properties = ParseProperties();
    } else if (in_.Is("CLUSTER") || in_.Is("CLUSTERED") || in_.Is("ROW") || in_.Is("SKEWED")) {
      in_.Unsupported(at, Upper(at.text) + " in CREATE TABLE");
    } else {
      break;
    }
  }
  if (in_.Match("AS") || queries_.AtQuery(0, true)) s.query = queries_.ParseQuery();
  return s;
}

// name type [NOT NULL] [PRIMARY KEY] [UNIQUE] [DEFAULT expr] [COMMENT 'text'], in any order after the type.
ColumnDefinition DdlParser::ParseColumn(CreateTableStatement& table) {
  ColumnDefinition c;
  const Token& name = in_.Peek();
  if (name.kind != TokenKind::kWord && name.kind != TokenKind::kQuotedIdentifier) in_.SyntaxError(name);
  c.name = in_.Next().text;
  c.type = ParseDataType(in_);
  while (true) {
    const Token& at = in_.Peek();
    if (in_.Is("NOT") && in_.Is("NULL", 1)) {
      in_.Next();
      in_.Next();
      c.nullable = false;
    } else if (in_.Match("NULL")) {
      // the default
    } else if (in_.Is("PRIMARY") && in_.Is("KEY", 1)) {
      in_.Next();
      in_.Next();
      c.nullable = false;
      table.primary_key.push_back(c.name);
    } else if (in_.Match("UNIQUE")) {
      // informational and not enforced, as Spark 4.1's UNIQUE constraint
    } else if (in_.Match("DEFAULT")) {
      c.default_value = queries_.expressions().ParseValue();
    } else if (in_.Match("COMMENT")) {
      c.comment = ParseStringValue();
    } else if (in_.Is("GENERATED") || in_.Is("REFERENCES") || in_.Is("CHECK") ||
               in_.Is("AUTOINCREMENT") || in_.Is("COLLATE") || in_.Is("MASK")) {
      in_.Unsupported(at, Upper(at.text) + " in a column definition");
    } else {
      return c;
    }
  }
}

// [CONSTRAINT name] PRIMARY KEY (cols) | UNIQUE (cols): informational, as in Databricks.
void DdlParser::ParseTableConstraint(CreateTableStatement& table) {
  const Token& at = in_.Peek();
  if (in_.Match("CONSTRAINT")) in_.Identifier();
  if (in_.Is("PRIMARY") && in_.Is("KEY", 1)) {
    in_.Next();
    in_.Next();
    for (const auto& column : ParseIdentifierList()) {
      table.primary_key.push_back(column);
      for (auto& c : table.columns) {
        if (Upper(c.name) == Upper(column)) c.nullable = false;
      }
    }
    return;
  }
  if (in_.Match("UNIQUE")) {
    ParseIdentifierList();  // informational and not enforced, as Spark 4.1's UNIQUE constraint
    return;
  }
  in_.Unsupported(at, "table constraints other than PRIMARY KEY and UNIQUE");
}

// PARTITIONED BY (a, b) names columns; PARTITIONED BY (a INT) also defines them (Hive style).
void DdlParser::ParsePartitionedBy(CreateTableStatement& table) {
  in_.Next();
  in_.Next();
  in_.ExpectSymbol("(");
  do {
    if (in_.IsSymbol(",", 1) || in_.IsSymbol(")", 1)) {
      table.partition_columns.push_back(in_.Identifier());
    } else {
      ColumnDefinition c = ParseColumn(table);
      table.partition_columns.push_back(c.name);
      table.columns.push_back(std::move(c));
    }
  } while (in_.MatchSymbol(","));
  in_.ExpectSymbol(")");
}

CreateViewStatement DdlParser::ParseCreateView(bool or_replace, bool global, bool temporary) {
  CreateViewStatement s;
  s.or_replace = or_replace;
  s.global = global;
  s.temporary = temporary;
  s.if_not_exists = ParseIfNotExists();
  s.name = in_.MultipartIdentifier();
  if (in_.MatchSymbol("(")) {
    do {
      s.column_names.push_back(in_.Identifier());
      s.column_comments.push_back(in_.Match("COMMENT") ? std::optional<std::string>(ParseStringValue()) : std::nullopt);
    } while (in_.MatchSymbol(","));
    in_.ExpectSymbol(")");
  }
  while (true) {
    if (in_.Match("COMMENT")) {
      s.comment = ParseStringValue();
    } else if (in_.Match("TBLPROPERTIES")) {
      s.properties = ParseProperties();
    } else {
      break;
    }
  }
  in_.Expect("AS");
  size_t begin = in_.Peek().offset;
  s.query = queries_.ParseQuery();
  s.query_text = std::string(in_.Text(begin, in_.Previous().end_offset()));
  return s;
}

CreateIndexStatement DdlParser::ParseCreateIndex() {
  CreateIndexStatement s;
  s.unique = in_.Match("UNIQUE");
  in_.Expect("INDEX");
  s.if_not_exists = ParseIfNotExists();
  s.name = in_.Identifier();
  in_.Expect("ON");
  s.table = in_.MultipartIdentifier();
  in_.ExpectSymbol("(");
  do {
    s.columns.push_back(in_.Identifier());
    if (!in_.Match("ASC")) in_.Match("DESC");
  } while (in_.MatchSymbol(","));
  in_.ExpectSymbol(")");
  return s;
}

StatementBody DdlParser::ParseDrop() {
  const Token& drop = in_.Previous();
  if (in_.Match("TABLE")) {
    DropTableStatement s;
    s.if_exists = ParseIfExists();
    s.name = in_.MultipartIdentifier();
    s.purge = in_.Match("PURGE");
    return s;
  }
  if (in_.Match("VIEW")) {
    DropViewStatement s;
    s.if_exists = ParseIfExists();
    s.name = in_.MultipartIdentifier();
    return s;
  }
  if (in_.Match("DATABASE") || in_.Match("SCHEMA") || in_.Match("NAMESPACE")) {
    DropDatabaseStatement s;
    s.if_exists = ParseIfExists();
    s.name = in_.MultipartIdentifier();
    s.cascade = in_.Match("CASCADE");
    if (!s.cascade) in_.Match("RESTRICT");
    return s;
  }
  if (in_.Match("INDEX")) {
    DropIndexStatement s;
    s.if_exists = ParseIfExists();
    s.name = in_.Identifier();
    if (in_.Match("ON")) s.table = in_.MultipartIdentifier();
    return s;
  }
  for (const char* what : {"FUNCTION", "TEMPORARY", "CATALOG", "MATERIALIZED", "VOLUME", "CONNECTION"}) {
    if (in_.Is(what)) in_.UnsupportedStatement(drop, "DROP " + std::string(what));
  }
  in_.SyntaxError(in_.Peek());
}

}  // namespace lakestream::sql
