// JSON schema inference (Spark's JsonInferSchema).
#include "format_test_fixture.h"

namespace lakestream {
namespace {

using JsonInferTest = FormatTest;

std::string Infer(const std::string& file, FormatOptions options = {}) {
  return FindFileFormat("json").InferSchema({file}, options, EvalContext{})->ToString();
}

TEST_F(JsonInferTest, ScalarsAndFieldOrder) {
  auto f = WriteText("a.json", "{\"z\":1,\"b\":\"x\",\"a\":1.5,\"t\":true,\"n\":null}\n");
  EXPECT_EQ(Infer(f), "struct<a:double,b:string,n:string,t:boolean,z:bigint>");
}

TEST_F(JsonInferTest, MergesAcrossRecords) {
  auto f = WriteText("a.json",
                     "{\"a\":1,\"b\":1,\"c\":1,\"d\":[1]}\n"
                     "{\"a\":2.5,\"b\":\"s\",\"c\":null,\"d\":[1.5,null],\"e\":{\"y\":1}}\n"
                     "{\"e\":{\"x\":\"q\"},\"f\":[]}\n");
  EXPECT_EQ(Infer(f),
            "struct<a:double,b:string,c:bigint,d:array<double>,e:struct<x:string,y:bigint>,f:array<string>>");
}

TEST_F(JsonInferTest, BigIntegersAndPrefersDecimal) {
  auto f = WriteText("a.json", "{\"big\":18446744073709551615,\"d\":1.25}\n");
  EXPECT_EQ(Infer(f), "struct<big:decimal(20,0),d:double>");
  EXPECT_EQ(Infer(f, {{"prefersDecimal", "true"}}), "struct<big:decimal(20,0),d:decimal(3,2)>");
}

TEST_F(JsonInferTest, PrimitivesAsString) {
  auto f = WriteText("a.json", "{\"a\":1,\"b\":[true],\"c\":null}\n");
  EXPECT_EQ(Infer(f, {{"primitivesAsString", "true"}}), "struct<a:string,b:array<string>,c:string>");
}

TEST_F(JsonInferTest, MalformedRecordsAddTheCorruptColumn) {
  auto f = WriteText("a.json", "{\"b\":1}\n{oops\n");
  EXPECT_EQ(Infer(f), "struct<_corrupt_record:string,b:bigint>");
  EXPECT_EQ(Infer(f, {{"mode", "DROPMALFORMED"}}), "struct<b:bigint>");
  EXPECT_THROW(Infer(f, {{"mode", "FAILFAST"}}), UserError);
}

TEST_F(JsonInferTest, EmptyStructsAreDropped) {
  auto f = WriteText("a.json", "{\"a\":{},\"b\":1}\n");
  EXPECT_EQ(Infer(f), "struct<b:bigint>");
}

TEST_F(JsonInferTest, MultiLineArrayDocument) {
  auto f = WriteText("a.json", "[{\"a\":1},\n{\"b\":\"x\"}]");
  EXPECT_EQ(Infer(f, {{"multiLine", "true"}}), "struct<a:bigint,b:string>");
}

}  // namespace
}  // namespace lakestream
