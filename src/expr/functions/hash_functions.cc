// hash, xxhash64, md5, sha1/sha, sha2, crc32: Spark's hash functions.
#include <zlib.h>

#include "columnar/array_builder.h"
#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/bind_errors.h"
#include "expr/functions/digest.h"
#include "expr/functions/signature_check.h"
#include "expr/functions/spark_hash.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;

bool ContainsMap(const DataType& t) {
  if (t.id() == TypeId::kMap) return true;
  for (const Field& f : t.fields()) {
    if (f.type && ContainsMap(*f.type)) return true;
  }
  return false;
}

// Spark refuses maps in hash() and xxhash64(): map entries have no order, so
// equal maps could hash differently (DATATYPE_MISMATCH.HASH_MAP_TYPE).
BoundScalarFunction BindRowHash(const std::string& name, const Args& args, DataTypePtr result, ScalarKernel kernel) {
  if (args.empty()) ThrowWrongNumArgs(name, "> 0", 0);
  for (const DataTypePtr& t : args) {
    if (ContainsMap(*t)) {
      throw UserError("DATATYPE_MISMATCH.HASH_MAP_TYPE", "42K09",
                      "Input to the function `" + name + "` cannot contain elements of the \"MAP\" type. In Spark, "
                      "same maps may have different hashcode, thus hash expressions are prohibited on \"MAP\" "
                      "elements.");
    }
  }
  return BoundScalarFunction{args, std::move(result), std::move(kernel)};
}

// Hashes rows straight into the result's value buffer; the result is never NULL.
template <typename T, typename HashColumn>
ArrayPtr HashRows(const std::vector<ArrayPtr>& args, int64_t rows, const DataTypePtr& type, HashColumn hash_column) {
  BufferPtr values = Buffer::Allocate(std::max<int64_t>(rows, 1) * sizeof(T));
  T* hashes = values->mutable_data_as<T>();
  std::fill(hashes, hashes + rows, static_cast<T>(kSparkHashSeed));
  for (const ArrayPtr& a : args) hash_column(*a, hashes);
  return std::make_shared<Array>(type, rows, std::vector<BufferPtr>{nullptr, values}, std::vector<ArrayPtr>{}, 0);
}

ScalarFunction Hash() {
  return {"hash",
          {"hash(expr1, expr2, ...) - Returns a hash value of the arguments.",
           "SELECT hash('Spark', array(123), 2); -- -1321691492"},
          [](const Args& args) {
            return BindRowHash("hash", args, DataType::Int(),
                               [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
                                 return HashRows<int32_t>(a, rows, DataType::Int(), Murmur3HashColumn);
                               });
          }};
}

ScalarFunction XxHash64() {
  return {"xxhash64",
          {"xxhash64(expr1, expr2, ...) - Returns a 64-bit hash value of the arguments. Hash seed is 42.",
           "SELECT xxhash64('Spark', array(123), 2); -- 5602566077635097486"},
          [](const Args& args) {
            return BindRowHash("xxhash64", args, DataType::Long(),
                               [](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
                                 return HashRows<int64_t>(a, rows, DataType::Long(), XxHash64Column);
                               });
          }};
}

// A function of one BINARY argument returning the hex of a digest.
ScalarFunction HexDigest(std::string name, FunctionDoc doc, std::string (*digest)(std::string_view)) {
  return {name, std::move(doc), [name, digest](const Args& args) {
            signature::CheckArgCount(name, args.size(), 1, 1);
            return BoundScalarFunction{
                {argument::AsBinary(name, args, 0)}, DataType::String(),
                [digest](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                  return MapUnary<std::string, std::string_view>(
                      a[0], DataType::String(), [digest](std::string_view v) { return digest::ToLowerHex(digest(v)); });
                }};
          }};
}

ScalarFunction Sha2() {
  return {"sha2",
          {"sha2(expr, bitLength) - Returns a checksum of SHA-2 family as a hex string of `expr`. SHA-224, SHA-256, "
           "SHA-384, and SHA-512 are supported. Bit length of 0 is equivalent to 256.",
           "SELECT sha2('Spark', 256); -- 529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b"},
          [](const Args& args) {
            signature::CheckArgCount("sha2", args.size(), 2, 2);
            return BoundScalarFunction{
                {argument::AsBinary("sha2", args, 0), argument::AsInt("sha2", args, 1)}, DataType::String(),
                [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                  return MapBinary<std::string, std::string_view, int32_t>(
                      a[0], a[1], DataType::String(), [](std::string_view v, int32_t bits) -> std::optional<std::string> {
                        switch (bits) {
                          case 224: return digest::ToLowerHex(digest::Sha224(v));
                          case 0:
                          case 256: return digest::ToLowerHex(digest::Sha256(v));
                          case 384: return digest::ToLowerHex(digest::Sha384(v));
                          case 512: return digest::ToLowerHex(digest::Sha512(v));
                          default: return std::nullopt;  // Spark returns NULL for other lengths
                        }
                      });
                }};
          }};
}

ScalarFunction Crc32() {
  return {"crc32",
          {"crc32(expr) - Returns a cyclic redundancy check value of the `expr` as a bigint.",
           "SELECT crc32('Spark'); -- 1557323817"},
          [](const Args& args) {
            signature::CheckArgCount("crc32", args.size(), 1, 1);
            return BoundScalarFunction{
                {argument::AsBinary("crc32", args, 0)}, DataType::Long(),
                [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                  return MapUnary<int64_t, std::string_view>(a[0], DataType::Long(), [](std::string_view v) {
                    return static_cast<int64_t>(
                        ::crc32(0L, reinterpret_cast<const Bytef*>(v.data()), static_cast<uInt>(v.size())));
                  });
                }};
          }};
}

}  // namespace

void RegisterHashFunctions(FunctionRegistry& r) {
  r.AddScalar(Hash());
  r.AddScalar(XxHash64());
  r.AddScalar(HexDigest("md5",
                        {"md5(expr) - Returns an MD5 128-bit checksum as a hex string of `expr`.",
                         "SELECT md5('Spark'); -- 8cde774d6f7333752ed72cacddb05126"},
                        digest::Md5));
  r.AddScalar(HexDigest("sha1",
                        {"sha1(expr) - Returns a sha1 hash value as a hex string of the `expr`.",
                         "SELECT sha1('Spark'); -- 85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c"},
                        digest::Sha1));
  r.AddAlias("sha", "sha1");
  r.AddScalar(Sha2());
  r.AddScalar(Crc32());
}

}  // namespace lakestream
