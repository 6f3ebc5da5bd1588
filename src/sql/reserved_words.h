// Which words the parser treats as keywords in name positions. Spark keeps
// most keywords usable as names; these are the ones a hand-written parser
// must refuse to keep a statement unambiguous.
#pragma once

#include "sql/token.h"

namespace lakestream::sql {

// Never an unquoted column, table or alias name (`order` still is): SELECT,
// FROM, WHERE, JOIN, ON, AND, CASE, ...
bool IsReservedWord(const Token& t);

// False for words that may follow a select item or a table reference (LIMIT,
// WINDOW, LATERAL, SET, ...), so they are not read as an alias written
// without AS.
bool CanBeImplicitAlias(const Token& t);

}  // namespace lakestream::sql
