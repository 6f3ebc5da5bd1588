// WriteDataset (save modes, partitionBy layout), ListDataFiles and partition
// discovery, and reading partitioned directories back.
#include "format_test_fixture.h"

#include "formats/hive_partitioning.h"

namespace lakestream {
namespace {

namespace fs = std::filesystem;
using DatasetTest = FormatTest;

std::vector<std::string> Relative(const std::vector<std::string>& files, const fs::path& base) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(fs::path(f).lexically_relative(base).string());
  return out;
}

TEST_F(DatasetTest, WritesPartFilesAndSuccessMarker) {
  auto schema = Ddl("a INT, b STRING");
  auto batches = RowsToBatches(schema, {Row{1, "x"}, Row{2, "y"}});
  std::string out = Path("out");
  WriteDataset(out, FindFileFormat("csv"), SaveMode::kErrorIfExists, {}, schema, batches, {}, ctx_);
  EXPECT_TRUE(fs::exists(fs::path(out) / "_SUCCESS"));
  auto files = ListDataFiles({out});
  ASSERT_EQ(files.size(), 1u);
  std::string name = fs::path(files[0]).filename().string();
  EXPECT_TRUE(name.starts_with("part-00000-")) << name;
  EXPECT_TRUE(name.ends_with("-c000.csv")) << name;
  EXPECT_FALSE(fs::exists(fs::path(out) / "_temporary"));
  SchemaPtr s = schema;
  EXPECT_ROWS(ReadAll("csv", out, &s), {Row{1, "x"}, Row{2, "y"}});
}

TEST_F(DatasetTest, SaveModes) {
  auto schema = Ddl("a INT");
  auto one = RowsToBatches(schema, {Row{1}});
  auto two = RowsToBatches(schema, {Row{2}});
  std::string out = Path("out");
  const FileFormat& json = FindFileFormat("json");
  WriteDataset(out, json, ParseSaveMode("errorifexists"), {}, schema, one, {}, ctx_);
  try {
    WriteDataset(out, json, ParseSaveMode("error"), {}, schema, two, {}, ctx_);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "PATH_ALREADY_EXISTS");
    EXPECT_EQ(e.sql_state(), "42K04");
    EXPECT_NE(e.message().find("file:" + out), std::string::npos) << e.message();
  }
  WriteDataset(out, json, ParseSaveMode("ignore"), {}, schema, two, {}, ctx_);
  SchemaPtr s = schema;
  EXPECT_ROWS(ReadAll("json", out, &s), {Row{1}});
  WriteDataset(out, json, ParseSaveMode("append"), {}, schema, two, {}, ctx_);
  EXPECT_EQ(ListDataFiles({out}).size(), 2u);
  auto rows = ReadAll("json", out, &s);
  std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x[0].as_int() < y[0].as_int(); });
  EXPECT_ROWS(rows, {Row{1}, Row{2}});
  WriteDataset(out, json, ParseSaveMode("Overwrite"), {}, schema, two, {}, ctx_);
  EXPECT_ROWS(ReadAll("json", out, &s), {Row{2}});
  EXPECT_THROW(ParseSaveMode("sometimes"), UserError);
}

TEST_F(DatasetTest, PartitionByWritesHiveDirectories) {
  auto schema = Ddl("id INT, country STRING, day DATE");
  auto batches = RowsToBatches(schema, {Row{1, "US", int64_t{19724}}, Row{2, "a/b=c", int64_t{19724}},
                                        Row{3, Value(), int64_t{19725}}, Row{4, "US", int64_t{19724}}});
  std::string out = Path("out");
  WriteDataset(out, FindFileFormat("csv"), SaveMode::kErrorIfExists, {"country", "day"}, schema, batches, {}, ctx_);
  auto files = Relative(ListDataFiles({out}), out);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_TRUE(files[0].starts_with("country=US/day=2024-01-02/part-")) << files[0];
  EXPECT_TRUE(files[1].starts_with("country=__HIVE_DEFAULT_PARTITION__/day=2024-01-03/part-")) << files[1];
  EXPECT_TRUE(files[2].starts_with("country=a%2Fb%3Dc/day=2024-01-02/part-")) << files[2];
  // Partition columns are not in the files.
  EXPECT_EQ(ReadText((fs::path(out) / files[0]).string()), "1\n4\n");

  auto all = ListDataFiles({out});
  auto partitions = InferPartitionSchema(all, out);
  EXPECT_EQ(partitions->ToString(), "struct<country:string,day:date>");
  auto values = PartitionValuesOf(all[2], out);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0], (std::pair<std::string, std::string>("country", "a/b=c")));

  // Readers append the partition columns from the split.
  auto read_schema = Ddl("id INT, country STRING, day DATE");
  std::vector<Row> rows;
  for (const auto& f : all) {
    FileSplit split{f};
    split.partition_values = PartitionValuesOf(f, out);
    auto part = ReadSplit("csv", split, read_schema);
    rows.insert(rows.end(), part.begin(), part.end());
  }
  std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x[0].as_int() < y[0].as_int(); });
  EXPECT_ROWS(rows, {Row{1, "US", int64_t{19724}}, Row{2, "a/b=c", int64_t{19724}}, Row{3, Value(), int64_t{19725}},
                     Row{4, "US", int64_t{19724}}});
}

TEST_F(DatasetTest, PartitionColumnErrors) {
  auto schema = Ddl("a INT, b INT");
  auto batches = RowsToBatches(schema, {Row{1, 2}});
  EXPECT_THROW(WriteDataset(Path("x"), FindFileFormat("csv"), SaveMode::kAppend, {"zz"}, schema, batches, {}, ctx_),
               UserError);
  EXPECT_THROW(
      WriteDataset(Path("y"), FindFileFormat("csv"), SaveMode::kAppend, {"a", "b"}, schema, batches, {}, ctx_),
      UserError);
}

TEST_F(DatasetTest, PartitionTypeInference) {
  std::vector<std::string> files = {"/t/i=1/l=3000000000/d=1.5/s=x/dt=2024-01-01/n=__HIVE_DEFAULT_PARTITION__/f",
                                    "/t/i=2/l=1/d=2/s=3/dt=2024-01-02/n=__HIVE_DEFAULT_PARTITION__/f"};
  EXPECT_EQ(InferPartitionSchema(files, "/t")->ToString(),
            "struct<i:int,l:bigint,d:double,s:string,dt:date,n:string>");
  EXPECT_EQ(InferPartitionSchema({"/t/ts=2024-01-01 10%3A00%3A00/f"}, "/t")->ToString(), "struct<ts:timestamp>");
  EXPECT_EQ(InferPartitionSchema({"/t/a.csv"}, "/t")->num_fields(), 0u);
  EXPECT_EQ(EscapeHivePathName("a b:c%"), "a b%3Ac%25");
  EXPECT_EQ(UnescapeHivePathName("a b%3Ac%25%zz"), "a b:c%%zz");
}

TEST_F(DatasetTest, ListDataFilesSkipsHiddenFilesAndExpandsGlobs) {
  WriteText("d/a.csv", "1\n");
  WriteText("d/sub/b.csv", "2\n");
  WriteText("d/_SUCCESS", "");
  WriteText("d/.hidden", "");
  WriteText("d/_tmp/c.csv", "");
  WriteText("d/_p=1/e.csv", "3\n");
  WriteText("d/x.json", "{}\n");
  auto files = Relative(ListDataFiles({Path("d")}), dir_);
  EXPECT_EQ(files, (std::vector<std::string>{"d/_p=1/e.csv", "d/a.csv", "d/sub/b.csv", "d/x.json"}));
  EXPECT_EQ(Relative(ListDataFiles({Path("d/*.csv")}), dir_), (std::vector<std::string>{"d/a.csv"}));
  EXPECT_EQ(Relative(ListDataFiles({"file:" + Path("d/a.csv"), Path("d/a.csv")}), dir_),
            (std::vector<std::string>{"d/a.csv"}));
}

TEST_F(DatasetTest, MissingPathsAreNotFound) {
  for (const std::string& p : std::vector<std::string>{Path("nope"), Path("nope/*.csv")}) {
    try {
      ListDataFiles({p});
      FAIL();
    } catch (const UserError& e) {
      EXPECT_EQ(e.error_class(), "PATH_NOT_FOUND");
      EXPECT_EQ(e.sql_state(), "42K03");
      EXPECT_NE(e.message().find("Path does not exist: file:"), std::string::npos) << e.message();
    }
  }
}

TEST_F(DatasetTest, FindFileFormatByName) {
  EXPECT_EQ(FindFileFormat("CSV").name(), "csv");
  EXPECT_EQ(FindFileFormat("json").extension(), ".json");
  try {
    FindFileFormat("avro");
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "UNSUPPORTED_DATA_SOURCE");
  }
}

}  // namespace
}  // namespace lakestream
