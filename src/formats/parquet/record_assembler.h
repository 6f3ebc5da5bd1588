// RecordAssembler: rebuilds one top-level column — flat, or nested ARRAY, MAP
// and STRUCT values with their NULLs — from the definition/repetition levels
// and values of its leaf columns (Dremel record assembly).
#pragma once

#include <string>
#include <vector>

#include "columnar/array.h"
#include "expr/eval_context.h"
#include "formats/parquet/leaf_batch.h"
#include "formats/parquet/parquet_schema.h"

namespace lakestream::parquet {

// Whether values of leaf type `file` may be read as `requested`: the same
// type, or one of Spark's Parquet type widenings (integers to wider integers,
// DOUBLE or a DECIMAL that holds them, FLOAT to DOUBLE, DECIMAL to one with at
// least as many integer and fraction digits, DATE to TIMESTAMP_NTZ), or
// BINARY read as STRING (Spark's binaryAsString).
bool CanReadAs(const DataType& file, const DataType& requested);

class RecordAssembler {
 public:
  // Matches the file's top-level `node` with the type the scan requests:
  // struct fields by name (case-insensitively; requested fields the file
  // lacks read as NULL), leaves by CanReadAs. Throws UserError
  // FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH naming `file` and the
  // column when the shapes or leaf types do not fit.
  RecordAssembler(const ParquetNode& node, const DataTypePtr& requested, const std::vector<LeafDescriptor>& leaves,
                  const std::string& file);
  RecordAssembler(RecordAssembler&&) = default;
  ~RecordAssembler();

  // The leaves whose batches Assemble reads, ascending. A requested struct
  // none of whose fields are in the file still needs one leaf for its NULLs.
  const std::vector<int>& needed_leaves() const { return needed_leaves_; }

  // Builds `rows` records from `batches` (indexed by leaf index; the needed
  // leaves filled). Takes the values out of the batches. Throws
  // ParquetCorruptError when the leaves disagree on the records' shape, and
  // UserError NULL_MAP_KEY for a NULL map key.
  ArrayPtr Assemble(std::vector<LeafBatch>& batches, int64_t rows, const EvalContext& ctx) const;

  struct ReadNode;

 private:
  std::unique_ptr<ReadNode> root_;
  const std::vector<LeafDescriptor>* leaves_;
  std::string file_;
  std::vector<int> needed_leaves_;
};

}  // namespace lakestream::parquet
