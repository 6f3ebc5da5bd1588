// hash, xxhash64, md5, sha1, sha2, crc32: values from Spark's function
// reference and the published digest test vectors.
#include <gtest/gtest.h>

#include "expr/functions/spark_hash.h"
#include "test_batches.h"

namespace lakestream {

// Readable failure output for Values.
static void PrintTo(const Value& v, std::ostream* os) { *os << v.ToString(); }

namespace {

using expr_test::ErrorOf;
using expr_test::EvalConst;
using expr_test::EvalValues;
using expr_test::I;
using expr_test::L;
using expr_test::MakeBatch;
using expr_test::S;

Value Eval(const std::string& fn, std::vector<ExprPtr> args) { return EvalConst(Call(fn, std::move(args))); }
ExprPtr Null(const DataTypePtr& t) { return Lit(Value(), t); }

TEST(HashFunctionsTest, MurmurMatchesSparkReference) {
  EXPECT_EQ(Eval("hash", {I(1)}), Value(int64_t{-559580957}));
  // Derived from Spark's Murmur3_x86_32.hashUnsafeBytes (three tail bytes, no body);
  // the same code reproduces the documented example below.
  EXPECT_EQ(Eval("hash", {S("abc")}), Value(int64_t{1322437556}));
  // Spark's documented example: a 5-byte string (tail bytes), an array and an int.
  const ExprPtr arr = Lit(Value::List({Value(123)}), DataType::Array(DataType::Int()));
  EXPECT_EQ(Eval("hash", {S("Spark"), arr, I(2)}), Value(int64_t{-1321691492}));
}

TEST(HashFunctionsTest, XxHash64MatchesSparkReference) {
  const ExprPtr arr = Lit(Value::List({Value(123)}), DataType::Array(DataType::Int()));
  EXPECT_EQ(Eval("xxhash64", {S("Spark"), arr, I(2)}), Value(int64_t{5602566077635097486}));
}

TEST(HashFunctionsTest, NullLeavesRunningHashUnchanged) {
  EXPECT_EQ(Eval("hash", {Null(DataType::String())}), Value(int64_t{42}));
  EXPECT_EQ(Eval("hash", {I(1), Null(DataType::Int())}), Eval("hash", {I(1)}));
  EXPECT_EQ(Eval("xxhash64", {Null(DataType::Int())}), Value(int64_t{42}));
  // NULL array elements are skipped as well.
  const ExprPtr with_null = Lit(Value::List({Value(123), Value()}), DataType::Array(DataType::Int()));
  const ExprPtr without = Lit(Value::List({Value(123)}), DataType::Array(DataType::Int()));
  EXPECT_EQ(Eval("hash", {with_null}), Eval("hash", {without}));
}

TEST(HashFunctionsTest, PerTypeRules) {
  // BIGINT hashes as 8 bytes, INT and smaller as 4, so 1 and 1L differ.
  EXPECT_EQ(Eval("hash", {L(1)}), Value(int64_t{Murmur3HashLong(1, 42)}));
  EXPECT_NE(Eval("hash", {L(1)}), Eval("hash", {I(1)}));
  EXPECT_EQ(Eval("hash", {Lit(Value(int64_t{1}), DataType::Short())}), Eval("hash", {I(1)}));
  // -0.0 is folded into 0.0; a double hashes its bit pattern as a long.
  EXPECT_EQ(Eval("hash", {expr_test::D(-0.0)}), Eval("hash", {expr_test::D(0.0)}));
  EXPECT_EQ(Eval("hash", {expr_test::D(1.5)}), Value(int64_t{Murmur3HashLong(0x3FF8000000000000, 42)}));
  // Decimals up to precision 18 hash their unscaled long, wider ones the bytes
  // of the unscaled BigInteger.
  EXPECT_EQ(Eval("hash", {Lit(Value::Decimal(123), DataType::Decimal(10, 2))}),
            Value(int64_t{Murmur3HashLong(123, 42)}));
  EXPECT_EQ(Eval("hash", {Lit(Value::Decimal(1), DataType::Decimal(20, 0))}),
            Value(int64_t{Murmur3HashBytes("\x01", 42)}));
  EXPECT_EQ(Eval("hash", {Lit(Value::Decimal(-129), DataType::Decimal(20, 0))}),
            Value(int64_t{Murmur3HashBytes(std::string("\xFF\x7F", 2), 42)}));
  EXPECT_EQ(Eval("hash", {expr_test::B(true)}), Eval("hash", {I(1)}));
}

TEST(HashFunctionsTest, HashesEveryRowOfAColumn) {
  auto batch = MakeBatch("s STRING, i INT", {{Value("abc"), Value(1)}, {Value(), Value(1)}, {Value("abc"), Value()}});
  const auto v = EvalValues(Call("hash", {Col("s"), Col("i")}), *batch);
  EXPECT_EQ(v[1], Eval("hash", {I(1)}));
  EXPECT_EQ(v[2], Eval("hash", {S("abc")}));
  EXPECT_NE(v[0], v[1]);
}

TEST(HashFunctionsTest, RejectsMapsAndNoArguments) {
  auto batch = MakeBatch("m MAP<STRING, INT>", {});
  ErrorOf([&] { expr_test::BindOn(Call("hash", {Col("m")}), *batch); }, "DATATYPE_MISMATCH.HASH_MAP_TYPE");
  ErrorOf([&] { Eval("xxhash64", {}); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
}

TEST(HashFunctionsTest, Digests) {
  EXPECT_EQ(Eval("md5", {S("Spark")}), Value("8cde774d6f7333752ed72cacddb05126"));
  EXPECT_EQ(Eval("md5", {S("")}), Value("d41d8cd98f00b204e9800998ecf8427e"));
  EXPECT_EQ(Eval("md5", {S("The quick brown fox jumps over the lazy dog")}),
            Value("9e107d9d372bb6826bd81d3542a419d6"));
  EXPECT_EQ(Eval("sha1", {S("Spark")}), Value("85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c"));
  EXPECT_EQ(Eval("sha", {S("abc")}), Value("a9993e364706816aba3e25717850c26c9cd0d89d"));
  EXPECT_EQ(Eval("sha2", {S("Spark"), I(256)}),
            Value("529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b"));
  EXPECT_EQ(Eval("sha2", {S("Spark"), I(0)}), Eval("sha2", {S("Spark"), I(256)}));
  // Two-block message (56 bytes) exercises padding into a second block.
  EXPECT_EQ(Eval("sha2", {S("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), I(256)}),
            Value("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
  EXPECT_EQ(Eval("sha2", {S("abc"), I(224)}), Value("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"));
  EXPECT_EQ(Eval("sha2", {S("abc"), I(384)}),
            Value("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"));
  EXPECT_EQ(Eval("sha2", {S("abc"), I(512)}),
            Value("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                  "454d4423643ce80e2a9ac94fa54ca49f"));
  EXPECT_EQ(Eval("sha2", {S("abc"), I(100)}), Value());
  EXPECT_EQ(Eval("crc32", {S("Spark")}), Value(int64_t{1557323817}));
  EXPECT_EQ(Eval("md5", {Null(DataType::String())}), Value());
}

TEST(HashFunctionsTest, DigestsAcceptBinaryAndRejectNumbers) {
  EXPECT_EQ(Eval("md5", {Lit(Value("Spark"), DataType::Binary())}), Value("8cde774d6f7333752ed72cacddb05126"));
  ErrorOf([&] { Eval("md5", {I(1)}); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
  ErrorOf([&] { Eval("sha2", {S("a")}); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
}

}  // namespace
}  // namespace lakestream
