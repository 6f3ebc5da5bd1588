#include "expr/functions/spark_hash.h"

#include <xxhash.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <string>

namespace lakestream {
namespace {

// Spark feeds ints and longs to the hashers in little-endian byte order.
static_assert(std::endian::native == std::endian::little, "Spark-compatible hashing assumes a little-endian host");

uint32_t MixK1(uint32_t k) { return std::rotl(k * 0xcc9e2d51u, 15) * 0x1b873593u; }
uint32_t MixH1(uint32_t h, uint32_t k) { return std::rotl(h ^ k, 13) * 5 + 0xe6546b64u; }
uint32_t Fmix(uint32_t h, uint32_t length) {
  h ^= length;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  return h ^ (h >> 16);
}

// java.math.BigInteger.toByteArray of an unscaled decimal: the shortest
// big-endian two's complement form, which Spark hashes for precision > 18.
std::string MinimalBigEndian(int128_t v) {
  unsigned char bytes[16];
  auto u = static_cast<unsigned __int128>(v);
  for (int i = 15; i >= 0; --i, u >>= 8) bytes[i] = static_cast<unsigned char>(u & 0xff);
  int start = 0;
  while (start < 15 && ((bytes[start] == 0x00 && !(bytes[start + 1] & 0x80)) ||
                        (bytes[start] == 0xff && (bytes[start + 1] & 0x80)))) {
    ++start;
  }
  return std::string(reinterpret_cast<const char*>(bytes + start), 16 - start);
}

struct Murmur3 {
  using Hash = int32_t;
  static Hash Int(int32_t v, Hash seed) { return Murmur3HashInt(v, seed); }
  static Hash Long(int64_t v, Hash seed) { return Murmur3HashLong(v, seed); }
  static Hash Bytes(std::string_view b, Hash seed) { return Murmur3HashBytes(b, seed); }
};

struct XxHash64 {
  using Hash = int64_t;
  static Hash Int(int32_t v, Hash seed) { return static_cast<Hash>(XXH64(&v, 4, static_cast<XXH64_hash_t>(seed))); }
  static Hash Long(int64_t v, Hash seed) { return static_cast<Hash>(XXH64(&v, 8, static_cast<XXH64_hash_t>(seed))); }
  static Hash Bytes(std::string_view b, Hash seed) {
    return static_cast<Hash>(XXH64(b.data(), b.size(), static_cast<XXH64_hash_t>(seed)));
  }
};

template <typename H>
typename H::Hash HashValue(const Array& a, int64_t i, typename H::Hash seed) {
  if (a.IsNull(i)) return seed;
  switch (a.type_id()) {
    case TypeId::kNull: return seed;
    case TypeId::kBoolean: return H::Int(a.GetBool(i) ? 1 : 0, seed);
    case TypeId::kByte: return H::Int(a.values<int8_t>()[i], seed);
    case TypeId::kShort: return H::Int(a.values<int16_t>()[i], seed);
    case TypeId::kInt:
    case TypeId::kYearMonthInterval:
    case TypeId::kDate: return H::Int(a.values<int32_t>()[i], seed);
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kDayTimeInterval:
    case TypeId::kTimestampNtz: return H::Long(a.values<int64_t>()[i], seed);
    case TypeId::kFloat: {
      const float f = a.values<float>()[i];
      // Java's floatToIntBits: one canonical NaN; -0.0 is folded into 0.0 first.
      if (f == 0.0f) return H::Int(0, seed);
      return H::Int(std::isnan(f) ? 0x7fc00000 : std::bit_cast<int32_t>(f), seed);
    }
    case TypeId::kDouble: {
      const double d = a.values<double>()[i];
      if (d == 0.0) return H::Long(0, seed);
      return H::Long(std::isnan(d) ? int64_t{0x7ff8000000000000} : std::bit_cast<int64_t>(d), seed);
    }
    case TypeId::kDecimal: {
      const int128_t v = a.values<int128_t>()[i];
      if (a.type()->precision() <= 18) return H::Long(static_cast<int64_t>(v), seed);
      return H::Bytes(MinimalBigEndian(v), seed);
    }
    case TypeId::kString:
    case TypeId::kBinary: return H::Bytes(a.GetView(i), seed);
    case TypeId::kArray: {
      const int32_t* o = a.offsets();
      for (int64_t j = o[i]; j < o[i + 1]; ++j) seed = HashValue<H>(*a.child(0), j, seed);
      return seed;
    }
    case TypeId::kMap: {
      const int32_t* o = a.offsets();
      const Array& entries = *a.child(0);
      for (int64_t j = o[i]; j < o[i + 1]; ++j) {
        seed = HashValue<H>(*entries.child(0), j, seed);
        seed = HashValue<H>(*entries.child(1), j, seed);
      }
      return seed;
    }
    case TypeId::kStruct:
      for (const ArrayPtr& field : a.children()) seed = HashValue<H>(*field, i, seed);
      return seed;
  }
  return seed;
}

}  // namespace

int32_t Murmur3HashInt(int32_t value, int32_t seed) {
  return static_cast<int32_t>(Fmix(MixH1(static_cast<uint32_t>(seed), MixK1(static_cast<uint32_t>(value))), 4));
}

int32_t Murmur3HashLong(int64_t value, int32_t seed) {
  const auto u = static_cast<uint64_t>(value);
  uint32_t h = MixH1(static_cast<uint32_t>(seed), MixK1(static_cast<uint32_t>(u)));
  h = MixH1(h, MixK1(static_cast<uint32_t>(u >> 32)));
  return static_cast<int32_t>(Fmix(h, 8));
}

int32_t Murmur3HashBytes(std::string_view bytes, int32_t seed) {
  const size_t aligned = bytes.size() - bytes.size() % 4;
  uint32_t h = static_cast<uint32_t>(seed);
  for (size_t i = 0; i < aligned; i += 4) {
    uint32_t word;
    std::memcpy(&word, bytes.data() + i, 4);
    h = MixH1(h, MixK1(word));
  }
  // Spark's hashUnsafeBytes mixes each tail byte as a sign-extended int; this
  // differs from reference Murmur3 but is what hash() has always returned.
  for (size_t i = aligned; i < bytes.size(); ++i) {
    h = MixH1(h, MixK1(static_cast<uint32_t>(static_cast<int32_t>(static_cast<int8_t>(bytes[i])))));
  }
  return static_cast<int32_t>(Fmix(h, static_cast<uint32_t>(bytes.size())));
}

void Murmur3HashColumn(const Array& column, int32_t* hashes) {
  for (int64_t i = 0; i < column.length(); ++i) hashes[i] = HashValue<Murmur3>(column, i, hashes[i]);
}

void XxHash64Column(const Array& column, int64_t* hashes) {
  for (int64_t i = 0; i < column.length(); ++i) hashes[i] = HashValue<XxHash64>(column, i, hashes[i]);
}

}  // namespace lakestream
