#include "formats/parquet/parquet_writer.h"

#include <algorithm>
#include <utility>

#include "columnar/check.h"
#include "formats/parquet/spark_schema_json.h"
#include "lakestream/lakestream.h"

namespace lakestream::parquet {
namespace {

constexpr char kMagic[] = "PAR1";
// Rows shredded per step while the bytes per row are still unknown, and at
// most per step later: small enough that a row group overshoots its byte
// target by little, large enough that per-step overhead does not show.
constexpr int64_t kFirstStepRows = 128;
constexpr int64_t kMaxStepRows = 4096;

}  // namespace

std::string ParquetCreatedBy() {
  // No git in release tarballs: the build is the version itself.
  return std::string("lakestream version ") + kVersion + " (build " + kVersion + ")";
}

ParquetFileWriter::ParquetFileWriter(const std::string& path, SchemaPtr schema, const FormatOptions& options)
    : ParquetFileWriter(path, std::move(schema), ParquetWriteOptions::FromFormatOptions(options)) {}

ParquetFileWriter::ParquetFileWriter(const std::string& path, SchemaPtr schema, const ParquetWriteOptions& options)
    : schema_(std::move(schema)), options_(options), layout_(BuildWriterSchema(*schema_)), file_(path) {
  for (const LeafColumn& leaf : layout_.leaves) chunk_writers_.push_back(ColumnChunkWriter::Make(leaf, options_));
  Append(kMagic);
}

void ParquetFileWriter::Append(const std::string& bytes) {
  file_.Append(bytes);
  offset_ += static_cast<int64_t>(bytes.size());
}

void ParquetFileWriter::Write(const RecordBatch& batch) {
  LS_CHECK(!closed_);
  LS_CHECK_EQ(batch.num_columns(), schema_->num_fields());
  for (size_t i = 0; i < batch.num_columns(); ++i) {
    LS_CHECK(batch.column(i)->type_id() == schema_->field(i).type->id());
  }
  const int64_t rows = batch.num_rows();
  int64_t row = 0;
  while (row < rows) {
    const int64_t step = NextStepRows(rows - row);
    for (size_t k = 0; k < layout_.leaves.size(); ++k) {
      const LeafColumn& leaf = layout_.leaves[k];
      BuildLeafLevels(*batch.column(leaf.field_index), leaf, row, row + step, &levels_);
      chunk_writers_[k]->Append(levels_);
    }
    row += step;
    group_rows_ += step;
    num_rows_ += step;
    if (group_rows_ >= options_.row_group_rows || EstimatedRowGroupBytes() >= options_.row_group_bytes) {
      FlushRowGroup();
    }
  }
}

int64_t ParquetFileWriter::NextStepRows(int64_t remaining) const {
  int64_t step = std::min({remaining, kMaxStepRows, options_.row_group_rows - group_rows_});
  if (group_rows_ == 0) return std::min(step, kFirstStepRows);
  // Aim at the byte target with what the rows so far cost.
  const int64_t bytes = EstimatedRowGroupBytes();
  const int64_t bytes_per_row = std::max<int64_t>(1, bytes / group_rows_);
  const int64_t rows_left = (options_.row_group_bytes - bytes) / bytes_per_row;
  return std::max<int64_t>(1, std::min(step, rows_left));
}

int64_t ParquetFileWriter::EstimatedRowGroupBytes() const {
  int64_t total = 0;
  for (const auto& writer : chunk_writers_) total += writer->EstimatedSize();
  return total;
}

void ParquetFileWriter::FlushRowGroup() {
  RowGroup group;
  group.num_rows = group_rows_;
  group.file_offset = offset_;
  // Ordinals are i16; files with more row groups simply leave them out.
  if (metadata_.row_groups.size() <= INT16_MAX) group.ordinal = static_cast<int16_t>(metadata_.row_groups.size());
  int64_t compressed = 0;
  auto& column_indexes = column_indexes_.emplace_back();
  auto& offset_indexes = offset_indexes_.emplace_back();
  for (auto& writer : chunk_writers_) {
    EncodedColumnChunk chunk = writer->Finish();
    const int64_t base = offset_;
    ColumnMetaData& meta = chunk.meta;
    meta.data_page_offset += base;
    if (meta.dictionary_page_offset) *meta.dictionary_page_offset += base;
    for (PageLocation& location : chunk.offset_index.page_locations) location.offset += base;
    group.total_byte_size += meta.total_uncompressed_size;
    compressed += meta.total_compressed_size;
    ColumnChunk column;
    column.file_offset = base;
    column.meta_data = std::move(meta);
    group.columns.push_back(std::move(column));
    column_indexes.push_back(std::move(chunk.column_index));
    offset_indexes.push_back(std::move(chunk.offset_index));
    Append(chunk.dictionary_page);
    Append(chunk.data_pages);
  }
  group.total_compressed_size = compressed;
  metadata_.row_groups.push_back(std::move(group));
  group_rows_ = 0;
}

void ParquetFileWriter::Close() {
  LS_CHECK(!closed_);
  closed_ = true;
  if (group_rows_ > 0) FlushRowGroup();
  // parquet-java's layout: every ColumnIndex, then every OffsetIndex, so a
  // reader can fetch each kind in one read.
  for (size_t g = 0; g < metadata_.row_groups.size(); ++g) {
    for (size_t c = 0; c < column_indexes_[g].size(); ++c) {
      if (!column_indexes_[g][c]) continue;
      std::string encoded = EncodeColumnIndex(*column_indexes_[g][c]);
      ColumnChunk& column = metadata_.row_groups[g].columns[c];
      column.column_index_offset = offset_;
      column.column_index_length = static_cast<int32_t>(encoded.size());
      Append(encoded);
    }
  }
  for (size_t g = 0; g < metadata_.row_groups.size(); ++g) {
    for (size_t c = 0; c < offset_indexes_[g].size(); ++c) {
      std::string encoded = EncodeOffsetIndex(offset_indexes_[g][c]);
      ColumnChunk& column = metadata_.row_groups[g].columns[c];
      column.offset_index_offset = offset_;
      column.offset_index_length = static_cast<int32_t>(encoded.size());
      Append(encoded);
    }
  }

  metadata_.version = 1;
  metadata_.schema = layout_.elements;
  metadata_.num_rows = num_rows_;
  metadata_.created_by = ParquetCreatedBy();
  metadata_.key_value_metadata.push_back({kSparkRowMetadataKey, SparkSchemaJson(*schema_)});
  metadata_.column_orders.assign(layout_.leaves.size(), ColumnOrder{});
  std::string footer = EncodeFileMetaData(metadata_);
  const auto length = static_cast<uint32_t>(footer.size());
  for (int i = 0; i < 4; ++i) footer.push_back(static_cast<char>((length >> (8 * i)) & 0xFF));
  footer += kMagic;
  Append(footer);
  file_.Commit();
}

void WriteParquetFile(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                      const FormatOptions& options) {
  ParquetFileWriter writer(path, schema, options);
  for (const RecordBatchPtr& batch : batches) writer.Write(*batch);
  writer.Close();
}

}  // namespace lakestream::parquet
