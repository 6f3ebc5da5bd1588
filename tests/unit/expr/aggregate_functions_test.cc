// Aggregate functions, driven through their GroupedAccumulators: Update with
// group ids, Merge of thread-local partials, Finalize.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "expr/function_registry.h"
#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::ErrorOf;

struct Agg {
  BoundAggregateFunction bound;
  std::unique_ptr<GroupedAccumulator> acc;
};

Agg Make(const std::string& name, std::vector<DataTypePtr> types, bool distinct = false) {
  const AggregateFunction* f = FunctionRegistry::Default().FindAggregate(name);
  EXPECT_NE(f, nullptr) << name;
  Agg a{f->bind(types, distinct), nullptr};
  a.acc = a.bound.make_accumulator();
  return a;
}

ArrayPtr Column(const DataTypePtr& type, std::vector<Value> values) { return MakeArrayFromValues(type, values); }

std::vector<Value> Values(const ArrayPtr& a) {
  std::vector<Value> out;
  for (int64_t i = 0; i < a->length(); ++i) out.push_back(a->GetValue(i));
  return out;
}

// Runs one aggregate over `args` with `groups` (one id per row), as one partial.
std::vector<Value> RunAgg(const std::string& name, const std::vector<DataTypePtr>& types, const std::vector<ArrayPtr>& args,
                       const std::vector<uint32_t>& groups, int64_t num_groups, bool distinct = false,
                       const EvalContext& ctx = {}) {
  Agg a = Make(name, types, distinct);
  a.acc->Resize(num_groups);
  a.acc->Update(args, groups.data(), static_cast<int64_t>(groups.size()));
  return Values(a.acc->Finalize(ctx));
}

// One group over all rows of a single argument.
std::vector<Value> RunAll(const std::string& name, const DataTypePtr& type, std::vector<Value> values,
                          bool distinct = false, const EvalContext& ctx = {}) {
  std::vector<uint32_t> groups(values.size(), 0);
  return RunAgg(name, {type}, {Column(type, std::move(values))}, groups, 1, distinct, ctx);
}

EvalContext Ansi(bool on) {
  EvalContext ctx;
  ctx.ansi = on;
  return ctx;
}

TEST(AggregateFunctionsTest, CountIgnoresNulls) {
  auto ints = DataType::Int();
  std::vector<Value> col = {Value(), Value(5), Value(5), Value(20)};
  EXPECT_EQ(RunAll("count", ints, col)[0], Value(int64_t{3}));
  EXPECT_EQ(RunAll("count", ints, col, true)[0], Value(int64_t{2}));
  EXPECT_EQ(RunAll("approx_count_distinct", ints, col)[0], Value(int64_t{2}));
  // count(*) arrives as count(1).
  EXPECT_EQ(RunAgg("count", {ints}, {MakeConstantArray(ints, Value(1), 4)}, {0, 1, 1, 1}, 2)[1], Value(int64_t{3}));
  // Several arguments: rows where all are non-NULL.
  auto a = Column(ints, {Value(1), Value(), Value(3)});
  auto b = Column(ints, {Value(1), Value(2), Value()});
  EXPECT_EQ(RunAgg("count", {ints, ints}, {a, b}, {0, 0, 0}, 1)[0], Value(int64_t{1}));
  // Empty groups count 0, never NULL.
  EXPECT_EQ(RunAgg("count", {ints}, {a}, {0, 0, 0}, 2)[1], Value(int64_t{0}));
  EXPECT_FALSE(Make("count", {ints}).bound.result_nullable);
}

TEST(AggregateFunctionsTest, SumTypesAndGroups) {
  auto ints = DataType::Int();
  auto out = RunAgg("sum", {ints}, {Column(ints, {Value(5), Value(10), Value(), Value(15)})}, {0, 1, 1, 0}, 3);
  EXPECT_EQ(out[0], Value(int64_t{20}));
  EXPECT_EQ(out[1], Value(int64_t{10}));
  EXPECT_TRUE(out[2].is_null());
  EXPECT_EQ(Make("sum", {ints}).bound.return_type->ToString(), "bigint");
  EXPECT_EQ(RunAll("sum", DataType::Double(), {Value(1.5), Value(2.25)})[0], Value(3.75));
  EXPECT_EQ(Make("sum", {DataType::Decimal(10, 2)}).bound.return_type->ToString(), "decimal(20,2)");
  EXPECT_EQ(Make("sum", {DataType::Decimal(35, 2)}).bound.return_type->ToString(), "decimal(38,2)");
  EXPECT_EQ(RunAll("sum", DataType::Decimal(10, 2), {Value::Decimal(150), Value::Decimal(225)})[0], Value::Decimal(375));
  EXPECT_EQ(RunAll("sum", ints, {Value(1), Value(1), Value(2)}, true)[0], Value(int64_t{3}));
  EXPECT_TRUE(RunAll("sum", ints, {Value(), Value()})[0].is_null());
}

TEST(AggregateFunctionsTest, SumOverflow) {
  auto longs = DataType::Long();
  std::vector<Value> col = {Value(INT64_MAX), Value(int64_t{1})};
  std::string msg = ErrorOf([&] { RunAll("sum", longs, col); }, "ARITHMETIC_OVERFLOW");
  EXPECT_NE(msg.find("try_sum"), std::string::npos);
  EXPECT_TRUE(RunAll("try_sum", longs, col)[0].is_null());
  EXPECT_EQ(RunAll("sum", longs, col, false, Ansi(false))[0], Value(INT64_MIN));  // wraps, as Java longs
  // A decimal total beyond the result precision.
  int128_t big = 1;
  for (int i = 0; i < 38; ++i) big *= 10;
  big -= 1;  // 38 nines
  ErrorOf([&] { RunAll("sum", DataType::Decimal(38, 0), {Value::Decimal(big), Value::Decimal(1)}); },
          "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION");
  EXPECT_TRUE(RunAll("sum", DataType::Decimal(38, 0), {Value::Decimal(big), Value::Decimal(1)}, false, Ansi(false))[0].is_null());
}

// One group (the global aggregate's fast path) must equal the same rows
// added row by row into one of two groups, batch after batch, for every
// input type, with and without NULLs.
TEST(AggregateFunctionsTest, SumOfOneGroupEqualsRowByRow) {
  std::mt19937_64 rng(7);
  auto ints = DataType::Int();
  auto longs = DataType::Long();
  auto dec18 = DataType::Decimal(18, 2);
  auto dec38 = DataType::Decimal(38, 0);
  int128_t wide = 1;
  for (int i = 0; i < 30; ++i) wide *= 10;  // needs more than 64 bits
  for (const auto& type : {ints, longs, dec18, dec38, DataType::Double()}) {
    Agg one = Make("sum", {type});
    Agg two = Make("sum", {type});
    one.acc->Resize(1);
    two.acc->Resize(2);
    for (int batch = 0; batch < 4; ++batch) {
      std::vector<Value> values;
      for (int i = 0; i < 300; ++i) {
        int64_t v = static_cast<int64_t>(rng() % 2000001) - 1000000;
        if (batch == 1 && i % 5 == 0) {
          values.emplace_back();
        } else if (type->id() == TypeId::kDecimal) {
          values.push_back(Value::Decimal(type->precision() == 38 && batch == 2 && i == 7 ? wide : int128_t{v}));
        } else if (type->id() == TypeId::kDouble) {
          values.emplace_back(static_cast<double>(v) / 8);
        } else if (type->id() == TypeId::kInt) {
          values.emplace_back(static_cast<int32_t>(v));
        } else {
          values.emplace_back(v * 1000000);
        }
      }
      ArrayPtr column = Column(type, values);
      std::vector<uint32_t> zeros(values.size(), 0), ones(values.size(), 1);
      one.acc->Update({column}, zeros.data(), static_cast<int64_t>(values.size()));
      two.acc->Update({column}, ones.data(), static_cast<int64_t>(values.size()));
    }
    EXPECT_EQ(Values(one.acc->Finalize({}))[0], Values(two.acc->Finalize({}))[1]) << type->ToString();
  }
  // An intermediate overflow counts even when later rows bring the sum back.
  std::vector<Value> col = {Value(INT64_MAX), Value(int64_t{1}), Value(int64_t{-5})};
  ErrorOf([&] { RunAll("sum", longs, col); }, "ARITHMETIC_OVERFLOW");
  ErrorOf([&] { RunAgg("sum", {longs}, {Column(longs, col)}, {1, 1, 1}, 2); }, "ARITHMETIC_OVERFLOW");
}

TEST(AggregateFunctionsTest, Avg) {
  EXPECT_EQ(RunAll("avg", DataType::Int(), {Value(1), Value(2), Value(3), Value()})[0], Value(2.0));
  EXPECT_EQ(RunAll("mean", DataType::Long(), {Value(int64_t{1}), Value(int64_t{2})})[0], Value(1.5));
  EXPECT_TRUE(RunAll("avg", DataType::Int(), {Value()})[0].is_null());
  EXPECT_EQ(Make("avg", {DataType::Decimal(10, 2)}).bound.return_type->ToString(), "decimal(14,6)");
  // (1.00 + 2.00 + 2.00) / 3 = 1.666667 (half up)
  auto dec = DataType::Decimal(10, 2);
  EXPECT_EQ(RunAll("avg", dec, {Value::Decimal(100), Value::Decimal(200), Value::Decimal(200)})[0],
            Value::Decimal(1666667));
  EXPECT_EQ(RunAll("avg", dec, {Value::Decimal(-100), Value::Decimal(-200), Value::Decimal(-200)})[0],
            Value::Decimal(-1666667));
  EXPECT_EQ(RunAll("avg", DataType::Int(), {Value(1), Value(1), Value(3)}, true)[0], Value(2.0));
}

TEST(AggregateFunctionsTest, MinMaxOfOrderableTypes) {
  EXPECT_EQ(RunAll("min", DataType::Int(), {Value(10), Value(-1), Value(), Value(20)})[0], Value(-1));
  EXPECT_EQ(RunAll("max", DataType::Int(), {Value(10), Value(50), Value(20)})[0], Value(50));
  EXPECT_EQ(RunAll("max", DataType::String(), {Value("apple"), Value("pear"), Value()})[0], Value("pear"));
  EXPECT_EQ(RunAll("min", DataType::String(), {Value("b"), Value("ab")})[0], Value("ab"));
  EXPECT_EQ(RunAll("min", DataType::Date(), {Value(int64_t{100}), Value(int64_t{-5})})[0], Value(int64_t{-5}));
  EXPECT_EQ(RunAll("max", DataType::Timestamp(), {Value(int64_t{100}), Value(int64_t{7})})[0], Value(int64_t{100}));
  EXPECT_EQ(RunAll("max", DataType::Boolean(), {Value(false), Value(true)})[0], Value(true));
  EXPECT_EQ(RunAll("min", DataType::Boolean(), {Value(false), Value(true)})[0], Value(false));
  EXPECT_EQ(RunAll("max", DataType::Decimal(20, 2), {Value::Decimal(-5), Value::Decimal(3)})[0], Value::Decimal(3));
  double nan = std::nan("");
  EXPECT_TRUE(std::isnan(RunAll("max", DataType::Double(), {Value(1.0), Value(nan)})[0].as_double()));
  EXPECT_EQ(RunAll("min", DataType::Double(), {Value(nan), Value(1.0)})[0], Value(1.0));
  EXPECT_TRUE(std::isnan(RunAll("min", DataType::Double(), {Value(nan)})[0].as_double()));
  EXPECT_TRUE(RunAll("max", DataType::Int(), {Value()})[0].is_null());
  auto arrays = DataType::Array(DataType::Int());
  EXPECT_EQ(RunAll("max", arrays, {Value::List({Value(1), Value(2)}), Value::List({Value(1), Value(3)}), Value()})[0],
            Value::List({Value(1), Value(3)}));
}

TEST(AggregateFunctionsTest, MaxByMinBy) {
  auto s = DataType::String();
  auto i = DataType::Int();
  auto x = Column(s, {Value("a"), Value("b"), Value("c"), Value("d")});
  auto y = Column(i, {Value(10), Value(50), Value(20), Value()});
  EXPECT_EQ(RunAgg("max_by", {s, i}, {x, y}, {0, 0, 0, 0}, 1)[0], Value("b"));
  EXPECT_EQ(RunAgg("min_by", {s, i}, {x, y}, {0, 0, 0, 0}, 1)[0], Value("a"));
  auto out = RunAgg("max_by", {s, i}, {x, y}, {0, 1, 0, 1}, 2);
  EXPECT_EQ(out[0], Value("c"));
  EXPECT_EQ(out[1], Value("b"));
}

TEST(AggregateFunctionsTest, FirstLastAnyValue) {
  auto i = DataType::Int();
  auto col = Column(i, {Value(), Value(5), Value(20), Value()});
  std::vector<uint32_t> g = {0, 0, 0, 0};
  EXPECT_TRUE(RunAgg("first", {i}, {col}, g, 1)[0].is_null());
  EXPECT_TRUE(RunAgg("last", {i}, {col}, g, 1)[0].is_null());
  auto ignore = MakeConstantArray(DataType::Boolean(), Value(true), 4);
  EXPECT_EQ(RunAgg("first", {i, DataType::Boolean()}, {col, ignore}, g, 1)[0], Value(5));
  EXPECT_EQ(RunAgg("last_value", {i, DataType::Boolean()}, {col, ignore}, g, 1)[0], Value(20));
  EXPECT_EQ(RunAgg("any_value", {i, DataType::Boolean()}, {col, ignore}, g, 1)[0], Value(5));
  auto out = RunAgg("last", {i}, {col}, {0, 1, 0, 1}, 3);
  EXPECT_EQ(out[0], Value(20));
  EXPECT_TRUE(out[1].is_null());
  EXPECT_TRUE(out[2].is_null());
}

TEST(AggregateFunctionsTest, CollectListAndSet) {
  auto i = DataType::Int();
  auto col = Column(i, {Value(1), Value(2), Value(), Value(1), Value(3)});
  auto lists = RunAgg("collect_list", {i}, {col}, {0, 0, 0, 0, 1}, 3);
  EXPECT_EQ(lists[0], Value::List({Value(1), Value(2), Value(1)}));
  EXPECT_EQ(lists[1], Value::List({Value(3)}));
  EXPECT_EQ(lists[2], Value::List({}));  // never NULL
  auto sets = RunAgg("collect_set", {i}, {col}, {0, 0, 0, 0, 1}, 2);
  EXPECT_EQ(sets[0], Value::List({Value(1), Value(2)}));
  EXPECT_EQ(Make("collect_set", {i}).bound.return_type->ToString(), "array<int>");
}

// Two thread-local partials over halves of `values`, merged into a third.
Value RunMerged(const std::string& name, const DataTypePtr& type, const std::vector<Value>& values) {
  const size_t half = values.size() / 2;
  Agg first = Make(name, {type}), second = Make(name, {type}), total = Make(name, {type});
  for (auto* a : {&first, &second, &total}) a->acc->Resize(1);
  std::vector<uint32_t> groups(values.size(), 0);
  first.acc->Update({Column(type, {values.begin(), values.begin() + half})}, groups.data(), half);
  second.acc->Update({Column(type, {values.begin() + half, values.end()})}, groups.data(), values.size() - half);
  const uint32_t to_group_0 = 0;
  total.acc->Merge(*first.acc, &to_group_0);
  total.acc->Merge(*second.acc, &to_group_0);
  return Values(total.acc->Finalize({}))[0];
}

TEST(AggregateFunctionsTest, BooleanAggregatesMergePartials) {
  auto b = DataType::Boolean();
  std::vector<Value> col = {Value(true), Value(), Value(true), Value(false), Value(true)};
  EXPECT_EQ(RunMerged("count_if", b, col), Value(int64_t{3}));
  EXPECT_EQ(RunMerged("bool_and", b, col), Value(false));
  EXPECT_EQ(RunMerged("bool_or", b, col), Value(true));
  EXPECT_EQ(RunMerged("count_if", b, {Value(), Value(false)}), Value(int64_t{0}));
}

TEST(AggregateFunctionsTest, BooleanAggregates) {
  auto b = DataType::Boolean();
  std::vector<Value> col = {Value(true), Value(false), Value(), Value(true)};
  EXPECT_EQ(RunAll("count_if", b, col)[0], Value(int64_t{2}));
  EXPECT_EQ(RunAll("bool_and", b, col)[0], Value(false));
  EXPECT_EQ(RunAll("every", b, {Value(true), Value()})[0], Value(true));
  EXPECT_EQ(RunAll("bool_or", b, col)[0], Value(true));
  EXPECT_EQ(RunAll("some", b, {Value(false)})[0], Value(false));
  EXPECT_TRUE(RunAll("any", b, {Value()})[0].is_null());
}

TEST(AggregateFunctionsTest, VarianceAndStddev) {
  auto d = DataType::Double();
  std::vector<Value> col = {Value(1.0), Value(2.0), Value(3.0), Value()};
  EXPECT_DOUBLE_EQ(RunAll("var_samp", d, col)[0].as_double(), 1.0);
  EXPECT_DOUBLE_EQ(RunAll("variance", d, col)[0].as_double(), 1.0);
  EXPECT_DOUBLE_EQ(RunAll("var_pop", d, col)[0].as_double(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(RunAll("stddev", d, col)[0].as_double(), 1.0);
  EXPECT_DOUBLE_EQ(RunAll("stddev_pop", d, col)[0].as_double(), 0.816496580927726);
  EXPECT_TRUE(RunAll("stddev_samp", d, {Value(1.0)})[0].is_null());
  EXPECT_DOUBLE_EQ(RunAll("stddev_pop", d, {Value(1.0)})[0].as_double(), 0.0);
  EXPECT_TRUE(RunAll("var_pop", d, {Value()})[0].is_null());
  // Welford stays exact where the sum-of-squares formula cancels.
  std::vector<Value> shifted = {Value(1e9 + 4), Value(1e9 + 7), Value(1e9 + 13), Value(1e9 + 16)};
  EXPECT_DOUBLE_EQ(RunAll("var_samp", d, shifted)[0].as_double(), 30.0);
}

TEST(AggregateFunctionsTest, MedianAndPercentile) {
  auto d = DataType::Double();
  EXPECT_EQ(RunAll("median", d, {Value(0.0), Value(10.0)})[0], Value(5.0));
  EXPECT_EQ(RunAll("median", d, {Value(3.0), Value(1.0), Value(2.0), Value()})[0], Value(2.0));
  auto x = Column(d, {Value(0.0), Value(10.0)});
  auto p = MakeConstantArray(d, Value(0.3), 2);
  EXPECT_EQ(RunAgg("percentile", {d, d}, {x, p}, {0, 0}, 1)[0], Value(3.0));
  auto bad = MakeConstantArray(d, Value(1.5), 2);
  ErrorOf([&] { RunAgg("percentile", {d, d}, {x, bad}, {0, 0}, 1); }, "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE");
}

// Splits rows between two partial accumulators (as two threads would), merges
// them into a third with a group remapping, and checks against one pass.
void ExpectMergeMatches(const std::string& name, const DataTypePtr& type, const std::vector<Value>& values,
                        bool distinct = false) {
  const int64_t groups = 3;
  std::vector<uint32_t> ids(values.size());
  for (size_t r = 0; r < values.size(); ++r) ids[r] = static_cast<uint32_t>(r % groups);
  auto whole = RunAgg(name, {type}, {Column(type, values)}, ids, groups, distinct);

  size_t half = values.size() / 2;
  std::vector<Value> v1(values.begin(), values.begin() + half), v2(values.begin() + half, values.end());
  std::vector<uint32_t> g1(ids.begin(), ids.begin() + half), g2(ids.begin() + half, ids.end());
  Agg a = Make(name, {type}, distinct), b = Make(name, {type}, distinct), target = Make(name, {type}, distinct);
  a.acc->Resize(groups);
  b.acc->Resize(groups);
  a.acc->Update({Column(type, v1)}, g1.data(), static_cast<int64_t>(g1.size()));
  b.acc->Update({Column(type, v2)}, g2.data(), static_cast<int64_t>(g2.size()));
  // The target numbers groups in reverse.
  std::vector<uint32_t> map = {2, 1, 0};
  target.acc->Resize(groups);
  target.acc->Merge(*a.acc, map.data());
  target.acc->Merge(*b.acc, map.data());
  auto merged = Values(target.acc->Finalize({}));
  for (int64_t g = 0; g < groups; ++g) {
    if (whole[g].kind() == Value::Kind::kDouble && merged[2 - g].kind() == Value::Kind::kDouble) {
      EXPECT_NEAR(whole[g].as_double(), merged[2 - g].as_double(), 1e-9) << name << " group " << g;
    } else {
      EXPECT_EQ(whole[g], merged[2 - g]) << name << " group " << g;
    }
  }
}

TEST(AggregateFunctionsTest, MergeOfPartialsEqualsOnePass) {
  std::vector<Value> ints;
  std::vector<Value> doubles;
  std::vector<Value> strings;
  for (int i = 0; i < 60; ++i) {
    ints.push_back(i % 7 == 0 ? Value() : Value((i * 37) % 11));
    doubles.push_back(Value(static_cast<double>((i * 13) % 17) / 4));
    strings.push_back(Value(std::string(1, static_cast<char>('a' + (i * 5) % 26))));
  }
  for (const char* name : {"count", "sum", "avg", "min", "max", "first", "last", "collect_list", "collect_set"}) {
    ExpectMergeMatches(name, DataType::Int(), ints);
  }
  for (const char* name : {"count", "sum"}) ExpectMergeMatches(name, DataType::Int(), ints, true);
  for (const char* name : {"var_samp", "stddev_pop", "median"}) ExpectMergeMatches(name, DataType::Double(), doubles);
  for (const char* name : {"min", "max", "count"}) ExpectMergeMatches(name, DataType::String(), strings);
}

TEST(AggregateFunctionsTest, ManyGroupsMatchNaiveLoop) {
  const int64_t rows = 100000, groups = 1000;
  std::mt19937 rng(7);
  std::vector<Value> values;
  std::vector<uint32_t> ids;
  std::vector<int64_t> sum(groups, 0), count(groups, 0), max(groups, INT64_MIN);
  for (int64_t r = 0; r < rows; ++r) {
    uint32_t g = rng() % groups;
    ids.push_back(g);
    if (rng() % 10 == 0) {
      values.emplace_back();
      continue;
    }
    int64_t v = static_cast<int64_t>(rng() % 100000) - 50000;
    values.emplace_back(v);
    sum[g] += v;
    ++count[g];
    max[g] = std::max(max[g], v);
  }
  auto col = Column(DataType::Long(), values);
  auto sums = RunAgg("sum", {DataType::Long()}, {col}, ids, groups);
  auto counts = RunAgg("count", {DataType::Long()}, {col}, ids, groups);
  auto maxes = RunAgg("max", {DataType::Long()}, {col}, ids, groups);
  auto avgs = RunAgg("avg", {DataType::Long()}, {col}, ids, groups);
  for (int64_t g = 0; g < groups; ++g) {
    ASSERT_EQ(sums[g], Value(sum[g]));
    ASSERT_EQ(counts[g], Value(count[g]));
    ASSERT_EQ(maxes[g], Value(max[g]));
    ASSERT_NEAR(avgs[g].as_double(), static_cast<double>(sum[g]) / count[g], 1e-9);
  }
}

TEST(AggregateFunctionsTest, ChecksArguments) {
  const AggregateFunction* sum = FunctionRegistry::Default().FindAggregate("sum");
  ErrorOf([&] { sum->bind({DataType::Boolean()}, false); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
  ErrorOf([&] { sum->bind({DataType::Int(), DataType::Int()}, false); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
  ErrorOf([] { FunctionRegistry::Default().FindAggregate("max")->bind({DataType::Map(DataType::Int(), DataType::Int())}, false); },
          "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE");
}

}  // namespace
}  // namespace lakestream
