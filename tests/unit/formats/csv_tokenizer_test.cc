// CsvTokenizer: records and fields, quoting, escapes, multi-line, skipped lines.
#include "formats/csv_tokenizer.h"

#include <gtest/gtest.h>

namespace lakestream {
namespace {

std::vector<std::vector<std::string>> Tokenize(std::string_view input, const CsvOptions& options = {}) {
  CsvTokenizer tokenizer(options, input);
  CsvTokens tokens;
  std::vector<std::vector<std::string>> out;
  while (true) {
    tokens.Clear();
    size_t n = tokenizer.NextBatch(2, &tokens);
    if (n == 0) break;
    for (size_t r = 0; r < n; ++r) {
      std::vector<std::string> row;
      for (size_t i = 0; i < tokens.num_fields(r); ++i) row.emplace_back(tokens.Text(tokens.field(r, i), input));
      out.push_back(row);
    }
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvTokenizerTest, SplitsRecordsAndFields) {
  EXPECT_EQ(Tokenize("a,b,c\n1,2,3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(Tokenize("a,b\r\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(Tokenize("a,,\n"), (Rows{{"a", "", ""}}));
}

TEST(CsvTokenizerTest, SkipsBlankLinesAndComments) {
  CsvOptions o;
  o.comment = '#';
  EXPECT_EQ(Tokenize("\n#x,y\na\n   \n\r\nb\n", o), (Rows{{"a"}, {"b"}}));
}

TEST(CsvTokenizerTest, QuotedFields) {
  EXPECT_EQ(Tokenize(R"("a,b","c""d","e\"f",g)"), (Rows{{"a,b", "c\"d", "e\"f", "g"}}));
  EXPECT_EQ(Tokenize(R"("",x)"), (Rows{{"", "x"}}));
  // Unterminated quote runs to the end of the line.
  EXPECT_EQ(Tokenize("\"abc,d\nx\n"), (Rows{{"abc,d"}, {"x"}}));
  // A quote inside an unquoted field is literal.
  EXPECT_EQ(Tokenize("a\"b,c\n"), (Rows{{"a\"b", "c"}}));
}

TEST(CsvTokenizerTest, QuotedFlagDistinguishesEmptyFromMissing) {
  CsvOptions o;
  std::string input = "\"\",\n";
  CsvTokenizer tokenizer(o, input);
  CsvTokens tokens;
  ASSERT_EQ(tokenizer.NextBatch(10, &tokens), 1u);
  ASSERT_EQ(tokens.num_fields(0), 2u);
  EXPECT_TRUE(tokens.field(0, 0).quoted);
  EXPECT_FALSE(tokens.field(0, 1).quoted);
}

TEST(CsvTokenizerTest, MultiLineQuotedFields) {
  CsvOptions o;
  o.multi_line = true;
  EXPECT_EQ(Tokenize("\"a\nb\",c\nd,e\n", o), (Rows{{"a\nb", "c"}, {"d", "e"}}));
  CsvOptions single;
  EXPECT_EQ(Tokenize("\"a\nb\",c\n", single), (Rows{{"a"}, {"b\"", "c"}}));
}

TEST(CsvTokenizerTest, MultiCharacterSeparatorsAndLineSep) {
  CsvOptions o;
  o.sep = "||";
  o.line_sep = ";";
  EXPECT_EQ(Tokenize("a||b;c||d|e;", o), (Rows{{"a", "b"}, {"c", "d|e"}}));
}

TEST(CsvTokenizerTest, WhiteSpaceTrimming) {
  CsvOptions o;
  o.ignore_leading_white_space = true;
  o.ignore_trailing_white_space = true;
  EXPECT_EQ(Tokenize("  a  , \"b \" ,c\n", o), (Rows{{"a", "b ", "c"}}));
  CsvOptions tabs;
  tabs.sep = "\t";
  tabs.ignore_leading_white_space = true;
  EXPECT_EQ(Tokenize("a\t\tb\n", tabs), (Rows{{"a", "", "b"}}));
  EXPECT_EQ(Tokenize(" a , b\n"), (Rows{{" a ", " b"}}));
}

TEST(CsvTokenizerTest, NeverReadsPastGarbage) {
  std::string garbage;
  for (int i = 0; i < 5000; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
  CsvOptions o;
  EXPECT_NO_THROW(Tokenize(garbage, o));
  o.multi_line = true;
  EXPECT_NO_THROW(Tokenize(garbage, o));
  EXPECT_NO_THROW(Tokenize("\"", o));
  EXPECT_NO_THROW(Tokenize("\\", o));
  EXPECT_NO_THROW(Tokenize("\"\\", o));
}

}  // namespace
}  // namespace lakestream
