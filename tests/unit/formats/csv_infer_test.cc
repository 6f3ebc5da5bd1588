// CSV schema inference (Spark 4's CSVInferSchema).
#include "format_test_fixture.h"

namespace lakestream {
namespace {

using CsvInferTest = FormatTest;

std::string Infer(const FormatTest&, const std::string& file, FormatOptions options) {
  return FindFileFormat("csv").InferSchema({file}, options, EvalContext{})->ToString();
}

TEST_F(CsvInferTest, WithoutInferSchemaEverythingIsAString) {
  auto f = WriteText("a.csv", "1,2.5,x\n");
  EXPECT_EQ(Infer(*this, f, {}), "struct<_c0:string,_c1:string,_c2:string>");
  auto g = WriteText("b.csv", "id,name\n1,x\n");
  EXPECT_EQ(Infer(*this, g, {{"header", "true"}}), "struct<id:string,name:string>");
}

TEST_F(CsvInferTest, InfersScalarTypes) {
  auto f = WriteText("a.csv",
                     "i,l,d,b,dt,ts,s,big,n\n"
                     "1,3000000000,1.5,true,2024-01-02,2024-01-02 03:04:05,x,12345678901234567890,\n"
                     "2,4,2,FALSE,2024-01-03,2024-01-02T03:04:05Z,y,1,\n");
  EXPECT_EQ(Infer(*this, f, {{"header", "true"}, {"inferSchema", "true"}}),
            "struct<i:int,l:bigint,d:double,b:boolean,dt:date,ts:timestamp,s:string,big:decimal(20,0),n:string>");
}

TEST_F(CsvInferTest, ConflictsWidenOrBecomeStrings) {
  auto f = WriteText("a.csv", "1,1,true,2024-01-01\n2.5,x,1,2024-01-01 10:00:00\n");
  EXPECT_EQ(Infer(*this, f, {{"inferSchema", "true"}}),
            "struct<_c0:double,_c1:string,_c2:string,_c3:timestamp>");
}

TEST_F(CsvInferTest, PrefersDecimalAndNullValue) {
  auto f = WriteText("a.csv", "1.25,NA\n10.5,NA\n");
  EXPECT_EQ(Infer(*this, f, {{"inferSchema", "true"}, {"prefersDecimal", "true"}, {"nullValue", "NA"}}),
            "struct<_c0:decimal(4,2),_c1:string>");
}

TEST_F(CsvInferTest, DateFormatOptionDrivesDateInference) {
  auto f = WriteText("a.csv", "02/01/2024\n");
  EXPECT_EQ(Infer(*this, f, {{"inferSchema", "true"}, {"dateFormat", "dd/MM/yyyy"}}), "struct<_c0:date>");
  EXPECT_EQ(Infer(*this, f, {{"inferSchema", "true"}}), "struct<_c0:string>");
}

TEST_F(CsvInferTest, SafeHeaderNames) {
  auto f = WriteText("a.csv", "a,,A,b\n1,2,3,4\n");
  EXPECT_EQ(Infer(*this, f, {{"header", "true"}}), "struct<a0:string,_c1:string,A2:string,b:string>");
}

TEST_F(CsvInferTest, InfersAcrossFilesAndSkipsEachHeader) {
  auto f = WriteText("a.csv", "v\n1\n");
  auto g = WriteText("b.csv", "v\n2.5\n");
  auto schema = FindFileFormat("csv").InferSchema({f, g}, {{"header", "true"}, {"inferSchema", "true"}}, ctx_);
  EXPECT_EQ(schema->ToString(), "struct<v:double>");
}

TEST_F(CsvInferTest, NoFilesIsAnError) {
  try {
    FindFileFormat("csv").InferSchema({}, {}, ctx_);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "UNABLE_TO_INFER_SCHEMA");
  }
}

}  // namespace
}  // namespace lakestream
