// PageReader: the pages of one column chunk, read from the file in one large
// sequential read, checked (page CRC) and decompressed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "columnar/memory_tracker.h"
#include "formats/file_system.h"
#include "formats/parquet/metadata.h"

namespace lakestream::parquet {

// One decompressed page. Its spans stay valid until the next PageReader::Next.
struct Page {
  PageHeader header;
  int ordinal = 0;          // position among the chunk's pages, for messages
  int64_t file_offset = 0;  // where its header starts in the file
  // Data page v2: the repetition then definition levels, never compressed.
  const uint8_t* levels = nullptr;
  size_t levels_size = 0;
  // Dictionary page and data page v1: the whole body; v2: the values.
  const uint8_t* body = nullptr;
  size_t body_size = 0;
};

class PageReader {
 public:
  // `context` names the column for messages ("column `a.b` in row group 0 of
  // file f.parquet"). The chunk starts at dictionary_page_offset when that is
  // a valid offset before data_page_offset (some writers store 0), else at
  // data_page_offset. Buffers are reserved in `memory` when it is given
  // (MEMORY_LIMIT_EXCEEDED when they do not fit). Reads nothing yet.
  PageReader(const RandomAccessFile& file, const ColumnMetaData& meta, MemoryTracker* memory, std::string context);

  // Moves to the next dictionary or data page (index pages and unknown page
  // types are skipped); false after the last page. Throws ParquetCorruptError
  // naming the column, page and offset for a bad header, a CRC mismatch or a
  // body that does not decompress, ParquetUnsupportedError for LZO.
  bool Next(Page* page);

  // Moves to the page whose header starts at `file_offset` (from the offset
  // index), so that the next Next returns it. Throws ParquetCorruptError when
  // the offset lies outside the chunk.
  void SeekTo(int64_t file_offset);

  // Before the first Next: read each page when it is reached instead of the
  // whole chunk at once, for scans that seek over most pages.
  void ReadOnDemand() { on_demand_ = true; }

 private:
  void ReadChunk();
  // Reads on so that chunk_ holds the file's bytes up to offset `to` (capped
  // at the file's end); false when nothing more could be read.
  bool Extend(int64_t to);
  int64_t loaded_end() const { return base_ + static_cast<int64_t>(chunk_.size()); }
  [[noreturn]] void Fail(const Page& page, const std::string& what) const;
  // Decompresses `size` bytes into page_buffer_ (uncompressed_size bytes).
  const uint8_t* Decompress(const Page& page, const uint8_t* data, size_t size, size_t uncompressed_size);

  const RandomAccessFile& file_;
  const ColumnMetaData& meta_;
  std::string context_;
  int64_t start_ = 0;        // file offset of the chunk's first page
  int64_t declared_end_ = 0; // pages start before this file offset
  std::string chunk_;        // file bytes from base_: the chunk (and any read past its declared end)
  int64_t base_ = 0;         // file offset of chunk_[0]
  bool chunk_read_ = false;
  bool on_demand_ = false;   // chunk_ holds the current page only
  int64_t position_ = 0;     // file offset of the next page header
  int ordinal_ = 0;
  std::string page_buffer_;  // decompressed body of the current page
  std::unique_ptr<MemoryReservation> reservation_;
};

}  // namespace lakestream::parquet
