// ColumnDecoder: builds one typed column from decoded input values (CSV
// fields, JSON scalars), converting text with Spark's reader rules. A failed
// conversion appends NULL and returns false so that the reader can treat the
// record as malformed.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "columnar/array_builder.h"
#include "expr/eval_context.h"

namespace lakestream {

class DatetimeFormat;
class TimeZone;

// How text becomes dates, timestamps and special doubles (shared by a reader's columns).
struct TextConversion {
  const TimeZone* time_zone = nullptr;                      // never null once built
  std::shared_ptr<const DatetimeFormat> date_format;        // null: lenient default parsing
  std::shared_ptr<const DatetimeFormat> timestamp_format;   // null: lenient default parsing
  std::shared_ptr<const DatetimeFormat> timestamp_ntz_format;
  std::string nan_value = "NaN";
  std::string positive_inf = "Inf";
  std::string negative_inf = "-Inf";
};

// Compiles a reader's dateFormat/timestampFormat/timestampNTZFormat patterns
// (unset: lenient default parsing) and resolves its timeZone option (unset:
// the session zone). Throws UserError for invalid patterns or zones.
TextConversion MakeTextConversion(const std::optional<std::string>& date_format,
                                  const std::optional<std::string>& timestamp_format,
                                  const std::optional<std::string>& timestamp_ntz_format,
                                  const std::optional<std::string>& time_zone, const EvalContext& ctx);

// One text value as a Value of scalar `type` (the rules of AppendText), for
// values nested in arrays and structs; nullopt when it does not convert.
std::optional<Value> ParseTextValue(std::string_view text, const DataType& type, const TextConversion& conversion);

class ColumnDecoder {
 public:
  // `conversion` must outlive the decoder. Nested types accept only AppendValue.
  ColumnDecoder(DataTypePtr type, const TextConversion* conversion);
  ~ColumnDecoder();
  ColumnDecoder(ColumnDecoder&&) noexcept;

  const DataTypePtr& type() const { return type_; }
  void AppendNull();
  // Parses text as the column type (numbers as Java does, dates and
  // timestamps with the TextConversion formats).
  bool AppendText(std::string_view text);
  // JSON scalars: range-checked for narrower integers and decimals.
  bool AppendInt64(int64_t v);
  bool AppendDouble(double v);
  bool AppendBool(bool v);
  // A value already of this column's type (nested JSON values).
  void AppendValue(const Value& v);
  int64_t length() const;
  ArrayPtr Finish();

 private:
  struct Builders;
  DataTypePtr type_;
  const TextConversion* conversion_;
  std::unique_ptr<Builders> builders_;
};

}  // namespace lakestream
