#include "formats/csv_schema_inference.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "expr/datetime_format.h"
#include "formats/csv_reader.h"
#include "formats/csv_tokenizer.h"
#include "formats/inferred_type.h"
#include "formats/numeric_text.h"
#include "formats/split_text.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Infers one field's type given the column's type so far, trying the types in
// Spark's order: int, bigint, decimal, double, date, timestamp, boolean, string.
class CsvFieldTypeInference {
 public:
  CsvFieldTypeInference(const CsvOptions& options, const TextConversion& conversion)
      : options_(options), conversion_(conversion) {}

  DataTypePtr Infer(const DataTypePtr& so_far, std::string_view field) const {
    switch (so_far->id()) {
      case TypeId::kNull:
      case TypeId::kInt: return TryInt(field);
      case TypeId::kLong: return TryLong(field);
      case TypeId::kDecimal: return TryDecimal(field);
      case TypeId::kDouble: return TryDouble(field);
      case TypeId::kDate: return TryDate(field);
      case TypeId::kTimestamp: return TryTimestamp(field);
      case TypeId::kBoolean: return TryBoolean(field);
      default: return DataType::String();
    }
  }

 private:
  DataTypePtr TryInt(std::string_view f) const {
    return ParseJavaInteger(f, INT32_MIN, INT32_MAX) ? DataType::Int() : TryLong(f);
  }
  DataTypePtr TryLong(std::string_view f) const {
    return ParseJavaInteger(f, INT64_MIN, INT64_MAX) ? DataType::Long() : TryDecimal(f);
  }
  DataTypePtr TryDecimal(std::string_view f) const {
    // Values with a fractional part are decimals only with prefersDecimal.
    auto d = ParseDecimalText(f);
    if (d && d->scale >= 0 && d->precision() >= d->scale && d->precision() <= DataType::kMaxDecimalPrecision &&
        (d->scale == 0 || options_.prefers_decimal)) {
      return DataType::Decimal(d->precision(), d->scale);
    }
    return TryDouble(f);
  }
  DataTypePtr TryDouble(std::string_view f) const {
    if (ParseJavaDouble(f) || f == options_.nan_value || f == options_.positive_inf || f == options_.negative_inf) {
      return DataType::Double();
    }
    return options_.prefer_date ? TryDate(f) : TryTimestamp(f);
  }
  DataTypePtr TryDate(std::string_view f) const {
    bool ok;
    if (conversion_.date_format) {
      ok = conversion_.date_format->ParseDate(f).has_value();
    } else {
      // The default pattern yyyy-MM-dd is strict here: "2024-01-02 10:00" is a timestamp.
      ok = f.size() == 10 && f[4] == '-' && f[7] == '-' &&
           std::all_of(f.begin(), f.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); }) &&
           ParseDateDefault(f).has_value();
    }
    return ok ? DataType::Date() : TryTimestamp(f);
  }
  DataTypePtr TryTimestamp(std::string_view f) const {
    bool ok = conversion_.timestamp_format ? conversion_.timestamp_format->ParseTimestamp(f, *conversion_.time_zone).has_value()
                                           : ParseTimestampDefault(f, *conversion_.time_zone).has_value();
    return ok ? DataType::Timestamp() : TryBoolean(f);
  }
  DataTypePtr TryBoolean(std::string_view f) const {
    std::string l = Lower(std::string(f));
    return l == "true" || l == "false" ? DataType::Boolean() : DataType::String();
  }

  const CsvOptions& options_;
  const TextConversion& conversion_;
};

}  // namespace

std::vector<std::string> MakeSafeCsvHeader(const std::vector<std::string>& names, const CsvOptions& options) {
  std::map<std::string, int> counts;
  for (const auto& n : names) {
    if (!n.empty() && n != options.null_value) ++counts[Lower(n)];
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& n = names[i];
    if (n.empty() || n == options.null_value) out.push_back("_c" + std::to_string(i));
    else if (counts[Lower(n)] > 1) out.push_back(n + std::to_string(i));
    else out.push_back(n);
  }
  return out;
}

SchemaPtr InferCsvSchema(const std::vector<std::string>& files, const CsvOptions& options, const EvalContext& ctx) {
  if (files.empty()) {
    throw UserError("UNABLE_TO_INFER_SCHEMA", "42KD9", "Unable to infer schema for CSV. It must be specified manually.");
  }
  // Spark takes the column count (and the header) from the first non-empty file's first record.
  std::vector<std::string> first;
  for (const auto& f : files) {
    first = ReadCsvFirstRecord(f, options);
    if (!first.empty()) break;
  }
  std::vector<std::string> names;
  if (options.header) {
    names = MakeSafeCsvHeader(first, options);
  } else {
    for (size_t i = 0; i < first.size(); ++i) names.push_back("_c" + std::to_string(i));
  }
  std::vector<DataTypePtr> types(names.size(), DataType::Null());
  if (options.infer_schema) {
    TextConversion conversion = MakeTextConversion(options.date_format, options.timestamp_format,
                                                   options.timestamp_ntz_format, options.time_zone, ctx);
    CsvFieldTypeInference inference(options, conversion);
    for (const auto& file : files) {
      SplitText text = SplitText::Load(FileSplit{file}, options.line_sep, /*whole_file=*/true);
      std::string_view input(text.data.data(), text.end);
      CsvTokenizer tokenizer(options, input);
      if (input.starts_with("\xEF\xBB\xBF")) tokenizer.Seek(3);
      CsvTokens tokens;
      bool skip_header = options.header;
      while (true) {
        tokens.Clear();
        size_t n = tokenizer.NextBatch(kDefaultBatchRows, &tokens);
        if (n == 0) break;
        for (size_t r = skip_header ? 1 : 0; r < n; ++r) {
          size_t m = std::min(tokens.num_fields(r), types.size());
          for (size_t c = 0; c < m; ++c) {
            const CsvTokens::Field& f = tokens.field(r, c);
            std::string_view v = tokens.Text(f, input);
            if (v.empty() || v == options.null_value) continue;
            DataTypePtr t = inference.Infer(types[c], v);
            types[c] = MergeInferredTypes(types[c], t);
          }
        }
        skip_header = false;
      }
    }
  }
  std::vector<Field> fields;
  for (size_t i = 0; i < names.size(); ++i) {
    DataTypePtr t = types[i]->id() == TypeId::kNull ? DataType::String() : types[i];
    if (!options.infer_schema) t = DataType::String();
    fields.emplace_back(names[i], t, true);
  }
  return std::make_shared<Schema>(std::move(fields));
}

}  // namespace lakestream
