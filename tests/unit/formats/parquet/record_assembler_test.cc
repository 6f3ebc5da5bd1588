// Record assembly from hand-written definition/repetition levels: NULL
// structs vs NULL fields, NULL vs empty lists, maps, legacy nested lists,
// projection of struct fields and type widening.
#include "formats/parquet/record_assembler.h"

#include <gtest/gtest.h>

#include <cstring>

#include "unit/formats/parquet/schema_element_builders.h"

namespace lakestream::parquet {
namespace {

template <typename T>
LeafBatch Fixed(std::vector<int16_t> def, std::vector<int16_t> rep, std::vector<T> values) {
  LeafBatch b;
  b.Clear();
  b.num_levels = static_cast<int64_t>(std::max(def.size(), std::max(rep.size(), values.size())));
  b.def_levels = std::move(def);
  b.rep_levels = std::move(rep);
  b.num_values = static_cast<int64_t>(values.size());
  b.values = Buffer::Allocate(static_cast<int64_t>(sizeof(T)) * std::max<int64_t>(b.num_levels, 1));
  if (!values.empty()) std::memcpy(b.values->mutable_data(), values.data(), values.size() * sizeof(T));
  return b;
}

LeafBatch Strings(std::vector<int16_t> def, std::vector<int16_t> rep, std::vector<std::string> values) {
  LeafBatch b;
  b.Clear();
  b.num_levels = static_cast<int64_t>(std::max(def.size(), std::max(rep.size(), values.size())));
  b.def_levels = std::move(def);
  b.rep_levels = std::move(rep);
  b.num_values = static_cast<int64_t>(values.size());
  for (const auto& v : values) {
    b.bytes += v;
    b.offsets.push_back(static_cast<int32_t>(b.bytes.size()));
  }
  return b;
}

class AssemblerTest : public ::testing::Test {
 protected:
  void Load(std::vector<SchemaElement> fields) { schema_ = std::make_unique<ParquetSchema>(Meta(fields), "t.parquet"); }

  // Assembles top-level field `field` as `type` (the file's type by default).
  std::vector<Value> Read(size_t field, std::vector<LeafBatch> batches, int64_t rows, DataTypePtr type = nullptr) {
    const ParquetNode& node = schema_->fields()[field];
    RecordAssembler assembler(node, type ? type : node.field.type, schema_->leaves(), "t.parquet");
    ArrayPtr a = assembler.Assemble(batches, rows, ctx_);
    std::vector<Value> out;
    for (int64_t i = 0; i < a->length(); ++i) out.push_back(a->GetValue(i));
    return out;
  }

  std::unique_ptr<ParquetSchema> schema_;
  EvalContext ctx_;
};

Value L(std::vector<Value> items) { return Value::List(std::move(items)); }

TEST_F(AssemblerTest, FlatColumnsSpreadValuesOverNulls) {
  Load({Leaf("i", PhysicalType::kInt32), Leaf("r", PhysicalType::kInt64, Repetition::kRequired),
        WithConverted(Leaf("s", PhysicalType::kByteArray), ConvertedType::kUtf8), Leaf("b", PhysicalType::kBoolean)});
  EXPECT_EQ(Read(0, {Fixed<int32_t>({1, 0, 1, 1, 0}, {}, {10, 20, 30})}, 5),
            (std::vector<Value>{10, Value(), 20, 30, Value()}));
  std::vector<LeafBatch> batches(2);
  batches[1] = Fixed<int64_t>({}, {}, {7, 8});
  EXPECT_EQ(Read(1, std::move(batches), 2), (std::vector<Value>{int64_t{7}, int64_t{8}}));
  batches.assign(3, LeafBatch{});
  batches[2] = Strings({0, 1, 0, 1}, {}, {"ab", ""});
  EXPECT_EQ(Read(2, std::move(batches), 4), (std::vector<Value>{Value(), "ab", Value(), ""}));
  batches.assign(4, LeafBatch{});
  batches[3] = Fixed<uint8_t>({1, 1, 0, 1}, {}, {1, 0, 1});
  EXPECT_EQ(Read(3, std::move(batches), 4), (std::vector<Value>{true, false, Value(), true}));
}

TEST_F(AssemblerTest, StructNullIsNotFieldNull) {
  // optional group s { optional int32 x; required int32 y; }
  Load({Group("s", 2), Leaf("x", PhysicalType::kInt32), Leaf("y", PhysicalType::kInt32, Repetition::kRequired)});
  std::vector<LeafBatch> b;
  b.push_back(Fixed<int32_t>({2, 0, 1}, {}, {1}));
  b.push_back(Fixed<int32_t>({1, 0, 1}, {}, {5, 6}));
  EXPECT_EQ(Read(0, std::move(b), 3), (std::vector<Value>{L({1, 5}), Value(), L({Value(), 6})}));
}

TEST_F(AssemblerTest, ListsDistinguishNullEmptyAndNullElements) {
  // [1,2], NULL, [], [NULL,3]
  Load({Group("a", 1, Repetition::kOptional, ConvertedType::kList), Group("list", 1, Repetition::kRepeated),
        Leaf("element", PhysicalType::kInt32)});
  EXPECT_EQ(Read(0, {Fixed<int32_t>({3, 3, 0, 1, 2, 3}, {0, 1, 0, 0, 0, 1}, {1, 2, 3})}, 4),
            (std::vector<Value>{L({1, 2}), Value(), L({}), L({Value(), 3})}));
}

TEST_F(AssemblerTest, ListOfStructsWithStringFields) {
  // optional group a (LIST) { repeated group list { optional group element { optional binary s (UTF8); } } }
  Load({Group("a", 1, Repetition::kOptional, ConvertedType::kList), Group("list", 1, Repetition::kRepeated),
        Group("element", 1), WithConverted(Leaf("s", PhysicalType::kByteArray), ConvertedType::kUtf8)});
  // [{s:"x"}, NULL, {s:NULL}], []
  EXPECT_EQ(Read(0, {Strings({4, 2, 3, 1}, {0, 1, 1, 0}, {"x"})}, 2),
            (std::vector<Value>{L({L({"x"}), Value(), L({Value()})}), L({})}));
}

TEST_F(AssemblerTest, MapsWithNullValuesAndNullMaps) {
  Load({Group("m", 1, Repetition::kOptional, ConvertedType::kMap), Group("key_value", 2, Repetition::kRepeated),
        WithConverted(Leaf("key", PhysicalType::kByteArray, Repetition::kRequired), ConvertedType::kUtf8),
        Leaf("value", PhysicalType::kInt32)});
  // {a:1, b:NULL}, NULL, {}
  std::vector<LeafBatch> b;
  b.push_back(Strings({2, 2, 0, 1}, {0, 1, 0, 0}, {"a", "b"}));
  b.push_back(Fixed<int32_t>({3, 2, 0, 1}, {0, 1, 0, 0}, {1}));
  EXPECT_EQ(Read(0, std::move(b), 3),
            (std::vector<Value>{Value::Map({{"a", 1}, {"b", Value()}}), Value(), Value::Map({})}));
}

TEST_F(AssemblerTest, NullMapKeyIsAnError) {
  Load({Group("m", 1, Repetition::kOptional, ConvertedType::kMap), Group("key_value", 2, Repetition::kRepeated),
        Leaf("key", PhysicalType::kInt32), Leaf("value", PhysicalType::kInt32)});
  std::vector<LeafBatch> b;
  b.push_back(Fixed<int32_t>({2, 3}, {0, 1}, {4}));
  b.push_back(Fixed<int32_t>({3, 3}, {0, 1}, {1, 2}));
  try {
    Read(0, std::move(b), 1);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "NULL_MAP_KEY");
  }
}

TEST_F(AssemblerTest, LegacyNestedListsAndBareRepeatedFields) {
  // old_list_structure.parquet: [[1,2],[3,4]]
  Load({Group("a", 1, Repetition::kRequired, ConvertedType::kList),
        Group("array", 1, Repetition::kRepeated, ConvertedType::kList),
        Leaf("array", PhysicalType::kInt32, Repetition::kRepeated),
        Leaf("r", PhysicalType::kInt32, Repetition::kRepeated)});
  std::vector<LeafBatch> b;
  b.push_back(Fixed<int32_t>({2, 2, 2, 2}, {0, 2, 1, 2}, {1, 2, 3, 4}));
  EXPECT_EQ(Read(0, std::move(b), 1), (std::vector<Value>{L({L({1, 2}), L({3, 4})})}));
  // repeated int32 r: [], [5, 6]
  b.assign(2, LeafBatch{});
  b[1] = Fixed<int32_t>({0, 1, 1}, {0, 0, 1}, {5, 6});
  EXPECT_EQ(Read(1, std::move(b), 2), (std::vector<Value>{L({}), L({5, 6})}));
}

TEST_F(AssemblerTest, ProjectsStructFieldsByNameAndFillsMissingOnes) {
  Load({Group("s", 2), Leaf("x", PhysicalType::kInt32), Leaf("y", PhysicalType::kInt64)});
  auto want = DataType::Struct({Field("Y", DataType::Long()), Field("z", DataType::String())});
  RecordAssembler assembler(schema_->fields()[0], want, schema_->leaves(), "t.parquet");
  EXPECT_EQ(assembler.needed_leaves(), (std::vector<int>{1}));
  std::vector<LeafBatch> b(2);
  b[1] = Fixed<int64_t>({2, 0, 1}, {}, {9});
  ArrayPtr a = assembler.Assemble(b, 3, ctx_);
  EXPECT_EQ(a->GetValue(0), L({int64_t{9}, Value()}));
  EXPECT_TRUE(a->IsNull(1));
  EXPECT_EQ(a->GetValue(2), L({Value(), Value()}));

  // No requested field is in the file: the first leaf still gives the NULLs.
  RecordAssembler none(schema_->fields()[0], DataType::Struct({Field("q", DataType::Int())}), schema_->leaves(),
                       "t.parquet");
  EXPECT_EQ(none.needed_leaves(), (std::vector<int>{0}));
  b.assign(2, LeafBatch{});
  b[0] = Fixed<int32_t>({0, 1}, {}, {});
  ArrayPtr n = none.Assemble(b, 2, ctx_);
  EXPECT_TRUE(n->IsNull(0));
  EXPECT_EQ(n->GetValue(1), L({Value()}));
}

TEST_F(AssemblerTest, WidensLeafTypesAndRejectsMismatches) {
  Load({Leaf("i", PhysicalType::kInt32), Leaf("b", PhysicalType::kByteArray)});
  EXPECT_EQ(Read(0, {Fixed<int32_t>({1, 0}, {}, {3})}, 2, DataType::Long()), (std::vector<Value>{int64_t{3}, Value()}));
  std::vector<LeafBatch> b(2);
  b[1] = Strings({1}, {}, {"hi"});
  EXPECT_EQ(Read(1, std::move(b), 1, DataType::String()), (std::vector<Value>{"hi"}));
  try {
    RecordAssembler bad(schema_->fields()[0], DataType::String(), schema_->leaves(), "t.parquet");
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH");
    EXPECT_NE(e.message().find("t.parquet"), std::string::npos);
  }
  EXPECT_TRUE(CanReadAs(*DataType::Int(), *DataType::Decimal(12, 2)));
  EXPECT_FALSE(CanReadAs(*DataType::Int(), *DataType::Decimal(10, 2)));
  EXPECT_TRUE(CanReadAs(*DataType::Decimal(5, 2), *DataType::Decimal(7, 3)));
  EXPECT_FALSE(CanReadAs(*DataType::Decimal(5, 2), *DataType::Decimal(7, 1)));
  EXPECT_FALSE(CanReadAs(*DataType::Long(), *DataType::Int()));
}

TEST_F(AssemblerTest, DisagreeingLeavesAreCorrupt) {
  Load({Group("s", 2), Leaf("x", PhysicalType::kInt32), Leaf("y", PhysicalType::kInt32)});
  std::vector<LeafBatch> b;
  b.push_back(Fixed<int32_t>({2, 2}, {}, {1, 2}));
  b.push_back(Fixed<int32_t>({2}, {}, {1}));
  EXPECT_THROW(Read(0, std::move(b), 2), ParquetCorruptError);
  // More values than non-null slots.
  Load({Leaf("i", PhysicalType::kInt32)});
  EXPECT_THROW(Read(0, {Fixed<int32_t>({1, 0}, {}, {1, 2})}, 2), ParquetCorruptError);
}

}  // namespace
}  // namespace lakestream::parquet
