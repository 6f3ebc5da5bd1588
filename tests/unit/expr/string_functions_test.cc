// String functions: examples from Spark's function reference, UTF-8, NULLs
// and errors.
#include <gtest/gtest.h>

#include "test_batches.h"

namespace lakestream {

// Readable failure output for Values.
static void PrintTo(const Value& v, std::ostream* os) { *os << v.ToString(); }

namespace {

using expr_test::ErrorOf;
using expr_test::EvalConst;
using expr_test::EvalValues;
using expr_test::I;
using expr_test::MakeBatch;
using expr_test::S;

Value Eval(const std::string& fn, std::vector<ExprPtr> args) { return EvalConst(Call(fn, std::move(args))); }
ExprPtr NullString() { return Lit(Value(), DataType::String()); }
ExprPtr Bin(const std::string& bytes) { return Lit(Value(bytes), DataType::Binary()); }
ExprPtr StrArray(ValueList items) { return Lit(Value::List(std::move(items)), DataType::Array(DataType::String())); }

TEST(StringFunctionsTest, LengthOfColumnsAsciiOrNot) {
  // All-ASCII columns take the byte-count path; one non-ASCII value (or a
  // long ASCII value next to it) sends each row through character counting.
  std::string long_ascii(100, 'x');
  auto ascii = MakeBatch("s STRING", {{Value("abc")}, {Value()}, {Value("")}, {Value(long_ascii)}});
  EXPECT_EQ(EvalValues(Call("length", {Col("s")}), *ascii), (std::vector<Value>{Value(3), Value(), Value(0), Value(100)}));
  auto mixed = MakeBatch("s STRING", {{Value(long_ascii + "é")}, {Value("日本語")}, {Value()}, {Value("ab")},
                                      {Value(std::string("a\xff\x80" "b"))}, {Value(std::string("a\xe6\x97" "b"))}});
  // Spark counts by lead bytes: a stray byte is one character, a 3-byte
  // lead takes the next two bytes whatever they are.
  EXPECT_EQ(EvalValues(Call("length", {Col("s")}), *mixed),
            (std::vector<Value>{Value(101), Value(3), Value(), Value(2), Value(4), Value(2)}));
  auto binary = MakeBatch("b BINARY", {{Value(std::string("h\xc3\xa9"))}, {Value()}});
  EXPECT_EQ(EvalValues(Call("length", {Col("b")}), *binary), (std::vector<Value>{Value(3), Value()}));
}

TEST(StringFunctionsTest, Lengths) {
  EXPECT_EQ(Eval("length", {S("Spark SQL ")}), Value(10));
  EXPECT_EQ(Eval("char_length", {S("héllo")}), Value(5));
  EXPECT_EQ(Eval("character_length", {S("日本語")}), Value(3));
  EXPECT_EQ(Eval("length", {Bin("héllo")}), Value(6));
  EXPECT_EQ(Eval("octet_length", {S("héllo")}), Value(6));
  EXPECT_EQ(Eval("bit_length", {S("Spark SQL")}), Value(72));
  EXPECT_EQ(Eval("length", {NullString()}), Value());
  EXPECT_EQ(Eval("length", {I(12345)}), Value(5));  // numbers are cast to STRING
}

TEST(StringFunctionsTest, CaseMapping) {
  EXPECT_EQ(Eval("upper", {S("SparkSql")}), Value("SPARKSQL"));
  EXPECT_EQ(Eval("ucase", {S("àéîõü ñ")}), Value("ÀÉÎÕÜ Ñ"));
  EXPECT_EQ(Eval("lower", {S("SparkSql")}), Value("sparksql"));
  EXPECT_EQ(Eval("lcase", {S("ΑΒΓ")}), Value("αβγ"));
  EXPECT_EQ(Eval("initcap", {S("sPark sql")}), Value("Spark Sql"));
  EXPECT_EQ(Eval("initcap", {S("hello-world  élan")}), Value("Hello-world  Élan"));
}

TEST(StringFunctionsTest, Trim) {
  EXPECT_EQ(Eval("trim", {S("    SparkSQL   ")}), Value("SparkSQL"));
  EXPECT_EQ(Eval("ltrim", {S("    SparkSQL   ")}), Value("SparkSQL   "));
  EXPECT_EQ(Eval("rtrim", {S("    SparkSQL   ")}), Value("    SparkSQL"));
  EXPECT_EQ(Eval("trim", {S("\tx ")}), Value("\tx"));  // only spaces by default
  // Spark's two-argument SQL form takes the characters to trim first.
  EXPECT_EQ(Eval("trim", {S("SL"), S("SSparkSQLS")}), Value("parkSQ"));
  EXPECT_EQ(Eval("ltrim", {S("SL"), S("SSparkSQLS")}), Value("parkSQLS"));
  EXPECT_EQ(Eval("rtrim", {S("SL"), S("SSparkSQLS")}), Value("SSparkSQ"));
  EXPECT_EQ(Eval("btrim", {S("SSparkSQLS"), S("SL")}), Value("parkSQ"));
  EXPECT_EQ(Eval("btrim", {S("ééaéé"), S("é")}), Value("a"));
  EXPECT_EQ(Eval("trim", {S("x"), NullString()}), Value());
}

TEST(StringFunctionsTest, Padding) {
  EXPECT_EQ(Eval("lpad", {S("hi"), I(5), S("ab")}), Value("abahi"));
  EXPECT_EQ(Eval("lpad", {S("hi"), I(1), S("ab")}), Value("h"));
  EXPECT_EQ(Eval("lpad", {S("hi"), I(5)}), Value("   hi"));
  EXPECT_EQ(Eval("rpad", {S("hi"), I(5), S("ab")}), Value("hiaba"));
  EXPECT_EQ(Eval("rpad", {S("hi"), I(1), S("ab")}), Value("h"));
  EXPECT_EQ(Eval("rpad", {S("hi"), I(-1), S("ab")}), Value(""));
  EXPECT_EQ(Eval("lpad", {S("hi"), I(5), S("")}), Value("hi"));
  EXPECT_EQ(Eval("lpad", {S("é"), I(3), S("ü")}), Value("üüé"));
  EXPECT_EQ(Eval("lpad", {Bin("\x01"), I(3)}), Value(std::string("\0\0\x01", 3)));
}

TEST(StringFunctionsTest, Concat) {
  EXPECT_EQ(Eval("concat", {S("Spark"), S("SQL")}), Value("SparkSQL"));
  EXPECT_EQ(Eval("concat", {S("Spark"), NullString()}), Value());
  EXPECT_EQ(Eval("concat", {S("a"), I(1)}), Value("a1"));
  EXPECT_EQ(Eval("concat", {}), Value(""));
  EXPECT_EQ(Eval("concat_ws", {S(" "), S("Spark"), S("SQL")}), Value("Spark SQL"));
  EXPECT_EQ(Eval("concat_ws", {S("s")}), Value(""));
  EXPECT_EQ(Eval("concat_ws", {S("/"), S("a"), NullString(), S("b")}), Value("a/b"));
  EXPECT_EQ(Eval("concat_ws", {S(","), StrArray({Value("a"), Value(), Value("b")}), S("c")}), Value("a,b,c"));
  EXPECT_EQ(Eval("concat_ws", {NullString(), S("a")}), Value());
  const auto ints = DataType::Array(DataType::Int());
  EXPECT_EQ(Eval("concat", {Lit(Value::List({Value(1), Value(2)}), ints), Lit(Value::List({Value(3)}), ints)}),
            Value::List({Value(1), Value(2), Value(3)}));
  EXPECT_EQ(Eval("concat", {Lit(Value::List({Value(1)}), ints), Lit(Value(), ints)}), Value());
}

TEST(StringFunctionsTest, Substrings) {
  EXPECT_EQ(Eval("substring", {S("Spark SQL"), I(5)}), Value("k SQL"));
  EXPECT_EQ(Eval("substring", {S("Spark SQL"), I(-3)}), Value("SQL"));
  EXPECT_EQ(Eval("substring", {S("Spark SQL"), I(5), I(1)}), Value("k"));
  EXPECT_EQ(Eval("substr", {S("Spark SQL"), I(0), I(2)}), Value("Sp"));
  EXPECT_EQ(Eval("substr", {S("Spark SQL"), I(-10), I(3)}), Value("Sp"));
  EXPECT_EQ(Eval("substr", {S("Spark SQL"), I(3), I(-1)}), Value(""));
  EXPECT_EQ(Eval("substr", {S("héllo"), I(2), I(3)}), Value("éll"));
  EXPECT_EQ(Eval("substr", {Bin("héllo"), I(2), I(2)}), Value("é"));
  EXPECT_EQ(Eval("left", {S("Spark SQL"), I(3)}), Value("Spa"));
  EXPECT_EQ(Eval("right", {S("Spark SQL"), I(3)}), Value("SQL"));
  EXPECT_EQ(Eval("left", {S("abc"), I(-1)}), Value(""));
  EXPECT_EQ(Eval("right", {S("abc"), I(10)}), Value("abc"));
  EXPECT_EQ(Eval("right", {S("abc"), I(0)}), Value(""));
}

TEST(StringFunctionsTest, SearchAndReplace) {
  EXPECT_EQ(Eval("replace", {S("ABCabc"), S("abc"), S("DEF")}), Value("ABCDEF"));
  EXPECT_EQ(Eval("replace", {S("ABCabc"), S("abc")}), Value("ABC"));
  EXPECT_EQ(Eval("replace", {S("abc"), S(""), S("x")}), Value("abc"));
  EXPECT_EQ(Eval("translate", {S("AaBbCc"), S("abc"), S("123")}), Value("A1B2C3"));
  EXPECT_EQ(Eval("translate", {S("abcb"), S("bb"), S("xy")}), Value("axcx"));  // first mapping wins
  EXPECT_EQ(Eval("translate", {S("abc"), S("ab"), S("x")}), Value("xc"));       // unmatched chars are deleted
  EXPECT_EQ(Eval("instr", {S("SparkSQL"), S("SQL")}), Value(6));
  EXPECT_EQ(Eval("instr", {S("héllo"), S("l")}), Value(3));
  EXPECT_EQ(Eval("instr", {S("abc"), S("")}), Value(1));
  EXPECT_EQ(Eval("locate", {S("bar"), S("foobarbar")}), Value(4));
  EXPECT_EQ(Eval("locate", {S("bar"), S("foobarbar"), I(5)}), Value(7));
  EXPECT_EQ(Eval("position", {S("bar"), S("foobarbar")}), Value(4));
  EXPECT_EQ(Eval("locate", {S("a"), S("abc"), I(0)}), Value(0));
  EXPECT_EQ(Eval("locate", {S("a"), S("abc"), Lit(Value(), DataType::Int())}), Value(0));
  EXPECT_EQ(Eval("locate", {NullString(), S("abc")}), Value());
  EXPECT_EQ(Eval("startswith", {S("Spark SQL"), S("Spark")}), Value(true));
  EXPECT_EQ(Eval("endswith", {S("Spark SQL"), S("Spark")}), Value(false));
  EXPECT_EQ(Eval("contains", {S("Spark SQL"), S("k S")}), Value(true));
  EXPECT_EQ(Eval("contains", {S("Spark SQL"), S("")}), Value(true));
  EXPECT_EQ(Eval("find_in_set", {S("ab"), S("abc,b,ab,c,def")}), Value(3));
  EXPECT_EQ(Eval("find_in_set", {S("a,b"), S("a,b")}), Value(0));
  EXPECT_EQ(Eval("split_part", {S("11.12.13"), S("."), I(3)}), Value("13"));
  EXPECT_EQ(Eval("split_part", {S("11.12.13"), S("."), I(-1)}), Value("13"));
  EXPECT_EQ(Eval("split_part", {S("11.12.13"), S("."), I(5)}), Value(""));
  EXPECT_EQ(Eval("split_part", {S("a..b"), S("."), I(2)}), Value(""));
  ErrorOf([] { Eval("split_part", {S("a"), S("."), I(0)}); }, "INVALID_INDEX_OF_ZERO");
}

TEST(StringFunctionsTest, CharactersAndRepeats) {
  EXPECT_EQ(Eval("reverse", {S("Spark SQL")}), Value("LQS krapS"));
  EXPECT_EQ(Eval("reverse", {S("héllo")}), Value("olléh"));
  EXPECT_EQ(Eval("reverse", {Lit(Value::List({Value(1), Value(), Value(3)}), DataType::Array(DataType::Int()))}),
            Value::List({Value(3), Value(), Value(1)}));
  EXPECT_EQ(Eval("repeat", {S("123"), I(2)}), Value("123123"));
  EXPECT_EQ(Eval("repeat", {S("a"), I(-1)}), Value(""));
  EXPECT_EQ(Eval("space", {I(2)}), Value("  "));
  EXPECT_EQ(Eval("ascii", {S("222")}), Value(50));
  EXPECT_EQ(Eval("ascii", {S("")}), Value(0));
  EXPECT_EQ(Eval("ascii", {S("é")}), Value(233));
  EXPECT_EQ(Eval("chr", {I(65)}), Value("A"));
  EXPECT_EQ(Eval("char", {I(256 + 65)}), Value("A"));
  EXPECT_EQ(Eval("chr", {I(233)}), Value("é"));
  EXPECT_EQ(Eval("chr", {I(-1)}), Value(""));
  EXPECT_EQ(Eval("soundex", {S("Miller")}), Value("M460"));
  EXPECT_EQ(Eval("soundex", {S("Ashcraft")}), Value("A261"));
  EXPECT_EQ(Eval("soundex", {S("1abc")}), Value("1abc"));
  EXPECT_EQ(Eval("levenshtein", {S("kitten"), S("sitting")}), Value(3));
  EXPECT_EQ(Eval("levenshtein", {S("kitten"), S("sitting"), I(2)}), Value(-1));
}

TEST(StringFunctionsTest, EvaluatesColumnsRowByRow) {
  auto batch = MakeBatch("s STRING, n INT", {{Value("abc"), Value(2)}, {Value(), Value(1)}, {Value("héllo"), Value()}});
  EXPECT_EQ(EvalValues(Call("upper", {Col("s")}), *batch), (std::vector<Value>{Value("ABC"), Value(), Value("HÉLLO")}));
  EXPECT_EQ(EvalValues(Call("left", {Col("s"), Col("n")}), *batch), (std::vector<Value>{Value("ab"), Value(), Value()}));
  EXPECT_EQ(EvalValues(Call("concat_ws", {S("-"), Col("s"), S("x")}), *batch),
            (std::vector<Value>{Value("abc-x"), Value("x"), Value("héllo-x")}));
}

TEST(StringFunctionsTest, ArgumentErrors) {
  ErrorOf([] { Eval("upper", {}); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
  ErrorOf([] { Eval("substring", {S("a")}); }, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
  ErrorOf([] { Eval("repeat", {S("a"), expr_test::D(1.5)}); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
  ErrorOf([] { Eval("upper", {StrArray({Value("a")})}); }, "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
}

TEST(StringFunctionsTest, Split) {
  auto list = [](std::vector<std::string> items) {
    ValueList v;
    for (auto& s : items) v.push_back(Value(s));
    return Value::List(v);
  };
  EXPECT_EQ(Eval("split", {S("oneAtwoBthreeC"), S("[ABC]")}), list({"one", "two", "three", ""}));
  EXPECT_EQ(Eval("split", {S("oneAtwoBthreeC"), S("[ABC]"), I(2)}), list({"one", "twoBthreeC"}));
  EXPECT_EQ(Eval("split", {S("oneAtwoBthreeC"), S("[ABC]"), I(-1)}), list({"one", "two", "three", ""}));
  EXPECT_EQ(Eval("split", {S("abc"), S("")}), list({"a", "b", "c"}));
  EXPECT_EQ(Eval("split", {S("abc"), S(""), I(2)}), list({"a", "bc"}));
  EXPECT_EQ(Eval("split", {S(""), S(",")}), list({""}));
  EXPECT_EQ(Eval("split", {S(",a,"), S(",")}), list({"", "a", ""}));
  EXPECT_EQ(Eval("split", {S("héllo"), S("l")}), list({"hé", "", "o"}));
  EXPECT_EQ(Eval("split", {NullString(), S(",")}), Value());
}

TEST(StringFunctionsTest, RegexpReplaceAndExtract) {
  EXPECT_EQ(Eval("regexp_replace", {S("100-200"), S("(\\d+)"), S("num")}), Value("num-num"));
  EXPECT_EQ(Eval("regexp_replace", {S("100-200"), S("(\\d+)-(\\d+)"), S("$2-$1")}), Value("200-100"));
  EXPECT_EQ(Eval("regexp_replace", {S("a.b"), S("\\."), S("\\$")}), Value("a$b"));
  EXPECT_EQ(Eval("regexp_replace", {S("abc"), S("x*"), S("-")}), Value("-a-b-c-"));
  EXPECT_EQ(Eval("regexp_replace", {S("aaa"), S("a"), S("b"), I(2)}), Value("abb"));
  EXPECT_EQ(Eval("regexp_replace", {S("aaa"), S("^a"), S("b"), I(2)}), Value("aba"));
  EXPECT_EQ(Eval("regexp_replace", {S("aaa"), S("a"), S("b"), I(9)}), Value("aaa"));
  EXPECT_EQ(Eval("regexp_extract", {S("100-200"), S("(\\d+)-(\\d+)"), I(1)}), Value("100"));
  EXPECT_EQ(Eval("regexp_extract", {S("100-200"), S("(\\d+)-(\\d+)")}), Value("100"));
  EXPECT_EQ(Eval("regexp_extract", {S("100-200"), S("(\\d+)-(\\d+)"), I(0)}), Value("100-200"));
  EXPECT_EQ(Eval("regexp_extract", {S("foo"), S("(\\d+)"), I(1)}), Value(""));
  EXPECT_EQ(Eval("regexp_extract", {S("a"), S("(a)|(b)"), I(2)}), Value(""));
  ErrorOf([] { Eval("regexp_extract", {S("1-2"), S("(\\d+)"), I(2)}); }, "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX");
  EXPECT_EQ(Eval("regexp_extract_all", {S("100-200, 300-400"), S("(\\d+)-(\\d+)"), I(1)}),
            Value::List({Value("100"), Value("300")}));
  EXPECT_EQ(Eval("regexp_count", {S("Steven Jones and Stephen Smith are the best players"), S("Ste(v|ph)en")}),
            Value(2));
  EXPECT_EQ(Eval("regexp_substr", {S("Steven Jones and Stephen Smith"), S("Jo[a-z]+")}), Value("Jones"));
  EXPECT_EQ(Eval("regexp_substr", {S("Steven"), S("x+")}), Value());
  ErrorOf([] { Eval("regexp_count", {S("a"), S("(")}); }, "INVALID_PARAMETER_VALUE.PATTERN");
}

TEST(StringFunctionsTest, BytesAndCharsets) {
  EXPECT_EQ(Eval("base64", {S("Spark SQL")}), Value("U3BhcmsgU1FM"));
  EXPECT_EQ(Eval("base64", {S("ab")}), Value("YWI="));
  EXPECT_EQ(Eval("unbase64", {S("U3BhcmsgU1FM")}), Value("Spark SQL"));
  EXPECT_EQ(Eval("unbase64", {S("YWI=")}), Value("ab"));
  EXPECT_EQ(Eval("hex", {I(17)}), Value("11"));
  EXPECT_EQ(Eval("hex", {I(-1)}), Value("FFFFFFFFFFFFFFFF"));
  EXPECT_EQ(Eval("hex", {S("Spark SQL")}), Value("537061726B2053514C"));
  EXPECT_EQ(Eval("unhex", {S("537061726B2053514C")}), Value("Spark SQL"));
  EXPECT_EQ(Eval("unhex", {S("123")}), Value(std::string("\x01\x23", 2)));
  EXPECT_EQ(Eval("unhex", {S("GG")}), Value());
  EXPECT_EQ(Eval("encode", {S("é"), S("ISO-8859-1")}), Value("\xE9"));
  EXPECT_EQ(Eval("encode", {S("é"), S("US-ASCII")}), Value("?"));
  EXPECT_EQ(Eval("encode", {S("a"), S("UTF-16")}), Value(std::string("\xFE\xFF\0a", 4)));
  EXPECT_EQ(Eval("decode", {Call("encode", {S("héllo 😀"), S("utf-16le")}), S("UTF-16LE")}), Value("héllo 😀"));
  EXPECT_EQ(Eval("decode", {Call("encode", {S("abc"), S("utf-8")}), S("utf-8")}), Value("abc"));
  EXPECT_EQ(Eval("decode", {Bin("a\xFF"), S("utf-8")}), Value("a\xEF\xBF\xBD"));
  ErrorOf([] { Eval("encode", {S("a"), S("EBCDIC")}); }, "INVALID_PARAMETER_VALUE.CHARSET");
  EXPECT_EQ(Eval("to_binary", {S("abc"), S("utf-8")}), Value("abc"));
  EXPECT_EQ(Eval("to_binary", {S("4142")}), Value("AB"));
  EXPECT_EQ(Eval("to_binary", {S("YWI="), S("base64")}), Value("ab"));
  ErrorOf([] { Eval("to_binary", {S("zz"), S("hex")}); }, "CONVERSION_INVALID_INPUT");
  EXPECT_EQ(Eval("try_to_binary", {S("zz"), S("hex")}), Value());
}

TEST(StringFunctionsTest, DecodeAsCase) {
  auto call = [](std::vector<ExprPtr> args) { return Eval("decode", std::move(args)); };
  EXPECT_EQ(call({I(2), I(1), S("Southlake"), I(2), S("San Francisco"), I(3), S("New Jersey"), I(4), S("Seattle"),
                  S("Non domestic")}),
            Value("San Francisco"));
  EXPECT_EQ(call({I(6), I(1), S("Southlake"), I(2), S("San Francisco"), I(3), S("New Jersey"), I(4), S("Seattle")}),
            Value());
  EXPECT_EQ(call({Lit(Value(), DataType::Int()), I(6), S("Spark"), Lit(Value(), DataType::Int()), S("SQL"), I(4),
                  S("rocks")}),
            Value("SQL"));
}

TEST(StringFunctionsTest, FormatString) {
  EXPECT_EQ(Eval("format_string", {S("Hello World %d %s"), I(100), S("days")}), Value("Hello World 100 days"));
  EXPECT_EQ(Eval("printf", {S("%05.2f|%-4s|%4s"), expr_test::D(3.14159), S("a"), S("b")}), Value("03.14|a   |   b"));
  EXPECT_EQ(Eval("format_string", {S("%x %X %o"), I(255), I(255), I(8)}), Value("ff FF 10"));
  EXPECT_EQ(Eval("format_string", {S("%x"), I(-1)}), Value("ffffffff"));
  EXPECT_EQ(Eval("format_string", {S("%2$s %1$s %<s"), S("a"), S("b")}), Value("b a a"));
  EXPECT_EQ(Eval("format_string", {S("%,d|%08d|%+d"), I(1234567), I(-42), I(5)}), Value("1,234,567|-0000042|+5"));
  EXPECT_EQ(Eval("format_string", {S("%s and %S"), NullString(), S("x")}), Value("null and X"));
  EXPECT_EQ(Eval("format_string", {S("100%% %b %c%n"), expr_test::B(true), I(65)}), Value("100% true A\n"));
  EXPECT_EQ(Eval("format_string", {NullString(), I(1)}), Value());
  ErrorOf([] { Eval("format_string", {S("%d"), S("x")}); }, "INVALID_PARAMETER_VALUE.PATTERN");
  ErrorOf([] { Eval("format_string", {S("%s %s"), S("x")}); }, "INVALID_PARAMETER_VALUE.PATTERN");
}

}  // namespace
}  // namespace lakestream
