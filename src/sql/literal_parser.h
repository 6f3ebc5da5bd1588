// LiteralParser: the literals of Spark SQL. Numbers take Spark's types by
// form and size (12 INT, 3000000000 BIGINT, 1.5 DECIMAL(2,1), 1e3 DOUBLE,
// suffixes L S Y D F BD); adjacent strings concatenate; DATE '...',
// TIMESTAMP '...', TIMESTAMP_NTZ '...' and X'...' are typed literals.
// Lakestream has no interval type yet, so `d ± INTERVAL n unit` is rewritten
// to date_add / add_months for DAY, WEEK, MONTH and YEAR units.
#pragma once

#include <cstdint>
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

  // INTERVAL n unit, the cursor on INTERVAL.
  struct Interval {
    int64_t count = 0;
    std::string unit;  // upper case, singular: "DAY"
    Token at;          // the INTERVAL keyword, for errors
  };
  Interval ParseInterval();
  // base + interval (base - interval when `subtract`) as date_add / add_months;
  // UNSUPPORTED_FEATURE for units finer than a day.
  ExprPtr AddInterval(ExprPtr base, const Interval& interval, bool subtract) const;

 private:
  ExprPtr Integer(const Token& t, std::string digits, char suffix, bool negative);
  ExprPtr Decimal(const Token& t, const std::string& text, bool negative);
  ExprPtr Floating(const Token& t, const std::string& text, char suffix, bool negative);
  [[noreturn]] void OutOfRange(const Token& t, const std::string& raw, const char* type, const std::string& min,
                               const std::string& max) const;

  TokenCursor& in_;
};

}  // namespace lakestream::sql
