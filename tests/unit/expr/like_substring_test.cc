// LIKE patterns of literal text and `%` are matched by substring search; the
// answers must equal the regular expression LIKE stands for, on every short
// string and pattern over a small alphabet.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expr/functions/pattern_functions.h"
#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::EvalConst;
using expr_test::EvalValues;
using expr_test::MakeBatch;
using expr_test::S;

std::vector<std::string> Words(const std::string& alphabet, size_t max_len) {
  std::vector<std::string> out{""};
  for (size_t start = 0; start < out.size(); ++start) {
    if (out[start].size() == max_len) continue;
    for (char c : alphabet) out.push_back(out[start] + c);
  }
  return out;
}

TEST(LikeSubstringTest, AgreesWithTheRegexOnAllShortInputs) {
  const auto texts = Words("ab", 5);
  const auto patterns = Words("ab%", 4);
  int matched = 0;
  for (const auto& p : patterns) {
    const std::string regex = "(?s)^" + LikePatternToRegex(p, '\\') + "$";
    for (const auto& t : texts) {
      Value like = EvalConst(Call("like", {S(t), S(p)}));
      Value rlike = EvalConst(Call("rlike", {S(t), S(regex)}));
      ASSERT_EQ(like.as_bool(), rlike.as_bool()) << "'" << t << "' LIKE '" << p << "'";
      matched += like.as_bool() ? 1 : 0;
    }
  }
  EXPECT_GT(matched, 1000);
}

TEST(LikeSubstringTest, TpchPatternOverAColumn) {
  auto batch = MakeBatch("c STRING", {Row{Value("the special requests")}, Row{Value("requests special")},
                                      Row{Value("specialrequests")}, Row{Value("special\nrequests!")},
                                      Row{Value()}, Row{Value("special")}});
  auto v = EvalValues(Call("like", {Col("c"), S("%special%requests%")}), *batch);
  ASSERT_EQ(v.size(), 6u);
  EXPECT_TRUE(v[0].as_bool());
  EXPECT_FALSE(v[1].as_bool());
  EXPECT_TRUE(v[2].as_bool());
  EXPECT_TRUE(v[3].as_bool());
  EXPECT_TRUE(v[4].is_null());
  EXPECT_FALSE(v[5].as_bool());
  // Overlapping parts need separate occurrences: 'aba' has one 'ab' and one 'ba' only overlapping.
  EXPECT_FALSE(EvalConst(Call("like", {S("aba"), S("%ab%ba%")})).as_bool());
  EXPECT_TRUE(EvalConst(Call("like", {S("abba"), S("%ab%ba%")})).as_bool());
  EXPECT_FALSE(EvalConst(Call("like", {S("a"), S("a%a")})).as_bool());
  EXPECT_TRUE(EvalConst(Call("like", {S("aa"), S("a%a")})).as_bool());
}

}  // namespace
}  // namespace lakestream
