#include "expr/cast.h"

#include "columnar/array_builder.h"
#include "expr/cast_kernels.h"
#include "expr/time_zone.h"
#include "expr/type_coercion.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

bool IsScalarNumberLike(TypeId id) {
  return id == TypeId::kBoolean || (id >= TypeId::kByte && id <= TypeId::kDecimal);
}

bool IsDatetime(TypeId id) {
  return id == TypeId::kDate || id == TypeId::kTimestamp || id == TypeId::kTimestampNtz;
}

DataTypePtr MapEntries(const DataType& map) {
  return DataType::Struct({Field("key", map.key_type(), false), Field("value", map.value_type(), map.value_contains_null())});
}

ArrayPtr CastNested(const ArrayPtr& input, const DataTypePtr& to, bool is_try, const EvalContext& ctx) {
  const Array& a = *input;
  switch (to->id()) {
    case TypeId::kArray: {
      ArrayPtr elements = CastArray(a.child(0), to->element_type(), is_try, ctx);
      return std::make_shared<Array>(to, a.length(), a.buffers(), std::vector<ArrayPtr>{elements}, a.null_count());
    }
    case TypeId::kMap: {
      ArrayPtr entries = CastArray(a.child(0), MapEntries(*to), is_try, ctx);
      return std::make_shared<Array>(to, a.length(), a.buffers(), std::vector<ArrayPtr>{entries}, a.null_count());
    }
    case TypeId::kStruct: {
      std::vector<ArrayPtr> fields;
      for (size_t i = 0; i < to->fields().size(); ++i) {
        fields.push_back(CastArray(a.child(i), to->fields()[i].type, is_try, ctx));
      }
      return std::make_shared<Array>(to, a.length(), a.buffers(), std::move(fields), a.null_count());
    }
    default:
      break;
  }
  throw InternalError("CastNested: " + a.type()->ToString() + " to " + to->ToString());
}

}  // namespace

const TimeZone& CastOptions::zone() const {
  return ctx.time_zone ? *ctx.time_zone : *TimeZone::Find(ctx.session_time_zone);
}

bool CanCast(const DataType& from, const DataType& to) {
  if (from.Equals(to) || from.id() == TypeId::kNull) return true;
  const TypeId f = from.id(), t = to.id();
  if (t == TypeId::kString) return true;
  if (f == TypeId::kString) return !to.IsNested() && t != TypeId::kNull;
  if (IsScalarNumberLike(f) && IsScalarNumberLike(t)) return true;
  // Numbers are seconds since the epoch as TIMESTAMP (Spark's canAnsiCast).
  if (from.IsNumeric() && t == TypeId::kTimestamp) return true;
  if (f == TypeId::kTimestamp && to.IsNumeric()) return true;
  if (IsDatetime(f) && IsDatetime(t)) return true;
  // Within one interval family (Spark truncates to the target's end field).
  if (from.IsInterval() && f == t) return true;
  // A single-field interval and an integral or decimal number (Spark 3.3+).
  if (IsIntervalNumberCast(from, to)) return true;
  if (f != t) return false;
  switch (f) {
    case TypeId::kArray: return CanCast(*from.element_type(), *to.element_type());
    case TypeId::kMap: return CanCast(*from.key_type(), *to.key_type()) && CanCast(*from.value_type(), *to.value_type());
    case TypeId::kStruct: {
      if (from.fields().size() != to.fields().size()) return false;
      for (size_t i = 0; i < from.fields().size(); ++i) {
        if (!CanCast(*from.fields()[i].type, *to.fields()[i].type)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

ArrayPtr CastArray(const ArrayPtr& input, const DataTypePtr& to, bool is_try, const EvalContext& ctx) {
  const DataType& from = *input->type();
  if (from.Equals(*to)) return input;
  if (from.id() == TypeId::kNull) return MakeNullArray(to, input->length());
  if (!CanCast(from, *to)) {
    throw UserError("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", "42K09",
                    "Cannot cast " + QuotedSqlType(from) + " to " + QuotedSqlType(*to) + ".");
  }
  CastOptions o{ctx, is_try};
  if (to->id() == TypeId::kString) return CastToString(input, to, o);
  if (from.id() == TypeId::kString) return CastFromString(input, to, o);
  if (from.IsNested()) return CastNested(input, to, is_try, ctx);
  if (IsIntervalNumberCast(from, *to)) return CastIntervalNumber(input, to, o);
  if (from.IsInterval()) return CastInterval(input, to);
  return CastScalar(input, to, o);
}

std::string ValueToString(const Value& value, const DataType& type, const EvalContext& ctx) {
  if (value.is_null()) return "NULL";
  if (type.id() == TypeId::kString || type.id() == TypeId::kBinary) return value.as_string();
  // One code path for arrays and single values: a one-row array.
  DataTypePtr t(&type, [](const DataType*) {});
  ArrayPtr one = MakeArrayFromValues(t, {value});
  ArrayPtr s = CastArray(one, DataType::String(), false, ctx);
  return std::string(s->GetView(0));
}

std::string SqlValue(const std::string& text, const DataType& type) {
  switch (type.id()) {
    case TypeId::kByte: return text + "Y";
    case TypeId::kShort: return text + "S";
    case TypeId::kLong: return text + "L";
    case TypeId::kDouble: return text + "D";
    case TypeId::kDecimal: return text + "BD";
    case TypeId::kString: return "'" + text + "'";
    case TypeId::kDate: return "DATE '" + text + "'";
    case TypeId::kTimestamp: return "TIMESTAMP '" + text + "'";
    case TypeId::kTimestampNtz: return "TIMESTAMP_NTZ '" + text + "'";
    case TypeId::kYearMonthInterval:
    case TypeId::kDayTimeInterval: return text;  // already INTERVAL '...' <qualifier>
    default: return text;
  }
}

void ThrowCastInvalidInput(const std::string& sql_value, const DataType& from, const DataType& to) {
  throw UserError("CAST_INVALID_INPUT", "22018",
                  "The value " + sql_value + " of the type " + QuotedSqlType(from) + " cannot be cast to " +
                      QuotedSqlType(to) +
                      " because it is malformed. Correct the value as per the syntax, or change its target type. "
                      "Use `try_cast` to tolerate malformed input and return NULL instead. If necessary set "
                      "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
}

void ThrowCastOverflow(const std::string& sql_value, const DataType& from, const DataType& to) {
  throw UserError("CAST_OVERFLOW", "22003",
                  "The value " + sql_value + " of the type " + QuotedSqlType(from) + " cannot be cast to " +
                      QuotedSqlType(to) +
                      " due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. If "
                      "necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
}

void ThrowDecimalOutOfRange(const std::string& value, int precision, int scale) {
  throw UserError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", "22003",
                  value + " cannot be represented as Decimal(" + std::to_string(precision) + ", " +
                      std::to_string(scale) +
                      "). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and "
                      "return NULL instead.");
}

}  // namespace lakestream
