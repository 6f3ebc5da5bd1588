#include "exec/take_rows.h"

namespace lakestream {

void TakeColumns(const RecordBatch& batch, const int32_t* indices, int64_t count, std::vector<ArrayPtr>& out) {
  for (const auto& column : batch.columns()) out.push_back(Take(column, indices, count));
}

RecordBatchPtr TakeRows(const RecordBatch& batch, const int32_t* indices, int64_t count, const SchemaPtr& schema) {
  std::vector<ArrayPtr> columns;
  columns.reserve(batch.num_columns());
  TakeColumns(batch, indices, count, columns);
  return std::make_shared<RecordBatch>(schema, std::move(columns), count);
}

}  // namespace lakestream
