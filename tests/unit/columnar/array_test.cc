#include <gtest/gtest.h>

#include "columnar/array_builder.h"
#include "columnar/record_batch.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

TEST(ArrayBuilderTest, PrimitiveWithNulls) {
  PrimitiveBuilder<int32_t> b(DataType::Int());
  for (int i = 0; i < 100; ++i) (i % 7 == 0) ? b.AppendNull() : b.Append(i);
  auto a = b.Finish();
  EXPECT_EQ(a->length(), 100);
  EXPECT_EQ(a->null_count(), 15);
  EXPECT_TRUE(a->IsNull(0));
  EXPECT_EQ(a->values<int32_t>()[5], 5);
  EXPECT_EQ(a->GetValue(8), Value(8));
}

TEST(ArrayBuilderTest, NoNullsMeansNoValidityBuffer) {
  PrimitiveBuilder<double> b(DataType::Double());
  b.Append(1.5);
  b.Append(2.5);
  auto a = b.Finish();
  EXPECT_EQ(a->validity(), nullptr);
  EXPECT_EQ(a->null_count(), 0);
}

TEST(ArrayBuilderTest, StringsAndNestedValues) {
  auto type = DataType::Struct({Field("s", DataType::String()), Field("l", DataType::Array(DataType::Long())),
                                Field("m", DataType::Map(DataType::String(), DataType::Int()))});
  std::vector<Value> values = {
      Value::List({"héllo", Value::List({1, 2, 3}), Value::Map({{"k", 1}})}),
      Value(),
      Value::List({Value(), Value::List({}), Value::Map({})}),
  };
  auto a = MakeArrayFromValues(type, values);
  ASSERT_EQ(a->length(), 3);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(a->GetValue(i), values[i]) << i;
  EXPECT_EQ(a->child(0)->GetView(0), "héllo");
}

TEST(ArrayTest, TakeWithMinusOneProducesNull) {
  auto a = MakeArrayFromValues(DataType::String(), {"a", "bb", Value(), "dddd"});
  auto t = Take(a, std::vector<int32_t>{3, -1, 0, 2, 1});
  ASSERT_EQ(t->length(), 5);
  EXPECT_EQ(t->GetValue(0), Value("dddd"));
  EXPECT_TRUE(t->IsNull(1));
  EXPECT_EQ(t->GetValue(2), Value("a"));
  EXPECT_TRUE(t->IsNull(3));
  EXPECT_EQ(t->GetValue(4), Value("bb"));
  EXPECT_EQ(t->null_count(), 2);
}

TEST(ArrayTest, ConcatenateKeepsValuesAndNulls) {
  auto type = DataType::Array(DataType::Int());
  auto a = MakeArrayFromValues(type, {Value::List({1}), Value()});
  auto b = MakeArrayFromValues(type, {Value::List({2, 3}), Value::List({})});
  auto c = Concatenate({a, b});
  ASSERT_EQ(c->length(), 4);
  EXPECT_EQ(c->GetValue(0), Value::List({1}));
  EXPECT_TRUE(c->IsNull(1));
  EXPECT_EQ(c->GetValue(2), Value::List({2, 3}));
  EXPECT_EQ(c->GetValue(3), Value::List({}));
}

TEST(ArrayTest, ConstantAndSlice) {
  auto a = MakeConstantArray(DataType::Decimal(10, 2), Value::Decimal(12345), 10);
  EXPECT_EQ(a->GetValue(9), Value::Decimal(12345));
  auto s = Slice(MakeArrayFromValues(DataType::Boolean(), {true, false, Value(), true}), 1, 3);
  EXPECT_EQ(s->GetValue(0), Value(false));
  EXPECT_TRUE(s->IsNull(1));
  EXPECT_EQ(s->GetValue(2), Value(true));
}

TEST(RecordBatchTest, RowsRoundTripThroughBatches) {
  auto schema = Schema::ParseDdl("id BIGINT, name STRING, d DATE");
  std::vector<Row> rows;
  for (int i = 0; i < 10000; ++i) rows.push_back(Row{Value(int64_t{i}), i % 3 ? Value("x" + std::to_string(i)) : Value(), Value(i)});
  auto batches = RowsToBatches(schema, rows, 4096);
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(BatchesToRows(batches), rows);
  auto one = ConcatenateBatches(schema, batches);
  EXPECT_EQ(one->num_rows(), 10000);
  EXPECT_EQ(one->GetRow(9999), rows[9999]);
}

TEST(RecordBatchTest, WrongRowWidthIsAUserError) {
  auto schema = Schema::ParseDdl("a INT, b INT");
  EXPECT_THROW(RowsToBatches(schema, {Row{1}}), UserError);
}

}  // namespace
}  // namespace lakestream
