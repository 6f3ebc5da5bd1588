#include <gtest/gtest.h>

#include "lakestream/error.h"
#include "sql/lexer.h"

namespace lakestream::sql {
namespace {

std::vector<Token> Lex(std::string_view sql) {
  SqlSource source(sql);
  return Lexer(source).Tokenize();
}

// "kind:text" per token, without the end token: w word, q `quoted`, s string, n number, p symbol.
std::string Kinds(std::string_view sql) {
  std::string out;
  for (const auto& t : Lex(sql)) {
    if (t.kind == TokenKind::kEnd) break;
    const char* k = t.kind == TokenKind::kWord               ? "w"
                    : t.kind == TokenKind::kQuotedIdentifier ? "q"
                    : t.kind == TokenKind::kString           ? "s"
                    : t.kind == TokenKind::kNumber           ? "n"
                                                             : "p";
    out += std::string(out.empty() ? "" : " ") + k + ":" + t.text;
  }
  return out;
}

std::string ErrorOf(std::string_view sql) {
  try {
    Lex(sql);
  } catch (const UserError& e) {
    return e.error_class() + " " + e.message();
  }
  return "no error";
}

TEST(LexerTest, WordsAndKeywordsKeepTheirSpelling) {
  EXPECT_EQ(Kinds("SELECT a1, _b FROM t"), "w:SELECT w:a1 p:, w:_b w:FROM w:t");
  auto tokens = Lex("select");
  EXPECT_TRUE(tokens[0].Is("SELECT"));
  EXPECT_TRUE(tokens[0].Is("select"));
  EXPECT_EQ(Kinds("café naïve"), "w:café w:naïve");
}

TEST(LexerTest, QuotedIdentifiersAreNeverKeywords) {
  EXPECT_EQ(Kinds("`select` `a b` `x``y` `a.b`"), "q:select q:a b q:x`y q:a.b");
  EXPECT_FALSE(Lex("`select`")[0].Is("SELECT"));
}

TEST(LexerTest, NumbersWithSparkSuffixes) {
  EXPECT_EQ(Kinds("1 1.5 .5 5. 1e3 1.5E-2 10L 10s 10Y 1.5D 2F 3BD 1.5bd"),
            "n:1 n:1.5 n:.5 n:5. n:1e3 n:1.5E-2 n:10L n:10s n:10Y n:1.5D n:2F n:3BD n:1.5bd");
}

TEST(LexerTest, DigitsFollowedByLettersAreIdentifiersAsInSpark) {
  EXPECT_EQ(Kinds("1x 10Lx 1e3x 2d_col"), "w:1x w:10Lx w:1e3x w:2d_col");
}

TEST(LexerTest, DotAfterANameIsAFieldAccessNotADecimal) {
  EXPECT_EQ(Kinds("t.a t.`b` f(x).c a[0].d"), "w:t p:. w:a w:t p:. q:b w:f p:( w:x p:) p:. w:c w:a p:[ n:0 p:] p:. w:d");
  EXPECT_EQ(Kinds("x+.5"), "w:x p:+ n:.5");
}

TEST(LexerTest, OperatorsLongestFirst) {
  EXPECT_EQ(Kinds("a<=>b a<>b a!=b a==b a>=b a<=b a!<b a!>b a::int a||b x->y k=>v a>>>b a<<b"),
            "w:a p:<=> w:b w:a p:<> w:b w:a p:!= w:b w:a p:== w:b w:a p:>= w:b w:a p:<= w:b w:a p:>= w:b w:a p:<= w:b "
            "w:a p::: w:int w:a p:|| w:b w:x p:-> w:y w:k p:=> w:v w:a p:>>> w:b w:a p:<< w:b");
  EXPECT_EQ(Kinds("a-1"), "w:a p:- n:1");
}

TEST(LexerTest, StringsWithSparkEscapes) {
  EXPECT_EQ(Lex(R"('it\'s' "say \"hi\"")")[0].text, "it's");
  EXPECT_EQ(Lex(R"("say \"hi\"")")[0].text, "say \"hi\"");
  EXPECT_EQ(Lex(R"('a\nb\tc\\d')")[0].text, "a\nb\tc\\d");
  EXPECT_EQ(Lex(R"('\u00e9\101')")[0].text, "\xc3\xa9" "A");
  EXPECT_EQ(Lex(R"('100\%')")[0].text, "100\\%") << "\\% and \\_ keep the backslash for LIKE";
  EXPECT_EQ(Lex(R"('\q')")[0].text, "q");
  EXPECT_EQ(Lex(R"(r'C:\dir\n')")[0].text, R"(C:\dir\n)") << "raw strings keep backslashes";
  EXPECT_EQ(Kinds("'a' 'b'"), "s:a s:b") << "adjacent literals are joined by the parser";
}

TEST(LexerTest, CommentsAndHintsAreSkipped) {
  EXPECT_EQ(Kinds("SELECT -- comment\n1 /* block /* nested */ still */ + /*+ BROADCAST(t) */ 2"),
            "w:SELECT n:1 p:+ n:2");
  EXPECT_EQ(Kinds("a -- trailing"), "w:a");
}

TEST(LexerTest, TokensCarryLineAndColumn) {
  auto tokens = Lex("SELECT a,\n  é, b\nFROM t");
  EXPECT_EQ(tokens[1].line, 1);
  EXPECT_EQ(tokens[1].column, 7);
  EXPECT_EQ(tokens[3].line, 2);
  EXPECT_EQ(tokens[3].column, 2);
  EXPECT_EQ(tokens[5].column, 5) << "columns count characters, not UTF-8 bytes";
  EXPECT_EQ(tokens[6].line, 3);
  EXPECT_EQ(tokens[6].offset, 18u);
  EXPECT_EQ(tokens.back().kind, TokenKind::kEnd);
  EXPECT_EQ(tokens.back().offset, 24u);
}

TEST(LexerTest, UnclosedStringIsASyntaxErrorAtTheQuote) {
  EXPECT_EQ(ErrorOf("SELECT 'abc"),
            "PARSE_SYNTAX_ERROR Syntax error at or near ''': unclosed string literal. SQLSTATE: 42601 (line 1, pos 7)\n\n"
            "== SQL ==\nSELECT 'abc\n-------^^^");
  EXPECT_EQ(ErrorOf("SELECT `abc").substr(0, 72),
            "PARSE_SYNTAX_ERROR Syntax error at or near '`': unclosed quoted identifi");
}

TEST(LexerTest, UnclosedCommentHasItsOwnErrorClass) {
  EXPECT_EQ(ErrorOf("SELECT 1 /* never /* closed */"),
            "UNCLOSED_BRACKETED_COMMENT Found an unclosed bracketed comment. Please, append */ at the end of the "
            "comment. SQLSTATE: 42601 (line 1, pos 9)\n\n== SQL ==\nSELECT 1 /* never /* closed */\n---------^^^");
}

TEST(LexerTest, UnknownCharacterAndMalformedNumber) {
  EXPECT_EQ(ErrorOf("SELECT $x"),
            "PARSE_SYNTAX_ERROR Syntax error at or near '$': unexpected character. SQLSTATE: 42601 (line 1, pos 7)\n\n"
            "== SQL ==\nSELECT $x\n-------^^^");
  EXPECT_EQ(ErrorOf("SELECT 1.5x").substr(0, 62), "PARSE_SYNTAX_ERROR Syntax error at or near '1.5x': invalid num");
}

TEST(LexerTest, ErrorsShowTheStatementTheyAreIn) {
  EXPECT_EQ(ErrorOf("SELECT 1;\nSELECT\n  'x"),
            "PARSE_SYNTAX_ERROR Syntax error at or near ''': unclosed string literal. SQLSTATE: 42601 (line 3, pos 2)\n\n"
            "== SQL ==\nSELECT\n  'x\n--^^^");
}

}  // namespace
}  // namespace lakestream::sql
