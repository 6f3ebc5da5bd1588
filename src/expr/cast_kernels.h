// Internal pieces of CastArray (cast.h), one file per family of source types,
// and the Spark errors they raise.
#pragma once

#include <string>

#include "columnar/array.h"
#include "expr/eval_context.h"

namespace lakestream {

class TimeZone;

struct CastOptions {
  const EvalContext& ctx;
  bool is_try;
  // ANSI CAST raises on bad input; TRY_CAST and non-ANSI CAST give NULL.
  bool raise() const { return ctx.ansi && !is_try; }
  // Non-ANSI CAST keeps Spark's legacy behaviour (wrap-around on integral
  // overflow, fractions accepted by string-to-integral).
  bool legacy() const { return !ctx.ansi && !is_try; }
  const TimeZone& zone() const;
};

// To STRING from any type, nested ones included.
ArrayPtr CastToString(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o);
// From STRING to BOOLEAN, numeric, datetime and BINARY types.
ArrayPtr CastFromString(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o);
// Among BOOLEAN, numeric, DATE, TIMESTAMP and TIMESTAMP_NTZ.
ArrayPtr CastScalar(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o);

// Between two interval types of one family: drops the fields after the
// target's end field (toward zero), as Spark's Cast does.
ArrayPtr CastInterval(const ArrayPtr& input, const DataTypePtr& to);

// Between a single-field interval and an integral or decimal number, both
// ways (cast_interval_number.cc): the number counts the interval's unit.
// Overflow raises CAST_OVERFLOW (NUMERIC_VALUE_OUT_OF_RANGE for a decimal
// target under ANSI) or gives NULL for TRY_CAST.
bool IsIntervalNumberCast(const DataType& from, const DataType& to);
ArrayPtr CastIntervalNumber(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o);

// Spark's SQL literal form of a value for messages: 300L, 1Y, 2S, 1.5D, 1.50BD, 'abc'.
std::string SqlValue(const std::string& text, const DataType& type);
[[noreturn]] void ThrowCastInvalidInput(const std::string& sql_value, const DataType& from, const DataType& to);
[[noreturn]] void ThrowCastOverflow(const std::string& sql_value, const DataType& from, const DataType& to);
[[noreturn]] void ThrowDecimalOutOfRange(const std::string& value, int precision, int scale);

}  // namespace lakestream
