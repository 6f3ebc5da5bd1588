// LiteralParser: the literals of Spark SQL. Numbers take Spark's types by
// form and size (12 INT, 3000000000 BIGINT, 1.5 DECIMAL(2,1), 1e3 DOUBLE,
// suffixes L S Y D F BD); adjacent strings concatenate; DATE '...',
// TIMESTAMP '...', TIMESTAMP_NTZ '...' and X'...' are typed literals.
// INTERVAL ... literals are year-month or day-time intervals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "expr/expression.h"
#include "sql/token_cursor.h"

namespace lakestream::sql {

class LiteralParser {
 public:
  explicit LiteralParser(TokenCursor& in) : in_(in) {}

  // Consumes a kNumber token. `negative`: a '-' preceded it, which Spark
  // folds into the literal (-2147483648 is an INT). Throws UserError
  // INVALID_NUMERIC_LITERAL_RANGE / DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION.
  ExprPtr Number(bool negative);
  // Consumes one or more adjacent kString tokens: 'a' 'b' is 'ab'.
  ExprPtr String();
  // The value of adjacent kString tokens at the cursor, consumed.
  std::string StringValue();

  // At DATE '...', TIMESTAMP '...', TIMESTAMP_NTZ '...', TIMESTAMP_LTZ '...' or X'...'.
  bool AtTypedLiteral() const;
  // Throws UserError INVALID_TYPED_LITERAL for a value that does not parse.
  // TIMESTAMP '...' stays CAST('...' AS TIMESTAMP): its zone is the session's,
  // which the parser does not know.
  ExprPtr TypedLiteral();

  // An ANSI interval literal, the cursor on INTERVAL: INTERVAL '1' DAY,
  // INTERVAL 3 DAYS 2 HOURS, INTERVAL '1-2' YEAR TO MONTH, INTERVAL -'1 02:03'
  // DAY TO MINUTE, INTERVAL '1 year 2 months'. A literal of Spark's
  // YearMonthIntervalType or DayTimeIntervalType spanning the units written.
  // Throws MIXED_INTERVAL_UNITS, INVALID_INTERVAL_FORMAT,
  // UNSUPPORTED_FROM_TO_INTERVAL or a syntax error.
  ExprPtr Interval();

 private:
  ExprPtr Integer(const Token& t, std::string digits, char suffix, bool negative);
  ExprPtr Decimal(const Token& t, const std::string& text, bool negative);
  ExprPtr Floating(const Token& t, const std::string& text, char suffix, bool negative);
  [[noreturn]] void OutOfRange(const Token& t, const std::string& raw, const char* type, const std::string& min,
                               const std::string& max) const;

  TokenCursor& in_;
};

}  // namespace lakestream::sql
