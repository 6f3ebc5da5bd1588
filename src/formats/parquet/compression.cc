#include "formats/parquet/compression.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <lz4.h>
#include <lz4frame.h>
#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <limits>
#include <new>

#include "columnar/check.h"

namespace lakestream::parquet {
namespace {

[[noreturn]] void Corrupt(Codec codec, const std::string& detail) {
  throw ParquetCorruptError(std::string(CodecName(codec)) + " page: " + detail);
}

std::string SizeMismatch(size_t expected) {
  return "does not decompress to the " + std::to_string(expected) + " bytes its header declares";
}

bool FitsInt(size_t n) { return n <= static_cast<size_t>(std::numeric_limits<int>::max()); }

void DecompressSnappy(const uint8_t* data, size_t size, uint8_t* out, size_t uncompressed_size) {
  const char* src = reinterpret_cast<const char*>(data);
  size_t length = 0;
  if (!snappy::GetUncompressedLength(src, size, &length) || length != uncompressed_size ||
      !snappy::RawUncompress(src, size, reinterpret_cast<char*>(out))) {
    Corrupt(Codec::kSnappy, SizeMismatch(uncompressed_size) + " or is malformed");
  }
}

struct InflateStream {
  z_stream z{};
  ~InflateStream() { inflateEnd(&z); }
};

struct DeflateStream {
  z_stream z{};
  ~DeflateStream() { deflateEnd(&z); }
};

// Inflates gzip (or zlib) members back to back: some writers emit one member
// per flushed chunk, and gzip readers concatenate them.
void DecompressGzip(const uint8_t* data, size_t size, uint8_t* out, size_t uncompressed_size) {
  InflateStream s;
  // 15 + 32: the largest window and automatic gzip/zlib header detection.
  if (inflateInit2(&s.z, 15 + 32) != Z_OK) throw std::bad_alloc();
  uint8_t full;  // zlib wants a valid next_out even when there is no room left
  size_t in_pos = 0, out_pos = 0;
  bool member_ended = false;
  while (in_pos < size) {
    if (member_ended) {
      if (inflateReset(&s.z) != Z_OK) Corrupt(Codec::kGzip, "cannot start the next member");
      member_ended = false;
    }
    // avail_in/avail_out are 32-bit; feed at most 1 GiB at a time.
    constexpr size_t kChunk = size_t{1} << 30;
    uint8_t* next_out = out_pos < uncompressed_size ? out + out_pos : &full;
    s.z.next_in = const_cast<Bytef*>(data + in_pos);
    s.z.avail_in = static_cast<uInt>(std::min(size - in_pos, kChunk));
    s.z.next_out = next_out;
    s.z.avail_out = static_cast<uInt>(std::min(uncompressed_size - out_pos, kChunk));
    int rc = inflate(&s.z, Z_NO_FLUSH);
    in_pos += s.z.next_in - (data + in_pos);
    out_pos += s.z.next_out - next_out;
    if (rc == Z_STREAM_END) {
      member_ended = true;
    } else if (rc == Z_BUF_ERROR) {
      // No progress was possible: the output is full while the data holds more.
      Corrupt(Codec::kGzip, SizeMismatch(uncompressed_size));
    } else if (rc != Z_OK) {
      Corrupt(Codec::kGzip, s.z.msg != nullptr ? s.z.msg : "inflate failed");
    }
  }
  if (!member_ended) Corrupt(Codec::kGzip, "truncated stream");
  if (out_pos != uncompressed_size) Corrupt(Codec::kGzip, SizeMismatch(uncompressed_size));
}

void DecompressZstd(const uint8_t* data, size_t size, uint8_t* out, size_t uncompressed_size) {
  // Single-shot decompression writes into `out` only, up to its capacity, so
  // a frame claiming a huge window or content size cannot make us allocate.
  size_t n = ZSTD_decompress(out, uncompressed_size, data, size);
  if (ZSTD_isError(n)) Corrupt(Codec::kZstd, ZSTD_getErrorName(n));
  if (n != uncompressed_size) Corrupt(Codec::kZstd, SizeMismatch(uncompressed_size));
}

// One raw LZ4 block decoding to exactly `expected` bytes.
bool Lz4Block(const uint8_t* data, size_t size, uint8_t* out, size_t expected) {
  if (!FitsInt(size) || !FitsInt(expected)) return false;
  int n = LZ4_decompress_safe(reinterpret_cast<const char*>(data), reinterpret_cast<char*>(out),
                              static_cast<int>(size), static_cast<int>(expected));
  return n >= 0 && static_cast<size_t>(n) == expected;
}

uint32_t LoadBigEndian32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

// Hadoop's BlockCompressorStream framing used by parquet-mr's LZ4:
// ([4-byte BE uncompressed length][4-byte BE compressed length][LZ4 block])+.
bool Lz4Hadoop(const uint8_t* data, size_t size, uint8_t* out, size_t uncompressed_size) {
  size_t in_pos = 0, out_pos = 0;
  while (in_pos < size) {
    if (size - in_pos < 8) return false;
    size_t block_out = LoadBigEndian32(data + in_pos);
    size_t block_in = LoadBigEndian32(data + in_pos + 4);
    in_pos += 8;
    if (block_in > size - in_pos || block_out > uncompressed_size - out_pos) return false;
    if (!Lz4Block(data + in_pos, block_in, out + out_pos, block_out)) return false;
    in_pos += block_in;
    out_pos += block_out;
  }
  return size > 0 && out_pos == uncompressed_size;
}

struct Lz4FrameContext {
  LZ4F_dctx* ctx = nullptr;
  ~Lz4FrameContext() { LZ4F_freeDecompressionContext(ctx); }
};

// One or more LZ4 frames (lz4frame.h), as some non-Java writers produced.
bool Lz4Frames(const uint8_t* data, size_t size, uint8_t* out, size_t uncompressed_size) {
  Lz4FrameContext f;
  if (LZ4F_isError(LZ4F_createDecompressionContext(&f.ctx, LZ4F_VERSION))) throw std::bad_alloc();
  size_t in_pos = 0, out_pos = 0, hint = 1;
  while (in_pos < size) {
    size_t out_room = uncompressed_size - out_pos;
    size_t in_left = size - in_pos;
    hint = LZ4F_decompress(f.ctx, out + out_pos, &out_room, data + in_pos, &in_left, nullptr);
    if (LZ4F_isError(hint)) return false;
    in_pos += in_left;
    out_pos += out_room;
    // No progress means the output is full while the frame wants to write more.
    if (in_left == 0 && out_room == 0) return false;
  }
  return hint == 0 && out_pos == uncompressed_size;
}

void DecompressLz4Legacy(const uint8_t* data, size_t size, uint8_t* out, size_t uncompressed_size) {
  // The legacy LZ4 codec never had one agreed framing; try the three seen in
  // the wild, most common first. Each attempt only writes inside `out`.
  if (Lz4Hadoop(data, size, out, uncompressed_size)) return;
  if (Lz4Block(data, size, out, uncompressed_size)) return;
  if (Lz4Frames(data, size, out, uncompressed_size)) return;
  Corrupt(Codec::kLz4, "is neither Hadoop-framed LZ4, a raw LZ4 block nor an LZ4 frame of " +
                           std::to_string(uncompressed_size) + " bytes");
}

void DecompressBrotli(const uint8_t* data, size_t size, uint8_t* out, size_t uncompressed_size) {
  size_t decoded = uncompressed_size;
  if (BrotliDecoderDecompress(size, data, &decoded, out) != BROTLI_DECODER_RESULT_SUCCESS ||
      decoded != uncompressed_size) {
    Corrupt(Codec::kBrotli, SizeMismatch(uncompressed_size) + " or is malformed");
  }
}

[[noreturn]] void InvalidLevel(Codec codec, int level) {
  throw UserError(
      "INVALID_PARAMETER_VALUE.COMPRESSION_LEVEL", "22023",
      "Compression level " + std::to_string(level) + " is out of range for " + CodecName(codec) + ".");
}

void CompressGzip(const uint8_t* data, size_t size, std::string* out, int level) {
  if (level < 0) level = 6;
  if (level > 9) InvalidLevel(Codec::kGzip, level);
  DeflateStream s;
  z_stream& z = s.z;
  // 15 + 16: the largest window, gzip framing as Parquet's GZIP requires.
  if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::bad_alloc();
  LS_CHECK(size <= std::numeric_limits<uLong>::max());
  size_t start = out->size();
  size_t bound = deflateBound(&z, static_cast<uLong>(size));
  LS_CHECK_LE(bound, static_cast<size_t>(std::numeric_limits<uInt>::max()));
  out->resize(start + bound);
  z.next_in = const_cast<Bytef*>(data);
  z.avail_in = static_cast<uInt>(size);
  z.next_out = reinterpret_cast<Bytef*>(out->data() + start);
  z.avail_out = static_cast<uInt>(bound);
  // deflateBound guarantees one Z_FINISH call suffices.
  LS_CHECK_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out->resize(start + z.total_out);
}

void CompressLz4Block(const uint8_t* data, size_t size, std::string* out) {
  LS_CHECK_LE(size, static_cast<size_t>(LZ4_MAX_INPUT_SIZE));
  size_t start = out->size();
  int bound = LZ4_compressBound(static_cast<int>(size));
  out->resize(start + bound);
  int n = LZ4_compress_default(reinterpret_cast<const char*>(data), out->data() + start,
                               static_cast<int>(size), bound);
  LS_CHECK(n > 0 || size == 0);
  out->resize(start + n);
}

void StoreBigEndian32(uint32_t v, std::string* out) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>((v >> shift) & 0xFF));
}

}  // namespace

void Decompress(Codec codec, const uint8_t* data, size_t size, uint8_t* out, size_t uncompressed_size) {
  // An empty page may be stored as zero bytes whatever its codec (parquet-mr
  // does this for empty V2 pages).
  if (size == 0 && uncompressed_size == 0) return;
  switch (codec) {
    case Codec::kUncompressed:
      if (size != uncompressed_size) Corrupt(codec, SizeMismatch(uncompressed_size));
      std::memcpy(out, data, size);
      return;
    case Codec::kSnappy: return DecompressSnappy(data, size, out, uncompressed_size);
    case Codec::kGzip: return DecompressGzip(data, size, out, uncompressed_size);
    case Codec::kZstd: return DecompressZstd(data, size, out, uncompressed_size);
    case Codec::kLz4: return DecompressLz4Legacy(data, size, out, uncompressed_size);
    case Codec::kLz4Raw:
      if (!Lz4Block(data, size, out, uncompressed_size))
        Corrupt(codec, SizeMismatch(uncompressed_size) + " or is malformed");
      return;
    case Codec::kBrotli: return DecompressBrotli(data, size, out, uncompressed_size);
    case Codec::kLzo: break;
  }
  throw ParquetUnsupportedError(std::string(CodecName(codec)) + " compression");
}

void Compress(Codec codec, const uint8_t* data, size_t size, std::string* out, int level) {
  size_t start = out->size();
  switch (codec) {
    case Codec::kUncompressed: out->append(reinterpret_cast<const char*>(data), size); return;
    case Codec::kSnappy: {
      out->resize(start + snappy::MaxCompressedLength(size));
      size_t n = 0;
      snappy::RawCompress(reinterpret_cast<const char*>(data), size, out->data() + start, &n);
      out->resize(start + n);
      return;
    }
    case Codec::kGzip: return CompressGzip(data, size, out, level);
    case Codec::kZstd: {
      if (level < 0) level = 3;
      if (level > ZSTD_maxCLevel()) InvalidLevel(codec, level);
      out->resize(start + ZSTD_compressBound(size));
      size_t n = ZSTD_compress(out->data() + start, out->size() - start, data, size, level);
      LS_CHECK(!ZSTD_isError(n));
      out->resize(start + n);
      return;
    }
    case Codec::kLz4Raw: return CompressLz4Block(data, size, out);
    case Codec::kLz4: {
      // One Hadoop-framed block, the form parquet-mr and Arrow both read.
      LS_CHECK_LE(size, static_cast<size_t>(LZ4_MAX_INPUT_SIZE));
      out->resize(start + 8);
      CompressLz4Block(data, size, out);
      std::string header;
      StoreBigEndian32(static_cast<uint32_t>(size), &header);
      StoreBigEndian32(static_cast<uint32_t>(out->size() - start - 8), &header);
      out->replace(start, 8, header);
      return;
    }
    case Codec::kBrotli: {
      if (level < 0) level = 1;
      if (level > BROTLI_MAX_QUALITY) InvalidLevel(codec, level);
      size_t n = BrotliEncoderMaxCompressedSize(size);
      LS_CHECK(n != 0 || size == 0);
      if (n == 0) n = 1;  // the empty stream is one byte
      out->resize(start + n);
      LS_CHECK(BrotliEncoderCompress(level, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, size, data, &n,
                                     reinterpret_cast<uint8_t*>(out->data() + start)));
      out->resize(start + n);
      return;
    }
    case Codec::kLzo: break;
  }
  throw ParquetUnsupportedError(std::string(CodecName(codec)) + " compression");
}

Codec ParseCodecName(const std::string& name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "none" || lower == "uncompressed") return Codec::kUncompressed;
  if (lower == "snappy") return Codec::kSnappy;
  if (lower == "gzip") return Codec::kGzip;
  if (lower == "zstd") return Codec::kZstd;
  // Spark's "lz4" writes LZ4_RAW, the codec every current reader agrees on.
  if (lower == "lz4" || lower == "lz4_raw") return Codec::kLz4Raw;
  if (lower == "brotli") return Codec::kBrotli;
  throw UserError("CODEC_NOT_AVAILABLE", "56038",
                  "The codec " + name +
                      " is not available. Available codecs are brotli, gzip, lz4, lz4_raw, "
                      "none, snappy, uncompressed, zstd.");
}

const char* CodecName(Codec codec) {
  switch (codec) {
    case Codec::kUncompressed: return "UNCOMPRESSED";
    case Codec::kSnappy: return "SNAPPY";
    case Codec::kGzip: return "GZIP";
    case Codec::kLzo: return "LZO";
    case Codec::kBrotli: return "BROTLI";
    case Codec::kLz4: return "LZ4";
    case Codec::kZstd: return "ZSTD";
    case Codec::kLz4Raw: return "LZ4_RAW";
  }
  return "UNKNOWN";  // only reachable through a cast; decoders reject such values
}

}  // namespace lakestream::parquet
