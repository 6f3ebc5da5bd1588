// Parquet schema trees (built by hand) converted to Lakestream types: Spark's
// primitive mapping, LIST/MAP backward-compatibility rules and the levels the
// record assembler relies on.
#include "formats/parquet/parquet_schema.h"

#include <gtest/gtest.h>

#include "unit/formats/parquet/schema_element_builders.h"

namespace lakestream::parquet {
namespace {

DataTypePtr TypeOf(const std::vector<SchemaElement>& fields, size_t field = 0) {
  ParquetSchema s(Meta(fields), "t.parquet");
  return s.schema()->field(field).type;
}

TEST(ParquetSchemaTest, PrimitivesFollowSparksMapping) {
  LogicalType ts_utc = Logical(LogicalType::Kind::kTimestamp);
  ts_utc.is_adjusted_to_utc = true;
  ts_utc.unit = TimeUnit::kNanos;
  LogicalType ts_local = ts_utc;
  ts_local.is_adjusted_to_utc = false;
  ts_local.unit = TimeUnit::kMillis;
  LogicalType u8 = Logical(LogicalType::Kind::kInteger);
  u8.bit_width = 8;
  u8.is_signed = false;
  SchemaElement flba16 = Leaf("u", PhysicalType::kFixedLenByteArray);
  flba16.type_length = 16;
  SchemaElement f16 = Leaf("h", PhysicalType::kFixedLenByteArray);
  f16.type_length = 2;
  ParquetSchema s(Meta({Leaf("b", PhysicalType::kBoolean),
                        WithConverted(Leaf("i8", PhysicalType::kInt32), ConvertedType::kInt8),
                        WithConverted(Leaf("i16", PhysicalType::kInt32), ConvertedType::kInt16),
                        WithLogical(Leaf("u8", PhysicalType::kInt32), u8),
                        WithConverted(Leaf("u16", PhysicalType::kInt32), ConvertedType::kUint16),
                        WithConverted(Leaf("u32", PhysicalType::kInt32), ConvertedType::kUint32),
                        WithConverted(Leaf("u64", PhysicalType::kInt64), ConvertedType::kUint64),
                        WithConverted(Leaf("d", PhysicalType::kInt32), ConvertedType::kDate),
                        WithConverted(Leaf("t", PhysicalType::kInt32), ConvertedType::kTimeMillis),
                        WithLogical(Leaf("tsn", PhysicalType::kInt64), ts_utc),
                        WithLogical(Leaf("tsl", PhysicalType::kInt64), ts_local),
                        WithConverted(Leaf("tsm", PhysicalType::kInt64), ConvertedType::kTimestampMillis),
                        Leaf("i96", PhysicalType::kInt96),
                        Leaf("f", PhysicalType::kFloat),
                        WithLogical(f16, Logical(LogicalType::Kind::kFloat16)),
                        WithConverted(Leaf("s", PhysicalType::kByteArray), ConvertedType::kUtf8),
                        WithConverted(Leaf("e", PhysicalType::kByteArray), ConvertedType::kEnum),
                        Leaf("bin", PhysicalType::kByteArray),
                        WithLogical(flba16, Logical(LogicalType::Kind::kUuid)),
                        WithLogical(Leaf("unk", PhysicalType::kByteArray), Logical(LogicalType::Kind::kUnrecognized))}),
                  "t.parquet");
  EXPECT_EQ(s.schema()->ToString(),
            "struct<b:boolean,i8:tinyint,i16:smallint,u8:smallint,u16:int,u32:bigint,u64:decimal(20,0),d:date,"
            "t:bigint,tsn:timestamp,tsl:timestamp_ntz,tsm:timestamp,i96:timestamp,f:float,h:float,s:string,"
            "e:string,bin:binary,u:string,unk:binary>");
  const auto& leaves = s.leaves();
  ASSERT_EQ(leaves.size(), 20u);
  EXPECT_EQ(leaves[1].conversion, LeafConversion::kInt32ToInt8);
  EXPECT_EQ(leaves[3].conversion, LeafConversion::kUint8ToInt16);
  EXPECT_EQ(leaves[6].conversion, LeafConversion::kUint64ToDecimal);
  EXPECT_EQ(leaves[8].conversion, LeafConversion::kMillis32ToMicros);
  EXPECT_EQ(leaves[9].conversion, LeafConversion::kNanosToMicros);
  EXPECT_EQ(leaves[10].conversion, LeafConversion::kMillisToMicros);
  EXPECT_EQ(leaves[12].conversion, LeafConversion::kInt96ToMicros);
  EXPECT_EQ(leaves[14].conversion, LeafConversion::kFloat16ToFloat);
  EXPECT_EQ(leaves[18].conversion, LeafConversion::kUuidToString);
  EXPECT_EQ(leaves[18].type_length, 16);
  EXPECT_EQ(leaves[17].max_def_level, 1);
}

TEST(ParquetSchemaTest, DecimalsOnEveryPhysicalType) {
  auto dec = [](SchemaElement e, int p, int s) {
    e.converted_type = ConvertedType::kDecimal;
    e.precision = p;
    e.scale = s;
    return e;
  };
  SchemaElement flba = Leaf("c", PhysicalType::kFixedLenByteArray);
  flba.type_length = 11;
  LogicalType ld = Logical(LogicalType::Kind::kDecimal);
  ld.decimal_precision = 30;
  ld.decimal_scale = 4;
  ParquetSchema s(Meta({dec(Leaf("a", PhysicalType::kInt32), 9, 2), dec(Leaf("b", PhysicalType::kInt64), 18, 0),
                        dec(flba, 25, 2), WithLogical(Leaf("d", PhysicalType::kByteArray), ld)}),
                  "t.parquet");
  EXPECT_EQ(s.schema()->ToString(), "struct<a:decimal(9,2),b:decimal(18,0),c:decimal(25,2),d:decimal(30,4)>");
  EXPECT_EQ(s.leaves()[2].conversion, LeafConversion::kFixedToDecimal);
  EXPECT_EQ(s.leaves()[3].conversion, LeafConversion::kBinaryToDecimal);

  SchemaElement wide = flba;
  wide.type_length = 20;
  try {
    ParquetSchema bad(Meta({dec(wide, 45, 2)}), "wide.parquet");
    FAIL();
  } catch (const ParquetUnsupportedError& e) {
    EXPECT_EQ(e.error_class(), "UNSUPPORTED_FEATURE.PARQUET");
    EXPECT_NE(e.message().find("DECIMAL(45,2)"), std::string::npos);
    EXPECT_NE(e.message().find("wide.parquet"), std::string::npos);
  }
  EXPECT_THROW(ParquetSchema(Meta({dec(Leaf("x", PhysicalType::kInt32), 5, 7)}), "t"), ParquetCorruptError);
}

TEST(ParquetSchemaTest, StructLevelsAndPaths) {
  ParquetSchema s(Meta({Leaf("id", PhysicalType::kInt64, Repetition::kRequired), Group("s", 2),
                        Leaf("x", PhysicalType::kInt32), Group("t", 1, Repetition::kRequired),
                        Leaf("y", PhysicalType::kDouble, Repetition::kRequired)}),
                  "t.parquet");
  EXPECT_EQ(s.schema()->ToString(), "struct<id:bigint,s:struct<x:int,t:struct<y:double>>>");
  EXPECT_FALSE(s.schema()->field(0).nullable);
  EXPECT_TRUE(s.schema()->field(1).nullable);
  ASSERT_EQ(s.leaves().size(), 3u);
  EXPECT_EQ(s.leaves()[2].DottedPath(), "s.t.y");
  EXPECT_EQ(s.leaves()[2].column_index, 2);
  EXPECT_EQ(s.leaves()[2].max_def_level, 1);
  EXPECT_EQ(s.leaves()[1].max_def_level, 2);
  const ParquetNode& st = s.fields()[1];
  EXPECT_EQ(st.kind, ParquetNode::Kind::kStruct);
  EXPECT_EQ(st.def_level, 1);
  EXPECT_EQ(st.first_leaf, 1);
  EXPECT_EQ(st.children[1].def_level, 1);  // required struct inside an optional one
}

TEST(ParquetSchemaTest, ThreeLevelListAndItsLevels) {
  ParquetSchema s(Meta({Group("a", 1, Repetition::kOptional, ConvertedType::kList),
                        Group("list", 1, Repetition::kRepeated), Leaf("element", PhysicalType::kInt32)}),
                  "t.parquet");
  EXPECT_EQ(s.schema()->ToString(), "struct<a:array<int>>");
  const ParquetNode& list = s.fields()[0];
  EXPECT_EQ(list.kind, ParquetNode::Kind::kList);
  EXPECT_EQ(list.def_level, 1);
  EXPECT_EQ(list.rep_level, 0);
  const ParquetNode& element = list.children[0];
  EXPECT_EQ(element.slot_def_level, 2);
  EXPECT_EQ(element.rep_level, 1);
  EXPECT_EQ(element.def_level, 3);
  EXPECT_TRUE(element.field.nullable);
  EXPECT_EQ(s.leaves()[0].DottedPath(), "a.list.element");
  EXPECT_EQ(s.leaves()[0].max_def_level, 3);
  EXPECT_EQ(s.leaves()[0].max_rep_level, 1);
}

TEST(ParquetSchemaTest, LegacyTwoLevelLists) {
  // Repeated primitive: the element, required.
  EXPECT_EQ(TypeOf({Group("a", 1, Repetition::kOptional, ConvertedType::kList),
                    Leaf("x", PhysicalType::kInt32, Repetition::kRepeated)})
                ->ToString(),
            "array<int>");
  EXPECT_FALSE(TypeOf({Group("a", 1, Repetition::kOptional, ConvertedType::kList),
                       Leaf("x", PhysicalType::kInt32, Repetition::kRepeated)})
                   ->contains_null());
  // Repeated group with two fields: a struct element.
  EXPECT_EQ(TypeOf({Group("a", 1, Repetition::kOptional, ConvertedType::kList), Group("x", 2, Repetition::kRepeated),
                    Leaf("p", PhysicalType::kInt32), Leaf("q", PhysicalType::kDouble)})
                ->ToString(),
            "array<struct<p:int,q:double>>");
  // One-field groups named `array` or `<list>_tuple` are the element too.
  EXPECT_EQ(TypeOf({Group("a", 1, Repetition::kOptional, ConvertedType::kList),
                    Group("array", 1, Repetition::kRepeated), Leaf("p", PhysicalType::kInt32)})
                ->ToString(),
            "array<struct<p:int>>");
  EXPECT_EQ(TypeOf({Group("a", 1, Repetition::kOptional, ConvertedType::kList),
                    Group("a_tuple", 1, Repetition::kRepeated), Leaf("p", PhysicalType::kInt32)})
                ->ToString(),
            "array<struct<p:int>>");
  // old_list_structure.parquet: LIST<LIST<INT32>> written 2-level.
  ParquetSchema s(Meta({Group("a", 1, Repetition::kRequired, ConvertedType::kList),
                        Group("array", 1, Repetition::kRepeated, ConvertedType::kList),
                        Leaf("array", PhysicalType::kInt32, Repetition::kRepeated)}),
                  "t.parquet");
  EXPECT_EQ(s.schema()->ToString(), "struct<a:array<array<int>>>");
  EXPECT_EQ(s.leaves()[0].max_rep_level, 2);
  EXPECT_EQ(s.leaves()[0].max_def_level, 2);
  EXPECT_EQ(s.leaves()[0].DottedPath(), "a.array.array");
}

TEST(ParquetSchemaTest, RepeatedFieldsWithoutAnnotationAreRequiredArrays) {
  ParquetSchema s(Meta({Leaf("ints", PhysicalType::kInt32, Repetition::kRepeated), Group("phones", 1),
                        Group("phone", 2, Repetition::kRepeated),
                        Leaf("number", PhysicalType::kInt64, Repetition::kRequired),
                        WithConverted(Leaf("kind", PhysicalType::kByteArray), ConvertedType::kUtf8)}),
                  "t.parquet");
  EXPECT_EQ(s.schema()->ToString(),
            "struct<ints:array<int>,phones:struct<phone:array<struct<number:bigint,kind:string>>>>");
  EXPECT_FALSE(s.schema()->field(0).nullable);
  EXPECT_FALSE(s.schema()->field(0).type->contains_null());
  const ParquetNode& phone = s.fields()[1].children[0];
  EXPECT_EQ(phone.kind, ParquetNode::Kind::kList);
  EXPECT_FALSE(phone.field.nullable);
  EXPECT_EQ(phone.def_level, 1);
  EXPECT_EQ(phone.children[0].slot_def_level, 2);
  EXPECT_EQ(s.leaves()[2].max_def_level, 3);
  EXPECT_EQ(s.leaves()[2].max_rep_level, 1);
}

TEST(ParquetSchemaTest, MapsIncludingLegacyShapes) {
  ParquetSchema s(Meta({Group("m", 1, Repetition::kOptional, ConvertedType::kMap),
                        Group("key_value", 2, Repetition::kRepeated),
                        WithConverted(Leaf("key", PhysicalType::kByteArray, Repetition::kRequired),
                                      ConvertedType::kUtf8),
                        Leaf("value", PhysicalType::kInt32)}),
                  "t.parquet");
  EXPECT_EQ(s.schema()->ToString(), "struct<m:map<string,int>>");
  const ParquetNode& m = s.fields()[0];
  EXPECT_EQ(m.kind, ParquetNode::Kind::kMap);
  EXPECT_EQ(m.children[0].slot_def_level, 2);
  EXPECT_EQ(m.children[1].def_level, 3);
  EXPECT_EQ(s.leaves()[1].DottedPath(), "m.key_value.value");

  // MAP_KEY_VALUE in place of MAP, optional keys (Presto/Trino/Athena).
  EXPECT_EQ(TypeOf({Group("m", 1, Repetition::kOptional, ConvertedType::kMapKeyValue),
                    Group("map", 2, Repetition::kRepeated), Leaf("key", PhysicalType::kInt32),
                    Leaf("value", PhysicalType::kInt32)})
                ->ToString(),
            "map<int,int>");
  // Keys only: an array of the keys.
  EXPECT_EQ(TypeOf({Group("m", 1, Repetition::kRequired, ConvertedType::kMap),
                    Group("key_value", 1, Repetition::kRepeated),
                    Leaf("key", PhysicalType::kInt32, Repetition::kRequired)})
                ->ToString(),
            "array<int>");
  EXPECT_THROW(TypeOf({Group("m", 1, Repetition::kOptional, ConvertedType::kMap),
                       Leaf("key_value", PhysicalType::kInt32, Repetition::kRepeated)}),
               ParquetCorruptError);
}

TEST(ParquetSchemaTest, KeyValueMetadataBecomesSchemaMetadata) {
  FileMetaData m = Meta({Leaf("a", PhysicalType::kInt32)});
  m.key_value_metadata.push_back(KeyValue{"writer", std::string("lakestream")});
  m.key_value_metadata.push_back(KeyValue{"empty", std::nullopt});
  ParquetSchema s(m, "t.parquet");
  EXPECT_EQ(s.schema()->metadata().at("writer"), "lakestream");
  EXPECT_EQ(s.schema()->metadata().at("empty"), "");
}

TEST(ParquetSchemaTest, MalformedTreesAreCorruptErrorsNamingTheFile) {
  FileMetaData too_few = Meta({Group("s", 3), Leaf("x", PhysicalType::kInt32)});
  try {
    ParquetSchema s(too_few, "bad.parquet");
    FAIL();
  } catch (const ParquetCorruptError& e) {
    EXPECT_NE(e.message().find("bad.parquet"), std::string::npos);
  }
  FileMetaData extra = Meta({Leaf("x", PhysicalType::kInt32)});
  extra.schema.push_back(Leaf("y", PhysicalType::kInt32));
  EXPECT_THROW(ParquetSchema(extra, "bad.parquet"), ParquetCorruptError);
  FileMetaData no_count = Meta({Leaf("x", PhysicalType::kInt32)});
  no_count.schema[0].num_children.reset();
  EXPECT_THROW(ParquetSchema(no_count, "bad.parquet"), ParquetCorruptError);
  SchemaElement flba = Leaf("f", PhysicalType::kFixedLenByteArray);
  EXPECT_THROW(ParquetSchema(Meta({flba}), "bad.parquet"), ParquetCorruptError);
  // A chain of 200 nested groups.
  FileMetaData deep;
  deep.schema.push_back(Group("schema", 1));
  for (int i = 0; i < 200; ++i) deep.schema.push_back(Group("g", 1));
  deep.schema.push_back(Leaf("x", PhysicalType::kInt32));
  EXPECT_THROW(ParquetSchema(deep, "deep.parquet"), ParquetCorruptError);
  EXPECT_THROW(ParquetSchema(FileMetaData{}, "empty.parquet"), ParquetCorruptError);
}

// Found by parquet_reader_fuzzer: two fields of one name read the same leaf twice.
TEST(ParquetSchemaTest, DuplicateFieldNamesAreColumnAlreadyExists) {
  try {
    ParquetSchema s(Meta({Leaf("a", PhysicalType::kInt32), Leaf("a", PhysicalType::kInt64)}), "dup.parquet");
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "COLUMN_ALREADY_EXISTS");
    EXPECT_NE(e.message().find("`a`"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("dup.parquet"), std::string::npos) << e.message();
  }
  try {
    ParquetSchema s(Meta({Group("s", 2), Leaf("x", PhysicalType::kInt32), Leaf("x", PhysicalType::kInt32)}), "t");
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "COLUMN_ALREADY_EXISTS");
    EXPECT_NE(e.message().find("`s.x`"), std::string::npos) << e.message();
  }
  // Names that differ only in case are distinct fields (matched exactly first).
  EXPECT_EQ(TypeOf({Leaf("a", PhysicalType::kInt32), Leaf("A", PhysicalType::kInt64)}, 1)->ToString(), "bigint");
}

TEST(ParquetSchemaTest, AsNullableReachesEveryLevel) {
  auto t = DataType::Struct({Field("a", DataType::Array(DataType::Int(), false), false),
                             Field("m", DataType::Map(DataType::Int(), DataType::Int(), false), false)});
  EXPECT_TRUE(AsNullable(t)->Equals(*DataType::Struct(
      {Field("a", DataType::Array(DataType::Int(), true)),
       Field("m", DataType::Map(DataType::Int(), DataType::Int()))})));
}

}  // namespace
}  // namespace lakestream::parquet
