#include "formats/json_reader.h"

#include <simdjson.h>

#include <optional>
#include <unordered_map>

#include "formats/json_record_iterator.h"
#include "formats/json_value_converter.h"
#include "formats/scan_layout.h"

namespace lakestream {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

class JsonSplitReader {
 public:
  JsonSplitReader(const FileSplit& split, const SchemaPtr& schema, const JsonOptions& options, const EvalContext& ctx)
      : split_(split),
        options_(options),
        layout_(schema, split, options.corrupt_record_column, ctx),
        conversion_(MakeTextConversion(options.date_format, options.timestamp_format, options.timestamp_ntz_format,
                                       options.time_zone, ctx)),
        converter_(&conversion_) {
    const auto& data = layout_.data_fields();
    for (size_t k = 0; k < data.size(); ++k) field_index_[schema->field(data[k]).name] = static_cast<int>(k);
    slots_.resize(data.size());
  }

  void Read(const BatchSink& sink) {
    SplitText text = SplitText::Load(split_, options_.line_sep, options_.multi_line, simdjson::SIMDJSON_PADDING);
    JsonRecordIterator records(text, options_.line_sep, options_.multi_line);
    StartBatch();
    std::string_view record;
    while (records.Next(&record)) {
      ReadRecord(record);
      if (rows_ >= kDefaultBatchRows && !Flush(sink)) return;
    }
    if (rows_ > 0) Flush(sink);
  }

 private:
  void StartBatch() {
    decoders_.clear();
    for (int f : layout_.data_fields()) decoders_.emplace_back(layout_.schema()->field(f).type, &conversion_);
    corrupt_ = std::make_unique<BinaryBuilder>(DataType::String());
    rows_ = 0;
    dropped_.clear();
  }

  bool Flush(const BatchSink& sink) {
    std::vector<ArrayPtr> columns;
    for (auto& d : decoders_) columns.push_back(d.Finish());
    ArrayPtr corrupt = corrupt_->Finish();
    int64_t rows = rows_;
    if (!dropped_.empty()) {
      std::vector<int32_t> keep;
      size_t next = 0;
      for (int32_t r = 0; r < rows_; ++r) {
        if (next < dropped_.size() && dropped_[next] == r) ++next;
        else keep.push_back(r);
      }
      for (auto& c : columns) c = Take(c, keep);
      corrupt = Take(corrupt, keep);
      rows = static_cast<int64_t>(keep.size());
    }
    RecordBatchPtr batch = layout_.Assemble(std::move(columns), std::move(corrupt), rows);
    StartBatch();
    if (rows == 0) return true;
    return sink(batch);
  }

  // One row from an object; false when a value did not convert.
  bool AppendObject(const element& object) {
    std::fill(slots_.begin(), slots_.end(), std::nullopt);
    simdjson::dom::object members = object.get_object().value_unsafe();
    for (auto kv : members) {
      auto it = field_index_.find(kv.key);
      if (it != field_index_.end()) slots_[it->second] = kv.value;  // later duplicates win, as in Spark
    }
    bool ok = true;
    for (size_t k = 0; k < decoders_.size(); ++k) {
      if (!slots_[k]) decoders_[k].AppendNull();
      else ok &= converter_.Append(*slots_[k], &decoders_[k]);
    }
    return ok;
  }

  void AppendNullRow() {
    for (auto& d : decoders_) d.AppendNull();
  }

  void AppendCorrupt(std::string_view record, bool corrupt) {
    if (corrupt) corrupt_->Append(record);
    else corrupt_->AppendNull();
    ++rows_;
  }

  void Malformed(std::string_view record, std::string_view why, bool row_started) {
    if (options_.mode == ParseMode::kFailFast) ThrowMalformedRecord(split_.path, record, why);
    if (options_.mode == ParseMode::kDropMalformed) {
      // A partly converted row is already in the builders: drop it at Flush.
      if (row_started) {
        dropped_.push_back(static_cast<int32_t>(rows_));
        AppendCorrupt(record, false);
      }
      return;
    }
    if (!row_started) AppendNullRow();
    AppendCorrupt(record, true);
  }

  void ReadRecord(std::string_view record) {
    element doc;
    auto error = parser_.parse(record.data(), record.size(), false).get(doc);
    if (error) return Malformed(record, simdjson::error_message(error), false);
    if (doc.type() == element_type::OBJECT) {
      if (AppendObject(doc)) AppendCorrupt(record, false);
      else Malformed(record, "a value does not convert to its field type", true);
      return;
    }
    if (doc.type() == element_type::ARRAY) {
      auto array = doc.get_array().value_unsafe();
      for (element item : array) {
        if (item.type() != element_type::OBJECT) return Malformed(record, "an array element is not an object", false);
      }
      for (element item : array) {
        if (AppendObject(item)) AppendCorrupt(record, false);
        else Malformed(record, "a value does not convert to its field type", true);
      }
      return;
    }
    Malformed(record, "the record is not a JSON object", false);
  }

  const FileSplit& split_;
  const JsonOptions& options_;
  ScanLayout layout_;
  TextConversion conversion_;
  JsonValueConverter converter_;
  simdjson::dom::parser parser_;
  std::unordered_map<std::string_view, int> field_index_;
  std::vector<std::optional<element>> slots_;
  std::vector<ColumnDecoder> decoders_;
  std::unique_ptr<BinaryBuilder> corrupt_;
  int64_t rows_ = 0;
  std::vector<int32_t> dropped_;  // rows to drop at Flush (DROPMALFORMED)
};

}  // namespace

void ReadJsonSplit(const FileSplit& split, const SchemaPtr& schema, const JsonOptions& options,
                   const EvalContext& ctx, const BatchSink& sink) {
  JsonSplitReader(split, schema, options, ctx).Read(sink);
}

}  // namespace lakestream
