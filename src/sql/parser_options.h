// Settings that change what the SQL parser accepts. The defaults are Spark's
// grammar; the session fills them from its configuration
// (SessionState::MakeParserOptions).
#pragma once

namespace lakestream::sql {

struct ParserOptions {
  // lakestream.sql.legacyEmptyInList (SQLite): `x IN ()` is false and
  // `x NOT IN ()` true, even when x is NULL. Spark's grammar has no empty
  // IN list: without the setting it is PARSE_SYNTAX_ERROR.
  bool legacy_empty_in_list = false;
};

}  // namespace lakestream::sql
