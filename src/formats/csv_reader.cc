#include "formats/csv_reader.h"

#include <strings.h>

#include "formats/column_decoder.h"
#include "formats/csv_tokenizer.h"
#include "formats/scan_layout.h"
#include "formats/split_text.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

size_t SkipBom(const SplitText& text) {
  return text.at_file_start && text.records().starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
}

// enforceSchema=false: the header must name the schema's columns in order.
void CheckHeader(const CsvTokens& tokens, std::string_view input, const ScanLayout& layout,
                 const std::string& file) {
  const Schema& schema = *layout.schema();
  size_t n = tokens.num_fields(0);
  bool ok = n == layout.data_fields().size();
  for (size_t i = 0; ok && i < n; ++i) {
    std::string name(tokens.Text(tokens.field(0, i), input));
    ok = strcasecmp(name.c_str(), schema.field(layout.data_fields()[i]).name.c_str()) == 0;
  }
  if (ok) return;
  std::string header(tokens.RecordText(0, input));
  std::string names;
  for (int f : layout.data_fields()) names += (names.empty() ? "" : ", ") + schema.field(f).name;
  throw UserError("CSV_HEADER_DOES_NOT_CONFORM_TO_SCHEMA", "22023",
                  "CSV header does not conform to the schema. Header: " + header + ". Schema: " + names +
                      ". CSV file: " + file + ".");
}

class CsvSplitReader {
 public:
  CsvSplitReader(const FileSplit& split, const SchemaPtr& schema, const CsvOptions& options, const EvalContext& ctx)
      : split_(split),
        options_(options),
        layout_(schema, split, options.corrupt_record_column, ctx),
        conversion_(MakeTextConversion(options.date_format, options.timestamp_format,
                                       options.timestamp_ntz_format, options.time_zone, ctx)) {
    conversion_.nan_value = options.nan_value;
    conversion_.positive_inf = options.positive_inf;
    conversion_.negative_inf = options.negative_inf;
    for (int f : layout_.data_fields()) {
      const DataTypePtr& type = schema->field(f).type;
      if (type->IsNested()) {
        throw UserError("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "0A000",
                        "The CSV datasource doesn't support the column `" + schema->field(f).name +
                            "` of the type \"" + type->ToSql() + "\".");
      }
    }
  }

  void Read(const BatchSink& sink) {
    text_ = SplitText::Load(split_, options_.line_sep, options_.multi_line);
    // The tokenizer sees the buffer from byte 0 so that field offsets index `input`;
    // records before `begin` belong to the previous split.
    std::string_view input(text_.data.data(), text_.end);
    CsvTokenizer tokenizer(options_, input);
    tokenizer.Seek(text_.begin + SkipBom(text_));
    CsvTokens tokens;
    if (options_.header && text_.at_file_start) {
      if (tokenizer.NextBatch(1, &tokens) == 1 && !options_.enforce_schema) {
        CheckHeader(tokens, input, layout_, split_.path);
      }
    }
    while (true) {
      tokens.Clear();
      size_t n = tokenizer.NextBatch(kDefaultBatchRows, &tokens);
      if (n == 0) return;
      RecordBatchPtr batch = Decode(tokens, input);
      if (batch->num_rows() > 0 && !sink(batch)) return;
    }
  }

 private:
  bool IsNull(const CsvTokens::Field& f, std::string_view* text) const {
    if (text->empty()) {
      if (!f.quoted) return true;
      *text = options_.empty_value;
    }
    return *text == options_.null_value;
  }

  RecordBatchPtr Decode(const CsvTokens& tokens, std::string_view input) {
    const Schema& schema = *layout_.schema();
    const size_t rows = tokens.num_records();
    const size_t ncols = layout_.data_fields().size();
    std::vector<uint8_t> bad(rows, 0);
    for (size_t r = 0; r < rows; ++r) bad[r] = tokens.num_fields(r) != ncols;
    std::vector<ArrayPtr> columns;
    columns.reserve(ncols);
    for (size_t c = 0; c < ncols; ++c) {
      ColumnDecoder decoder(schema.field(layout_.data_fields()[c]).type, &conversion_);
      for (size_t r = 0; r < rows; ++r) {
        if (c >= tokens.num_fields(r)) {
          decoder.AppendNull();
          continue;
        }
        const CsvTokens::Field& f = tokens.field(r, c);
        std::string_view text = tokens.Text(f, input);
        if (IsNull(f, &text)) {
          decoder.AppendNull();
        } else if (!decoder.AppendText(text)) {
          bad[r] = 1;
        }
      }
      columns.push_back(decoder.Finish());
    }
    size_t bad_count = 0;
    for (uint8_t b : bad) bad_count += b;
    if (bad_count == 0) return layout_.Assemble(std::move(columns), nullptr, static_cast<int64_t>(rows));
    if (options_.mode == ParseMode::kFailFast) {
      for (size_t r = 0; r < rows; ++r) {
        if (!bad[r]) continue;
        std::string why = tokens.num_fields(r) != ncols
                              ? "expected " + std::to_string(ncols) + " fields, found " +
                                    std::to_string(tokens.num_fields(r))
                              : "a value does not convert to its column type";
        ThrowMalformedRecord(split_.path, tokens.RecordText(r, input), why);
      }
    }
    if (options_.mode == ParseMode::kDropMalformed) {
      std::vector<int32_t> keep;
      keep.reserve(rows - bad_count);
      for (size_t r = 0; r < rows; ++r) {
        if (!bad[r]) keep.push_back(static_cast<int32_t>(r));
      }
      for (auto& col : columns) col = Take(col, keep);
      return layout_.Assemble(std::move(columns), nullptr, static_cast<int64_t>(keep.size()));
    }
    ArrayPtr corrupt;
    if (layout_.corrupt_field() >= 0) {
      BinaryBuilder builder(DataType::String(), static_cast<int64_t>(rows));
      for (size_t r = 0; r < rows; ++r) {
        if (bad[r]) builder.Append(tokens.RecordText(r, input));
        else builder.AppendNull();
      }
      corrupt = builder.Finish();
    }
    return layout_.Assemble(std::move(columns), std::move(corrupt), static_cast<int64_t>(rows));
  }

  const FileSplit& split_;
  const CsvOptions& options_;
  ScanLayout layout_;
  TextConversion conversion_;
  SplitText text_;
};

}  // namespace

void ReadCsvSplit(const FileSplit& split, const SchemaPtr& schema, const CsvOptions& options,
                  const EvalContext& ctx, const BatchSink& sink) {
  CsvSplitReader(split, schema, options, ctx).Read(sink);
}

std::vector<std::string> ReadCsvFirstRecord(const std::string& file, const CsvOptions& options) {
  // The first record straddles the first 64 KiB unless quoted fields span lines.
  FileSplit split{file, 0, 64 * 1024};
  SplitText text = SplitText::Load(split, options.line_sep, options.multi_line);
  std::string_view input(text.data.data(), text.end);
  CsvTokenizer tokenizer(options, input);
  tokenizer.Seek(SkipBom(text));
  CsvTokens tokens;
  std::vector<std::string> out;
  if (tokenizer.NextBatch(1, &tokens) == 0) return out;
  for (size_t i = 0; i < tokens.num_fields(0); ++i) out.emplace_back(tokens.Text(tokens.field(0, i), input));
  return out;
}

}  // namespace lakestream
