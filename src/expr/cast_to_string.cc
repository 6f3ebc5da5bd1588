// CAST(x AS STRING) for every type, in Spark's formats.
#include <charconv>

#include "columnar/array_builder.h"
#include "expr/cast_kernels.h"
#include "expr/datetime_format.h"
#include "expr/decimal_math.h"
#include "expr/interval_text.h"
#include "expr/java_number_format.h"
#include "expr/time_zone.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

template <typename T>
void AppendInteger(T v, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, r.ptr);
}

// Appends the text of a[i] (non-NULL). Nested values print NULL elements as
// "null", as Spark 3+ does.
void AppendText(const Array& a, int64_t i, const CastOptions& o, std::string* out) {
  switch (a.type_id()) {
    case TypeId::kNull: out->append("null"); return;
    case TypeId::kBoolean: out->append(a.GetBool(i) ? "true" : "false"); return;
    case TypeId::kByte: AppendInteger(a.values<int8_t>()[i], out); return;
    case TypeId::kShort: AppendInteger(a.values<int16_t>()[i], out); return;
    case TypeId::kInt: AppendInteger(a.values<int32_t>()[i], out); return;
    case TypeId::kLong: AppendInteger(a.values<int64_t>()[i], out); return;
    case TypeId::kFloat: out->append(FormatFloatJava(a.values<float>()[i])); return;
    case TypeId::kDouble: out->append(FormatDoubleJava(a.values<double>()[i])); return;
    case TypeId::kDecimal: out->append(decimal::ToString(a.values<int128_t>()[i], a.type()->scale())); return;
    case TypeId::kString:
    case TypeId::kBinary: out->append(a.GetView(i)); return;
    case TypeId::kDate: out->append(FormatDate(a.values<int32_t>()[i])); return;
    case TypeId::kTimestamp:
      out->append(FormatTimestampLocal(o.zone().UtcMicrosToLocal(a.values<int64_t>()[i])));
      return;
    case TypeId::kTimestampNtz: out->append(FormatTimestampLocal(a.values<int64_t>()[i])); return;
    case TypeId::kYearMonthInterval: out->append(interval::Format(a.values<int32_t>()[i], *a.type())); return;
    case TypeId::kDayTimeInterval: out->append(interval::Format(a.values<int64_t>()[i], *a.type())); return;
    case TypeId::kArray: {
      const Array& c = *a.child(0);
      out->push_back('[');
      for (int32_t j = a.offsets()[i]; j < a.offsets()[i + 1]; ++j) {
        if (j > a.offsets()[i]) out->append(", ");
        if (c.IsNull(j)) out->append("null"); else AppendText(c, j, o, out);
      }
      out->push_back(']');
      return;
    }
    case TypeId::kMap: {
      const Array& entries = *a.child(0);
      const Array& keys = *entries.child(0);
      const Array& values = *entries.child(1);
      out->push_back('{');
      for (int32_t j = a.offsets()[i]; j < a.offsets()[i + 1]; ++j) {
        if (j > a.offsets()[i]) out->append(", ");
        AppendText(keys, j, o, out);
        out->append(" -> ");
        if (values.IsNull(j)) out->append("null"); else AppendText(values, j, o, out);
      }
      out->push_back('}');
      return;
    }
    case TypeId::kStruct: {
      out->push_back('{');
      for (size_t f = 0; f < a.children().size(); ++f) {
        if (f) out->append(", ");
        const Array& c = *a.child(f);
        if (c.IsNull(i)) out->append("null"); else AppendText(c, i, o, out);
      }
      out->push_back('}');
      return;
    }
  }
  throw InternalError("CastToString: unsupported type " + a.type()->ToString());
}

}  // namespace

ArrayPtr CastToString(const ArrayPtr& input, const DataTypePtr& to, const CastOptions& o) {
  const Array& a = *input;
  BinaryBuilder b(to, a.length());
  std::string text;
  for (int64_t i = 0; i < a.length(); ++i) {
    if (a.IsNull(i)) {
      b.AppendNull();
      continue;
    }
    text.clear();
    AppendText(a, i, o, &text);
    b.Append(text);
  }
  return b.Finish();
}

}  // namespace lakestream
