// RecordBatch: a schema and equal-length columns; the unit operators exchange.
#pragma once

#include <memory>
#include <vector>

#include "columnar/array.h"

namespace lakestream {

class RecordBatch;
using RecordBatchPtr = std::shared_ptr<const RecordBatch>;

// Rows per batch that sources aim for.
inline constexpr int64_t kDefaultBatchRows = 4096;

class RecordBatch {
 public:
  // Checks that columns match the schema's count and have num_rows rows each.
  RecordBatch(SchemaPtr schema, std::vector<ArrayPtr> columns, int64_t num_rows);
  static RecordBatchPtr Make(SchemaPtr schema, std::vector<ArrayPtr> columns);
  // A batch with rows but no columns (e.g. count(*) over a projection of nothing).
  static RecordBatchPtr MakeEmptyColumns(SchemaPtr schema, int64_t num_rows);

  const SchemaPtr& schema() const { return schema_; }
  int64_t num_rows() const { return num_rows_; }
  size_t num_columns() const { return columns_.size(); }
  const ArrayPtr& column(size_t i) const { return columns_[i]; }
  const std::vector<ArrayPtr>& columns() const { return columns_; }

  Row GetRow(int64_t i) const;
  RecordBatchPtr Slice(int64_t offset, int64_t length) const;
  int64_t MemoryUsage() const;

 private:
  SchemaPtr schema_;
  std::vector<ArrayPtr> columns_;
  int64_t num_rows_;
};

// Rows of all batches, in order.
std::vector<Row> BatchesToRows(const std::vector<RecordBatchPtr>& batches);
// Builds batches of at most `batch_rows` rows from rows matching `schema`.
std::vector<RecordBatchPtr> RowsToBatches(const SchemaPtr& schema, const std::vector<Row>& rows,
                                          int64_t batch_rows = kDefaultBatchRows);
// Concatenates batches of one schema into one.
RecordBatchPtr ConcatenateBatches(const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches);

}  // namespace lakestream
