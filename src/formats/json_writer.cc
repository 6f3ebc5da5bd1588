#include "formats/json_writer.h"

#include <cmath>

#include "expr/cast.h"
#include "formats/atomic_file_writer.h"
#include "formats/text_value_formatter.h"

namespace lakestream {
namespace {

void AppendBase64(std::string_view bytes, std::string* out) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8) |
                 static_cast<uint8_t>(bytes[i + 2]);
    out->push_back(kAlphabet[v >> 18]);
    out->push_back(kAlphabet[(v >> 12) & 63]);
    out->push_back(kAlphabet[(v >> 6) & 63]);
    out->push_back(kAlphabet[v & 63]);
  }
  if (i < bytes.size()) {
    uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    out->push_back(kAlphabet[v >> 18]);
    out->push_back(kAlphabet[(v >> 12) & 63]);
    out->push_back(i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out->push_back('=');
  }
}

class JsonRowWriter {
 public:
  JsonRowWriter(const JsonOptions& options, const EvalContext& ctx)
      : options_(options),
        ctx_(ctx),
        formatter_(options.date_format, options.timestamp_format, options.timestamp_ntz_format, options.time_zone,
                   ctx) {}

  // Appends row `i` of `array` (which may be nested) as JSON.
  void AppendValue(const Array& array, int64_t i, std::string* out) const {
    if (array.IsNull(i)) {
      out->append("null");
      return;
    }
    switch (array.type_id()) {
      case TypeId::kBoolean:
      case TypeId::kByte:
      case TypeId::kShort:
      case TypeId::kInt:
      case TypeId::kLong:
      case TypeId::kDecimal:
        formatter_.Append(array, i, out);
        return;
      case TypeId::kFloat:
      case TypeId::kDouble: {
        double v = array.type_id() == TypeId::kFloat ? array.values<float>()[i] : array.values<double>()[i];
        std::string text = ValueToString(array.GetValue(i), *array.type(), ctx_);
        // JSON has no NaN or infinities; Jackson quotes them.
        if (std::isfinite(v)) out->append(text);
        else AppendJsonString(text, out);
        return;
      }
      case TypeId::kBinary: {
        out->push_back('"');
        AppendBase64(array.GetView(i), out);
        out->push_back('"');
        return;
      }
      case TypeId::kArray: {
        const int32_t* offsets = array.offsets();
        out->push_back('[');
        for (int32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
          if (k > offsets[i]) out->push_back(',');
          AppendValue(*array.child(0), k, out);
        }
        out->push_back(']');
        return;
      }
      case TypeId::kMap: {
        const int32_t* offsets = array.offsets();
        const Array& entries = *array.child(0);
        out->push_back('{');
        for (int32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
          if (k > offsets[i]) out->push_back(',');
          scratch_.clear();
          formatter_.Append(*entries.child(0), k, &scratch_);
          AppendJsonString(scratch_, out);
          out->push_back(':');
          AppendValue(*entries.child(1), k, out);
        }
        out->push_back('}');
        return;
      }
      case TypeId::kStruct: {
        AppendStruct(array.type()->fields(), array.children(), i, out);
        return;
      }
      default: {
        scratch_.clear();
        formatter_.Append(array, i, &scratch_);
        AppendJsonString(scratch_, out);
        return;
      }
    }
  }

  void AppendStruct(const std::vector<Field>& fields, const std::vector<ArrayPtr>& columns, int64_t i,
                    std::string* out) const {
    out->push_back('{');
    bool first = true;
    for (size_t c = 0; c < fields.size(); ++c) {
      if (options_.ignore_null_fields && columns[c]->IsNull(i)) continue;
      if (!first) out->push_back(',');
      first = false;
      AppendJsonString(fields[c].name, out);
      out->push_back(':');
      AppendValue(*columns[c], i, out);
    }
    out->push_back('}');
  }

 private:
  const JsonOptions& options_;
  const EvalContext& ctx_;
  TextValueFormatter formatter_;
  mutable std::string scratch_;
};

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

void WriteJsonFile(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                   const JsonOptions& options, const EvalContext& ctx) {
  JsonRowWriter row_writer(options, ctx);
  const std::string line_sep = options.line_sep.empty() ? "\n" : options.line_sep;
  AtomicFileWriter writer(path);
  std::string line;
  for (const auto& batch : batches) {
    for (int64_t r = 0; r < batch->num_rows(); ++r) {
      line.clear();
      row_writer.AppendStruct(schema->fields(), batch->columns(), r, &line);
      line += line_sep;
      writer.Append(line);
    }
  }
  writer.Commit();
}

}  // namespace lakestream
