#include "formats/json_schema_inference.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "formats/inferred_type.h"
#include "formats/json_record_iterator.h"
#include "formats/numeric_text.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

class JsonTypeInference {
 public:
  explicit JsonTypeInference(const JsonOptions& options) : options_(options) {}

  DataTypePtr Infer(const element& e) const {
    switch (e.type()) {
      case element_type::NULL_VALUE: return DataType::Null();
      case element_type::STRING: return DataType::String();
      case element_type::BOOL: return Scalar(DataType::Boolean());
      case element_type::INT64: return Scalar(DataType::Long());
      case element_type::UINT64: {
        // Beyond BIGINT: Spark's BigInteger becomes a decimal of its digits.
        auto digits = static_cast<int>(std::to_string(e.get_uint64().value_unsafe()).size());
        return Scalar(DataType::Decimal(digits, 0));
      }
      case element_type::DOUBLE: {
        if (!options_.prefers_decimal) return Scalar(DataType::Double());
        char buf[32];
        auto [p, ec] = std::to_chars(buf, buf + sizeof(buf), e.get_double().value_unsafe());
        auto d = ParseDecimalText(std::string_view(buf, p - buf));
        if (!d) return Scalar(DataType::Double());
        int scale = std::max(d->scale, 0);
        int precision = std::max(d->precision(), scale);
        if (d->scale < 0) precision += -d->scale;
        if (precision > DataType::kMaxDecimalPrecision) return Scalar(DataType::Double());
        return Scalar(DataType::Decimal(precision, scale));
      }
      case element_type::ARRAY: {
        DataTypePtr merged = DataType::Null();
        simdjson::dom::array items = e.get_array().value_unsafe();
        for (element item : items) merged = MergeInferredTypes(merged, Infer(item));
        return DataType::Array(merged, true);
      }
      case element_type::OBJECT: {
        std::map<std::string, DataTypePtr> fields;  // sorted by name, as Spark sorts
        simdjson::dom::object members = e.get_object().value_unsafe();
        for (auto kv : members) {
          DataTypePtr t = Infer(kv.value);
          auto [it, inserted] = fields.emplace(std::string(kv.key), t);
          if (!inserted) it->second = MergeInferredTypes(it->second, t);
        }
        std::vector<Field> out;
        for (auto& [name, type] : fields) out.emplace_back(name, type, true);
        return DataType::Struct(std::move(out));
      }
    }
    return DataType::String();
  }

 private:
  DataTypePtr Scalar(DataTypePtr t) const { return options_.primitives_as_string ? DataType::String() : t; }
  const JsonOptions& options_;
};

}  // namespace

SchemaPtr InferJsonSchema(const std::vector<std::string>& files, const JsonOptions& options) {
  if (files.empty()) {
    throw UserError("UNABLE_TO_INFER_SCHEMA", "42KD9", "Unable to infer schema for JSON. It must be specified manually.");
  }
  JsonTypeInference inference(options);
  simdjson::dom::parser parser;
  DataTypePtr root = DataType::Struct({});
  bool saw_malformed = false;
  for (const auto& file : files) {
    SplitText text = SplitText::Load(FileSplit{file}, options.line_sep, /*whole_file=*/true, simdjson::SIMDJSON_PADDING);
    JsonRecordIterator records(text, options.line_sep, options.multi_line);
    std::string_view record;
    while (records.Next(&record)) {
      element doc;
      auto error = parser.parse(record.data(), record.size(), false).get(doc);
      bool ok = !error;
      std::vector<element> objects;
      if (ok && doc.type() == element_type::OBJECT) {
        objects.push_back(doc);
      } else if (ok && doc.type() == element_type::ARRAY) {
        simdjson::dom::array items = doc.get_array().value_unsafe();
        for (element item : items) {
          if (item.type() != element_type::OBJECT) ok = false;
          objects.push_back(item);
        }
      } else {
        ok = false;
      }
      if (!ok) {
        if (options.mode == ParseMode::kFailFast) {
          ThrowMalformedRecord(file, record, error ? simdjson::error_message(error) : "the record is not a JSON object");
        }
        saw_malformed = true;
        continue;
      }
      for (const element& o : objects) root = MergeInferredTypes(root, inference.Infer(o));
    }
  }
  DataTypePtr canonical = CanonicalInferredType(root);
  std::vector<Field> fields = canonical ? canonical->fields() : std::vector<Field>{};
  if (saw_malformed && options.mode == ParseMode::kPermissive) {
    bool present = std::any_of(fields.begin(), fields.end(),
                               [&](const Field& f) { return f.name == options.corrupt_record_column; });
    if (!present) {
      fields.emplace_back(options.corrupt_record_column, DataType::String(), true);
      std::stable_sort(fields.begin(), fields.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
    }
  }
  return std::make_shared<Schema>(std::move(fields));
}

}  // namespace lakestream
