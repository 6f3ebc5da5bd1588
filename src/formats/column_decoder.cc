#include "formats/column_decoder.h"

#include <cmath>
#include <limits>

#include "expr/datetime_format.h"
#include "expr/interval_text.h"
#include "expr/time_zone.h"
#include "formats/numeric_text.h"
#include "lakestream/error.h"

namespace lakestream {

TextConversion MakeTextConversion(const std::optional<std::string>& date_format,
                                  const std::optional<std::string>& timestamp_format,
                                  const std::optional<std::string>& timestamp_ntz_format,
                                  const std::optional<std::string>& time_zone, const EvalContext& ctx) {
  TextConversion c;
  if (time_zone) c.time_zone = TimeZone::Find(*time_zone);
  else c.time_zone = ctx.time_zone ? ctx.time_zone : TimeZone::Find(ctx.session_time_zone);
  if (date_format) c.date_format = DatetimeFormat::Compile(*date_format);
  if (timestamp_format) c.timestamp_format = DatetimeFormat::Compile(*timestamp_format);
  if (timestamp_ntz_format) c.timestamp_ntz_format = DatetimeFormat::Compile(*timestamp_ntz_format);
  return c;
}

// One builder per physical layout; only the one matching the type is used.
struct ColumnDecoder::Builders {
  std::unique_ptr<BooleanBuilder> boolean;
  std::unique_ptr<PrimitiveBuilder<int8_t>> i8;
  std::unique_ptr<PrimitiveBuilder<int16_t>> i16;
  std::unique_ptr<PrimitiveBuilder<int32_t>> i32;  // INT, DATE
  std::unique_ptr<PrimitiveBuilder<int64_t>> i64;  // BIGINT, TIMESTAMP(_NTZ)
  std::unique_ptr<PrimitiveBuilder<float>> f32;
  std::unique_ptr<PrimitiveBuilder<double>> f64;
  std::unique_ptr<PrimitiveBuilder<int128_t>> dec;
  std::unique_ptr<BinaryBuilder> binary;
  std::unique_ptr<ArrayBuilder> nested;  // ARRAY, STRUCT, MAP, NULL
};

ColumnDecoder::ColumnDecoder(DataTypePtr type, const TextConversion* conversion)
    : type_(std::move(type)), conversion_(conversion), builders_(std::make_unique<Builders>()) {
  Builders& b = *builders_;
  switch (type_->id()) {
    case TypeId::kBoolean: b.boolean = std::make_unique<BooleanBuilder>(); break;
    case TypeId::kByte: b.i8 = std::make_unique<PrimitiveBuilder<int8_t>>(type_); break;
    case TypeId::kShort: b.i16 = std::make_unique<PrimitiveBuilder<int16_t>>(type_); break;
    case TypeId::kInt:
    case TypeId::kDate:
    case TypeId::kYearMonthInterval: b.i32 = std::make_unique<PrimitiveBuilder<int32_t>>(type_); break;
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz:
    case TypeId::kDayTimeInterval: b.i64 = std::make_unique<PrimitiveBuilder<int64_t>>(type_); break;
    case TypeId::kFloat: b.f32 = std::make_unique<PrimitiveBuilder<float>>(type_); break;
    case TypeId::kDouble: b.f64 = std::make_unique<PrimitiveBuilder<double>>(type_); break;
    case TypeId::kDecimal: b.dec = std::make_unique<PrimitiveBuilder<int128_t>>(type_); break;
    case TypeId::kString:
    case TypeId::kBinary: b.binary = std::make_unique<BinaryBuilder>(type_); break;
    default: b.nested = ArrayBuilder::Make(type_); break;
  }
}

ColumnDecoder::~ColumnDecoder() = default;
ColumnDecoder::ColumnDecoder(ColumnDecoder&&) noexcept = default;

void ColumnDecoder::AppendNull() {
  Builders& b = *builders_;
  switch (type_->id()) {
    case TypeId::kBoolean: b.boolean->AppendNull(); break;
    case TypeId::kByte: b.i8->AppendNull(); break;
    case TypeId::kShort: b.i16->AppendNull(); break;
    case TypeId::kInt:
    case TypeId::kDate:
    case TypeId::kYearMonthInterval: b.i32->AppendNull(); break;
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz:
    case TypeId::kDayTimeInterval: b.i64->AppendNull(); break;
    case TypeId::kFloat: b.f32->AppendNull(); break;
    case TypeId::kDouble: b.f64->AppendNull(); break;
    case TypeId::kDecimal: b.dec->AppendNull(); break;
    case TypeId::kString:
    case TypeId::kBinary: b.binary->AppendNull(); break;
    default: b.nested->AppendNull(); break;
  }
}

namespace {

std::optional<double> ParseSpecialDouble(std::string_view text, const TextConversion& c) {
  if (text == c.nan_value) return std::numeric_limits<double>::quiet_NaN();
  if (text == c.positive_inf) return HUGE_VAL;
  if (text == c.negative_inf) return -HUGE_VAL;
  return ParseJavaDouble(text);
}

// Scala's String.toBoolean: "true"/"false" in any case.
std::optional<bool> ParseBoolText(std::string_view text) {
  auto eq = [&](std::string_view word) {
    if (text.size() != word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      if ((text[i] | 0x20) != word[i]) return false;
    }
    return true;
  };
  if (eq("true")) return true;
  if (eq("false")) return false;
  return std::nullopt;
}

}  // namespace

std::optional<Value> ParseTextValue(std::string_view text, const DataType& type, const TextConversion& c) {
  auto as_value = [](auto v) -> std::optional<Value> {
    if (!v) return std::nullopt;
    return Value(static_cast<int64_t>(*v));
  };
  switch (type.id()) {
    case TypeId::kBoolean: {
      auto v = ParseBoolText(text);
      if (!v) return std::nullopt;
      return Value(*v);
    }
    case TypeId::kByte: return as_value(ParseJavaInteger(text, INT8_MIN, INT8_MAX));
    case TypeId::kShort: return as_value(ParseJavaInteger(text, INT16_MIN, INT16_MAX));
    case TypeId::kInt: return as_value(ParseJavaInteger(text, INT32_MIN, INT32_MAX));
    case TypeId::kLong: return as_value(ParseJavaInteger(text, INT64_MIN, INT64_MAX));
    case TypeId::kFloat:
    case TypeId::kDouble: {
      auto v = ParseSpecialDouble(text, c);
      if (!v) return std::nullopt;
      return Value(type.id() == TypeId::kFloat ? static_cast<double>(static_cast<float>(*v)) : *v);
    }
    case TypeId::kDecimal: {
      auto d = ParseDecimalText(text);
      if (!d) return std::nullopt;
      auto v = RescaleDecimal(*d, type.precision(), type.scale());
      if (!v) return std::nullopt;
      return Value::Decimal(*v);
    }
    case TypeId::kString:
    case TypeId::kBinary: return Value(text);
    case TypeId::kDate: return as_value(c.date_format ? c.date_format->ParseDate(text) : ParseDateDefault(text));
    case TypeId::kTimestamp:
      return as_value(c.timestamp_format ? c.timestamp_format->ParseTimestamp(text, *c.time_zone)
                                         : ParseTimestampDefault(text, *c.time_zone));
    case TypeId::kTimestampNtz:
      return as_value(c.timestamp_ntz_format ? c.timestamp_ntz_format->ParseTimestamp(text, *TimeZone::Utc())
                                             : ParseTimestampNtzDefault(text));
    case TypeId::kYearMonthInterval:
    case TypeId::kDayTimeInterval: return as_value(interval::ParseCast(text, type));
    default: return std::nullopt;
  }
}

bool ColumnDecoder::AppendText(std::string_view text) {
  Builders& b = *builders_;
  const TextConversion& c = *conversion_;
  switch (type_->id()) {
    case TypeId::kBoolean: {
      auto v = ParseBoolText(text);
      if (!v) break;
      b.boolean->Append(*v);
      return true;
    }
    case TypeId::kByte: {
      auto v = ParseJavaInteger(text, INT8_MIN, INT8_MAX);
      if (!v) break;
      b.i8->Append(static_cast<int8_t>(*v));
      return true;
    }
    case TypeId::kShort: {
      auto v = ParseJavaInteger(text, INT16_MIN, INT16_MAX);
      if (!v) break;
      b.i16->Append(static_cast<int16_t>(*v));
      return true;
    }
    case TypeId::kInt: {
      auto v = ParseJavaInteger(text, INT32_MIN, INT32_MAX);
      if (!v) break;
      b.i32->Append(static_cast<int32_t>(*v));
      return true;
    }
    case TypeId::kLong: {
      auto v = ParseJavaInteger(text, INT64_MIN, INT64_MAX);
      if (!v) break;
      b.i64->Append(*v);
      return true;
    }
    case TypeId::kFloat: {
      auto v = ParseSpecialDouble(text, c);
      if (!v) break;
      b.f32->Append(static_cast<float>(*v));
      return true;
    }
    case TypeId::kDouble: {
      auto v = ParseSpecialDouble(text, c);
      if (!v) break;
      b.f64->Append(*v);
      return true;
    }
    case TypeId::kDecimal: {
      auto d = ParseDecimalText(text);
      if (!d) break;
      auto v = RescaleDecimal(*d, type_->precision(), type_->scale());
      if (!v) break;
      b.dec->Append(*v);
      return true;
    }
    case TypeId::kString:
    case TypeId::kBinary:
      b.binary->Append(text);
      return true;
    case TypeId::kDate: {
      auto v = c.date_format ? c.date_format->ParseDate(text) : ParseDateDefault(text);
      if (!v) break;
      b.i32->Append(*v);
      return true;
    }
    case TypeId::kTimestamp: {
      auto v = c.timestamp_format ? c.timestamp_format->ParseTimestamp(text, *c.time_zone)
                                  : ParseTimestampDefault(text, *c.time_zone);
      if (!v) break;
      b.i64->Append(*v);
      return true;
    }
    case TypeId::kTimestampNtz: {
      // A pattern parse in UTC keeps the wall-clock fields as they are.
      auto v = c.timestamp_ntz_format ? c.timestamp_ntz_format->ParseTimestamp(text, *TimeZone::Utc())
                                      : ParseTimestampNtzDefault(text);
      if (!v) break;
      b.i64->Append(*v);
      return true;
    }
    // The display form Spark writes (INTERVAL '1 02:03' DAY TO MINUTE) or the bare value ('1 02:03').
    case TypeId::kYearMonthInterval: {
      auto v = interval::ParseCast(text, *type_);
      if (!v) break;
      b.i32->Append(static_cast<int32_t>(*v));
      return true;
    }
    case TypeId::kDayTimeInterval: {
      auto v = interval::ParseCast(text, *type_);
      if (!v) break;
      b.i64->Append(*v);
      return true;
    }
    default:
      break;
  }
  AppendNull();
  return false;
}

bool ColumnDecoder::AppendInt64(int64_t v) {
  Builders& b = *builders_;
  switch (type_->id()) {
    case TypeId::kByte:
      if (v < INT8_MIN || v > INT8_MAX) break;
      b.i8->Append(static_cast<int8_t>(v));
      return true;
    case TypeId::kShort:
      if (v < INT16_MIN || v > INT16_MAX) break;
      b.i16->Append(static_cast<int16_t>(v));
      return true;
    case TypeId::kInt:
      if (v < INT32_MIN || v > INT32_MAX) break;
      b.i32->Append(static_cast<int32_t>(v));
      return true;
    case TypeId::kLong: b.i64->Append(v); return true;
    case TypeId::kFloat: b.f32->Append(static_cast<float>(v)); return true;
    case TypeId::kDouble: b.f64->Append(static_cast<double>(v)); return true;
    case TypeId::kDecimal: {
      DecimalText d;
      d.negative = v < 0;
      uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
      if (mag != 0) d.digits = std::to_string(mag);
      auto r = RescaleDecimal(d, type_->precision(), type_->scale());
      if (!r) break;
      b.dec->Append(*r);
      return true;
    }
    case TypeId::kTimestamp: {
      // JSON numbers for timestamps are seconds since the epoch, as in Spark.
      if (v > INT64_MAX / 1000000 || v < INT64_MIN / 1000000) break;
      b.i64->Append(v * 1000000);
      return true;
    }
    default: break;
  }
  AppendNull();
  return false;
}

bool ColumnDecoder::AppendDouble(double v) {
  Builders& b = *builders_;
  switch (type_->id()) {
    case TypeId::kFloat: b.f32->Append(static_cast<float>(v)); return true;
    case TypeId::kDouble: b.f64->Append(v); return true;
    default: break;
  }
  AppendNull();
  return false;
}

bool ColumnDecoder::AppendBool(bool v) {
  if (type_->id() != TypeId::kBoolean) {
    AppendNull();
    return false;
  }
  builders_->boolean->Append(v);
  return true;
}

void ColumnDecoder::AppendValue(const Value& v) {
  Builders& b = *builders_;
  if (b.nested) {
    v.is_null() ? b.nested->AppendNull() : b.nested->Append(v);
    return;
  }
  if (v.is_null()) {
    AppendNull();
    return;
  }
  switch (type_->id()) {
    case TypeId::kBoolean: b.boolean->Append(v.as_bool()); break;
    case TypeId::kByte: b.i8->Append(static_cast<int8_t>(v.as_int())); break;
    case TypeId::kShort: b.i16->Append(static_cast<int16_t>(v.as_int())); break;
    case TypeId::kInt:
    case TypeId::kDate:
    case TypeId::kYearMonthInterval: b.i32->Append(static_cast<int32_t>(v.as_int())); break;
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz:
    case TypeId::kDayTimeInterval: b.i64->Append(v.as_int()); break;
    case TypeId::kFloat: b.f32->Append(static_cast<float>(v.as_double())); break;
    case TypeId::kDouble: b.f64->Append(v.as_double()); break;
    case TypeId::kDecimal: b.dec->Append(v.as_decimal()); break;
    default: b.binary->Append(v.as_string()); break;
  }
}

int64_t ColumnDecoder::length() const {
  const Builders& b = *builders_;
  switch (type_->id()) {
    case TypeId::kBoolean: return b.boolean->length();
    case TypeId::kByte: return b.i8->length();
    case TypeId::kShort: return b.i16->length();
    case TypeId::kInt:
    case TypeId::kDate:
    case TypeId::kYearMonthInterval: return b.i32->length();
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz:
    case TypeId::kDayTimeInterval: return b.i64->length();
    case TypeId::kFloat: return b.f32->length();
    case TypeId::kDouble: return b.f64->length();
    case TypeId::kDecimal: return b.dec->length();
    case TypeId::kString:
    case TypeId::kBinary: return b.binary->length();
    default: return b.nested->length();
  }
}

ArrayPtr ColumnDecoder::Finish() {
  Builders& b = *builders_;
  switch (type_->id()) {
    case TypeId::kBoolean: return b.boolean->Finish();
    case TypeId::kByte: return b.i8->Finish();
    case TypeId::kShort: return b.i16->Finish();
    case TypeId::kInt:
    case TypeId::kDate:
    case TypeId::kYearMonthInterval: return b.i32->Finish();
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz:
    case TypeId::kDayTimeInterval: return b.i64->Finish();
    case TypeId::kFloat: return b.f32->Finish();
    case TypeId::kDouble: return b.f64->Finish();
    case TypeId::kDecimal: return b.dec->Finish();
    case TypeId::kString:
    case TypeId::kBinary: return b.binary->Finish();
    default: return b.nested->Finish();
  }
}

}  // namespace lakestream
