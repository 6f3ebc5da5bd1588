#include "formats/text_value_formatter.h"

#include <charconv>

#include "expr/cast.h"
#include "expr/datetime_format.h"
#include "expr/time_zone.h"

namespace lakestream {
namespace {

constexpr int64_t kMicrosPerDay = 86400LL * 1000000;

template <typename T>
void AppendInteger(T v, std::string* out) {
  char buf[24];
  auto [p, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, p);
}

}  // namespace

TextValueFormatter::TextValueFormatter(const std::optional<std::string>& date_format,
                                       const std::optional<std::string>& timestamp_format,
                                       const std::optional<std::string>& timestamp_ntz_format,
                                       const std::optional<std::string>& time_zone, const EvalContext& ctx)
    : ctx_(ctx) {
  if (time_zone) time_zone_ = TimeZone::Find(*time_zone);
  else time_zone_ = ctx.time_zone ? ctx.time_zone : TimeZone::Find(ctx.session_time_zone);
  if (date_format) date_format_ = DatetimeFormat::Compile(*date_format);
  timestamp_format_ = DatetimeFormat::Compile(timestamp_format.value_or("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
  timestamp_ntz_format_ = DatetimeFormat::Compile(timestamp_ntz_format.value_or("yyyy-MM-dd'T'HH:mm:ss.SSS"));
}

void TextValueFormatter::Append(const Array& array, int64_t i, std::string* out) const {
  switch (array.type_id()) {
    case TypeId::kBoolean: out->append(array.GetBool(i) ? "true" : "false"); return;
    case TypeId::kByte: AppendInteger(static_cast<int>(array.values<int8_t>()[i]), out); return;
    case TypeId::kShort: AppendInteger(static_cast<int>(array.values<int16_t>()[i]), out); return;
    case TypeId::kInt: AppendInteger(array.values<int32_t>()[i], out); return;
    case TypeId::kLong: AppendInteger(array.values<int64_t>()[i], out); return;
    case TypeId::kString:
    case TypeId::kBinary: out->append(array.GetView(i)); return;
    case TypeId::kDate: {
      int32_t days = array.values<int32_t>()[i];
      if (date_format_) out->append(date_format_->FormatTimestamp(days * kMicrosPerDay, *TimeZone::Utc()));
      else out->append(FormatDate(days));
      return;
    }
    case TypeId::kTimestamp:
      out->append(timestamp_format_->FormatTimestamp(array.values<int64_t>()[i], *time_zone_));
      return;
    case TypeId::kTimestampNtz:
      out->append(timestamp_ntz_format_->FormatTimestamp(array.values<int64_t>()[i], *TimeZone::Utc()));
      return;
    default:
      out->append(ValueToString(array.GetValue(i), *array.type(), ctx_));
      return;
  }
}

}  // namespace lakestream
