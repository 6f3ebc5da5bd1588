// TakeRows: gathers rows of a batch by index into a new batch of `schema`
// (an index of -1 yields a row of NULLs, for outer joins).
#pragma once

#include <cstdint>
#include <vector>

#include "columnar/record_batch.h"

namespace lakestream {

RecordBatchPtr TakeRows(const RecordBatch& batch, const int32_t* indices, int64_t count, const SchemaPtr& schema);
inline RecordBatchPtr TakeRows(const RecordBatch& batch, const std::vector<int32_t>& indices, const SchemaPtr& schema) {
  return TakeRows(batch, indices.data(), static_cast<int64_t>(indices.size()), schema);
}
// Columns of `batch` gathered by index (no batch built), appended to `out`.
void TakeColumns(const RecordBatch& batch, const int32_t* indices, int64_t count, std::vector<ArrayPtr>& out);

}  // namespace lakestream
