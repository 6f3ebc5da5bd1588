// ParquetWriteOptions: the Parquet writer's settings, read from Spark's writer
// options and parquet-java's Hadoop properties (lower-cased keys).
#pragma once

#include <cstdint>

#include "formats/file_format.h"
#include "formats/parquet/metadata.h"

namespace lakestream::parquet {

struct ParquetWriteOptions {
  // `compression` (Spark; wins) or `parquet.compression`: snappy, zstd, gzip,
  // lz4, lz4_raw, brotli, none/uncompressed.
  Codec codec = Codec::kSnappy;
  // `parquet.block.size`: a row group is closed once its buffered size reaches this.
  int64_t row_group_bytes = 128LL << 20;
  // `parquet.block.row.count.limit`: parquet-java's default is unlimited; we cap
  // row groups at 1 Mi rows so scans of narrow tables still split into morsels.
  int64_t row_group_rows = 1LL << 20;
  // `parquet.page.size`: a data page is closed (at a row boundary) once its
  // values' PLAIN size reaches this.
  int64_t page_bytes = 1LL << 20;
  // `parquet.page.row.count.limit` (parquet-java's default 20,000), so that the
  // page index stays selective for well-compressed columns.
  int64_t page_rows = 20000;
  // `parquet.enable.dictionary`.
  bool dictionary = true;
  // `parquet.dictionary.page.size`: a column chunk whose dictionary grows past
  // this falls back to PLAIN for the rest of the chunk.
  int64_t dictionary_page_bytes = 1LL << 20;

  // Throws UserError CODEC_NOT_AVAILABLE for an unknown codec and
  // INVALID_OPTION_VALUE for a malformed or non-positive size.
  static ParquetWriteOptions FromFormatOptions(const FormatOptions& options);
};

}  // namespace lakestream::parquet
