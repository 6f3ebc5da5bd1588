// Dremel shredding of nested arrays into definition and repetition levels,
// checked against levels worked out by hand from the Parquet schema that
// BuildWriterSchema lays out (Spark's LIST/MAP/STRUCT conventions).
#include "formats/parquet/leaf_levels.h"

#include <gtest/gtest.h>

#include "columnar/array.h"

namespace lakestream::parquet {
namespace {

struct Shredded {
  std::vector<int16_t> def, rep;
  std::vector<int64_t> values;
  int64_t entries = 0;
};

// Shreds leaf `leaf_index` of a one-column schema holding `rows`.
Shredded Shred(const DataTypePtr& type, const std::vector<Value>& rows, size_t leaf_index = 0, int64_t begin = 0,
               int64_t end = -1, bool nullable = true) {
  Schema schema({Field("c", type, nullable)});
  WriterSchema layout = BuildWriterSchema(schema);
  ArrayPtr column = MakeArrayFromValues(type, rows);
  LeafLevels levels;
  BuildLeafLevels(*column, layout.leaves.at(leaf_index), begin, end < 0 ? column->length() : end, &levels);
  return {levels.def_levels, levels.rep_levels, levels.value_indices, levels.num_entries};
}

using Levels = std::vector<int16_t>;
using Indices = std::vector<int64_t>;

TEST(LeafLevelsTest, FlatNullableColumnDefinesPresentValues) {
  auto s = Shred(DataType::Int(), {Value(1), Value(), Value(3)});
  EXPECT_EQ(s.def, (Levels{1, 0, 1}));
  EXPECT_TRUE(s.rep.empty());
  EXPECT_EQ(s.values, (Indices{0, 2}));
  EXPECT_EQ(s.entries, 3);
}

TEST(LeafLevelsTest, RequiredColumnHasNoLevels) {
  auto s = Shred(DataType::Long(), {Value(int64_t{5}), Value(int64_t{6})}, 0, 0, -1, /*nullable=*/false);
  EXPECT_TRUE(s.def.empty());
  EXPECT_TRUE(s.rep.empty());
  EXPECT_EQ(s.values, (Indices{0, 1}));
  EXPECT_EQ(s.entries, 2);
}

TEST(LeafLevelsTest, RowRangeStartsInTheMiddle) {
  auto s = Shred(DataType::Int(), {Value(1), Value(), Value(3), Value(4)}, 0, 1, 3);
  EXPECT_EQ(s.def, (Levels{0, 1}));
  EXPECT_EQ(s.values, (Indices{2}));
}

// optional group c (LIST) { repeated group list { optional int32 element; } }
// max_def 3 (c present, list non-empty, element present), max_rep 1.
TEST(LeafLevelsTest, ArrayDistinguishesNullEmptyAndNullElement) {
  auto rows = std::vector<Value>{Value::List({Value(1), Value(2)}), Value(), Value::List({}),
                                 Value::List({Value(), Value(4)})};
  auto s = Shred(DataType::Array(DataType::Int()), rows);
  EXPECT_EQ(s.def, (Levels{3, 3, 0, 1, 2, 3}));
  EXPECT_EQ(s.rep, (Levels{0, 1, 0, 0, 0, 1}));
  // Element positions in the child array: [1,2] at 0-1, [null,4] at 2-3.
  EXPECT_EQ(s.values, (Indices{0, 1, 3}));
}

TEST(LeafLevelsTest, ArrayRangeUsesChildOffsets) {
  auto rows = std::vector<Value>{Value::List({Value(1), Value(2)}), Value::List({Value(7)}),
                                 Value::List({Value(8), Value(9)})};
  auto s = Shred(DataType::Array(DataType::Int()), rows, 0, 1, 3);
  EXPECT_EQ(s.def, (Levels{3, 3, 3}));
  EXPECT_EQ(s.rep, (Levels{0, 0, 1}));
  EXPECT_EQ(s.values, (Indices{2, 3, 4}));
}

TEST(LeafLevelsTest, NestedArraysUseTwoRepetitionLevels) {
  // optional c LIST -> repeated list -> optional element LIST -> repeated list -> optional element:
  // max_def 5, max_rep 2.
  auto inner = DataType::Array(DataType::Int());
  auto rows = std::vector<Value>{Value::List({Value::List({Value(1)}), Value::List({})}),
                                 Value::List({Value::List({Value(2), Value(3)}), Value()})};
  auto s = Shred(DataType::Array(inner), rows);
  EXPECT_EQ(s.def, (Levels{5, 3, 5, 5, 2}));
  EXPECT_EQ(s.rep, (Levels{0, 1, 0, 2, 1}));
  EXPECT_EQ(s.values, (Indices{0, 1, 2}));
}

// optional group c (MAP) { repeated group key_value { required binary key; optional int32 value; } }
TEST(LeafLevelsTest, MapKeysAndValuesShareRepetition) {
  auto type = DataType::Map(DataType::String(), DataType::Int());
  auto rows = std::vector<Value>{Value::Map({{Value("a"), Value(1)}, {Value("b"), Value()}}), Value(),
                                 Value::Map({})};
  auto keys = Shred(type, rows, 0);
  EXPECT_EQ(keys.def, (Levels{2, 2, 0, 1}));
  EXPECT_EQ(keys.rep, (Levels{0, 1, 0, 0}));
  EXPECT_EQ(keys.values, (Indices{0, 1}));
  auto values = Shred(type, rows, 1);
  EXPECT_EQ(values.def, (Levels{3, 2, 0, 1}));
  EXPECT_EQ(values.rep, (Levels{0, 1, 0, 0}));
  EXPECT_EQ(values.values, (Indices{0}));
}

TEST(LeafLevelsTest, NullStructHidesItsChildren) {
  auto type = DataType::Struct({Field("a", DataType::Int()), Field("b", DataType::Array(DataType::Int()))});
  auto rows = std::vector<Value>{Value::List({Value(1), Value::List({Value(5)})}), Value(),
                                 Value::List({Value(), Value()})};
  auto a = Shred(type, rows, 0);
  EXPECT_EQ(a.def, (Levels{2, 0, 1}));
  EXPECT_TRUE(a.rep.empty());
  EXPECT_EQ(a.values, (Indices{0}));
  auto b = Shred(type, rows, 1);
  EXPECT_EQ(b.def, (Levels{4, 0, 1}));
  EXPECT_EQ(b.rep, (Levels{0, 0, 0}));
  EXPECT_EQ(b.values, (Indices{0}));
}

TEST(LeafLevelsTest, RequiredElementsAddNoDefinitionLevel) {
  auto type = DataType::Array(DataType::Int(), /*contains_null=*/false);
  auto s = Shred(type, {Value::List({Value(1), Value(2)}), Value::List({})}, 0, 0, -1, /*nullable=*/false);
  // required c LIST -> repeated list -> required element: max_def 1.
  EXPECT_EQ(s.def, (Levels{1, 1, 0}));
  EXPECT_EQ(s.rep, (Levels{0, 1, 0}));
}

TEST(LeafLevelsTest, NullInRequiredColumnIsAnInternalError) {
  Schema schema({Field("c", DataType::Int(), false)});
  WriterSchema layout = BuildWriterSchema(schema);
  ArrayPtr column = MakeArrayFromValues(DataType::Int(), {Value(1), Value()});
  LeafLevels levels;
  EXPECT_THROW(BuildLeafLevels(*column, layout.leaves[0], 0, 2, &levels), InternalError);
}

}  // namespace
}  // namespace lakestream::parquet
