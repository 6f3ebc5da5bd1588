// The Parquet writer's file layout: Spark's schema conventions, row groups and
// pages split by the options, dictionary encoding and its PLAIN fallback, the
// page index, the footer, atomic publication, and its errors. Values are
// checked by reading files back in parquet_round_trip_test.cc and against
// DuckDB and hyparquet in tests/parquet_write/.
#include "formats/parquet/parquet_writer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "formats/parquet/spark_schema_json.h"
#include "unit/formats/format_test_fixture.h"
#include "unit/formats/parquet/written_parquet_file.h"

namespace lakestream::parquet {
namespace {

class ParquetWriterTest : public FormatTest {
 protected:
  // Writes one column `c` of `type` holding `values` and reads the file's metadata.
  WrittenParquetFile WriteColumn(const DataTypePtr& type, const std::vector<Value>& values,
                                 const FormatOptions& options = {}, bool nullable = true) {
    auto schema = std::make_shared<Schema>(std::vector<Field>{Field("c", type, nullable)});
    auto batch = RecordBatch::Make(schema, {MakeArrayFromValues(type, values)});
    std::string path = Path("c.parquet");
    WriteParquetFile(path, schema, {batch}, options);
    return WrittenParquetFile(path);
  }

  static std::vector<Value> Ints(int64_t n, int64_t modulo = 0) {
    std::vector<Value> out;
    for (int64_t i = 0; i < n; ++i) out.emplace_back(static_cast<int64_t>(modulo ? i % modulo : i));
    return out;
  }
};

TEST_F(ParquetWriterTest, SchemaFollowsSparkConventions) {
  auto schema = Ddl(
      "b BOOLEAN, t TINYINT, s SMALLINT, i INT NOT NULL, l BIGINT, f FLOAT, d DOUBLE, d9 DECIMAL(9,2), "
      "d18 DECIMAL(18,3), d38 DECIMAL(38,10), str STRING, bin BINARY, dt DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ, "
      "arr ARRAY<INT>, m MAP<STRING,BIGINT>, st STRUCT<x: INT, y: STRING>");
  std::string path = Path("schema.parquet");
  WriteParquetFile(path, schema, {}, {});
  WrittenParquetFile file(path);
  const auto& e = file.meta.schema;
  ASSERT_EQ(e.size(), 26u);
  EXPECT_EQ(e[0].name, "spark_schema");
  EXPECT_EQ(e[0].num_children, 18);
  EXPECT_EQ(e[1].type, PhysicalType::kBoolean);
  EXPECT_EQ(e[2].type, PhysicalType::kInt32);
  EXPECT_EQ(e[2].converted_type, ConvertedType::kInt8);
  EXPECT_EQ(e[2].logical_type->bit_width, 8);
  EXPECT_EQ(e[3].converted_type, ConvertedType::kInt16);
  EXPECT_EQ(e[4].repetition_type, Repetition::kRequired);
  EXPECT_FALSE(e[4].logical_type.has_value());
  EXPECT_EQ(e[5].type, PhysicalType::kInt64);
  EXPECT_EQ(e[6].type, PhysicalType::kFloat);
  EXPECT_EQ(e[7].type, PhysicalType::kDouble);
  EXPECT_EQ(e[8].type, PhysicalType::kInt32);
  EXPECT_EQ(e[8].precision, 9);
  EXPECT_EQ(e[8].scale, 2);
  EXPECT_EQ(e[9].type, PhysicalType::kInt64);
  EXPECT_EQ(e[10].type, PhysicalType::kFixedLenByteArray);
  EXPECT_EQ(e[10].type_length, 16);
  EXPECT_EQ(e[10].logical_type->decimal_precision, 38);
  EXPECT_EQ(e[10].logical_type->decimal_scale, 10);
  EXPECT_EQ(e[11].converted_type, ConvertedType::kUtf8);
  EXPECT_EQ(e[11].logical_type->kind, LogicalType::Kind::kString);
  EXPECT_EQ(e[12].type, PhysicalType::kByteArray);
  EXPECT_FALSE(e[12].converted_type.has_value());
  EXPECT_EQ(e[13].converted_type, ConvertedType::kDate);
  EXPECT_EQ(e[14].converted_type, ConvertedType::kTimestampMicros);
  EXPECT_TRUE(e[14].logical_type->is_adjusted_to_utc);
  EXPECT_EQ(e[14].logical_type->unit, TimeUnit::kMicros);
  EXPECT_FALSE(e[15].converted_type.has_value());
  EXPECT_FALSE(e[15].logical_type->is_adjusted_to_utc);
  // arr LIST -> repeated group list -> optional element
  EXPECT_EQ(e[16].converted_type, ConvertedType::kList);
  EXPECT_EQ(e[17].name, "list");
  EXPECT_EQ(e[17].repetition_type, Repetition::kRepeated);
  EXPECT_EQ(e[18].name, "element");
  EXPECT_EQ(e[18].repetition_type, Repetition::kOptional);
  // m MAP -> repeated group key_value -> required key, optional value
  EXPECT_EQ(e[19].converted_type, ConvertedType::kMap);
  EXPECT_EQ(e[20].name, "key_value");
  EXPECT_EQ(e[20].num_children, 2);
  EXPECT_EQ(e[21].name, "key");
  EXPECT_EQ(e[21].repetition_type, Repetition::kRequired);
  EXPECT_EQ(e[22].name, "value");
  EXPECT_EQ(e[23].name, "st");
  EXPECT_EQ(e[23].num_children, 2);
  EXPECT_EQ(file.meta.column_orders.size(), 20u);
  EXPECT_EQ(file.meta.num_rows, 0);
  EXPECT_TRUE(file.meta.row_groups.empty());
}

TEST_F(ParquetWriterTest, DecimalWidthIsSparksMinimalBytes) {
  EXPECT_EQ(DecimalByteWidth(1), 1);
  EXPECT_EQ(DecimalByteWidth(2), 1);
  EXPECT_EQ(DecimalByteWidth(3), 2);
  EXPECT_EQ(DecimalByteWidth(9), 4);
  EXPECT_EQ(DecimalByteWidth(19), 9);
  EXPECT_EQ(DecimalByteWidth(21), 9);
  EXPECT_EQ(DecimalByteWidth(22), 10);
  EXPECT_EQ(DecimalByteWidth(38), 16);
}

TEST_F(ParquetWriterTest, FooterCarriesCreatedByAndSparkSchema) {
  auto file = WriteColumn(DataType::Int(), {Value(1)});
  EXPECT_EQ(file.meta.created_by, "lakestream version 0.1.0 (build 0.1.0)");
  ASSERT_EQ(file.meta.key_value_metadata.size(), 1u);
  EXPECT_EQ(file.meta.key_value_metadata[0].key, "org.apache.spark.sql.parquet.row.metadata");
  EXPECT_EQ(file.meta.key_value_metadata[0].value,
            R"({"type":"struct","fields":[{"name":"c","type":"integer","nullable":true,"metadata":{}}]})");
  ASSERT_EQ(file.meta.column_orders.size(), 1u);
  EXPECT_TRUE(file.meta.column_orders[0].type_defined);
}

TEST_F(ParquetWriterTest, SparkSchemaJsonCoversNestedTypes) {
  Schema schema({Field("a", DataType::Array(DataType::Decimal(10, 2))),
                 Field("m", DataType::Map(DataType::String(), DataType::Array(DataType::Int()))),
                 Field("s", DataType::Struct({Field("x\"y", DataType::TimestampNtz(), false)}))});
  EXPECT_EQ(SparkSchemaJson(schema),
            R"j({"type":"struct","fields":[)j"
            R"j({"name":"a","type":{"type":"array","elementType":"decimal(10,2)","containsNull":true},"nullable":true,"metadata":{}},)j"
            R"j({"name":"m","type":{"type":"map","keyType":"string","valueType":{"type":"array","elementType":"integer",)j"
            R"j("containsNull":true},"valueContainsNull":true},"nullable":true,"metadata":{}},)j"
            R"j({"name":"s","type":{"type":"struct","fields":[{"name":"x\"y","type":"timestamp_ntz","nullable":false,)j"
            R"j("metadata":{}}]},"nullable":true,"metadata":{}}]})j");
}

TEST_F(ParquetWriterTest, RowCountCapSplitsRowGroups) {
  auto file = WriteColumn(DataType::Long(), Ints(10), {{"parquet.block.row.count.limit", "4"}});
  ASSERT_EQ(file.meta.row_groups.size(), 3u);
  EXPECT_EQ(file.meta.num_rows, 10);
  EXPECT_EQ(file.meta.row_groups[0].num_rows, 4);
  EXPECT_EQ(file.meta.row_groups[1].num_rows, 4);
  EXPECT_EQ(file.meta.row_groups[2].num_rows, 2);
  for (size_t g = 0; g < 3; ++g) {
    const RowGroup& rg = file.meta.row_groups[g];
    EXPECT_EQ(rg.ordinal, static_cast<int16_t>(g));
    EXPECT_EQ(rg.file_offset, rg.columns[0].file_offset);
    EXPECT_EQ(rg.total_compressed_size, rg.columns[0].meta_data->total_compressed_size);
    EXPECT_EQ(file.Column(g, 0).num_values, rg.num_rows);
  }
  EXPECT_EQ(file.meta.row_groups[0].file_offset, 4);
}

TEST_F(ParquetWriterTest, BlockSizeSplitsRowGroups) {
  auto file = WriteColumn(DataType::Long(), Ints(200000),
                          {{"parquet.block.size", "100000"}, {"parquet.enable.dictionary", "false"},
                           {"compression", "none"}});
  // 1.6 MB of distinct longs in ~100 KB groups.
  ASSERT_GE(file.meta.row_groups.size(), 12u);
  ASSERT_LE(file.meta.row_groups.size(), 20u);
  int64_t rows = 0;
  for (const RowGroup& rg : file.meta.row_groups) {
    rows += rg.num_rows;
    EXPECT_LE(rg.total_compressed_size.value(), 140000);
  }
  EXPECT_EQ(rows, 200000);
}

TEST_F(ParquetWriterTest, PageRowLimitSplitsPagesAndOffsetIndexPointsAtThem) {
  auto file = WriteColumn(DataType::Long(), Ints(1000), {{"parquet.page.row.count.limit", "100"},
                                                          {"parquet.enable.dictionary", "false"}});
  auto pages = file.Pages(0, 0);
  ASSERT_EQ(pages.size(), 10u);
  OffsetIndex index = file.OffsetIndexOf(0, 0);
  ASSERT_EQ(index.page_locations.size(), 10u);
  for (size_t p = 0; p < 10; ++p) {
    EXPECT_EQ(pages[p].type, PageType::kDataPage);
    EXPECT_EQ(pages[p].data_page_header->num_values, 100);
    EXPECT_EQ(pages[p].data_page_header->encoding, Encoding::kPlain);
    const PageLocation& loc = index.page_locations[p];
    EXPECT_EQ(loc.first_row_index, static_cast<int64_t>(p) * 100);
    size_t consumed = 0;
    PageHeader at = DecodePageHeader(file.Data(loc.offset), loc.compressed_page_size, &consumed);
    EXPECT_EQ(consumed + at.compressed_page_size, static_cast<size_t>(loc.compressed_page_size));
  }
  EXPECT_EQ(index.page_locations[0].offset, file.Column(0, 0).data_page_offset);
}

TEST_F(ParquetWriterTest, PageSizeSplitsPages) {
  std::vector<Value> values;
  for (int i = 0; i < 100; ++i) values.emplace_back(std::string(1000, static_cast<char>('a' + i % 26)));
  auto file = WriteColumn(DataType::String(), values, {{"parquet.page.size", "10000"}});
  auto pages = file.Pages(0, 0);
  // A dictionary page, then pages closed after 10 values of ~1 KB.
  ASSERT_EQ(pages.size(), 11u);
  EXPECT_EQ(pages[0].type, PageType::kDictionaryPage);
  EXPECT_EQ(pages[0].dictionary_page_header->num_values, 26);
  EXPECT_EQ(pages[1].data_page_header->num_values, 10);
}

TEST_F(ParquetWriterTest, PagesOfRepeatedColumnsEndAtRowBoundaries) {
  std::vector<Value> rows;
  for (int r = 0; r < 9; ++r) rows.push_back(Value::List({Value(r), Value(r), Value(r)}));
  auto file = WriteColumn(DataType::Array(DataType::Int()), rows, {{"parquet.page.row.count.limit", "2"}});
  auto pages = file.Pages(0, 0);
  OffsetIndex index = file.OffsetIndexOf(0, 0);
  ASSERT_EQ(index.page_locations.size(), 5u);
  for (size_t p = 0; p < 5; ++p) EXPECT_EQ(index.page_locations[p].first_row_index, static_cast<int64_t>(2 * p));
  // Pages hold whole rows: 2 rows of 3 elements, the last one row.
  EXPECT_EQ(pages.back().data_page_header->num_values, 3);
  EXPECT_EQ(file.Column(0, 0).num_values, 27);
}

TEST_F(ParquetWriterTest, LowCardinalityColumnIsDictionaryEncoded) {
  std::vector<Value> values;
  for (int i = 0; i < 1000; ++i) values.emplace_back(std::string(i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue"));
  auto file = WriteColumn(DataType::String(), values);
  const ColumnMetaData& c = file.Column(0, 0);
  ASSERT_TRUE(c.dictionary_page_offset.has_value());
  EXPECT_EQ(*c.dictionary_page_offset, 4);
  EXPECT_GT(c.data_page_offset, *c.dictionary_page_offset);
  EXPECT_EQ(c.codec, Codec::kSnappy);
  auto pages = file.Pages(0, 0);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].dictionary_page_header->num_values, 3);
  EXPECT_EQ(pages[0].dictionary_page_header->encoding, Encoding::kPlain);
  EXPECT_EQ(pages[1].data_page_header->encoding, Encoding::kRleDictionary);
  EXPECT_EQ(pages[1].data_page_header->definition_level_encoding, Encoding::kRle);
  EXPECT_EQ(c.encodings, (std::vector<Encoding>{Encoding::kPlain, Encoding::kRle, Encoding::kRleDictionary}));
  ASSERT_EQ(c.encoding_stats.size(), 2u);
  EXPECT_EQ(c.encoding_stats[0].page_type, PageType::kDictionaryPage);
  EXPECT_EQ(c.encoding_stats[1].encoding, Encoding::kRleDictionary);
  EXPECT_EQ(c.encoding_stats[1].count, 1);
}

TEST_F(ParquetWriterTest, LargeDictionaryFallsBackToPlain) {
  std::vector<Value> values;
  for (int i = 0; i < 3000; ++i) values.emplace_back("value-" + std::to_string(i));
  auto file = WriteColumn(DataType::String(), values,
                          {{"parquet.dictionary.page.size", "4000"}, {"parquet.page.row.count.limit", "100"}});
  const ColumnMetaData& c = file.Column(0, 0);
  ASSERT_TRUE(c.dictionary_page_offset.has_value());
  auto pages = file.Pages(0, 0);
  ASSERT_EQ(pages[0].type, PageType::kDictionaryPage);
  // 11-13 bytes per value: the dictionary passes 4000 bytes within the 4th page,
  // which is still dictionary-encoded; the 26 pages after it are PLAIN.
  EXPECT_EQ(pages[0].dictionary_page_header->num_values, 400);
  int dictionary_pages = 0, plain_pages = 0;
  for (size_t p = 1; p < pages.size(); ++p) {
    Encoding e = pages[p].data_page_header->encoding;
    (e == Encoding::kRleDictionary ? dictionary_pages : plain_pages)++;
    if (p > 4) {
      EXPECT_EQ(e, Encoding::kPlain) << "page " << p;
    }
  }
  EXPECT_EQ(dictionary_pages, 4);
  EXPECT_EQ(plain_pages, 26);
  ASSERT_EQ(c.encoding_stats.size(), 3u);
  EXPECT_EQ(c.encoding_stats[1].count, 4);
  EXPECT_EQ(c.encoding_stats[2].encoding, Encoding::kPlain);
  EXPECT_EQ(c.encoding_stats[2].count, 26);
}

TEST_F(ParquetWriterTest, DictionaryCanBeDisabled) {
  auto file = WriteColumn(DataType::Int(), {Value(1), Value(1), Value(1)}, {{"parquet.enable.dictionary", "false"}});
  EXPECT_FALSE(file.Column(0, 0).dictionary_page_offset.has_value());
  EXPECT_EQ(file.Pages(0, 0)[0].data_page_header->encoding, Encoding::kPlain);
}

TEST_F(ParquetWriterTest, BooleansAreNeverDictionaryEncoded) {
  auto file = WriteColumn(DataType::Boolean(), {Value(true), Value(false), Value(), Value(true)});
  const ColumnMetaData& c = file.Column(0, 0);
  EXPECT_FALSE(c.dictionary_page_offset.has_value());
  EXPECT_EQ(c.statistics->min_value, std::string(1, '\0'));
  EXPECT_EQ(c.statistics->max_value, std::string(1, '\1'));
  EXPECT_EQ(c.statistics->null_count, 1);
}

TEST_F(ParquetWriterTest, AllNullColumnHasNoBoundsOrDictionary) {
  auto file = WriteColumn(DataType::String(), {Value(), Value(), Value()});
  const ColumnMetaData& c = file.Column(0, 0);
  EXPECT_FALSE(c.dictionary_page_offset.has_value());
  EXPECT_EQ(c.statistics->null_count, 3);
  EXPECT_FALSE(c.statistics->min_value.has_value());
  EXPECT_FALSE(c.statistics->max_value.has_value());
  ColumnIndex index = file.ColumnIndexOf(0, 0);
  EXPECT_EQ(index.null_pages, (std::vector<bool>{true}));
  EXPECT_EQ(index.null_counts, (std::vector<int64_t>{3}));
  EXPECT_EQ(index.min_values, (std::vector<std::string>{""}));
}

TEST_F(ParquetWriterTest, ColumnIndexHasPerPageBoundsAndOrder) {
  auto file = WriteColumn(DataType::Long(), Ints(300), {{"parquet.page.row.count.limit", "100"}});
  ColumnIndex index = file.ColumnIndexOf(0, 0);
  ASSERT_EQ(index.min_values.size(), 3u);
  EXPECT_EQ(index.min_values[1], StatBytesOf<int64_t>(100));
  EXPECT_EQ(index.max_values[1], StatBytesOf<int64_t>(199));
  EXPECT_EQ(index.null_pages, (std::vector<bool>{false, false, false}));
  EXPECT_EQ(index.null_counts, (std::vector<int64_t>{0, 0, 0}));
  EXPECT_EQ(index.boundary_order, BoundaryOrder::kAscending);

  std::vector<Value> down;
  for (int64_t i = 300; i > 0; --i) down.emplace_back(i);
  file = WriteColumn(DataType::Long(), down, {{"parquet.page.row.count.limit", "100"}});
  EXPECT_EQ(file.ColumnIndexOf(0, 0).boundary_order, BoundaryOrder::kDescending);

  std::vector<Value> shuffled;  // pages [100, 199], [0, 99], [200, 299]
  for (int64_t i = 0; i < 300; ++i) shuffled.emplace_back((i < 100 ? 100 : i < 200 ? -100 : 0) + i);
  file = WriteColumn(DataType::Long(), shuffled, {{"parquet.page.row.count.limit", "100"}});
  EXPECT_EQ(file.ColumnIndexOf(0, 0).boundary_order, BoundaryOrder::kUnordered);
}

TEST_F(ParquetWriterTest, FileAppearsOnlyOnClose) {
  auto schema = Ddl("a INT");
  std::string path = Path("out/atomic.parquet");
  {
    ParquetFileWriter writer(path, schema, FormatOptions{});
    writer.Write(*RecordBatch::Make(schema, {MakeArrayFromValues(DataType::Int(), {Value(1)})}));
    EXPECT_FALSE(std::filesystem::exists(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  ParquetFileWriter writer(path, schema, FormatOptions{});
  for (int i = 0; i < 3; ++i) {
    writer.Write(*RecordBatch::Make(schema, {MakeArrayFromValues(DataType::Int(), {Value(i), Value()})}));
  }
  writer.Close();
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(writer.num_rows(), 6);
  WrittenParquetFile file(path);
  EXPECT_EQ(file.meta.num_rows, 6);
  EXPECT_EQ(file.meta.row_groups.size(), 1u);
  EXPECT_EQ(file.Column(0, 0).statistics->null_count, 3);
  EXPECT_EQ(std::filesystem::directory_iterator(Path("out"))->path().filename(), "atomic.parquet");
}

TEST_F(ParquetWriterTest, EveryCodecIsRecordedInTheChunk) {
  const std::vector<std::pair<std::string, Codec>> codecs = {
      {"snappy", Codec::kSnappy}, {"gzip", Codec::kGzip},         {"zstd", Codec::kZstd},
      {"lz4_raw", Codec::kLz4Raw}, {"lz4", Codec::kLz4Raw},       {"brotli", Codec::kBrotli},
      {"none", Codec::kUncompressed},
      {"UNCOMPRESSED", Codec::kUncompressed}};
  for (const auto& [name, codec] : codecs) {
    auto file = WriteColumn(DataType::Long(), Ints(5000, 7), {{"compression", name}});
    EXPECT_EQ(file.Column(0, 0).codec, codec) << name;
    for (const PageHeader& page : file.Pages(0, 0)) {
      if (codec == Codec::kUncompressed) {
        EXPECT_EQ(page.compressed_page_size, page.uncompressed_page_size);
      }
    }
  }
}

TEST_F(ParquetWriterTest, CompressionOptionWinsOverHadoopProperty) {
  auto options = ParquetWriteOptions::FromFormatOptions({{"parquet.compression", "gzip"}, {"compression", "zstd"}});
  EXPECT_EQ(options.codec, Codec::kZstd);
  options = ParquetWriteOptions::FromFormatOptions({{"parquet.compression", "gzip"}});
  EXPECT_EQ(options.codec, Codec::kGzip);
  options = ParquetWriteOptions::FromFormatOptions({});
  EXPECT_EQ(options.codec, Codec::kSnappy);
  EXPECT_EQ(options.row_group_bytes, 128 << 20);
  EXPECT_EQ(options.row_group_rows, 1 << 20);
  EXPECT_EQ(options.page_bytes, 1 << 20);
  EXPECT_TRUE(options.dictionary);
}

template <typename F>
std::string ErrorClassOf(F&& f) {
  try {
    f();
  } catch (const UserError& e) {
    return e.error_class();
  }
  return "no error";
}

TEST_F(ParquetWriterTest, BadOptionsAreUserErrors) {
  auto parse = [](FormatOptions o) { return [o] { ParquetWriteOptions::FromFormatOptions(o); }; };
  EXPECT_EQ(ErrorClassOf(parse({{"compression", "lzma"}})), "CODEC_NOT_AVAILABLE");
  EXPECT_EQ(ErrorClassOf(parse({{"compression", "lzo"}})), "CODEC_NOT_AVAILABLE");  // Spark has it; we do not
  EXPECT_EQ(ErrorClassOf(parse({{"parquet.compression", "nope"}})), "CODEC_NOT_AVAILABLE");
  EXPECT_EQ(ErrorClassOf(parse({{"parquet.block.size", "big"}})), "INVALID_OPTION_VALUE");
  EXPECT_EQ(ErrorClassOf(parse({{"parquet.block.size", "0"}})), "INVALID_OPTION_VALUE");
  EXPECT_EQ(ErrorClassOf(parse({{"parquet.page.size", "-5"}})), "INVALID_OPTION_VALUE");
  EXPECT_EQ(ErrorClassOf(parse({{"parquet.block.row.count.limit", "0"}})), "INVALID_OPTION_VALUE");
  EXPECT_EQ(ErrorClassOf(parse({{"parquet.enable.dictionary", "maybe"}})), "INVALID_OPTION_VALUE");
  // The file is not created when the options are refused.
  auto schema = Ddl("a INT");
  std::string path = Path("bad.parquet");
  EXPECT_EQ(ErrorClassOf([&] { WriteParquetFile(path, schema, {}, {{"compression", "lzma"}}); }),
            "CODEC_NOT_AVAILABLE");
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(ParquetWriterTest, TypesParquetCannotHoldAreRefused) {
  auto write = [&](SchemaPtr schema) { return [this, schema] { WriteParquetFile(Path("t.parquet"), schema, {}, {}); }; };
  EXPECT_EQ(ErrorClassOf(write(std::make_shared<Schema>(std::vector<Field>{Field("n", DataType::Null())}))),
            "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE");
  EXPECT_EQ(ErrorClassOf(write(std::make_shared<Schema>(
                std::vector<Field>{Field("a", DataType::Array(DataType::Null()))}))),
            "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE");
  EXPECT_EQ(ErrorClassOf(write(std::make_shared<Schema>(std::vector<Field>{}))),
            "EMPTY_SCHEMA_NOT_SUPPORTED_FOR_DATASOURCE");
  EXPECT_EQ(ErrorClassOf(write(std::make_shared<Schema>(std::vector<Field>{Field("s", DataType::Struct({}))}))),
            "EMPTY_SCHEMA_NOT_SUPPORTED_FOR_DATASOURCE");
  EXPECT_FALSE(std::filesystem::exists(Path("t.parquet")));
}

}  // namespace
}  // namespace lakestream::parquet
