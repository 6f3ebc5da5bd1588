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


 private:
  void ReadChunk();
  // Reads on so that chunk_ holds `size` bytes (capped at the file's end);
  // false when nothing more could be read.
  bool Extend(size_t size);
  [[noreturn]] void Fail(const Page& page, const std::string& what) const;
  // Decompresses `size` bytes into page_buffer_ (uncompressed_size bytes).
  const uint8_t* Decompress(const Page& page, const uint8_t* data, size_t size, size_t uncompressed_size);

  const RandomAccessFile& file_;
  const ColumnMetaData& meta_;
  std::string context_;
  int64_t start_ = 0;
  std::string chunk_;        // the chunk's bytes (and any read past its declared end)
  size_t declared_end_ = 0;  // pages start before this offset in chunk_
  bool chunk_read_ = false;
  size_t position_ = 0;      // next page header in chunk_
  int ordinal_ = 0;
  std::string page_buffer_;  // decompressed body of the current page
  std::unique_ptr<MemoryReservation> reservation_;
};

}  // namespace lakestream::parquet
