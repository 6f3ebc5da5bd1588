// Reading Parquet files through the "parquet" FileFormat: schema inference,
// projection, type widening, partition values, splits, mergeSchema, memory
// limits and files written by our own writer.
#include <chrono>

#include "unit/formats/format_test_fixture.h"
#include "formats/parquet/metadata.h"
#include "unit/formats/parquet/corpus_file.h"

namespace lakestream {
namespace {

using parquet::CorpusFile;
using ParquetReadTest = FormatTest;

const FileFormat& Parquet() { return FindFileFormat("parquet"); }

TEST_F(ParquetReadTest, InfersANullableSchemaFromTheFirstFile) {
  LS_REQUIRE_CORPUS_FILE("nonnullable.impala.parquet");
  SchemaPtr schema = Parquet().InferSchema({CorpusFile("nonnullable.impala.parquet")}, {}, ctx_);
  for (const auto& f : schema->fields()) EXPECT_TRUE(f.nullable) << f.name;
  EXPECT_EQ(schema->field(1).type->ToString(), "array<int>");
  EXPECT_TRUE(schema->field(1).type->contains_null());
  EXPECT_EQ(Parquet().name(), "parquet");
  EXPECT_EQ(Parquet().extension(), ".parquet");
}

TEST_F(ParquetReadTest, ReadsEveryColumnOfAFlatFile) {
  LS_REQUIRE_CORPUS_FILE("alltypes_plain.parquet");
  std::string f = CorpusFile("alltypes_plain.parquet");
  SchemaPtr schema = Parquet().InferSchema({f}, {}, ctx_);
  EXPECT_EQ(schema->ToString(),
            "struct<id:int,bool_col:boolean,tinyint_col:int,smallint_col:int,int_col:int,bigint_col:bigint,"
            "float_col:float,double_col:double,date_string_col:binary,string_col:binary,timestamp_col:timestamp>");
  auto rows = Read("parquet", f, schema);
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[1], (Row{5, false, 1, 1, 1, int64_t{10}, static_cast<double>(1.1f), 10.1, "03/01/09", "1",
                          int64_t{1235865660000000}}));
}

TEST_F(ParquetReadTest, ProjectsColumnsByNameAndReadsMissingOnesAsNull) {
  LS_REQUIRE_CORPUS_FILE("alltypes_plain.parquet");
  auto rows = Read("parquet", CorpusFile("alltypes_plain.parquet"),
                   Ddl("BIGINT_COL BIGINT, nope STRING, ID INT, string_col STRING"));
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[0], (Row{int64_t{0}, Value(), 4, "0"}));
  EXPECT_EQ(rows[7], (Row{int64_t{10}, Value(), 1, "1"}));
}

TEST_F(ParquetReadTest, WidensTypesAndRejectsOtherMismatches) {
  LS_REQUIRE_CORPUS_FILE("alltypes_plain.parquet");
  std::string f = CorpusFile("alltypes_plain.parquet");
  auto rows = Read("parquet", f, Ddl("int_col BIGINT, float_col DOUBLE, id DECIMAL(12,2)"));
  EXPECT_EQ(rows[1], (Row{int64_t{1}, static_cast<double>(1.1f), Value::Decimal(500)}));
  try {
    Read("parquet", f, Ddl("int_col STRING"));
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH");
    EXPECT_NE(e.message().find("alltypes_plain.parquet"), std::string::npos);
  }
}

TEST_F(ParquetReadTest, FillsHivePartitionValues) {
  LS_REQUIRE_CORPUS_FILE("sort_columns.parquet");
  FileSplit split{CorpusFile("sort_columns.parquet")};
  split.partition_values = {{"day", "2024-05-01"}, {"part", "7"}};
  auto rows = ReadSplit("parquet", split, Ddl("b STRING, PART INT, day DATE"));
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0], (Row{"a", 7, int64_t{19844}}));
}

TEST_F(ParquetReadTest, SplitsAtRowGroupsAndReadsEachRowGroupOnce) {
  LS_REQUIRE_CORPUS_FILE("sort_columns.parquet");
  std::string f = CorpusFile("sort_columns.parquet");
  auto schema = Ddl("a BIGINT, b STRING");
  auto splits = Parquet().Split(f, {});
  ASSERT_EQ(splits.size(), 2u);
  EXPECT_LT(splits[0].offset, splits[1].offset);
  EXPECT_EQ(ReadSplit("parquet", splits[0], schema).size(), 3u);
  EXPECT_EQ(ReadSplit("parquet", splits[1], schema).size(), 3u);
  // Any cut of the file reads every row group exactly once.
  int64_t size = std::filesystem::file_size(f);
  for (int64_t cut = 0; cut <= size; cut += 17) {
    size_t total = ReadSplit("parquet", FileSplit{f, 0, cut}, schema).size() +
                   ReadSplit("parquet", FileSplit{f, cut, size - cut}, schema).size();
    EXPECT_EQ(total, 6u) << "cut at " << cut;
  }
}

TEST_F(ParquetReadTest, RoundTripsNestedDataInBatchesOfAtMost64KRows) {
  auto schema = Ddl("id BIGINT, tags ARRAY<STRING>, attrs MAP<STRING, INT>, s STRUCT<x: DOUBLE, y: ARRAY<INT>>");
  std::vector<Row> rows;
  for (int64_t i = 0; i < 150000; ++i) {
    Value tags = i % 7 == 0 ? Value() : Value::List({"t" + std::to_string(i % 13), Value()});
    if (i % 5 == 0) tags = Value::List({});
    Value attrs = i % 11 == 0 ? Value() : Value::Map({{"k", static_cast<int>(i % 100)}});
    Value s = i % 3 == 0 ? Value() : Value::List({static_cast<double>(i) / 4, Value::List({1, Value(), 3})});
    rows.push_back(Row{i, tags, attrs, s});
  }
  std::string path = Path("data.parquet");
  Parquet().Write(path, schema, RowsToBatches(schema, rows, 10000),
                  {{"parquet.block.row.count.limit", "100000"}, {"parquet.page.row.count.limit", "3000"}}, ctx_);
  auto splits = Parquet().Split(path, {});
  EXPECT_EQ(splits.size(), 2u);
  std::vector<Row> back;
  for (const auto& split : splits) {
    Parquet().Read(split, schema, {}, ctx_, [&](RecordBatchPtr b) {
      EXPECT_LE(b->num_rows(), 64 * 1024);
      for (int64_t r = 0; r < b->num_rows(); ++r) back.push_back(b->GetRow(r));
      return true;
    });
  }
  ASSERT_EQ(back.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) ASSERT_EQ(back[i], rows[i]) << "row " << i;
}

TEST_F(ParquetReadTest, MergeSchemaUnionsFieldsAndRejectsConflicts) {
  LS_REQUIRE_CORPUS_FILE("lz4_raw_compressed.parquet");
  std::string a = CorpusFile("datapage_v1-uncompressed-checksum.parquet");  // a INT, b INT
  std::string b = CorpusFile("lz4_raw_compressed.parquet");                 // c0 BIGINT, c1 BINARY, v11 DOUBLE
  std::string c = CorpusFile("nested_lists.snappy.parquet");                // a ARRAY<...>, b INT
  EXPECT_EQ(Parquet().InferSchema({a, b}, {}, ctx_)->ToString(), "struct<a:int,b:int>");
  EXPECT_EQ(Parquet().InferSchema({a, b}, {{"mergeschema", "true"}}, ctx_)->ToString(),
            "struct<a:int,b:int,c0:bigint,c1:binary,v11:double>");
  try {
    Parquet().InferSchema({a, c}, {{"mergeschema", "true"}}, ctx_);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "CANNOT_MERGE_SCHEMAS");
    EXPECT_NE(e.message().find("nested_lists.snappy.parquet"), std::string::npos);
  }
  EXPECT_THROW(Parquet().InferSchema({}, {}, ctx_), UserError);
}

TEST_F(ParquetReadTest, MemoryLimitStopsAHugeChunkQuickly) {
  LS_REQUIRE_CORPUS_FILE("large_string_map.brotli.parquet");
  std::string f = CorpusFile("large_string_map.brotli.parquet");
  SchemaPtr schema = Parquet().InferSchema({f}, {}, ctx_);
  MemoryTracker memory(1LL << 30);
  ScanOptions scan;
  scan.memory = &memory;
  auto start = std::chrono::steady_clock::now();
  try {
    Parquet().ReadFiltered(FileSplit{f}, schema, {}, ctx_, scan, [](RecordBatchPtr) { return true; });
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "MEMORY_LIMIT_EXCEEDED");
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(memory.used(), 0);
}

TEST_F(ParquetReadTest, EncryptedFilesAreUnsupported) {
  for (std::string name :
       {"uniform_encryption.parquet.encrypted", "encrypt_columns_plaintext_footer.parquet.encrypted"}) {
    LS_REQUIRE_CORPUS_FILE(name);
    try {
      Parquet().InferSchema({CorpusFile(name)}, {}, ctx_);
      if (name.find("plaintext") == std::string::npos) FAIL() << name;
      Read("parquet", CorpusFile(name), Parquet().InferSchema({CorpusFile(name)}, {}, ctx_));
      FAIL() << name;
    } catch (const parquet::ParquetUnsupportedError& e) {
      EXPECT_NE(e.message().find("encryption"), std::string::npos);
      EXPECT_NE(e.message().find(name), std::string::npos);
    }
  }
}

TEST_F(ParquetReadTest, FilesThatAreNotParquetAreCorruptErrorsNamingTheFile) {
  std::string text = WriteText("a.parquet", "id,name\n1,x\n");
  std::string tiny = WriteText("b.parquet", "PAR1");
  std::string fake = WriteText("c.parquet", std::string("PAR1") + std::string(20, '\x01') + "\xff\xff\xff\x00PAR1");
  for (const auto& f : {text, tiny, fake}) {
    try {
      Parquet().InferSchema({f}, {}, ctx_);
      FAIL() << f;
    } catch (const parquet::ParquetCorruptError& e) {
      EXPECT_NE(e.message().find(f), std::string::npos) << e.message();
    }
  }
}

// Flips bytes of real files at pseudo-random places: every read either
// succeeds or raises a Lakestream error (never a crash, hang or overrun).
TEST_F(ParquetReadTest, DamagedFilesNeverCrash) {
  std::vector<std::string> names = {"alltypes_plain.parquet", "nested_maps.snappy.parquet",
                                    "delta_encoding_optional_column.parquet", "datapage_v2.snappy.parquet",
                                    "nullable.impala.parquet", "byte_stream_split.zstd.parquet"};
  uint64_t x = 88172645463325252ull;
  auto next = [&x] {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return x;
  };
  for (const auto& name : names) {
    LS_REQUIRE_CORPUS_FILE(name);
    std::string original = ReadText(CorpusFile(name));
    for (int round = 0; round < 60; ++round) {
      std::string damaged = original;
      int flips = 1 + static_cast<int>(next() % 4);
      for (int k = 0; k < flips; ++k) damaged[next() % damaged.size()] ^= static_cast<char>(1 + next() % 255);
      std::string f = WriteText("damaged.parquet", damaged);
      try {
        SchemaPtr schema = Parquet().InferSchema({f}, {}, ctx_);
        for (const auto& split : Parquet().Split(f, {})) ReadSplit("parquet", split, schema);
      } catch (const Error&) {
      }
    }
  }
}

}  // namespace
}  // namespace lakestream
