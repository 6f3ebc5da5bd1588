#include <gtest/gtest.h>

#include "lakestream/error.h"
#include "lakestream/types.h"

namespace lakestream {
namespace {

TEST(DataTypeTest, SimpleStringsMatchSpark) {
  EXPECT_EQ(DataType::Int()->ToString(), "int");
  EXPECT_EQ(DataType::Long()->ToString(), "bigint");
  EXPECT_EQ(DataType::Decimal(10, 2)->ToString(), "decimal(10,2)");
  EXPECT_EQ(DataType::Array(DataType::String())->ToString(), "array<string>");
  EXPECT_EQ(DataType::Map(DataType::String(), DataType::Int())->ToString(), "map<string,int>");
  EXPECT_EQ(DataType::Struct({Field("a", DataType::Int()), Field("b", DataType::Date())})->ToString(),
            "struct<a:int,b:date>");
  EXPECT_EQ(DataType::Decimal(10, 2)->ToSql(), "DECIMAL(10,2)");
}

TEST(DataTypeTest, ParseRoundTripsNestedTypes) {
  for (const char* s : {"int", "bigint", "decimal(38,10)", "array<map<string,array<double>>>",
                        "struct<a:int,b:struct<c:timestamp,d:timestamp_ntz>>", "binary", "boolean", "date"}) {
    EXPECT_EQ(DataType::Parse(s)->ToString(), s);
  }
  EXPECT_EQ(DataType::Parse("INTEGER")->id(), TypeId::kInt);
  EXPECT_EQ(DataType::Parse("Decimal")->ToString(), "decimal(10,0)");
}

TEST(DataTypeTest, InvalidTypesAreUserErrors) {
  EXPECT_THROW(DataType::Parse("intt"), UserError);
  EXPECT_THROW(DataType::Parse("array<int"), UserError);
  try {
    DataType::Decimal(39, 0);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "INVALID_DECIMAL_PRECISION_SCALE");
  }
}

TEST(SchemaTest, ParsesDdlWithNullability) {
  auto s = Schema::ParseDdl("id INT NOT NULL, `weird name` STRING, tags ARRAY<STRING>");
  ASSERT_EQ(s->num_fields(), 3u);
  EXPECT_FALSE(s->field(0).nullable);
  EXPECT_EQ(s->field(1).name, "weird name");
  EXPECT_EQ(s->ToString(), "struct<id:int,weird name:string,tags:array<string>>");
}

TEST(SchemaTest, FieldLookupIsCaseInsensitiveAndDetectsAmbiguity) {
  Schema s({Field("Id", DataType::Int()), Field("name", DataType::String())});
  EXPECT_EQ(s.FieldIndex("id"), 0);
  EXPECT_EQ(s.FieldIndex("NAME"), 1);
  EXPECT_EQ(s.FieldIndex("nope"), -1);
  Schema dup({Field("a", DataType::Int()), Field("A", DataType::Int())});
  EXPECT_THROW(dup.FieldIndex("a"), UserError);
}

TEST(SchemaTest, TreeStringMatchesPrintSchema) {
  auto s = Schema::ParseDdl("a INT, b ARRAY<BIGINT>");
  EXPECT_EQ(s->TreeString(),
            "root\n |-- a: integer (nullable = true)\n |-- b: array (nullable = true)\n"
            " |    |-- element: long (containsNull = true)\n");
}

}  // namespace
}  // namespace lakestream
