// ScanLayout: where each field of a reader's output schema comes from — the
// file's data, the corrupt-record column, or the split's partition values —
// and the assembly of decoded columns into output batches.
#pragma once

#include <string>
#include <vector>

#include "formats/file_format.h"

namespace lakestream {

// A Hive partition directory's value text (k=<text>) as a value of `type`,
// converted in the session zone; NULL for kHiveDefaultPartition or text the
// type cannot hold (as Spark reads it).
Value PartitionValueAs(const DataTypePtr& type, const std::string& text, const EvalContext& ctx);

class ScanLayout {
 public:
  // Throws UserError INVALID_CORRUPT_RECORD_TYPE when the corrupt-record
  // field is not a STRING. Partition values are converted in the session zone.
  ScanLayout(SchemaPtr schema, const FileSplit& split, const std::string& corrupt_record_column,
             const EvalContext& ctx);

  const SchemaPtr& schema() const { return schema_; }
  // Schema indices of the fields decoded from the file, in file order.
  const std::vector<int>& data_fields() const { return data_fields_; }
  // Schema index of the corrupt-record field, or -1.
  int corrupt_field() const { return corrupt_field_; }

  // One output batch from the data columns (data_fields() order) and the
  // corrupt-record column (ignored when there is no such field).
  RecordBatchPtr Assemble(std::vector<ArrayPtr> data, ArrayPtr corrupt, int64_t rows) const;

 private:
  SchemaPtr schema_;
  std::vector<int> data_fields_;
  int corrupt_field_ = -1;
  std::vector<std::pair<int, Value>> partition_fields_;  // schema index, constant
};

}  // namespace lakestream
