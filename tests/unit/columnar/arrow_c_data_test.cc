#include <gtest/gtest.h>

#include "columnar/array_builder.h"
#include "columnar/arrow_c_data.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

RecordBatchPtr SampleBatch() {
  auto schema = Schema::ParseDdl(
      "b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INT, i64 BIGINT NOT NULL, f FLOAT, d DOUBLE, dec DECIMAL(20,3), "
      "s STRING, bin BINARY, dt DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ, arr ARRAY<INT>, "
      "st STRUCT<x: INT, y: STRING>, m MAP<STRING, DOUBLE>");
  std::vector<Row> rows;
  for (int i = 0; i < 50; ++i) {
    bool null = i % 5 == 4;
    auto v = [&](Value x) { return null ? Value() : x; };
    rows.push_back(Row{v(i % 2 == 0), v(i), v(i * 100), v(i * 1000), Value(int64_t{i} << 40), v(i + 0.5),
                       v(i * 1.25), v(Value::Decimal(static_cast<int128_t>(i) * 1000000007)), v("s" + std::to_string(i)),
                       v(std::string("\x00\x01", 2)), v(19000 + i), v(int64_t{1700000000000000} + i),
                       v(int64_t{i}), v(Value::List({i, Value(), i + 1})), v(Value::List({i, "y"})),
                       v(Value::Map({{"k", 1.5 * i}}))});
  }
  return RowsToBatches(schema, rows, 1000)[0];
}

TEST(ArrowCDataTest, RecordBatchRoundTripsThroughTheCInterface) {
  auto batch = SampleBatch();
  ArrowSchema c_schema;
  ArrowArray c_array;
  ExportSchema(*batch->schema(), &c_schema);
  ExportRecordBatch(batch, &c_array);
  EXPECT_STREQ(c_schema.children[7]->format, "d:20,3");
  EXPECT_STREQ(c_schema.children[11]->format, "tsu:UTC");
  EXPECT_STREQ(c_schema.children[15]->format, "+m");
  EXPECT_EQ(c_schema.children[4]->flags & ARROW_FLAG_NULLABLE, 0);

  auto schema = ImportSchema(c_schema);
  EXPECT_TRUE(schema->Equals(*batch->schema())) << schema->ToString();
  auto imported = ImportRecordBatch(&c_array, schema);
  EXPECT_EQ(c_array.release, nullptr);  // moved
  c_schema.release(&c_schema);
  ASSERT_EQ(imported->num_rows(), batch->num_rows());
  for (int64_t r = 0; r < batch->num_rows(); ++r) EXPECT_EQ(imported->GetRow(r), batch->GetRow(r)) << r;
}

TEST(ArrowCDataTest, ImportHonoursOffsets) {
  auto a = MakeArrayFromValues(DataType::String(), {"a", "bb", Value(), "dddd"});
  ArrowArray c;
  ExportArray(a, &c);
  c.offset = 1;
  c.length = 3;
  auto imported = ImportArray(&c, DataType::String());
  ASSERT_EQ(imported->length(), 3);
  EXPECT_EQ(imported->GetValue(0), Value("bb"));
  EXPECT_TRUE(imported->IsNull(1));
  EXPECT_EQ(imported->GetValue(2), Value("dddd"));
}

// As Spark's ArrowUtils: year-month intervals are interval[months], day-time
// intervals duration[us]; the interval fields do not survive the trip.
TEST(ArrowCDataTest, IntervalsTravelAsMonthsAndMicrosecondDurations) {
  auto schema = Schema::ParseDdl("ym INTERVAL YEAR TO MONTH, dt INTERVAL DAY TO SECOND, h INTERVAL HOUR");
  auto batch = RowsToBatches(schema, {Row{Value(14), Value(int64_t{90061000001}), Value(int64_t{3600000000})},
                                      Row{Value(-3), Value(), Value(int64_t{-7200000000})}}, 10)[0];
  ArrowSchema c_schema;
  ArrowArray c_array;
  ExportSchema(*schema, &c_schema);
  ExportRecordBatch(batch, &c_array);
  EXPECT_STREQ(c_schema.children[0]->format, "tiM");
  EXPECT_STREQ(c_schema.children[1]->format, "tDu");
  auto imported_schema = ImportSchema(c_schema);
  c_schema.release(&c_schema);
  EXPECT_EQ(imported_schema->ToString(), "struct<ym:interval year to month,dt:interval day to second,h:interval day to second>");
  auto imported = ImportRecordBatch(&c_array, imported_schema);
  ASSERT_EQ(imported->num_rows(), 2);
  for (int64_t r = 0; r < 2; ++r) EXPECT_EQ(imported->GetRow(r), batch->GetRow(r)) << r;
}

TEST(ArrowCDataTest, UnsupportedFormatIsAClearError) {
  ArrowSchema s{};
  s.format = "+ud:0,1";
  s.name = "u";
  EXPECT_THROW(ImportField(s), UserError);
}

}  // namespace
}  // namespace lakestream
