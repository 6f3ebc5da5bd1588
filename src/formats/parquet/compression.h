// Page compression codecs, each from its Debian library (snappy, zlib, zstd,
// lz4, brotli).
#pragma once

#include <cstdint>
#include <string>

#include "formats/parquet/metadata.h"

namespace lakestream::parquet {

// Decompresses `size` bytes into exactly `uncompressed_size` bytes at `out`
// (the page header's size). GZIP accepts concatenated members; LZ4 (the
// legacy codec) tries the Hadoop block framing first and falls back to a raw
// LZ4 block, then an LZ4 frame. Throws ParquetCorruptError when the input is
// malformed or does not decompress to exactly `uncompressed_size` bytes, and
// ParquetUnsupportedError for LZO. Never writes past out + uncompressed_size.
void Decompress(Codec codec, const uint8_t* data, size_t size, uint8_t* out, size_t uncompressed_size);

// Compresses `size` bytes, appending to *out. `level` < 0 means the codec's
// default (ZSTD 3, GZIP 6, BROTLI 1).
void Compress(Codec codec, const uint8_t* data, size_t size, std::string* out, int level = -1);

// "snappy", "gzip", "zstd", "lz4" (written as LZ4_RAW), "lz4_raw", "brotli",
// "uncompressed"/"none" (case-insensitive), as Spark's `compression` option.
// Throws UserError CODEC_NOT_AVAILABLE otherwise.
Codec ParseCodecName(const std::string& name);
const char* CodecName(Codec codec);

}  // namespace lakestream::parquet
