#include "columnar/record_batch.h"

#include "columnar/array_builder.h"
#include "columnar/check.h"

namespace lakestream {

RecordBatch::RecordBatch(SchemaPtr schema, std::vector<ArrayPtr> columns, int64_t num_rows)
    : schema_(std::move(schema)), columns_(std::move(columns)), num_rows_(num_rows) {
  LS_CHECK_EQ(schema_->num_fields(), columns_.size());
  for (const auto& c : columns_) LS_CHECK_EQ(c->length(), num_rows_);
}

RecordBatchPtr RecordBatch::Make(SchemaPtr schema, std::vector<ArrayPtr> columns) {
  LS_CHECK(!columns.empty());
  int64_t rows = columns[0]->length();
  return std::make_shared<RecordBatch>(std::move(schema), std::move(columns), rows);
}

RecordBatchPtr RecordBatch::MakeEmptyColumns(SchemaPtr schema, int64_t num_rows) {
  return std::make_shared<RecordBatch>(std::move(schema), std::vector<ArrayPtr>{}, num_rows);
}

Row RecordBatch::GetRow(int64_t i) const {
  std::vector<Value> values;
  values.reserve(columns_.size());
  for (const auto& c : columns_) values.push_back(c->GetValue(i));
  return Row(std::move(values));
}

RecordBatchPtr RecordBatch::Slice(int64_t offset, int64_t length) const {
  std::vector<ArrayPtr> cols;
  for (const auto& c : columns_) cols.push_back(lakestream::Slice(c, offset, length));
  return std::make_shared<RecordBatch>(schema_, std::move(cols), length);
}

int64_t RecordBatch::MemoryUsage() const {
  int64_t bytes = 0;
  for (const auto& c : columns_) bytes += c->MemoryUsage();
  return bytes;
}

std::vector<Row> BatchesToRows(const std::vector<RecordBatchPtr>& batches) {
  std::vector<Row> rows;
  for (const auto& b : batches) {
    for (int64_t i = 0; i < b->num_rows(); ++i) rows.push_back(b->GetRow(i));
  }
  return rows;
}

std::vector<RecordBatchPtr> RowsToBatches(const SchemaPtr& schema, const std::vector<Row>& rows, int64_t batch_rows) {
  std::vector<RecordBatchPtr> batches;
  for (size_t start = 0; start < rows.size(); start += batch_rows) {
    size_t end = std::min(rows.size(), start + static_cast<size_t>(batch_rows));
    std::vector<ArrayPtr> cols;
    for (size_t c = 0; c < schema->num_fields(); ++c) {
      auto builder = ArrayBuilder::Make(schema->field(c).type);
      for (size_t r = start; r < end; ++r) {
        if (rows[r].size() != schema->num_fields()) {
          throw UserError("AMBIGUOUS_ROW_LENGTH", "42K0G",
                          "Row " + std::to_string(r) + " has " + std::to_string(rows[r].size()) +
                              " values but the schema has " + std::to_string(schema->num_fields()) + " fields.");
        }
        builder->Append(rows[r][c]);
      }
      cols.push_back(builder->Finish());
    }
    batches.push_back(std::make_shared<RecordBatch>(schema, std::move(cols), static_cast<int64_t>(end - start)));
  }
  return batches;
}

RecordBatchPtr ConcatenateBatches(const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches) {
  int64_t rows = 0;
  for (const auto& b : batches) rows += b->num_rows();
  std::vector<ArrayPtr> cols;
  for (size_t c = 0; c < schema->num_fields(); ++c) {
    std::vector<ArrayPtr> parts;
    for (const auto& b : batches) parts.push_back(b->column(c));
    cols.push_back(parts.empty() ? MakeNullArray(schema->field(c).type, 0) : Concatenate(parts));
  }
  return std::make_shared<RecordBatch>(schema, std::move(cols), rows);
}

}  // namespace lakestream
