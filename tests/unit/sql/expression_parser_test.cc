#include <gtest/gtest.h>

#include "expr/expression_builders.h"
#include "parse_results.h"

namespace lakestream::sql {
namespace {

std::string TypeOf(std::string_view sql) { return ParseExpression(sql)->type->ToString(); }

TEST(ExpressionParserTest, ArithmeticPrecedenceAsSpark) {
  EXPECT_EQ(ExprOf("1 + 2 * 3"), "(1 + (2 * 3))");
  EXPECT_EQ(ExprOf("(1 + 2) * 3"), "((1 + 2) * 3)");
  EXPECT_EQ(ExprOf("a - b - c"), "((a - b) - c)");
  EXPECT_EQ(ExprOf("a / b % c DIV d"), "(((a / b) % c) div d)");
  EXPECT_EQ(ExprOf("-a * b"), "((- a) * b)");
  EXPECT_EQ(ExprOf("+a"), "(+ a)");
  EXPECT_EQ(ExprOf("~a & b"), "(~(a) & b)");
  EXPECT_EQ(ExprOf("a | b ^ c & d"), "(a | (b ^ (c & d)))");
  EXPECT_EQ(ExprOf("a << 1 + 2"), "shiftleft(a, (1 + 2))");
  EXPECT_EQ(ExprOf("a >> 1 >>> 2"), "shiftrightunsigned(shiftright(a, 1), 2)");
  EXPECT_EQ(ExprOf("a || b || c"), "concat(concat(a, b), c)");
  EXPECT_EQ(ExprOf("a < b = c"), "((a < b) = c)");
  EXPECT_EQ(ExprOf("a + 1 > b * 2"), "((a + 1) > (b * 2))");
}

TEST(ExpressionParserTest, BooleanPrecedenceAsSpark) {
  EXPECT_EQ(ExprOf("a = 1 OR b = 2 AND c = 3"), "((a = 1) OR ((b = 2) AND (c = 3)))");
  EXPECT_EQ(ExprOf("NOT a = 1 AND b"), "((NOT (a = 1)) AND b)");
  EXPECT_EQ(ExprOf("NOT NOT a"), "(NOT (NOT a))");
  EXPECT_EQ(ExprOf("!a"), "(NOT a)");
  EXPECT_EQ(ExprOf("a = b IS NULL"), "((a = b) IS NULL)");
}

TEST(ExpressionParserTest, OperatorsBuildWhatTheColumnApiBuilds) {
  // Column::operator== is "=", operator!= is "!=", eqNullSafe is "<=>".
  EXPECT_EQ(ExprOf("a = 1"), Bin("=", Col("a"), IntLit(1))->ToString());
  EXPECT_EQ(ParseExpression("a == 1")->name, "=");
  EXPECT_EQ(ParseExpression("a <> 1")->name, "!=");
  EXPECT_EQ(ParseExpression("a != 1")->name, "!=");
  EXPECT_EQ(ExprOf("a <> 1"), "(NOT (a = 1))");
  EXPECT_EQ(ExprOf("a <=> 1"), "(a <=> 1)");
  EXPECT_EQ(ExprOf("a IS NULL"), Call("isnull", {Col("a")})->ToString());
  EXPECT_EQ(ExprOf("a IS NOT NULL"), Call("isnotnull", {Col("a")})->ToString());
  EXPECT_EQ(ExprOf("a BETWEEN 1 AND 10"), Between(Col("a"), IntLit(1), IntLit(10))->ToString());
  EXPECT_EQ(ExprOf("a NOT BETWEEN 1 AND 10"), "(NOT ((a >= 1) AND (a <= 10)))");
  EXPECT_EQ(ExprOf("a IN (1, 2)"), In(Col("a"), {IntLit(1), IntLit(2)})->ToString());
  EXPECT_EQ(ExprOf("a NOT IN (1, 2)"), "(NOT (a IN (1, 2)))");
  EXPECT_EQ(ExprOf("-a"), Call("negative", {Col("a")})->ToString());
}

TEST(ExpressionParserTest, PatternPredicates) {
  EXPECT_EQ(ExprOf("s LIKE 'a%'"), Bin("like", Col("s"), StrLit("a%"))->ToString());
  EXPECT_EQ(ExprOf("s NOT LIKE 'a%'"), "(NOT s LIKE a%)");
  EXPECT_EQ(ExprOf("s ILIKE 'a%'"), "ilike(s, a%)");
  EXPECT_EQ(ExprOf("s RLIKE '^a'"), "RLIKE(s, ^a)");
  EXPECT_EQ(ExprOf("s REGEXP '^a'"), "RLIKE(s, ^a)");
  EXPECT_EQ(ExprOf("s NOT REGEXP '^a'"), "(NOT RLIKE(s, ^a))");
  EXPECT_EQ(ExprOf("s LIKE 'a!%%' ESCAPE '!'"), "like(s, a!%%, !)");
  EXPECT_EQ(ExprOf("s LIKE ANY ('a%', '%b')"), "(s LIKE a% OR s LIKE %b)");
  EXPECT_EQ(ExprOf("s LIKE ALL ('a%', '%b')"), "(s LIKE a% AND s LIKE %b)");
  EXPECT_EQ(ExprOf("s NOT LIKE ANY ('a%', '%b')"), "((NOT s LIKE a%) OR (NOT s LIKE %b))");
}

TEST(ExpressionParserTest, IsPredicates) {
  EXPECT_EQ(ExprOf("a IS TRUE"), "(a <=> true)");
  EXPECT_EQ(ExprOf("a IS NOT FALSE"), "(NOT (a <=> false))");
  EXPECT_EQ(ExprOf("a IS UNKNOWN"), "(a IS NULL)");
  EXPECT_EQ(ExprOf("a IS DISTINCT FROM b"), "(NOT (a <=> b))");
  EXPECT_EQ(ExprOf("a IS NOT DISTINCT FROM b + 1"), "(a <=> (b + 1))");
}

TEST(ExpressionParserTest, IntegerLiteralsTakeTheSmallestSparkType) {
  EXPECT_EQ(TypeOf("1"), "int");
  EXPECT_EQ(TypeOf("2147483647"), "int");
  EXPECT_EQ(TypeOf("2147483648"), "bigint");
  EXPECT_EQ(TypeOf("-2147483648"), "int") << "the sign is part of the literal";
  EXPECT_EQ(TypeOf("9223372036854775807"), "bigint");
  EXPECT_EQ(TypeOf("-9223372036854775808"), "bigint");
  EXPECT_EQ(TypeOf("9223372036854775808"), "decimal(19,0)");
  EXPECT_EQ(TypeOf("10L"), "bigint");
  EXPECT_EQ(TypeOf("10S"), "smallint");
  EXPECT_EQ(TypeOf("10Y"), "tinyint");
  EXPECT_EQ(ParseExpression("-5")->value, Value(int64_t{-5}));
  EXPECT_EQ(ExprOf("-5"), "-5");
  EXPECT_EQ(ExprOf("- -5"), "(- -5)");
  EXPECT_EQ(ExprOf("3-2"), "(3 - 2)");
}

TEST(ExpressionParserTest, DecimalAndFloatingLiterals) {
  EXPECT_EQ(TypeOf("1.5"), "decimal(2,1)");
  EXPECT_EQ(TypeOf("1.50"), "decimal(3,2)");
  EXPECT_EQ(TypeOf("0.05"), "decimal(2,2)");
  EXPECT_EQ(TypeOf(".5"), "decimal(1,1)");
  EXPECT_EQ(TypeOf("5."), "decimal(1,0)");
  EXPECT_EQ(ParseExpression("-1.25")->value, Value::Decimal(-125));
  EXPECT_EQ(TypeOf("1.5BD"), "decimal(2,1)");
  EXPECT_EQ(TypeOf("1e3BD"), "decimal(4,0)");
  EXPECT_EQ(TypeOf("1e3"), "double");
  EXPECT_EQ(ParseExpression("1.5E-2")->value, Value(0.015));
  EXPECT_EQ(TypeOf("1.5D"), "double");
  EXPECT_EQ(TypeOf("1D"), "double");
  EXPECT_EQ(TypeOf("1.5F"), "float");
}

TEST(ExpressionParserTest, OutOfRangeNumbers) {
  auto failure = FailureOf([] { ParseExpression("128Y"); });
  EXPECT_EQ(failure.error_class, "INVALID_NUMERIC_LITERAL_RANGE");
  EXPECT_EQ(failure.sql_state, "22003");
  EXPECT_EQ(failure.message.substr(0, 111),
            "Numeric literal 128Y is outside the valid range for tinyint with minimum value of -128 and maximum value "
            "of 127");
  EXPECT_EQ(FailureOf([] { ParseExpression("-128Y"); }).error_class, "no error");
  EXPECT_EQ(FailureOf([] { ParseExpression("9223372036854775808L"); }).error_class, "INVALID_NUMERIC_LITERAL_RANGE");
  EXPECT_EQ(FailureOf([] { ParseExpression("1e400"); }).error_class, "INVALID_NUMERIC_LITERAL_RANGE");
  EXPECT_EQ(FailureOf([] { ParseExpression("1e39F"); }).error_class, "INVALID_NUMERIC_LITERAL_RANGE");
  EXPECT_EQ(FailureOf([] { ParseExpression("123456789012345678901234567890123456789"); }).error_class,
            "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION");
}

TEST(ExpressionParserTest, StringBooleanNullAndTypedLiterals) {
  auto s = ParseExpression("'a' \"b\" 'c'");
  EXPECT_EQ(s->value, Value("abc"));
  EXPECT_EQ(s->type->ToString(), "string");
  EXPECT_EQ(ParseExpression("'it''s'")->value, Value("its")) << "Spark joins adjacent literals; '' is not a quote";
  EXPECT_EQ(ParseExpression("TRUE")->value, Value(true));
  EXPECT_EQ(ParseExpression("false")->type->ToString(), "boolean");
  EXPECT_TRUE(ParseExpression("NULL")->value.is_null());
  auto date = ParseExpression("DATE '2020-01-02'");
  EXPECT_EQ(date->type->ToString(), "date");
  EXPECT_EQ(date->value, Value(int64_t{18263}));
  auto ntz = ParseExpression("TIMESTAMP_NTZ '1970-01-01 00:00:01'");
  EXPECT_EQ(ntz->type->ToString(), "timestamp_ntz");
  EXPECT_EQ(ntz->value, Value(int64_t{1000000}));
  EXPECT_EQ(ExprOf("TIMESTAMP '2020-01-02 03:04:05'"), "CAST(2020-01-02 03:04:05 AS TIMESTAMP)")
      << "the session time zone applies when it runs";
  auto binary = ParseExpression("X'0aF'");
  EXPECT_EQ(binary->type->ToString(), "binary");
  EXPECT_EQ(binary->value, Value(std::string("\x00\xaf", 2)));
  auto failure = FailureOf([] { ParseExpression("DATE '2020-13-01'"); });
  EXPECT_EQ(failure.error_class, "INVALID_TYPED_LITERAL");
  EXPECT_EQ(failure.message.substr(0, 72), "The value of the typed literal \"DATE\" is invalid: '2020-13-01'. SQLSTATE");
  EXPECT_EQ(FailureOf([] { ParseExpression("X'zz'"); }).error_class, "INVALID_TYPED_LITERAL");
}

TEST(ExpressionParserTest, CaseExpressions) {
  EXPECT_EQ(ExprOf("CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END"),
            CaseWhen({Bin(">", Col("a"), IntLit(1)), StrLit("x"), Bin(">", Col("a"), IntLit(0)), StrLit("y")}, StrLit("z"))
                ->ToString());
  EXPECT_EQ(ExprOf("CASE a WHEN 1 THEN 'x' END"), "CASE WHEN (a = 1) THEN x END");
  EXPECT_FALSE(ParseExpression("CASE WHEN a THEN 1 END")->has_else);
}

TEST(ExpressionParserTest, CastsUseSparkTypeNames) {
  EXPECT_EQ(ExprOf("CAST(a AS INT)"), CastTo(Col("a"), DataType::Int())->ToString());
  EXPECT_EQ(ExprOf("CAST(a AS decimal(10, 2))"), "CAST(a AS DECIMAL(10,2))");
  EXPECT_EQ(ExprOf("TRY_CAST(a AS array<array<int>>)"), "TRY_CAST(a AS ARRAY<ARRAY<INT>>)");
  EXPECT_EQ(ExprOf("CAST(a AS map<string, array<int>>)"), "CAST(a AS MAP<STRING, ARRAY<INT>>)");
  EXPECT_EQ(ExprOf("CAST(a AS STRUCT<x: INT, y STRING>)"), "CAST(a AS STRUCT<x: INT, y: STRING>)");
  EXPECT_EQ(ExprOf("a::bigint + 1"), "(CAST(a AS BIGINT) + 1)");
  EXPECT_EQ(ExprOf("CAST(a AS VARCHAR(10))"), "CAST(a AS STRING)");
  auto failure = FailureOf([] { ParseExpression("CAST(a AS foo)"); });
  EXPECT_EQ(failure.error_class, "UNSUPPORTED_DATATYPE");
  EXPECT_EQ(failure.message,
            "Unsupported data type \"FOO\". SQLSTATE: 0A000 (line 1, pos 10)\n\n== SQL ==\nCAST(a AS foo)\n----------^^^");
}

TEST(ExpressionParserTest, FunctionCallsBuildCallsAggregatesAndGenerators) {
  auto upper = ParseExpression("UPPER(name)");
  EXPECT_EQ(upper->kind, ExprKind::kCall);
  EXPECT_EQ(upper->name, "upper");
  auto sum = ParseExpression("SUM(x)");
  EXPECT_EQ(sum->kind, ExprKind::kAggregate) << "as functions::sum builds it";
  EXPECT_EQ(sum->ToString(), Aggregate("sum", {Col("x")})->ToString());
  EXPECT_EQ(ExprOf("count(*)"), Aggregate("count", {IntLit(1)})->ToString());
  EXPECT_EQ(ParseExpression("count(*)")->children[0]->type->ToString(), "int");
  auto distinct = ParseExpression("count(DISTINCT a, b)");
  EXPECT_TRUE(distinct->distinct);
  EXPECT_EQ(distinct->ToString(), "count(DISTINCT a, b)");
  EXPECT_EQ(ParseExpression("my_udf(DISTINCT a)")->kind, ExprKind::kAggregate);
  auto explode = ParseExpression("explode(arr)");
  EXPECT_EQ(explode->kind, ExprKind::kGenerator);
  EXPECT_EQ(explode->ToString(), Generator("explode", Col("arr"))->ToString());
  EXPECT_EQ(ExprOf("coalesce(a, b, 1)"), "coalesce(a, b, 1)");
  EXPECT_EQ(ExprOf("now()"), "now()");
  EXPECT_EQ(ExprOf("db.f(1)"), "db.f(1)");
  EXPECT_EQ(ExprOf("left(s, 2) || right(s, 1)"), "concat(left(s, 2), right(s, 1))");
  EXPECT_EQ(ExprOf("struct(*)"), "struct(*)");
  EXPECT_EQ(ExprOf("struct(a AS x, b)"), Call("struct", {Alias(Col("a"), "x"), Col("b")})->ToString());
}

TEST(ExpressionParserTest, FunctionsWithSpecialArgumentSyntax) {
  EXPECT_EQ(ExprOf("EXTRACT(YEAR FROM d)"), "date_part(YEAR, d)");
  EXPECT_EQ(ExprOf("SUBSTRING(s FROM 2 FOR 3)"), "substring(s, 2, 3)");
  EXPECT_EQ(ExprOf("substr(s, 2)"), "substr(s, 2)");
  EXPECT_EQ(ExprOf("TRIM(s)"), "trim(s)");
  EXPECT_EQ(ExprOf("TRIM(BOTH 'x' FROM s)"), "trim(x, s)");
  EXPECT_EQ(ExprOf("TRIM(LEADING FROM s)"), "ltrim(s)");
  EXPECT_EQ(ExprOf("TRIM(TRAILING 'x' FROM s)"), "rtrim(x, s)");
  EXPECT_EQ(ExprOf("TRIM('x' FROM s)"), "trim(x, s)");
  EXPECT_EQ(ExprOf("POSITION('a' IN s)"), "position(a, s)");
  EXPECT_EQ(ExprOf("current_date"), "current_date()");
  EXPECT_EQ(ExprOf("CURRENT_TIMESTAMP + 1"), "(current_timestamp() + 1)");
}

TEST(ExpressionParserTest, FilterIgnoreNullsAndNamedArguments) {
  EXPECT_EQ(ExprOf("sum(x) FILTER (WHERE x > 0)"), "sum(CASE WHEN (x > 0) THEN x END)");
  EXPECT_EQ(ExprOf("count(*) FILTER (WHERE ok)"), "count(CASE WHEN ok THEN 1 END)");
  EXPECT_EQ(ExprOf("first(x) IGNORE NULLS"), Aggregate("first", {Col("x"), Lit(Value(true), DataType::Boolean())})->ToString());
  EXPECT_EQ(ExprOf("last(x) RESPECT NULLS"), "last(x)");
  EXPECT_EQ(ExprOf("f(a, mode => 'x')"), "f(a, x AS mode)");
  EXPECT_EQ(FailureOf([] { ParseExpression("first(x, y) FILTER (WHERE x > 0)"); }).error_class,
            "UNSUPPORTED_FEATURE.SQL_SYNTAX");
  EXPECT_EQ(FailureOf([] { ParseExpression("sum(x) IGNORE NULLS"); }).error_class, "UNSUPPORTED_FEATURE.SQL_SYNTAX");
  EXPECT_EQ(FailureOf([] { ParseExpression("row_number() IGNORE NULLS OVER (ORDER BY y)"); }).error_class,
            "UNSUPPORTED_FEATURE.SQL_SYNTAX");
}

TEST(ExpressionParserTest, IgnoreNullsOnWindowFunctionsIsTheirTrailingFlag) {
  // lag/lead(input[, offset[, default[, ignoreNulls]]]): the defaults filled in.
  EXPECT_EQ(ExprOf("lag(x) IGNORE NULLS OVER (ORDER BY y)"), ExprOf("lag(x, 1, NULL, true) OVER (ORDER BY y)"));
  EXPECT_EQ(ExprOf("lead(x, 2) IGNORE NULLS OVER (ORDER BY y)"), ExprOf("lead(x, 2, NULL, true) OVER (ORDER BY y)"));
  EXPECT_EQ(ExprOf("lag(x, 1, 0) IGNORE NULLS OVER (ORDER BY y)"), ExprOf("lag(x, 1, 0, true) OVER (ORDER BY y)"));
  EXPECT_EQ(ExprOf("lag(x) RESPECT NULLS OVER (ORDER BY y)"), ExprOf("lag(x) OVER (ORDER BY y)"));
  EXPECT_EQ(ExprOf("nth_value(x, 2) IGNORE NULLS OVER (ORDER BY y)"),
            ExprOf("nth_value(x, 2, true) OVER (ORDER BY y)"));
  EXPECT_EQ(ExprOf("first_value(x) IGNORE NULLS OVER (ORDER BY y)"),
            ExprOf("first_value(x, true) OVER (ORDER BY y)"));
  EXPECT_EQ(ExprOf("last_value(x) RESPECT NULLS OVER (ORDER BY y)"), ExprOf("last_value(x) OVER (ORDER BY y)"));
  // The flag given twice, or too many arguments, is not rewritten.
  EXPECT_EQ(FailureOf([] { ParseExpression("lag(x, 1, 0, false) IGNORE NULLS OVER (ORDER BY y)"); }).error_class,
            "UNSUPPORTED_FEATURE.SQL_SYNTAX");
  EXPECT_EQ(FailureOf([] { ParseExpression("nth_value(x, 1, false) IGNORE NULLS OVER (ORDER BY y)"); }).error_class,
            "UNSUPPORTED_FEATURE.SQL_SYNTAX");
}

TEST(ExpressionParserTest, SeveralAliasesNameAGeneratorsOutputs) {
  auto e = ParseExpression("posexplode(a) AS (p, v)");
  EXPECT_EQ(e->kind, ExprKind::kAlias);
  EXPECT_EQ(e->name_parts, (std::vector<std::string>{"p", "v"}));
  EXPECT_EQ(e->ToString(), "posexplode(a) AS (p, v)");
  EXPECT_EQ(FailureOf([] { ParseExpression("explode(m) AS (k,)"); }).error_class, "PARSE_SYNTAX_ERROR");
}

TEST(ExpressionParserTest, EmptyInListOnlyUnderTheSqliteSetting) {
  EXPECT_EQ(FailureOf([] { ParseExpression("x IN ()"); }).error_class, "PARSE_SYNTAX_ERROR");
  EXPECT_EQ(FailureOf([] { ParseQuery("SELECT 1 WHERE x NOT IN ()"); }).error_class, "PARSE_SYNTAX_ERROR");
  ParserOptions sqlite;
  sqlite.legacy_empty_in_list = true;
  auto plan = ParseQuery("SELECT 1 FROM t WHERE x NOT IN ()", sqlite);
  EXPECT_EQ(plan->TreeString(),
            "Project [1]\n"
            "+- Filter (NOT (x IN ()))\n"
            "   +- 'UnresolvedRelation [t]\n");
  // A subquery or a list with values is parsed as always.
  EXPECT_EQ(ParseQuery("SELECT 1 FROM t WHERE x IN (1)", sqlite)->TreeString(),
            ParseQuery("SELECT 1 FROM t WHERE x IN (1)")->TreeString());
  EXPECT_EQ(FailureOf([&] { ParseQuery("SELECT 1 FROM t WHERE x IN (,)", sqlite); }).error_class,
            "PARSE_SYNTAX_ERROR");
}

TEST(ExpressionParserTest, ColumnsFieldsAndSubscripts) {
  auto c = ParseExpression("t.a.b");
  EXPECT_EQ(c->kind, ExprKind::kColumn);
  EXPECT_EQ(c->name_parts, (std::vector<std::string>{"t", "a", "b"}));
  EXPECT_EQ(ParseExpression("`a.b`.c")->name_parts, (std::vector<std::string>{"a.b", "c"}));
  EXPECT_EQ(ParseExpression("t.`order`")->name_parts, (std::vector<std::string>{"t", "order"}));
  EXPECT_EQ(ExprOf("arr[0]"), Bin("get_item", Col("arr"), IntLit(0))->ToString()) << "as Column::getItem";
  EXPECT_EQ(ExprOf("m['k']"), "get_item(m, k)");
  auto field = ParseExpression("f(x).y");
  EXPECT_EQ(field->name, "get_field") << "as Column::getField";
  EXPECT_EQ(field->ToString(), "f(x).y");
  EXPECT_EQ(ExprOf("arr[0].y[1]"), "get_item(get_item(arr, 0).y, 1)");
  EXPECT_EQ(ParseExpression("*")->kind, ExprKind::kStar);
  auto star = ParseExpression("t.*");
  EXPECT_EQ(star->kind, ExprKind::kStar);
  EXPECT_EQ(star->name_parts, (std::vector<std::string>{"t"}));
  EXPECT_EQ(ParseExpression("`select`")->name_parts, (std::vector<std::string>{"select"}));
}

TEST(ExpressionParserTest, AliasesForSelectExpr) {
  EXPECT_EQ(ExprOf("a + 1 AS b"), Alias(Bin("+", Col("a"), IntLit(1)), "b")->ToString());
  EXPECT_EQ(ParseExpression("a b")->name, "b");
  EXPECT_EQ(ParseExpression("a AS `x y`")->name, "x y");
  EXPECT_EQ(ParseExpression("a AS from")->name, "from") << "after AS any word is a name";
  EXPECT_EQ(ExprOf("explode(arr) AS item"), "explode(arr) AS item");
}

TEST(ExpressionParserTest, WindowFunctions) {
  auto w = ParseExpression("sum(x) OVER (PARTITION BY a, b ORDER BY c DESC NULLS FIRST ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)");
  ASSERT_EQ(w->kind, ExprKind::kWindow);
  EXPECT_EQ(w->children[0]->kind, ExprKind::kAggregate);
  EXPECT_EQ(w->window->partition_by.size(), 2u);
  EXPECT_EQ(w->window->frame_type, WindowSpec::FrameType::kRows);
  EXPECT_EQ(w->ToString(),
            "sum(x) OVER (PARTITION BY a, b ORDER BY c DESC NULLS FIRST ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)");
  WindowSpec spec;
  spec.order_by = {SortOrder(Col("y"), true, true)};
  EXPECT_EQ(ExprOf("row_number() OVER (ORDER BY y)"), WindowExpr(Call("row_number", {}), spec)->ToString());
  EXPECT_EQ(ExprOf("avg(x) OVER (ORDER BY y RANGE BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING)"),
            "avg(x) OVER (ORDER BY y ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING)");
  EXPECT_EQ(ExprOf("count(1) OVER (ROWS 3 PRECEDING)"), "count(1) OVER (ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)");
  EXPECT_EQ(ExprOf("max(x) OVER ()"), "max(x) OVER ()");
  EXPECT_EQ(ExprOf("lag(x, 1) OVER (PARTITION BY k ORDER BY t)"),
            "lag(x, 1) OVER (PARTITION BY k ORDER BY t ASC NULLS FIRST)");
}

TEST(ExpressionParserTest, Subqueries) {
  auto scalar = ParseExpression("(SELECT max(x) FROM t) + 1");
  EXPECT_EQ(scalar->ToString(), "(scalarsubquery() + 1)");
  EXPECT_EQ(scalar->children[0]->subquery->TreeString(), "Project [max(x)]\n+- 'UnresolvedRelation [t]\n");
  auto exists = ParseExpression("NOT EXISTS (SELECT 1 FROM t WHERE t.k = k)");
  EXPECT_EQ(exists->ToString(), "(NOT exists())");
  EXPECT_EQ(exists->children[0]->subquery_kind, SubqueryKind::kExists);
  auto in = ParseExpression("k IN (SELECT k FROM t)");
  EXPECT_EQ(in->ToString(), "(k IN (listquery()))");
  EXPECT_EQ(in->subquery_kind, SubqueryKind::kIn);
  EXPECT_EQ(ExprOf("(a, b) IN (SELECT x, y FROM t)"), "(struct(a, b) IN (listquery()))");
  EXPECT_EQ(ExprOf("k NOT IN (WITH c AS (SELECT 1 AS k) SELECT k FROM c)"), "(NOT (k IN (listquery())))");
}

TEST(ExpressionParserTest, UnsupportedExpressionSyntax) {
  for (const char* sql : {"transform(arr, x -> x + 1)", "aggregate(arr, 0, (acc, x) -> acc + x)", "a = ?",
                          "percentile_cont(0.5) WITHIN GROUP (ORDER BY x)", "raw:a.b"}) {
    EXPECT_EQ(FailureOf([&] { ParseExpression(sql); }).error_class, "UNSUPPORTED_FEATURE.SQL_SYNTAX") << sql;
  }
  auto lambda = FailureOf([] { ParseExpression("transform(arr, x -> x + 1)"); });
  EXPECT_EQ(lambda.message,
            "The feature is not supported: lambda functions. SQLSTATE: 0A000 (line 1, pos 15)\n\n== SQL ==\n"
            "transform(arr, x -> x + 1)\n---------------^^^");
}

TEST(ExpressionParserTest, IncompleteExpressionsAreSyntaxErrors) {
  for (const char* sql : {"", "1 +", "(1", "CASE WHEN a THEN 1", "a IN ()", "CAST(a AS)", "f(a,", "a b c", "SELECT"}) {
    EXPECT_EQ(FailureOf([&] { ParseExpression(sql); }).error_class, "PARSE_SYNTAX_ERROR") << sql;
  }
  auto failure = FailureOf([] { ParseExpression("(1 + 2"); });
  EXPECT_EQ(failure.message,
            "Syntax error at or near end of input: missing ')'. SQLSTATE: 42601 (line 1, pos 6)\n\n== SQL ==\n(1 + 2\n"
            "------^^^");
}

}  // namespace
}  // namespace lakestream::sql
