// TextValueFormatter: renders scalar values as text for the CSV and JSON
// writers, as Spark does: CAST(x AS STRING) forms, dates with dateFormat
// (yyyy-MM-dd) and timestamps with timestampFormat (default
// yyyy-MM-dd'T'HH:mm:ss.SSSXXX, in the session zone).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "columnar/array.h"
#include "expr/eval_context.h"

namespace lakestream {

class DatetimeFormat;
class TimeZone;

class TextValueFormatter {
 public:
  TextValueFormatter(const std::optional<std::string>& date_format, const std::optional<std::string>& timestamp_format,
                     const std::optional<std::string>& timestamp_ntz_format,
                     const std::optional<std::string>& time_zone, const EvalContext& ctx);

  // Appends the text of non-NULL row `i` of scalar `array` to `out`.
  void Append(const Array& array, int64_t i, std::string* out) const;

 private:
  const EvalContext& ctx_;
  const TimeZone* time_zone_;
  std::shared_ptr<const DatetimeFormat> date_format_;  // null: yyyy-MM-dd
  std::shared_ptr<const DatetimeFormat> timestamp_format_;
  std::shared_ptr<const DatetimeFormat> timestamp_ntz_format_;
};

}  // namespace lakestream
