// ColumnChunkWriter: encodes one leaf column of a row group into data pages
// (v1, RLE levels) with a dictionary page when dictionary encoding is on:
// RLE_DICTIONARY pages until the dictionary passes
// ParquetWriteOptions::dictionary_page_bytes, PLAIN pages after that. Pages
// end at row boundaries (the page index requires it) once their values'
// PLAIN size reaches page_bytes or they hold page_rows rows. Also builds the
// chunk statistics and the page index. One writer per leaf; not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "formats/parquet/leaf_levels.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/parquet_write_options.h"
#include "formats/parquet/writer_schema.h"

namespace lakestream::parquet {

// The pages of one column chunk. Offsets in `meta` and `offset_index` are
// relative to the chunk's first byte; the file writer moves them.
struct EncodedColumnChunk {
  // Written in this order; kept apart so the data pages are never copied.
  std::string dictionary_page;  // header and body; empty when none
  std::string data_pages;
  ColumnMetaData meta;
  std::optional<ColumnIndex> column_index;  // absent when a page has no valid bounds
  OffsetIndex offset_index;
};

class ColumnChunkWriter {
 public:
  // `leaf` must outlive the writer.
  static std::unique_ptr<ColumnChunkWriter> Make(const LeafColumn& leaf, const ParquetWriteOptions& options);
  virtual ~ColumnChunkWriter() = default;

  // Appends whole rows: `levels` must start at a row boundary.
  virtual void Append(const LeafLevels& levels) = 0;
  // Bytes the chunk would take if finished now (an estimate for row-group sizing).
  virtual int64_t EstimatedSize() const = 0;
  // Ends the chunk; the writer then starts an empty one for the next row group.
  virtual EncodedColumnChunk Finish() = 0;
};

}  // namespace lakestream::parquet
