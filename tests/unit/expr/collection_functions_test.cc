// Collection functions (arrays, maps, structs), with Spark's documented examples as the oracle.
#include <gtest/gtest.h>

#include <cmath>

#include "expr/functions/named_struct.h"
#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::B;
using expr_test::BindOn;
using expr_test::ErrorOf;
using expr_test::EvalConst;
using expr_test::EvalValues;
using expr_test::I;
using expr_test::MakeBatch;
using expr_test::S;

EvalContext Ansi(bool on) {
  EvalContext ctx;
  ctx.ansi = on;
  return ctx;
}

ExprPtr F(const std::string& name, std::vector<ExprPtr> args) { return Call(name, std::move(args)); }
ExprPtr Arr(std::vector<ExprPtr> items) { return F("array", std::move(items)); }
ExprPtr Ints(std::initializer_list<int> v) {
  std::vector<ExprPtr> items;
  for (int x : v) items.push_back(I(x));
  return Arr(items);
}
ExprPtr NullInt() { return Lit(Value(), DataType::Int()); }

Value Eval(const ExprPtr& e, const EvalContext& ctx = {}) { return EvalConst(e, ctx); }
Value List(std::vector<Value> v) { return Value::List(std::move(v)); }
Value IntList(std::initializer_list<int> v) {
  ValueList items;
  for (int x : v) items.emplace_back(x);
  return Value::List(items);
}

TEST(CollectionFunctionsTest, ArrayAndStructConstructors) {
  EXPECT_EQ(Eval(Ints({1, 2, 3})), IntList({1, 2, 3}));
  // Elements are widened to a common type.
  ExprPtr mixed = Arr({I(1), expr_test::D(2.5)});
  EXPECT_EQ(expr_test::BindOn(mixed, *MakeBatch("x INT", {}))->type->ToString(), "array<double>");
  EXPECT_EQ(Eval(mixed), List({Value(1.0), Value(2.5)}));
  EXPECT_EQ(Eval(Arr({I(1), NullInt()})), List({Value(1), Value()}));
  ExprPtr st = F("struct", {I(1), S("a")});
  EXPECT_EQ(BindOn(st, *MakeBatch("x INT", {}))->type->ToString(), "struct<col1:int,col2:string>");
  EXPECT_EQ(Eval(st), List({Value(1), Value("a")}));
}

TEST(CollectionFunctionsTest, NamedStruct) {
  ExprPtr ns = F("named_struct", {S("a"), I(1), S("b"), S("x")});
  EXPECT_EQ(Eval(ns), List({Value(1), Value("x")}));
  // Field names need the literal values: BindNamedStruct reads them from the bound arguments.
  auto batch = MakeBatch("x INT", {});
  ExprPtr bound = BindOn(ns, *batch);
  BoundScalarFunction f = BindNamedStruct(bound->children);
  EXPECT_EQ(f.return_type->ToString(), "struct<a:int,b:string>");
  ErrorOf([&] { BindNamedStruct({bound->children[0]}); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
  ErrorOf([&] { BindNamedStruct({bound->children[1], bound->children[1]}); },
          "DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING");
}

TEST(CollectionFunctionsTest, SizeFollowsAnsiMode) {
  EXPECT_EQ(Eval(F("size", {Arr({S("b"), S("d"), S("c"), S("a")})})), Value(4));
  EXPECT_EQ(Eval(F("cardinality", {F("map", {S("a"), I(1), S("b"), I(2)})})), Value(2));
  ExprPtr null_array = CastTo(LitNull(), DataType::Array(DataType::Int()));
  EXPECT_TRUE(Eval(F("size", {null_array})).is_null());
  EXPECT_EQ(Eval(F("size", {null_array}), Ansi(false)), Value(-1));
  EXPECT_TRUE(Eval(F("array_size", {null_array}), Ansi(false)).is_null());
}

TEST(CollectionFunctionsTest, ElementAt) {
  EXPECT_EQ(Eval(F("element_at", {Ints({1, 2, 3}), I(2)})), Value(2));
  EXPECT_EQ(Eval(F("element_at", {Ints({1, 2, 3}), I(-1)})), Value(3));
  std::string msg = ErrorOf([] { Eval(F("element_at", {Ints({1, 2, 3}), I(5)})); }, "INVALID_ARRAY_INDEX_IN_ELEMENT_AT");
  EXPECT_NE(msg.find("The index 5 is out of bounds. The array has 3 elements."), std::string::npos);
  EXPECT_TRUE(Eval(F("element_at", {Ints({1, 2, 3}), I(5)}), Ansi(false)).is_null());
  EXPECT_TRUE(Eval(F("try_element_at", {Ints({1, 2, 3}), I(-4)})).is_null());
  ErrorOf([] { Eval(F("element_at", {Ints({1, 2, 3}), I(0)})); }, "INVALID_INDEX_OF_ZERO");
  ExprPtr m = F("map", {I(1), S("a"), I(2), S("b")});
  EXPECT_EQ(Eval(F("element_at", {m, I(2)})), Value("b"));
  EXPECT_TRUE(Eval(F("element_at", {m, I(3)})).is_null());
}

TEST(CollectionFunctionsTest, Maps) {
  ExprPtr m = F("map", {I(1), S("a"), I(2), S("b")});
  EXPECT_EQ(Eval(F("map_keys", {m})), IntList({1, 2}));
  EXPECT_EQ(Eval(F("map_values", {m})), List({Value("a"), Value("b")}));
  EXPECT_EQ(Eval(F("map_entries", {m})), List({List({Value(1), Value("a")}), List({Value(2), Value("b")})}));
  EXPECT_EQ(Eval(F("map_contains_key", {m, I(1)})), Value(true));
  EXPECT_EQ(Eval(F("map_contains_key", {m, I(3)})), Value(false));
  EXPECT_EQ(Eval(F("map_from_arrays", {Ints({1, 3}), Arr({S("2"), S("4")})})),
            Value::Map({{Value(1), Value("2")}, {Value(3), Value("4")}}));
  ErrorOf([] { Eval(F("map", {I(1), S("a"), I(1), S("b")})); }, "DUPLICATED_MAP_KEY");
  ErrorOf([] { Eval(F("map", {NullInt(), S("a")})); }, "NULL_MAP_KEY");
  ErrorOf([] { Eval(F("map_from_arrays", {Ints({1, 2}), Arr({S("a")})})); }, "_LEGACY_ERROR_TEMP_2128");
  ErrorOf([] { Eval(F("map", {I(1)})); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
}

TEST(CollectionFunctionsTest, SearchFunctions) {
  EXPECT_EQ(Eval(F("array_contains", {Ints({1, 2, 3}), I(2)})), Value(true));
  EXPECT_EQ(Eval(F("array_contains", {Ints({1, 2, 3}), I(4)})), Value(false));
  EXPECT_TRUE(Eval(F("array_contains", {Arr({I(1), NullInt()}), I(4)})).is_null());
  EXPECT_TRUE(Eval(F("array_contains", {Ints({1}), NullInt()})).is_null());
  EXPECT_EQ(Eval(F("array_position", {Ints({312, 773, 708, 708}), I(708)})), Value(int64_t{3}));
  EXPECT_EQ(Eval(F("array_position", {Ints({312, 773}), I(1)})), Value(int64_t{0}));
}

TEST(CollectionFunctionsTest, SortingAndExtremes) {
  ExprPtr letters = Arr({S("b"), S("d"), Lit(Value(), DataType::String()), S("c"), S("a")});
  EXPECT_EQ(Eval(F("array_sort", {letters})), List({Value("a"), Value("b"), Value("c"), Value("d"), Value()}));
  EXPECT_EQ(Eval(F("sort_array", {letters, B(true)})), List({Value(), Value("a"), Value("b"), Value("c"), Value("d")}));
  EXPECT_EQ(Eval(F("sort_array", {letters, B(false)})), List({Value("d"), Value("c"), Value("b"), Value("a"), Value()}));
  EXPECT_EQ(Eval(F("array_max", {Arr({I(1), I(20), NullInt(), I(3)})})), Value(20));
  EXPECT_EQ(Eval(F("array_min", {Arr({I(1), I(20), NullInt(), I(3)})})), Value(1));
  ExprPtr nan = CastTo(S("NaN"), DataType::Double());
  EXPECT_TRUE(std::isnan(Eval(F("array_max", {Arr({expr_test::D(1), nan})})).as_double()));
  EXPECT_TRUE(Eval(F("array_max", {Arr({NullInt()})})).is_null());
}

TEST(CollectionFunctionsTest, ReshapingFunctions) {
  EXPECT_EQ(Eval(F("array_distinct", {Arr({I(1), I(2), I(3), NullInt(), I(3), NullInt()})})),
            List({Value(1), Value(2), Value(3), Value()}));
  EXPECT_EQ(Eval(F("array_remove", {Arr({I(1), I(2), I(3), NullInt(), I(3)}), I(3)})), List({Value(1), Value(2), Value()}));
  EXPECT_EQ(Eval(F("slice", {Ints({1, 2, 3, 4}), I(2), I(2)})), IntList({2, 3}));
  EXPECT_EQ(Eval(F("slice", {Ints({1, 2, 3, 4}), I(-2), I(2)})), IntList({3, 4}));
  EXPECT_EQ(Eval(F("slice", {Ints({1, 2, 3, 4}), I(5), I(2)})), IntList({}));
  ErrorOf([] { Eval(F("slice", {Ints({1, 2}), I(0), I(1)})); }, "INVALID_PARAMETER_VALUE.START");
  ErrorOf([] { Eval(F("slice", {Ints({1, 2}), I(1), I(-1)})); }, "INVALID_PARAMETER_VALUE.LENGTH");
  EXPECT_EQ(Eval(F("flatten", {Arr({Ints({1, 2}), Ints({3, 4})})})), IntList({1, 2, 3, 4}));
  ExprPtr null_inner = CastTo(LitNull(), DataType::Array(DataType::Int()));
  EXPECT_TRUE(Eval(F("flatten", {Arr({Ints({1}), null_inner})})).is_null());
  EXPECT_EQ(Eval(F("array_repeat", {S("123"), I(2)})), List({Value("123"), Value("123")}));
  EXPECT_EQ(Eval(F("array_repeat", {S("x"), I(-1)})), List({}));
  EXPECT_EQ(Eval(F("array_compact", {Arr({I(1), NullInt(), I(3)})})), IntList({1, 3}));
  EXPECT_EQ(Eval(F("array_append", {Ints({1, 2}), I(3)})), IntList({1, 2, 3}));
  EXPECT_EQ(Eval(F("array_join", {Arr({S("hello"), Lit(Value(), DataType::String()), S("world")}), S(" "), S(",")})),
            Value("hello , world"));
  EXPECT_EQ(Eval(F("array_join", {Arr({S("hello"), Lit(Value(), DataType::String()), S("world")}), S(" ")})),
            Value("hello world"));
}

TEST(CollectionFunctionsTest, Sequence) {
  EXPECT_EQ(Eval(F("sequence", {I(1), I(5)})), IntList({1, 2, 3, 4, 5}));
  EXPECT_EQ(Eval(F("sequence", {I(5), I(1)})), IntList({5, 4, 3, 2, 1}));
  EXPECT_EQ(Eval(F("sequence", {I(1), I(10), I(4)})), IntList({1, 5, 9}));
  std::string msg = ErrorOf([] { Eval(F("sequence", {I(1), I(5), I(-1)})); }, "INVALID_PARAMETER_VALUE.SEQUENCE_BOUNDARIES");
  EXPECT_NE(msg.find("Illegal sequence boundaries: 1 to 5 by -1"), std::string::npos);
}

TEST(CollectionFunctionsTest, SetFunctions) {
  EXPECT_EQ(Eval(F("array_union", {Ints({1, 2, 3}), Ints({1, 3, 5})})), IntList({1, 2, 3, 5}));
  EXPECT_EQ(Eval(F("array_intersect", {Ints({1, 2, 3}), Ints({1, 3, 5})})), IntList({1, 3}));
  EXPECT_EQ(Eval(F("array_except", {Ints({1, 2, 3}), Ints({1, 3, 5})})), IntList({2}));
  EXPECT_EQ(Eval(F("arrays_overlap", {Ints({1, 2, 3}), Ints({3, 4, 5})})), Value(true));
  EXPECT_TRUE(Eval(F("arrays_overlap", {Arr({I(1), NullInt()}), Ints({3})})).is_null());
  EXPECT_EQ(Eval(F("arrays_overlap", {Ints({1}), Ints({3})})), Value(false));
}

TEST(CollectionFunctionsTest, EvaluatesOverColumns) {
  auto batch = MakeBatch("a ARRAY<INT>, i INT",
                         {Row{IntList({10, 20, 30}), Value(1)}, Row{Value(), Value(1)}, Row{IntList({5}), Value()},
                          Row{IntList({}), Value(1)}});
  auto out = EvalValues(F("element_at", {Col("a"), Col("i")}), *batch, Ansi(false));
  EXPECT_EQ(out[0], Value(10));
  EXPECT_TRUE(out[1].is_null());
  EXPECT_TRUE(out[2].is_null());
  EXPECT_TRUE(out[3].is_null());
  auto sorted = EvalValues(F("sort_array", {Col("a"), B(false)}), *batch);
  EXPECT_EQ(sorted[0], IntList({30, 20, 10}));
  EXPECT_TRUE(sorted[1].is_null());
  auto sizes = EvalValues(F("size", {Col("a")}), *batch);
  EXPECT_EQ(sizes[0], Value(3));
  EXPECT_TRUE(sizes[1].is_null());
  EXPECT_EQ(sizes[3], Value(0));
}

TEST(CollectionFunctionsTest, RejectsWrongTypes) {
  ErrorOf([] { Eval(F("array_contains", {I(1), I(1)})); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
  ErrorOf([] { Eval(F("flatten", {Ints({1})})); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
  ErrorOf([] { Eval(F("size", {I(1)})); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
}

}  // namespace
}  // namespace lakestream
