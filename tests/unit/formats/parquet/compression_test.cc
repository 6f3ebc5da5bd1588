#include "formats/parquet/compression.h"

#include <gtest/gtest.h>
#include <lz4.h>
#include <lz4frame.h>
#include <zlib.h>

#include <random>
#include <string>
#include <vector>

namespace lakestream::parquet {
namespace {

const uint8_t* Bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

// Compressible but not trivial: repeated words with random noise.
std::string SampleData(size_t size) {
  std::mt19937 rng(42);
  const char* words[] = {"lake", "stream", "parquet", "row group", "page", "\0\1\2"};
  std::string s;
  while (s.size() < size) {
    s += words[rng() % 6];
    if (rng() % 4 == 0) s.push_back(static_cast<char>(rng()));
  }
  s.resize(size);
  return s;
}

std::string Roundtrip(Codec codec, const std::string& input) {
  std::string compressed = "prefix";  // Compress appends
  Compress(codec, Bytes(input), input.size(), &compressed);
  EXPECT_EQ(compressed.substr(0, 6), "prefix");
  std::string body = compressed.substr(6);
  std::vector<uint8_t> out(input.size() + 1, 0xAB);  // one guard byte
  Decompress(codec, Bytes(body), body.size(), out.data(), input.size());
  EXPECT_EQ(out.back(), 0xAB) << "wrote past the declared size";
  return std::string(out.begin(), out.end() - 1);
}

std::string CompressWith(Codec codec, const std::string& input, int level = -1) {
  std::string out;
  Compress(codec, Bytes(input), input.size(), &out, level);
  return out;
}

const Codec kCodecs[] = {Codec::kUncompressed, Codec::kSnappy, Codec::kGzip,  Codec::kBrotli,
                         Codec::kLz4,          Codec::kZstd,   Codec::kLz4Raw};

TEST(CompressionTest, EveryCodecRoundTrips) {
  for (Codec codec : kCodecs) {
    for (size_t size : {size_t{0}, size_t{1}, size_t{100}, size_t{70000}, size_t{3} << 20}) {
      std::string input = SampleData(size);
      EXPECT_EQ(Roundtrip(codec, input), input) << CodecName(codec) << " " << size;
    }
  }
}

TEST(CompressionTest, CompressedDataIsSmallerForRepetitiveInput) {
  std::string input(100000, 'x');
  for (Codec codec : kCodecs) {
    if (codec == Codec::kUncompressed) continue;
    EXPECT_LT(CompressWith(codec, input).size(), input.size() / 10) << CodecName(codec);
  }
}

TEST(CompressionTest, LevelsAreHonouredAndValidated) {
  std::string input = SampleData(200000);
  EXPECT_LE(CompressWith(Codec::kZstd, input, 19).size(), CompressWith(Codec::kZstd, input, 1).size());
  EXPECT_LE(CompressWith(Codec::kGzip, input, 9).size(), CompressWith(Codec::kGzip, input, 1).size());
  EXPECT_THROW(CompressWith(Codec::kGzip, input, 10), UserError);
  EXPECT_THROW(CompressWith(Codec::kZstd, input, 23), UserError);
  EXPECT_THROW(CompressWith(Codec::kBrotli, input, 12), UserError);
}

TEST(CompressionTest, WrongDeclaredSizeIsCorrupt) {
  std::string input = SampleData(5000);
  for (Codec codec : kCodecs) {
    std::string compressed = CompressWith(codec, input);
    // Declared smaller than the data: must stop at the buffer, not overrun it.
    std::vector<uint8_t> small(input.size() - 1 + 16, 0xAB);
    EXPECT_THROW(Decompress(codec, Bytes(compressed), compressed.size(), small.data(), input.size() - 1),
                 ParquetCorruptError)
        << CodecName(codec);
    for (size_t i = input.size() - 1; i < small.size(); ++i) ASSERT_EQ(small[i], 0xAB) << CodecName(codec);
    std::vector<uint8_t> big(input.size() + 1);
    EXPECT_THROW(Decompress(codec, Bytes(compressed), compressed.size(), big.data(), big.size()),
                 ParquetCorruptError)
        << CodecName(codec);
  }
}

TEST(CompressionTest, DecompressionBombFailsWithoutAllocating) {
  // 64 MiB of zeros claimed to be a 1 KiB page.
  std::string zeros(64 << 20, '\0');
  for (Codec codec : {Codec::kGzip, Codec::kZstd, Codec::kBrotli}) {
    std::string compressed = CompressWith(codec, zeros);
    std::vector<uint8_t> out(1024);
    EXPECT_THROW(Decompress(codec, Bytes(compressed), compressed.size(), out.data(), out.size()),
                 ParquetCorruptError)
        << CodecName(codec);
  }
}

TEST(CompressionTest, TruncatedAndGarbageInputIsCorrupt) {
  std::string input = SampleData(20000);
  for (Codec codec : kCodecs) {
    if (codec == Codec::kUncompressed) continue;
    std::string compressed = CompressWith(codec, input);
    std::vector<uint8_t> out(input.size());
    for (size_t len : {size_t{1}, compressed.size() / 2, compressed.size() - 1}) {
      std::string prefix = compressed.substr(0, len);
      EXPECT_THROW(Decompress(codec, Bytes(prefix), prefix.size(), out.data(), out.size()),
                   ParquetCorruptError)
          << CodecName(codec) << " cut at " << len;
    }
    std::string garbage = SampleData(300);
    EXPECT_THROW(Decompress(codec, Bytes(garbage), garbage.size(), out.data(), out.size()),
                 ParquetCorruptError)
        << CodecName(codec);
  }
}

TEST(CompressionTest, EmptyPagesMayBeStoredAsZeroBytes) {
  for (Codec codec : kCodecs) Decompress(codec, nullptr, 0, nullptr, 0);
  uint8_t out[4];
  EXPECT_THROW(Decompress(Codec::kSnappy, nullptr, 0, out, 4), ParquetCorruptError);
  EXPECT_THROW(Decompress(Codec::kGzip, nullptr, 0, out, 4), ParquetCorruptError);
}

std::string GzipMember(const std::string& input) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, input.size()), '\0');
  z.next_in = const_cast<Bytef*>(Bytes(input));
  z.avail_in = input.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(CompressionTest, GzipReadsConcatenatedMembers) {
  std::string a = SampleData(3000), b = "second member";
  std::string both = GzipMember(a) + GzipMember(b) + GzipMember("");
  std::vector<uint8_t> out(a.size() + b.size());
  Decompress(Codec::kGzip, Bytes(both), both.size(), out.data(), out.size());
  EXPECT_EQ(std::string(out.begin(), out.end()), a + b);

  // zlib framing (auto-detected) is accepted too.
  std::string zlib(compressBound(a.size()), '\0');
  uLongf zlib_size = zlib.size();
  ASSERT_EQ(compress(reinterpret_cast<Bytef*>(zlib.data()), &zlib_size, Bytes(a), a.size()), Z_OK);
  zlib.resize(zlib_size);
  std::vector<uint8_t> out2(a.size());
  Decompress(Codec::kGzip, Bytes(zlib), zlib.size(), out2.data(), out2.size());
  EXPECT_EQ(std::string(out2.begin(), out2.end()), a);

  // Trailing garbage after the last member is corrupt.
  std::string trailing = GzipMember(a) + "junk";
  EXPECT_THROW(Decompress(Codec::kGzip, Bytes(trailing), trailing.size(), out2.data(), out2.size()),
               ParquetCorruptError);
}

std::string Lz4RawBlock(const std::string& input) {
  std::string out(LZ4_compressBound(input.size()), '\0');
  int n = LZ4_compress_default(input.data(), out.data(), input.size(), out.size());
  out.resize(n);
  return out;
}

std::string BigEndian32(uint32_t v) {
  return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                     static_cast<char>(v)};
}

TEST(CompressionTest, LegacyLz4ReadsHadoopFramingWithSeveralBlocks) {
  std::string a = SampleData(10000), b = SampleData(777);
  std::string ba = Lz4RawBlock(a), bb = Lz4RawBlock(b);
  std::string framed = BigEndian32(a.size()) + BigEndian32(ba.size()) + ba + BigEndian32(b.size()) +
                       BigEndian32(bb.size()) + bb;
  std::vector<uint8_t> out(a.size() + b.size());
  Decompress(Codec::kLz4, Bytes(framed), framed.size(), out.data(), out.size());
  EXPECT_EQ(std::string(out.begin(), out.end()), a + b);

  // A block header claiming more than the page holds falls through to the
  // other framings, which fail too.
  std::string lying = BigEndian32(a.size() + b.size() + 1) + BigEndian32(ba.size()) + ba;
  EXPECT_THROW(Decompress(Codec::kLz4, Bytes(lying), lying.size(), out.data(), out.size()),
               ParquetCorruptError);
}

TEST(CompressionTest, LegacyLz4FallsBackToRawBlocksAndFrames) {
  std::string input = SampleData(50000);
  std::string raw = Lz4RawBlock(input);
  std::vector<uint8_t> out(input.size());
  Decompress(Codec::kLz4, Bytes(raw), raw.size(), out.data(), out.size());
  EXPECT_EQ(std::string(out.begin(), out.end()), input);

  std::string frame(LZ4F_compressFrameBound(input.size(), nullptr), '\0');
  size_t n = LZ4F_compressFrame(frame.data(), frame.size(), input.data(), input.size(), nullptr);
  ASSERT_FALSE(LZ4F_isError(n));
  frame.resize(n);
  std::fill(out.begin(), out.end(), 0);
  Decompress(Codec::kLz4, Bytes(frame), frame.size(), out.data(), out.size());
  EXPECT_EQ(std::string(out.begin(), out.end()), input);

  // A frame holding more than declared fails without overrunning.
  std::vector<uint8_t> small(input.size() / 2 + 8, 0xCD);
  EXPECT_THROW(Decompress(Codec::kLz4, Bytes(frame), frame.size(), small.data(), input.size() / 2),
               ParquetCorruptError);
  for (size_t i = input.size() / 2; i < small.size(); ++i) ASSERT_EQ(small[i], 0xCD);
}

TEST(CompressionTest, LegacyLz4IsWrittenWithHadoopFraming) {
  std::string input = SampleData(4000);
  std::string written = CompressWith(Codec::kLz4, input);
  ASSERT_GE(written.size(), 8u);
  EXPECT_EQ(written.substr(0, 4), BigEndian32(input.size()));
  EXPECT_EQ(written.substr(4, 4), BigEndian32(written.size() - 8));
}

TEST(CompressionTest, LzoIsUnsupported) {
  uint8_t out[1];
  uint8_t in[1] = {0};
  EXPECT_THROW(Decompress(Codec::kLzo, in, 1, out, 1), ParquetUnsupportedError);
  std::string s;
  EXPECT_THROW(Compress(Codec::kLzo, in, 1, &s), ParquetUnsupportedError);
}

TEST(CompressionTest, CodecNamesFollowSpark) {
  EXPECT_EQ(ParseCodecName("SNAPPY"), Codec::kSnappy);
  EXPECT_EQ(ParseCodecName("gzip"), Codec::kGzip);
  EXPECT_EQ(ParseCodecName("Zstd"), Codec::kZstd);
  EXPECT_EQ(ParseCodecName("lz4"), Codec::kLz4Raw);
  EXPECT_EQ(ParseCodecName("lz4_raw"), Codec::kLz4Raw);
  EXPECT_EQ(ParseCodecName("brotli"), Codec::kBrotli);
  EXPECT_EQ(ParseCodecName("none"), Codec::kUncompressed);
  EXPECT_EQ(ParseCodecName("UNCOMPRESSED"), Codec::kUncompressed);
  try {
    ParseCodecName("lzo");
    FAIL() << "lzo cannot be written";
  } catch (const UserError& e) { EXPECT_EQ(e.error_class(), "CODEC_NOT_AVAILABLE"); }
  EXPECT_THROW(ParseCodecName("snappy2"), UserError);
  EXPECT_STREQ(CodecName(Codec::kLz4Raw), "LZ4_RAW");
  EXPECT_STREQ(CodecName(Codec::kSnappy), "SNAPPY");
}

}  // namespace
}  // namespace lakestream::parquet
