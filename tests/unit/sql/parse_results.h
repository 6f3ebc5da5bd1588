// What the SQL parser tests compare: plans as TreeString(), expressions as
// ToString(), errors as class + message; and the literals the DataFrame API
// would build for the equivalent calls.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "lakestream/error.h"
#include "sql/parser.h"

namespace lakestream::sql {

inline std::string PlanOf(std::string_view sql) { return ParseQuery(sql)->TreeString(); }
inline std::string ExprOf(std::string_view sql) { return ParseExpression(sql)->ToString(); }

struct ParseFailure {
  std::string error_class;
  std::string sql_state;
  std::string message;  // without the "[CLASS] " prefix
};

// The UserError `parse` throws; error_class "no error" if it returns.
inline ParseFailure FailureOf(const std::function<void()>& parse) {
  try {
    parse();
  } catch (const UserError& e) {
    return {e.error_class(), e.sql_state(), e.message()};
  }
  return {"no error", "", ""};
}
inline ParseFailure StatementFailure(std::string_view sql) {
  return FailureOf([&] { ParseStatements(sql); });
}

// Literals as Column(Value) makes them.
inline ExprPtr IntLit(int64_t v) { return Lit(Value(v), DataType::Int()); }
inline ExprPtr StrLit(std::string v) { return Lit(Value(std::move(v)), DataType::String()); }
inline ExprPtr Bin(const char* op, ExprPtr a, ExprPtr b) { return Call(op, {std::move(a), std::move(b)}); }

}  // namespace lakestream::sql
