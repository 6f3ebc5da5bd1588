// The Window operator on hand-built plans: ranking and offset functions,
// aggregates over every kind of frame (checked against a brute-force
// evaluation of the frame definition), threads, NULL keys and memory limits.
#include <cmath>
#include <functional>
#include <map>

#include <gtest/gtest.h>

#include "exec/physical_planner.h"
#include "lakestream/error.h"
#include "plan_builder.h"

namespace lakestream::exec_test {
namespace {

using Kind = FrameBound::Kind;

FrameBound Bound(Kind kind, int64_t offset = 0) {
  FrameBound b;
  b.kind = kind;
  if (kind == Kind::kPreceding || kind == Kind::kFollowing) b.offset = Lit(Value(offset), DataType::Int());
  return b;
}

struct Over {
  explicit Over(std::vector<std::string> partition_by = {}, std::vector<Order> order_by = {},
                WindowSpec::FrameType frame_type = WindowSpec::FrameType::kDefault)
      : partition(std::move(partition_by)), order(std::move(order_by)), frame(frame_type) {}
  std::vector<std::string> partition;
  std::vector<Order> order;
  WindowSpec::FrameType frame;
  FrameBound start, end;
};

ExprPtr WindowOf(ExprPtr function, const Over& over) {
  WindowSpec spec;
  for (const auto& p : over.partition) spec.partition_by.push_back(Col(p));
  for (const auto& o : over.order) spec.order_by.push_back(SortOrder(Col(o.column), o.ascending, o.nulls_first));
  spec.frame_type = over.frame;
  spec.frame_start = over.start;
  spec.frame_end = over.end;
  return WindowExpr(std::move(function), std::move(spec));
}

// A Window node: the child's columns, then each (name, window expression).
LogicalPlanPtr WindowPlan(const LogicalPlanPtr& child, const std::vector<std::pair<std::string, ExprPtr>>& windows) {
  BindOptions options;
  options.allow_windows = true;
  std::vector<Field> fields = child->schema->fields();
  auto n = Node(PlanKind::kWindow, nullptr, {child});
  for (const auto& [name, w] : windows) {
    ExprPtr bound = BindExpression(Alias(w, name), Scope::FromSchema(*child->schema), FunctionRegistry::Default(), options);
    fields.emplace_back(name, bound->type, bound->nullable);
    n->exprs.push_back(bound);
  }
  n->schema = std::make_shared<Schema>(fields);
  return n;
}

// Rows keyed by their first column (a unique id), for order-independent checks.
std::map<int64_t, Row> ById(const std::vector<Row>& rows) {
  std::map<int64_t, Row> out;
  for (const auto& r : rows) out[r[0].as_int()] = r;
  return out;
}

// id, partition key (NULL for some), order key (ties, NULLs), value (NULLs).
std::vector<Row> Sample() {
  return {
      {Value(1), Value("a"), Value(10), Value(5)},  {Value(2), Value("a"), Value(20), Value(7)},
      {Value(3), Value("a"), Value(20), Value()},   {Value(4), Value("a"), Value(), Value(1)},
      {Value(5), Value("b"), Value(5), Value(3)},   {Value(6), Value(), Value(1), Value(2)},
      {Value(7), Value(), Value(2), Value(4)},      {Value(8), Value("a"), Value(30), Value(9)},
  };
}

LogicalPlanPtr SampleTable(int64_t batch_rows = 3) { return Local("id BIGINT, p STRING, o INT, v INT", Sample(), batch_rows); }

TEST(WindowTest, RankingFunctionsWithTiesAndNullKeys) {
  const Over over({"p"}, {{"o", true, true}});
  auto plan = WindowPlan(SampleTable(), {{"rn", WindowOf(Call("row_number", {}), over)},
                                         {"rk", WindowOf(Call("rank", {}), over)},
                                         {"dr", WindowOf(Call("dense_rank", {}), over)},
                                         {"pr", WindowOf(Call("percent_rank", {}), over)},
                                         {"cd", WindowOf(Call("cume_dist", {}), over)},
                                         {"nt", WindowOf(Call("ntile", {Lit(Value(2), DataType::Int())}), over)}});
  EXPECT_EQ(plan->schema->ToString(),
            "struct<id:bigint,p:string,o:int,v:int,rn:int,rk:int,dr:int,pr:double,cd:double,nt:int>");
  for (int threads : {1, 3}) {
    auto rows = ById(RunPlan(plan, threads));
    ASSERT_EQ(rows.size(), 8u);
    // Partition "a" in order: o = NULL (id 4), 10 (1), 20 (2), 20 (3), 30 (8).
    auto check = [&](int64_t id, int rn, int rk, int dr, double pr, double cd, int nt) {
      const Row& r = rows[id];
      EXPECT_EQ(r[4], Value(rn)) << "id " << id;
      EXPECT_EQ(r[5], Value(rk)) << "id " << id;
      EXPECT_EQ(r[6], Value(dr)) << "id " << id;
      EXPECT_DOUBLE_EQ(r[7].as_double(), pr) << "id " << id;
      EXPECT_DOUBLE_EQ(r[8].as_double(), cd) << "id " << id;
      EXPECT_EQ(r[9], Value(nt)) << "id " << id;
    };
    check(4, 1, 1, 1, 0.0, 0.2, 1);
    check(1, 2, 2, 2, 0.25, 0.4, 1);
    check(2, 3, 3, 3, 0.5, 0.8, 1);
    check(3, 4, 3, 3, 0.5, 0.8, 2);  // ties keep input order for row_number
    check(8, 5, 5, 4, 1.0, 1.0, 2);
    check(5, 1, 1, 1, 0.0, 1.0, 1);  // a partition of one row
    check(6, 1, 1, 1, 0.0, 0.5, 1);  // NULL partition keys form one partition
    check(7, 2, 2, 2, 1.0, 1.0, 2);
  }
}

TEST(WindowTest, LagLeadWithOffsetsDefaultsAndIgnoreNulls) {
  const Over over({"p"}, {{"o", true, true}});
  auto lit = [](int v) { return Lit(Value(v), DataType::Int()); };
  auto plan = WindowPlan(SampleTable(), {{"lag1", WindowOf(Call("lag", {Col("v")}), over)},
                                         {"lead2", WindowOf(Call("lead", {Col("v"), lit(2), lit(-1)}), over)},
                                         {"lag_id", WindowOf(Call("lag", {Col("id"), lit(1), Col("o")}), over)},
                                         {"lead_nn", WindowOf(Call("lead", {Col("v"), lit(1), LitNull(),
                                                                            Lit(Value(true), DataType::Boolean())}),
                                                              over)}});
  auto rows = ById(RunPlan(plan, 2));
  // Partition "a" order: ids 4 (v 1), 1 (5), 2 (7), 3 (NULL), 8 (9).
  EXPECT_EQ(rows[4][4], Value());
  EXPECT_EQ(rows[1][4], Value(1));
  EXPECT_EQ(rows[8][4], Value());  // lag of id 8 is id 3's NULL
  EXPECT_EQ(rows[4][5], Value(7));
  EXPECT_EQ(rows[3][5], Value(-1));  // no row two after: the default
  EXPECT_EQ(rows[4][6], Value()) << "the default is evaluated on the current row (o is NULL)";
  EXPECT_EQ(rows[1][6], Value(4));
  EXPECT_EQ(rows[5][6], Value(5)) << "no previous row in partition b: default o = 5";
  EXPECT_EQ(rows[2][7], Value(9)) << "IGNORE NULLS skips id 3";
  EXPECT_EQ(rows[8][7], Value());
}

TEST(WindowTest, RunningSumIncludesPeersUnderTheDefaultFrame) {
  const Over range({"p"}, {{"o", true, true}});
  Over rows_frame = range;
  rows_frame.frame = WindowSpec::FrameType::kRows;
  rows_frame.start = Bound(Kind::kUnboundedPreceding);
  rows_frame.end = Bound(Kind::kCurrentRow);
  auto ordered = WindowPlan(SampleTable(), {{"range_sum", WindowOf(Aggregate("sum", {Col("v")}), range)},
                                            {"rows_sum", WindowOf(Aggregate("sum", {Col("v")}), rows_frame)},
                                            {"cnt", WindowOf(Aggregate("count", {Col("v")}), range)}});
  auto plan = WindowPlan(ordered, {{"total", WindowOf(Aggregate("sum", {Col("v")}), Over({"p"}))}});
  auto rows = ById(RunPlan(plan));
  EXPECT_EQ(rows[2][4], Value(int64_t{13})) << "peers 2 and 3 are both in the frame";
  EXPECT_EQ(rows[3][4], Value(int64_t{13}));
  EXPECT_EQ(rows[2][5], Value(int64_t{13}));
  EXPECT_EQ(rows[3][5], Value(int64_t{13})) << "ROWS: id 3 adds its NULL";
  EXPECT_EQ(rows[1][5], Value(int64_t{6}));
  EXPECT_EQ(rows[3][6], Value(int64_t{3}));
  EXPECT_EQ(rows[8][7], Value(int64_t{22}));
  EXPECT_EQ(rows[6][7], Value(int64_t{6}));
}

TEST(WindowTest, FirstLastAndNthValueOverFrames) {
  Over whole({"p"}, {{"o", true, true}});
  whole.frame = WindowSpec::FrameType::kRows;
  whole.start = Bound(Kind::kUnboundedPreceding);
  whole.end = Bound(Kind::kUnboundedFollowing);
  auto t = Lit(Value(true), DataType::Boolean());
  auto plan = WindowPlan(SampleTable(), {{"fv", WindowOf(Aggregate("first_value", {Col("v")}), whole)},
                                         {"lv", WindowOf(Aggregate("last_value", {Col("o")}), whole)},
                                         {"nth", WindowOf(Call("nth_value", {Col("v"), Lit(Value(4), DataType::Int())}), whole)},
                                         {"nth_nn", WindowOf(Call("nth_value", {Col("v"), Lit(Value(4), DataType::Int()), t}), whole)},
                                         {"lv_running", WindowOf(Aggregate("last", {Col("v"), t}), Over({"p"}, {{"o"}}))}});
  auto rows = ById(RunPlan(plan));
  EXPECT_EQ(rows[2][4], Value(1));
  EXPECT_EQ(rows[2][5], Value(30));
  EXPECT_EQ(rows[2][6], Value()) << "the 4th row is id 3, whose v is NULL";
  EXPECT_EQ(rows[2][7], Value(9)) << "ignoring NULLs the 4th value is id 8's";
  EXPECT_EQ(rows[3][8], Value(7)) << "running last non-NULL value";
  EXPECT_EQ(rows[5][6], Value());
}

// ---- aggregates over frames, against a brute-force evaluation ----

struct RandomTable {
  std::vector<Row> rows;
  // Per partition key, the ids in window order (by o, then id as input order).
  std::map<int64_t, std::vector<int64_t>> partitions;
};

RandomTable MakeRandom(int n, int partitions) {
  RandomTable t;
  uint64_t seed = 42;
  auto next = [&seed]() {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int64_t>(seed >> 33);
  };
  for (int i = 0; i < n; ++i) {
    int64_t p = next() % partitions;
    int64_t o = next() % 50;
    Value v = next() % 10 == 0 ? Value() : Value(next() % 1000 - 500);
    Value d = v.is_null() ? Value() : Value(static_cast<double>(v.as_int()) / 8.0);
    t.rows.push_back(Row{Value(int64_t{i}), Value(p), Value(o), v, d});
  }
  for (const auto& r : t.rows) t.partitions[r[1].as_int()].push_back(r[0].as_int());
  for (auto& [p, ids] : t.partitions) {
    std::stable_sort(ids.begin(), ids.end(), [&](int64_t a, int64_t b) { return t.rows[a][2].as_int() < t.rows[b][2].as_int(); });
  }
  return t;
}

// The frame [begin, end) of position i within a partition's ordered ids.
using FrameFn = std::function<std::pair<size_t, size_t>(const std::vector<int64_t>& ids, size_t i)>;

// Brute force: for every row, `reduce` over the non-NULL column values of its frame.
std::map<int64_t, Value> Expected(const RandomTable& t, int column, const FrameFn& frame,
                                  const std::function<Value(const std::vector<Value>&)>& reduce) {
  std::map<int64_t, Value> out;
  for (const auto& [p, ids] : t.partitions) {
    for (size_t i = 0; i < ids.size(); ++i) {
      auto [b, e] = frame(ids, i);
      std::vector<Value> values;
      for (size_t j = b; j < e; ++j) {
        if (!t.rows[ids[j]][column].is_null()) values.push_back(t.rows[ids[j]][column]);
      }
      out[ids[i]] = reduce(values);
    }
  }
  return out;
}

Value SumOf(const std::vector<Value>& v) {
  if (v.empty()) return Value();
  int64_t s = 0;
  for (const auto& x : v) s += x.as_int();
  return Value(s);
}
Value MinOf(const std::vector<Value>& v) {
  if (v.empty()) return Value();
  int64_t m = v[0].as_int();
  for (const auto& x : v) m = std::min(m, x.as_int());
  return Value(m);
}
Value CountOf(const std::vector<Value>& v) { return Value(static_cast<int64_t>(v.size())); }
Value DoubleAvgOf(const std::vector<Value>& v) {
  if (v.empty()) return Value();
  double s = 0;
  for (const auto& x : v) s += x.as_double();
  return Value(s / static_cast<double>(v.size()));
}
Value VarPopOf(const std::vector<Value>& v) {
  if (v.empty()) return Value();
  double mean = 0;
  for (const auto& x : v) mean += static_cast<double>(x.as_int());
  mean /= static_cast<double>(v.size());
  double m2 = 0;
  for (const auto& x : v) m2 += (static_cast<double>(x.as_int()) - mean) * (static_cast<double>(x.as_int()) - mean);
  return Value(m2 / static_cast<double>(v.size()));
}

FrameFn RowsFrame(int64_t before, int64_t after) {
  return [=](const std::vector<int64_t>& ids, size_t i) {
    int64_t b = std::max<int64_t>(0, static_cast<int64_t>(i) - before);
    int64_t e = std::min<int64_t>(static_cast<int64_t>(ids.size()), static_cast<int64_t>(i) + after + 1);
    return std::make_pair(static_cast<size_t>(b), static_cast<size_t>(std::max(b, e)));
  };
}

// RANGE BETWEEN `before` PRECEDING AND `after` FOLLOWING on the o column.
FrameFn RangeFrame(const RandomTable& t, int64_t before, int64_t after) {
  return [&t, before, after](const std::vector<int64_t>& ids, size_t i) {
    const int64_t o = t.rows[ids[i]][2].as_int();
    size_t b = 0, e = 0;
    while (b < ids.size() && t.rows[ids[b]][2].as_int() < o - before) ++b;
    e = b;
    while (e < ids.size() && t.rows[ids[e]][2].as_int() <= o + after) ++e;
    return std::make_pair(b, e);
  };
}

void ExpectColumn(const std::map<int64_t, Row>& rows, size_t column, const std::map<int64_t, Value>& expected,
                  const std::string& what) {
  int mismatches = 0;
  for (const auto& [id, want] : expected) {
    const Value& got = rows.at(id)[column];
    bool same = got == want;
    if (!same && !got.is_null() && !want.is_null() && got.kind() == Value::Kind::kDouble) {
      same = std::abs(got.as_double() - want.as_double()) <= 1e-9 * std::max(1.0, std::abs(want.as_double()));
    }
    if (!same && ++mismatches <= 3) ADD_FAILURE() << what << ": id " << id << " got " << got << " want " << want;
  }
  EXPECT_EQ(mismatches, 0) << what;
}

Over RowsOver(int64_t before, int64_t after) {
  Over o({"p"}, {{"o"}}, WindowSpec::FrameType::kRows);
  o.start = before == INT64_MAX ? Bound(Kind::kUnboundedPreceding) : Bound(Kind::kPreceding, before);
  o.end = after == INT64_MAX ? Bound(Kind::kUnboundedFollowing) : Bound(Kind::kFollowing, after);
  return o;
}

TEST(WindowTest, SlidingRowsFramesMatchBruteForce) {
  const RandomTable t = MakeRandom(6000, 37);
  auto table = Local("id BIGINT, p BIGINT, o BIGINT, v BIGINT, d DOUBLE", t.rows, 500);
  const Over sliding = RowsOver(3, 2);
  Over shrinking = RowsOver(0, INT64_MAX);
  shrinking.start = Bound(Kind::kCurrentRow);
  const Over ahead = RowsOver(-2, 5);  // 2 FOLLOWING AND 5 FOLLOWING
  auto plan = WindowPlan(table, {{"sum", WindowOf(Aggregate("sum", {Col("v")}), sliding)},
                                 {"min", WindowOf(Aggregate("min", {Col("v")}), sliding)},
                                 {"cnt", WindowOf(Aggregate("count", {Col("v")}), sliding)},
                                 {"avg_d", WindowOf(Aggregate("avg", {Col("d")}), sliding)},
                                 {"var", WindowOf(Aggregate("var_pop", {Col("v")}), sliding)},
                                 {"sum_tail", WindowOf(Aggregate("sum", {Col("v")}), shrinking)},
                                 {"max_ahead", WindowOf(Aggregate("max", {Col("v")}), ahead)},
                                 {"var_running", WindowOf(Aggregate("var_pop", {Col("v")}), RowsOver(INT64_MAX, 0))}});
  for (int threads : {1, 4}) {
    auto rows = ById(RunPlan(plan, threads));
    ExpectColumn(rows, 5, Expected(t, 3, RowsFrame(3, 2), SumOf), "sum");
    ExpectColumn(rows, 6, Expected(t, 3, RowsFrame(3, 2), MinOf), "min");
    ExpectColumn(rows, 7, Expected(t, 3, RowsFrame(3, 2), CountOf), "count");
    ExpectColumn(rows, 8, Expected(t, 4, RowsFrame(3, 2), DoubleAvgOf), "avg");
    ExpectColumn(rows, 9, Expected(t, 3, RowsFrame(3, 2), VarPopOf), "var_pop");
    ExpectColumn(rows, 10, Expected(t, 3, RowsFrame(0, 1 << 30), SumOf), "sum to the end");
    auto max_of = [](const std::vector<Value>& v) {
      if (v.empty()) return Value();
      int64_t m = v[0].as_int();
      for (const auto& x : v) m = std::max(m, x.as_int());
      return Value(m);
    };
    ExpectColumn(rows, 11, Expected(t, 3, RowsFrame(-2, 5), max_of), "max ahead");
    ExpectColumn(rows, 12, Expected(t, 3, RowsFrame(1 << 30, 0), VarPopOf), "running var_pop");
  }
}

TEST(WindowTest, RangeFramesWithOffsetsMatchBruteForce) {
  const RandomTable t = MakeRandom(4000, 11);
  auto table = Local("id BIGINT, p BIGINT, o BIGINT, v BIGINT, d DOUBLE", t.rows, 300);
  Over range({"p"}, {{"o"}}, WindowSpec::FrameType::kRange);
  range.start = Bound(Kind::kPreceding, 3);
  range.end = Bound(Kind::kFollowing, 1);
  auto plan = WindowPlan(table, {{"sum", WindowOf(Aggregate("sum", {Col("v")}), range)},
                                 {"max", WindowOf(Aggregate("max", {Col("v")}), range)},
                                 {"cnt", WindowOf(Aggregate("count", {Lit(Value(1), DataType::Int())}), range)},
                                 {"var", WindowOf(Aggregate("var_pop", {Col("v")}), range)}});
  auto rows = ById(RunPlan(plan, 3));
  ExpectColumn(rows, 5, Expected(t, 3, RangeFrame(t, 3, 1), SumOf), "range sum");
  auto all = [&t](const std::vector<int64_t>& ids, size_t i) { return RangeFrame(t, 3, 1)(ids, i); };
  ExpectColumn(rows, 7, Expected(t, 0, all, CountOf), "range count");
  ExpectColumn(rows, 8, Expected(t, 3, RangeFrame(t, 3, 1), VarPopOf), "range var_pop");
}

TEST(WindowTest, DescendingRangeFrameWithNullKeys) {
  std::vector<Row> data = {{Value(1), Value(5)}, {Value(2), Value(3)}, {Value(3), Value()},
                           {Value(4), Value(4)}, {Value(5), Value()}, {Value(6), Value(1)}};
  Over over({}, {{"o", false, false}}, WindowSpec::FrameType::kRange);
  over.start = Bound(Kind::kPreceding, 1);
  over.end = Bound(Kind::kCurrentRow);
  auto plan = WindowPlan(Local("id BIGINT, o INT", data), {{"ids", WindowOf(Aggregate("sum", {Col("id")}), over)}});
  auto rows = ById(RunPlan(plan));
  // Descending: 1 PRECEDING of o = 3 means o in [3, 4].
  EXPECT_EQ(rows[2][2], Value(int64_t{6}));
  EXPECT_EQ(rows[1][2], Value(int64_t{1}));
  EXPECT_EQ(rows[6][2], Value(int64_t{6}));
  EXPECT_EQ(rows[3][2], Value(int64_t{8})) << "NULL keys frame their NULL peers";
}

TEST(WindowTest, UnorderedWindowIsTheWholePartition) {
  auto all = WindowPlan(SampleTable(), {{"n", WindowOf(Aggregate("count", {Lit(Value(1), DataType::Int())}), Over())}});
  auto plan = WindowPlan(all, {{"l", WindowOf(Aggregate("collect_list", {Col("id")}), Over({"p"}))}});
  auto rows = ById(RunPlan(plan, 2));
  EXPECT_EQ(rows[1][4], Value(int64_t{8}));
  EXPECT_EQ(rows[6][5], Value::List({Value(int64_t{6}), Value(int64_t{7})}));
}

TEST(WindowTest, EmptyInput) {
  auto plan = WindowPlan(Local("id BIGINT, p STRING, o INT, v INT", {}), {{"r", WindowOf(Call("rank", {}), Over({"p"}, {{"o"}}))}});
  EXPECT_TRUE(RunPlan(plan, 2).empty());
}

TEST(WindowTest, SumOverflowRaisesAsTheAggregate) {
  std::vector<Row> data = {{Value(int64_t{1}), Value(INT64_MAX)}, {Value(int64_t{2}), Value(int64_t{1})}};
  auto plan = WindowPlan(Local("id BIGINT, v BIGINT", data), {{"s", WindowOf(Aggregate("sum", {Col("v")}), Over({}, {{"id"}}))}});
  try {
    RunPlan(plan);
    FAIL() << "expected ARITHMETIC_OVERFLOW";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "ARITHMETIC_OVERFLOW");
  }
  auto try_plan = WindowPlan(Local("id BIGINT, v BIGINT", data), {{"s", WindowOf(Aggregate("try_sum", {Col("v")}), Over({}, {{"id"}}))}});
  auto rows = ById(RunPlan(try_plan));
  EXPECT_EQ(rows[1][2], Value(INT64_MAX));
  EXPECT_EQ(rows[2][2], Value());
}

TEST(WindowTest, MemoryLimitRaises) {
  auto plan = WindowPlan(RangePlan(0, 400000), {{"r", WindowOf(Call("row_number", {}), Over({}, {{"id", false, false}}))}});
  QueryContext ctx;
  ctx.memory_limit_bytes = 1 << 20;
  try {
    ExecutePlan(plan, ctx);
    FAIL() << "expected MEMORY_LIMIT_EXCEEDED";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "MEMORY_LIMIT_EXCEEDED");
  }
}

TEST(WindowTest, ExplainShowsTheWindow) {
  auto plan = WindowPlan(SampleTable(), {{"r", WindowOf(Call("rank", {}), Over({"p"}, {{"o"}}))}});
  EXPECT_EQ(CreatePhysicalPlan(plan)->Describe(),
            "Window [RANK() OVER (PARTITION BY p ORDER BY o ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND "
            "CURRENT ROW) AS r], [p], [o ASC NULLS FIRST]");
}

}  // namespace
}  // namespace lakestream::exec_test
