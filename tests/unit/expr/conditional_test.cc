#include <gtest/gtest.h>

#include <cmath>

#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::B;
using expr_test::D;
using expr_test::ErrorOf;
using expr_test::EvalConst;
using expr_test::EvalValues;
using expr_test::I;
using expr_test::MakeBatch;
using expr_test::S;

ExprPtr Op(const std::string& op, ExprPtr a, ExprPtr b) { return Call(op, {std::move(a), std::move(b)}); }
ExprPtr NullInt() { return Lit(Value(), DataType::Int()); }

// Rows with a zero divisor: every conditional below must avoid a / b there.
RecordBatchPtr Divisions() {
  return MakeBatch("a INT, b INT, x INT", {Row{Value(10), Value(0), Value(7)}, Row{Value(10), Value(2), Value()},
                                           Row{Value(3), Value(3), Value()}, Row{Value(), Value(0), Value(1)}});
}

TEST(ConditionalTest, CoalesceNvlIfnull) {
  EXPECT_EQ(EvalConst(Call("coalesce", {LitNull(), I(1), I(2)})), Value(1));
  EXPECT_TRUE(EvalConst(Call("coalesce", {LitNull(), NullInt()})).is_null());
  EXPECT_EQ(EvalConst(Call("nvl", {NullInt(), I(5)})), Value(5));
  EXPECT_EQ(EvalConst(Call("ifnull", {I(4), I(5)})), Value(4));
  EXPECT_EQ(EvalConst(Call("coalesce", {NullInt(), D(2.5)})), Value(2.5));
  auto batch = MakeBatch("a INT, b BIGINT", {Row{Value(), Value(2)}, Row{Value(1), Value()}, Row{Value(), Value()}});
  std::vector<Value> v = EvalValues(Call("coalesce", {Col("a"), Col("b"), I(9)}), *batch);
  EXPECT_EQ(v, (std::vector<Value>{Value(2), Value(1), Value(9)}));
  ErrorOf([] { EvalConst(Call("nvl", {I(1)})); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
}

TEST(ConditionalTest, IfNvl2NullIf) {
  EXPECT_EQ(EvalConst(Call("if", {Op("<", I(1), I(2)), S("a"), S("b")})), Value("a"));
  EXPECT_EQ(EvalConst(Call("iff", {Lit(Value(), DataType::Boolean()), S("a"), S("b")})), Value("b"));
  EXPECT_EQ(EvalConst(Call("nvl2", {NullInt(), I(2), I(1)})), Value(1));
  EXPECT_EQ(EvalConst(Call("nvl2", {I(0), I(2), I(1)})), Value(2));
  EXPECT_TRUE(EvalConst(Call("nullif", {I(2), I(2)})).is_null());
  EXPECT_EQ(EvalConst(Call("nullif", {I(1), I(2)})), Value(1));
  EXPECT_TRUE(EvalConst(Call("nullif", {I(2), D(2.0)})).is_null());
  ErrorOf([] { EvalConst(Call("if", {I(1), I(2), I(3)})); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
}

TEST(ConditionalTest, GreatestLeastNanvl) {
  EXPECT_EQ(EvalConst(Call("greatest", {I(1), NullInt(), I(3)})), Value(3));
  EXPECT_EQ(EvalConst(Call("least", {I(10), I(9), I(2), I(4)})), Value(2));
  EXPECT_EQ(EvalConst(Call("greatest", {I(1), D(2.5)})), Value(2.5));
  EXPECT_TRUE(EvalConst(Call("greatest", {NullInt(), NullInt()})).is_null());
  EXPECT_TRUE(std::isnan(EvalConst(Call("greatest", {D(1), D(std::nan(""))})).as_double()));
  EXPECT_EQ(EvalConst(Call("least", {S("b"), S("a")})), Value("a"));
  EXPECT_EQ(EvalConst(Call("nanvl", {D(std::nan("")), I(123)})), Value(123.0));
  EXPECT_EQ(EvalConst(Call("nanvl", {D(1.5), I(123)})), Value(1.5));
}

TEST(ConditionalTest, InWithNullSemantics) {
  EXPECT_EQ(EvalConst(In(I(1), {I(1), NullInt()})), Value(true));
  EXPECT_TRUE(EvalConst(In(I(2), {I(1), NullInt()})).is_null());
  EXPECT_EQ(EvalConst(In(I(2), {I(1), I(3)})), Value(false));
  EXPECT_TRUE(EvalConst(In(NullInt(), {I(1)})).is_null());
  EXPECT_EQ(EvalConst(In(S("b"), {S("a"), S("b")})), Value(true));
  EXPECT_EQ(EvalConst(In(I(2), {D(2.0)})), Value(true));
  auto batch = MakeBatch("a INT", {Row{Value(1)}, Row{Value(5)}, Row{Value()}});
  std::vector<Value> v = EvalValues(In(Col("a"), {I(5), I(6)}), *batch);
  EXPECT_EQ(v, (std::vector<Value>{Value(false), Value(true), Value()}));
}

TEST(ConditionalTest, CaseWhen) {
  auto batch = MakeBatch("a INT", {Row{Value(1)}, Row{Value(2)}, Row{Value(3)}, Row{Value()}});
  ExprPtr e = CaseWhen({Op("=", Col("a"), I(1)), S("one"), Op("=", Col("a"), I(2)), S("two")}, S("many"));
  EXPECT_EQ(EvalValues(e, *batch), (std::vector<Value>{Value("one"), Value("two"), Value("many"), Value("many")}));
  ExprPtr no_else = CaseWhen({Op(">", Col("a"), I(1)), Col("a")}, nullptr);
  EXPECT_EQ(EvalValues(no_else, *batch), (std::vector<Value>{Value(), Value(2), Value(3), Value()}));
  // The first matching branch wins.
  ExprPtr overlap = CaseWhen({Op(">", Col("a"), I(0)), I(1), Op(">", Col("a"), I(1)), I(2)}, I(0));
  EXPECT_EQ(EvalValues(overlap, *batch), (std::vector<Value>{Value(1), Value(1), Value(1), Value(0)}));
}

TEST(ConditionalTest, BranchesOnlySeeTheirRows) {
  auto batch = Divisions();
  // CASE WHEN b = 0 THEN 0 ELSE a / b END
  ExprPtr safe_case = CaseWhen({Op("=", Col("b"), I(0)), D(0)}, Op("/", Col("a"), Col("b")));
  EXPECT_EQ(EvalValues(safe_case, *batch), (std::vector<Value>{Value(0.0), Value(5.0), Value(1.0), Value(0.0)}));
  // b <> 0 AND a / b > 1
  ExprPtr safe_and = Op("and", Op("<>", Col("b"), I(0)), Op(">", Op("/", Col("a"), Col("b")), I(1)));
  EXPECT_EQ(EvalValues(safe_and, *batch), (std::vector<Value>{Value(false), Value(true), Value(false), Value(false)}));
  // b = 0 OR a / b > 1
  ExprPtr safe_or = Op("or", Op("=", Col("b"), I(0)), Op(">", Op("/", Col("a"), Col("b")), I(1)));
  EXPECT_EQ(EvalValues(safe_or, *batch), (std::vector<Value>{Value(true), Value(true), Value(false), Value(true)}));
  // if(b = 0, NULL, a div b)
  ExprPtr safe_if = Call("if", {Op("=", Col("b"), I(0)), NullInt(), Op("div", Col("a"), Col("b"))});
  EXPECT_EQ(EvalValues(safe_if, *batch), (std::vector<Value>{Value(), Value(5), Value(1), Value()}));
  // coalesce(x, a / b): x is set exactly where b = 0.
  ExprPtr safe_coalesce = Call("coalesce", {Col("x"), Op("div", Col("a"), Col("b"))});
  EXPECT_EQ(EvalValues(safe_coalesce, *batch), (std::vector<Value>{Value(7), Value(5), Value(1), Value(1)}));
  // nvl2(x, x, a div b)
  ExprPtr safe_nvl2 = Call("nvl2", {Col("x"), Col("x"), Op("div", Col("a"), Col("b"))});
  EXPECT_EQ(EvalValues(safe_nvl2, *batch), (std::vector<Value>{Value(7), Value(5), Value(1), Value(1)}));
  // Without the guard the same division raises.
  ErrorOf([&] { EvalValues(Op("/", Col("a"), Col("b")), *batch); }, "DIVIDE_BY_ZERO");
  ErrorOf([&] { EvalValues(CaseWhen({Op("=", Col("b"), I(0)), Op("/", Col("a"), Col("b"))}, D(0)), *batch); },
          "DIVIDE_BY_ZERO");
}

TEST(ConditionalTest, NestedConditionalsKeepRowAlignment) {
  auto batch = Divisions();
  // CASE WHEN b <> 0 AND a / b >= 1 THEN coalesce(x, a div b) ELSE -1 END
  ExprPtr cond = Op("and", Op("<>", Col("b"), I(0)), Op(">=", Op("/", Col("a"), Col("b")), I(1)));
  ExprPtr e = CaseWhen({cond, Call("coalesce", {Col("x"), Op("div", Col("a"), Col("b"))})}, I(-1));
  EXPECT_EQ(EvalValues(e, *batch), (std::vector<Value>{Value(-1), Value(5), Value(1), Value(-1)}));
}

}  // namespace
}  // namespace lakestream
