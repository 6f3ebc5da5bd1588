// CSV writing: Spark's rendering and quoting, and write -> read round trips.
#include "format_test_fixture.h"

#include "formats/csv_options.h"
#include "formats/csv_writer.h"

namespace lakestream {
namespace {

using CsvWriteTest = FormatTest;

TEST_F(CsvWriteTest, QuotesOnlyWhenNeeded) {
  CsvOptions o = CsvOptions::ForWrite({});
  auto render = [&](std::string_view v) {
    std::string out;
    AppendCsvField(v, o, &out);
    return out;
  };
  EXPECT_EQ(render("plain"), "plain");
  EXPECT_EQ(render("a,b"), "\"a,b\"");
  EXPECT_EQ(render("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(render("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(render(""), "\"\"");
  EXPECT_EQ(render("  padded  "), "padded");  // Spark's writer trims by default
  o.quote_all = true;
  EXPECT_EQ(render("x"), "\"x\"");
}

TEST_F(CsvWriteTest, WritesHeaderNullsAndTypedValues) {
  auto schema = Ddl("i INT, s STRING, d DOUBLE, b BOOLEAN, dt DATE, ts TIMESTAMP, m DECIMAL(5,2)");
  auto batches = RowsToBatches(schema, {Row{1, "a,b", 1.5, true, int64_t{19724}, int64_t{1704164645123000},
                                            Value::Decimal(12345)},
                                        Row{Value(), "", Value(), Value(), Value(), Value(), Value()}});
  std::string path = Path("out.csv");
  FindFileFormat("csv").Write(path, schema, batches, {{"header", "true"}}, ctx_);
  EXPECT_EQ(ReadText(path),
            "i,s,d,b,dt,ts,m\n"
            "1,\"a,b\",1.5,true,2024-01-02,2024-01-02T03:04:05.123Z,123.45\n"
            ",\"\",,,,,\n");
}

TEST_F(CsvWriteTest, WriterOptions) {
  auto schema = Ddl("a STRING, b DATE, c TIMESTAMP");
  auto batches = RowsToBatches(schema, {Row{Value(), int64_t{19724}, int64_t{0}}});
  std::string path = Path("out.csv");
  FindFileFormat("csv").Write(path, schema, batches,
                              {{"sep", "|"}, {"nullValue", "NULL"}, {"dateFormat", "dd/MM/yyyy"},
                               {"timestampFormat", "yyyy-MM-dd HH:mm"}, {"lineSep", "\r\n"}},
                              ctx_);
  EXPECT_EQ(ReadText(path), "NULL|02/01/2024|1970-01-01 00:00\r\n");
  EXPECT_THROW(FindFileFormat("csv").Write(path, schema, batches, {{"compression", "lz77"}}, ctx_), UserError);
}

TEST_F(CsvWriteTest, RoundTripPreservesValues) {
  auto schema = Ddl("i BIGINT, s STRING, d DOUBLE, dt DATE, ts TIMESTAMP, m DECIMAL(10,3), b BOOLEAN");
  std::vector<Row> rows = {
      Row{int64_t{-5}, "comma, \"quote\" and\nnewline", -0.25, int64_t{-1}, int64_t{1700000000123000},
          Value::Decimal(-1234567), false},
      Row{Value(), "x", 1e100, int64_t{20000}, int64_t{-1000000}, Value::Decimal(0), true},
      Row{int64_t{7}, Value(), Value(), Value(), Value(), Value(), Value()},
  };
  std::string path = Path("rt.csv");
  FindFileFormat("csv").Write(path, schema, RowsToBatches(schema, rows), {{"header", "true"}}, ctx_);
  EXPECT_ROWS(Read("csv", path, schema, {{"header", "true"}, {"multiLine", "true"}}), rows);
}

TEST_F(CsvWriteTest, NestedTypesAreRejected) {
  auto schema = Ddl("a ARRAY<INT>");
  EXPECT_THROW(FindFileFormat("csv").Write(Path("x.csv"), schema, {}, {}, ctx_), UserError);
}

}  // namespace
}  // namespace lakestream
