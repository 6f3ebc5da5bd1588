#include "formats/parquet/page_reader.h"

#include <zlib.h>

#include "formats/parquet/compression.h"

namespace lakestream::parquet {

namespace {

// Bytes read past a short chunk to find the rest of a page header that
// starts within kMaxHeaderBytes of its end, doubling up to kMaxHeaderBytes.
constexpr size_t kHeaderSlack = 256;
constexpr size_t kMaxHeaderBytes = 1 << 20;

}  // namespace

PageReader::PageReader(const RandomAccessFile& file, const ColumnMetaData& meta, MemoryTracker* memory,
                       std::string context)
    : file_(file), meta_(meta), context_(std::move(context)) {
  if (memory) reservation_ = std::make_unique<MemoryReservation>(*memory, "Parquet scan of " + context_);
}

void PageReader::ReadChunk() {
  chunk_read_ = true;
  start_ = meta_.data_page_offset;
  // parquet-mr once wrote dictionary_page_offset = 0 for chunks whose
  // dictionary page sits at data_page_offset; only a real earlier offset counts.
  if (meta_.dictionary_page_offset && *meta_.dictionary_page_offset > 0 &&
      *meta_.dictionary_page_offset < start_) {
    start_ = *meta_.dictionary_page_offset;
  }
  int64_t length = meta_.total_compressed_size;
  if (start_ < 4 || length < 0 || start_ > file_.size() || length > file_.size() - start_) {
    throw ParquetCorruptError("Corrupt Parquet file: " + context_ + " claims bytes [" + std::to_string(start_) +
                              ", " + std::to_string(start_) + " + " + std::to_string(length) +
                              ") outside the file of " + std::to_string(file_.size()) + " bytes.");
  }
  base_ = position_ = start_;
  declared_end_ = start_ + length;
  if (on_demand_) return;
  if (reservation_) reservation_->Resize(length);
  if (file_.ReadAt(start_, length, &chunk_) != length) {
    throw ParquetCorruptError("Corrupt Parquet file: " + context_ + " was cut short while reading.");
  }
}

bool PageReader::Extend(int64_t to) {
  to = std::min(to, file_.size());
  if (to <= loaded_end()) return false;
  int64_t more = to - loaded_end();
  if (reservation_) reservation_->Resize(static_cast<int64_t>(chunk_.size()) + more);
  return file_.ReadAt(loaded_end(), more, &chunk_) == more;
}

void PageReader::Fail(const Page& page, const std::string& what) const {
  throw ParquetCorruptError("Corrupt Parquet file: " + context_ + ", page " + std::to_string(page.ordinal) +
                            " at offset " + std::to_string(page.file_offset) + ": " + what + ".");
}

const uint8_t* PageReader::Decompress(const Page& page, const uint8_t* data, size_t size, size_t uncompressed_size) {
  if (meta_.codec == Codec::kLzo) {
    throw ParquetUnsupportedError("LZO compression (" + context_ + ")");
  }
  if (reservation_) {
    int64_t want = static_cast<int64_t>(chunk_.size() + std::max(page_buffer_.capacity(), uncompressed_size));
    reservation_->Resize(want, "Raise the query memory limit; Parquet pages are decompressed whole.");
  }
  page_buffer_.resize(uncompressed_size);
  try {
    parquet::Decompress(meta_.codec, data, size, reinterpret_cast<uint8_t*>(page_buffer_.data()), uncompressed_size);
  } catch (const ParquetCorruptError& e) {
    Fail(page, e.message());
  }
  return reinterpret_cast<const uint8_t*>(page_buffer_.data());
}

void PageReader::SeekTo(int64_t file_offset) {
  if (!chunk_read_) ReadChunk();
  if (file_offset < start_ || file_offset >= declared_end_) {
    throw ParquetCorruptError("Corrupt Parquet file: " + context_ + ": the offset index places a page at offset " +
                              std::to_string(file_offset) + ", outside the column chunk.");
  }
  position_ = file_offset;
}

bool PageReader::Next(Page* page) {
  if (!chunk_read_) ReadChunk();
  while (position_ < declared_end_) {
    if (on_demand_) {
      // Keep only bytes from this page on: the previous page's spans expire now.
      if (position_ < base_ || position_ > loaded_end()) {
        chunk_.clear();
        base_ = position_;
      } else if (position_ > base_) {
        chunk_.erase(0, static_cast<size_t>(position_ - base_));
        base_ = position_;
      }
      if (loaded_end() < position_ + static_cast<int64_t>(kHeaderSlack)) {
        Extend(position_ + static_cast<int64_t>(kHeaderSlack));
      }
    }
    page->ordinal = ordinal_++;
    page->file_offset = position_;
    size_t header_size = 0;
    // Some writers (parquet-mr's dictionary pages, nation.dict-malformed.parquet)
    // record a total_compressed_size too small for their pages: a page that
    // starts inside the chunk may end after it, as long as it ends in the file.
    for (size_t slack = kHeaderSlack;; slack *= 2) {
      const size_t at = static_cast<size_t>(position_ - base_);
      try {
        page->header = DecodePageHeader(reinterpret_cast<const uint8_t*>(chunk_.data()) + at, chunk_.size() - at,
                                        &header_size);
        break;
      } catch (const ParquetCorruptError& e) {
        bool near_end = chunk_.size() - at < kMaxHeaderBytes;
        if (!near_end || slack > kMaxHeaderBytes || !Extend(loaded_end() + static_cast<int64_t>(slack))) {
          Fail(*page, e.message());
        }
      }
    }
    const PageHeader& h = page->header;
    if (h.compressed_page_size < 0 || h.uncompressed_page_size < 0) {
      Fail(*page, "negative page size");
    }
    int64_t body_start = position_ + static_cast<int64_t>(header_size);
    int64_t body_end = body_start + h.compressed_page_size;
    // Extend stops at the file's end, which may still leave the body short.
    if (body_end > loaded_end() && (!Extend(body_end) || body_end > loaded_end())) {
      Fail(*page, "the page body of " + std::to_string(h.compressed_page_size) + " bytes runs past the file");
    }
    const auto* base = reinterpret_cast<const uint8_t*>(chunk_.data());
    const uint8_t* body = base + (body_start - base_);
    size_t size = static_cast<size_t>(h.compressed_page_size);
    position_ = body_end;
    if (h.type != PageType::kDataPage && h.type != PageType::kDataPageV2 && h.type != PageType::kDictionaryPage) {
      continue;
    }
    if (h.crc) {
      uint32_t crc = static_cast<uint32_t>(crc32(0L, body, static_cast<uInt>(size)));
      if (crc != static_cast<uint32_t>(*h.crc)) Fail(*page, "the page CRC does not match its contents");
    }
    size_t uncompressed = static_cast<size_t>(h.uncompressed_page_size);
    page->levels = nullptr;
    page->levels_size = 0;
    if (h.type == PageType::kDataPageV2) {
      if (!h.data_page_header_v2) Fail(*page, "a DATA_PAGE_V2 without its header");
      const DataPageHeaderV2& v2 = *h.data_page_header_v2;
      int64_t levels = int64_t{v2.repetition_levels_byte_length} + v2.definition_levels_byte_length;
      if (v2.repetition_levels_byte_length < 0 || v2.definition_levels_byte_length < 0 ||
          levels > static_cast<int64_t>(size) || levels > static_cast<int64_t>(uncompressed)) {
        Fail(*page, "level lengths that do not fit the page");
      }
      // Levels are never compressed in v2; an empty value section is not fed to the codec.
      page->levels = body;
      page->levels_size = static_cast<size_t>(levels);
      body += levels;
      size -= static_cast<size_t>(levels);
      uncompressed -= static_cast<size_t>(levels);
      bool compressed = v2.is_compressed && meta_.codec != Codec::kUncompressed;
      if (compressed && uncompressed > 0) body = Decompress(*page, body, size, uncompressed);
      else if (!compressed && size != uncompressed) Fail(*page, "the page sizes of an uncompressed page differ");
      size = uncompressed;
    } else {
      if (h.type == PageType::kDataPage && !h.data_page_header) Fail(*page, "a DATA_PAGE without its header");
      if (h.type == PageType::kDictionaryPage && !h.dictionary_page_header) {
        Fail(*page, "a DICTIONARY_PAGE without its header");
      }
      if (meta_.codec != Codec::kUncompressed) {
        if (uncompressed > 0) body = Decompress(*page, body, size, uncompressed);
        size = uncompressed;
      } else if (size != uncompressed) {
        Fail(*page, "the page sizes of an uncompressed page differ");
      }
    }
    page->body = body;
    page->body_size = size;
    return true;
  }
  return false;
}

}  // namespace lakestream::parquet
