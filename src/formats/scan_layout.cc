#include "formats/scan_layout.h"

#include <strings.h>

#include "formats/column_decoder.h"
#include "lakestream/error.h"

namespace lakestream {

Value PartitionValueAs(const DataTypePtr& type, const std::string& text, const EvalContext& ctx) {
  if (text == kHiveDefaultPartition) return Value();
  TextConversion conversion = MakeTextConversion(std::nullopt, std::nullopt, std::nullopt, std::nullopt, ctx);
  ColumnDecoder decoder(type, &conversion);
  return decoder.AppendText(text) ? decoder.Finish()->GetValue(0) : Value();
}

ScanLayout::ScanLayout(SchemaPtr schema, const FileSplit& split, const std::string& corrupt_record_column,
                       const EvalContext& ctx)
    : schema_(std::move(schema)) {
  for (size_t i = 0; i < schema_->num_fields(); ++i) {
    const Field& field = schema_->field(i);
    const std::pair<std::string, std::string>* partition = nullptr;
    for (const auto& pv : split.partition_values) {
      if (strcasecmp(pv.first.c_str(), field.name.c_str()) == 0) partition = &pv;
    }
    if (partition) {
      partition_fields_.emplace_back(static_cast<int>(i), PartitionValueAs(field.type, partition->second, ctx));
    } else if (field.name == corrupt_record_column) {
      if (field.type->id() != TypeId::kString) {
        throw UserError("INVALID_CORRUPT_RECORD_TYPE", "42804",
                        "The column `" + field.name + "` for corrupt records must have the nullable STRING type, "
                        "but got " + field.type->ToSql() + ".");
      }
      corrupt_field_ = static_cast<int>(i);
    } else {
      data_fields_.push_back(static_cast<int>(i));
    }
  }
}

RecordBatchPtr ScanLayout::Assemble(std::vector<ArrayPtr> data, ArrayPtr corrupt, int64_t rows) const {
  std::vector<ArrayPtr> columns(schema_->num_fields());
  for (size_t k = 0; k < data_fields_.size(); ++k) columns[data_fields_[k]] = std::move(data[k]);
  if (corrupt_field_ >= 0) {
    columns[corrupt_field_] = corrupt ? std::move(corrupt) : MakeNullArray(DataType::String(), rows);
  }
  for (const auto& [index, value] : partition_fields_) {
    columns[index] = MakeConstantArray(schema_->field(index).type, value, rows);
  }
  return std::make_shared<RecordBatch>(schema_, std::move(columns), rows);
}

}  // namespace lakestream
