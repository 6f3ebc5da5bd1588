// Writing Parquet files the way Spark does: Spark's schema conventions (see
// writer_schema.h), data page v1 with RLE levels, dictionary encoding with
// PLAIN fallback, statistics in the type-defined order, the page index
// (ColumnIndex + OffsetIndex after the row groups) and Spark's schema JSON in
// the footer. Options: see parquet_write_options.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "formats/atomic_file_writer.h"
#include "formats/file_format.h"
#include "formats/parquet/column_chunk_writer.h"
#include "formats/parquet/leaf_levels.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/parquet_write_options.h"
#include "formats/parquet/writer_schema.h"

namespace lakestream::parquet {

// The footer's created_by: "lakestream version <version> (build <build>)",
// the shape parquet-java uses and readers parse.
std::string ParquetCreatedBy();

// Streams batches into one Parquet file. The file appears at `path` only when
// Close() succeeds (AtomicFileWriter); a writer destroyed without Close(), or
// after an exception, leaves nothing behind. Row groups are buffered in
// memory until they reach parquet.block.size or the row cap. Not thread-safe.
class ParquetFileWriter {
 public:
  // Throws UserError for bad options (INVALID_OPTION_VALUE,
  // CODEC_NOT_AVAILABLE), types Parquet cannot hold
  // (UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE, EMPTY_SCHEMA_NOT_SUPPORTED_FOR_DATASOURCE)
  // and FAILED_WRITE_FILE.
  ParquetFileWriter(const std::string& path, SchemaPtr schema, const FormatOptions& options);
  ParquetFileWriter(const std::string& path, SchemaPtr schema, const ParquetWriteOptions& options);
  ParquetFileWriter(const ParquetFileWriter&) = delete;
  ParquetFileWriter& operator=(const ParquetFileWriter&) = delete;

  // Appends the rows of `batch`, whose columns must have the schema's types.
  void Write(const RecordBatch& batch);
  // Writes the last row group, the page index and the footer, and publishes
  // the file. Must be called once, after the last Write.
  void Close();

  int64_t num_rows() const { return num_rows_; }
  // The footer; complete after Close().
  const FileMetaData& metadata() const { return metadata_; }

 private:
  // Rows to shred before the next row-group size check.
  int64_t NextStepRows(int64_t remaining) const;
  int64_t EstimatedRowGroupBytes() const;
  void FlushRowGroup();
  void Append(const std::string& bytes);

  SchemaPtr schema_;
  ParquetWriteOptions options_;
  WriterSchema layout_;
  AtomicFileWriter file_;
  int64_t offset_ = 0;  // bytes written so far
  std::vector<std::unique_ptr<ColumnChunkWriter>> chunk_writers_;  // one per leaf
  LeafLevels levels_;                                              // reused scratch
  int64_t group_rows_ = 0;
  int64_t num_rows_ = 0;
  bool closed_ = false;
  FileMetaData metadata_;
  // Page indexes of the written chunks [row group][leaf], written at Close.
  std::vector<std::vector<std::optional<ColumnIndex>>> column_indexes_;
  std::vector<std::vector<OffsetIndex>> offset_indexes_;
};

// Writes `batches` as one Parquet file at `path`.
void WriteParquetFile(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                      const FormatOptions& options);

}  // namespace lakestream::parquet
