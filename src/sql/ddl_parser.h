// DdlParser: CREATE and DROP statements for databases, tables, views and
// indexes (statement.h). CREATE INDEX is accepted so scripts written for
// other databases run; the engine treats it as a no-op.
#pragma once

#include "sql/query_parser.h"
#include "sql/statement.h"
#include "sql/token_cursor.h"

namespace lakestream::sql {

class DdlParser {
 public:
  DdlParser(TokenCursor& in, QueryParser& queries) : in_(in), queries_(queries) {}

  // The cursor after CREATE / DROP.
  StatementBody ParseCreate();
  StatementBody ParseDrop();

 private:
  CreateDatabaseStatement ParseCreateDatabase();
  CreateTableStatement ParseCreateTable(bool or_replace, bool external);
  ColumnDefinition ParseColumn(CreateTableStatement& table);
  void ParseTableConstraint(CreateTableStatement& table);
  void ParsePartitionedBy(CreateTableStatement& table);
  CreateViewStatement ParseCreateView(bool or_replace, bool global, bool temporary);
  CreateIndexStatement ParseCreateIndex();
  // ( key [=] value, ... ): keys are strings or dotted names, values strings,
  // numbers or booleans, all kept as text.
  Properties ParseProperties();
  std::string ParseStringValue();
  bool ParseIfNotExists();
  bool ParseIfExists();
  std::vector<std::string> ParseIdentifierList();

  TokenCursor& in_;
  QueryParser& queries_;
};

}  // namespace lakestream::sql
