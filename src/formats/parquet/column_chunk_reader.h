// ColumnChunkReader: decodes one leaf column chunk of a row group, a batch of
// records at a time, into definition/repetition levels and values already in
// the leaf type's Arrow layout (LeafBatch).
//
// Handles dictionary pages (PLAIN, PLAIN_DICTIONARY), data pages v1 and v2,
// levels in RLE (v1 with its 4-byte length) or legacy BIT_PACKED, and values
// in PLAIN, PLAIN_DICTIONARY/RLE_DICTIONARY, RLE (booleans),
// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and
// BYTE_STREAM_SPLIT. Not thread-safe; one reader per column per scan thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "formats/parquet/encoding.h"
#include "formats/parquet/leaf_batch.h"
#include "formats/parquet/leaf_value_converter.h"
#include "formats/parquet/page_dictionary.h"
#include "formats/parquet/page_reader.h"

namespace lakestream::parquet {

class ColumnChunkReader {
 public:
  // `num_rows` is the row group's row count; `context` names the column,
  // row group and file in messages. `memory` (optional) accounts the chunk,
  // page and dictionary buffers. Reads nothing yet.
  ColumnChunkReader(const RandomAccessFile& file, const ColumnMetaData& meta, const LeafDescriptor& leaf,
                    int64_t num_rows, MemoryTracker* memory, std::string context);
  ~ColumnChunkReader();

  // Decodes the next `rows` records into *out (cleared first). Throws
  // ParquetCorruptError naming the column, page and problem: levels that run
  // out before the page's value count, levels above their maximum, a first
  // repetition level other than 0, NULLs in a REQUIRED column, a dictionary
  // index out of range, a chunk with fewer records than its row group.
  void ReadRecords(int64_t rows, LeafBatch* out);

  // Moves forward to record `row` of the row group (at or after the records
  // read so far). With the chunk's offset index (`index`, optional; only for
  // leaves without repetition) whole pages before the one holding `row` are
  // not decoded; the rest are decoded and dropped.
  void SkipTo(int64_t row, const OffsetIndex* index);
  // Before the first read, for scans that will skip most pages: read each
  // page when it is reached rather than the whole chunk.
  void ReadPagesOnDemand() { pages_.ReadOnDemand(); }

 private:
  // Where the current page's values come from.
  enum class Source : uint8_t {
    kFixed,          // fixed-width physical values at fixed_ (PLAIN, or decoded whole into scratch)
    kPlainBinary,    // a PLAIN BYTE_ARRAY stream at fixed_ (length-prefixed)
    kDecodedBinary,  // BYTE_ARRAY values decoded whole into scratch_offsets_/scratch_bytes_
    kDictionary,     // dictionary indices from indices_
  };

  bool NextDataPage();
  // Whether the chunk starts before file offset `offset` (so a dictionary
  // page lies before a first data page there).
  bool ChunkHasBytesBefore(int64_t offset) const;
  void ReadDictionaryPage();
  void DecodeLevels(const Page& page, const uint8_t** values, size_t* values_size);
  void StartValues(const Page& page, const uint8_t* data, size_t size);
  // Present (non-NULL) values in the current page.
  int64_t PageValueCount();
  // Appends the next `n` definition levels of the page to *out (as levels or
  // validity bits); returns how many are present.
  int64_t AppendDefLevels(int64_t n, LeafBatch* out);
  void DecodeValues(int64_t count, LeafBatch* out);
  void AppendFixed(const uint8_t* src, int64_t count, LeafBatch* out);
  void AppendBinary(const int32_t* offsets, const uint8_t* bytes, int64_t count, LeafBatch* out);
  void GatherDictionary(int64_t count, LeafBatch* out);
  // Raises the 2 GiB batch error when the next `count` PLAIN byte arrays
  // would not fit out's 32-bit offsets.
  void CheckPlainBytesFit(int64_t count, const LeafBatch* out) const;
  void Account();
  [[noreturn]] void Fail(const std::string& what) const;

  const LeafDescriptor& leaf_;
  LeafValueConverter converter_;
  const ColumnMetaData& meta_;
  PageReader pages_;
  int64_t num_rows_;
  int64_t rows_read_ = 0;
  std::string context_;
  int bit_width_def_;
  int bit_width_rep_;
  bool flat_validity_;  // levels become LeafBatch::validity

  // The current data page.
  Page page_;
  bool have_page_ = false;
  int data_pages_ = 0;
  // Repeated leaves (and legacy BIT_PACKED levels): the page's levels, whole.
  std::vector<int16_t> page_def_;
  std::vector<int16_t> page_rep_;
  // Otherwise the definition levels are read as the batches need them.
  std::optional<RleBitPackedDecoder> def_decoder_;
  std::pair<const uint8_t*, size_t> def_span_{nullptr, 0};
  int64_t page_levels_ = 0;
  int64_t level_pos_ = 0;
  Source source_ = Source::kFixed;
  const uint8_t* fixed_ = nullptr;  // kFixed, kPlainBinary: next value
  const uint8_t* fixed_end_ = nullptr;
  int64_t decoded_pos_ = 0;         // kDecodedBinary: next value
  std::optional<RleBitPackedDecoder> indices_;
  std::vector<uint8_t> scratch_;    // whole-page decoded fixed values (delta, BYTE_STREAM_SPLIT, booleans)
  std::vector<int32_t> scratch_offsets_;
  std::string scratch_bytes_;
  std::vector<uint32_t> index_buffer_;

  PageDictionary dictionary_;
  bool have_dictionary_ = false;

  std::unique_ptr<MemoryReservation> reservation_;
};

}  // namespace lakestream::parquet
