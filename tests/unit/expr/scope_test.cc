#include "expr/scope.h"

#include <gtest/gtest.h>

#include "test_batches.h"

namespace lakestream {
namespace {

using expr_test::ErrorOf;

Scope TwoTables() {
  std::vector<ScopeColumn> cols;
  cols.push_back({"id", "t1", {1}, DataType::Int(), true});
  cols.push_back({"name", "t1", {1}, DataType::String(), true});
  cols.push_back({"id", "t2", {2}, DataType::Int(), true});
  cols.push_back({"value", "t2", {2}, DataType::Double(), true});
  return Scope(std::move(cols));
}

TEST(ScopeTest, ResolvesCaseInsensitivelyFromSchema) {
  Scope s = Scope::FromSchema(*Schema::ParseDdl("col1 INT, col2 STRING, other DOUBLE"));
  EXPECT_EQ(s.Resolve({"COL2"}, -1), 1);
  EXPECT_EQ(s.TryResolve({"missing"}, -1), -1);
}

TEST(ScopeTest, UnresolvedColumnSuggestsClosestNames) {
  Scope s = Scope::FromSchema(*Schema::ParseDdl("col1 INT, col2 STRING, other DOUBLE"));
  std::string msg = ErrorOf([&] { s.Resolve({"colx"}, -1); }, "UNRESOLVED_COLUMN.WITH_SUGGESTION");
  EXPECT_EQ(msg,
            "A column, variable, or function parameter with name `colx` cannot be resolved. Did you mean one of the "
            "following? [`col1`, `col2`, `other`].");
  try {
    s.Resolve({"colx"}, -1);
  } catch (const Error& e) {
    EXPECT_EQ(e.sql_state(), "42703");
  }
}

TEST(ScopeTest, SuggestionsAreAtMostFive) {
  Scope s = Scope::FromSchema(*Schema::ParseDdl("a1 INT, a2 INT, a3 INT, a4 INT, a5 INT, a6 INT, zzzzzz INT"));
  std::string msg = ErrorOf([&] { s.Resolve({"a"}, -1); }, "UNRESOLVED_COLUMN.WITH_SUGGESTION");
  EXPECT_NE(msg.find("[`a1`, `a2`, `a3`, `a4`, `a5`]"), std::string::npos) << msg;
}

TEST(ScopeTest, EmptyScopeHasNoSuggestion) {
  Scope s;
  ErrorOf([&] { s.Resolve({"x"}, -1); }, "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION");
}

TEST(ScopeTest, QualifiedNamesAndAmbiguity) {
  Scope s = TwoTables();
  EXPECT_EQ(s.Resolve({"t2", "id"}, -1), 2);
  EXPECT_EQ(s.Resolve({"T1", "ID"}, -1), 0);
  EXPECT_EQ(s.Resolve({"value"}, -1), 3);
  std::string msg = ErrorOf([&] { s.Resolve({"id"}, -1); }, "AMBIGUOUS_REFERENCE");
  EXPECT_EQ(msg, "Reference `id` is ambiguous, could be: [`t1`.`id`, `t2`.`id`].");
}

TEST(ScopeTest, PlanIdRestrictsCandidates) {
  Scope s = TwoTables();
  EXPECT_EQ(s.Resolve({"id"}, 2), 2);
  EXPECT_EQ(s.Resolve({"id"}, 1), 0);
  EXPECT_EQ(s.TryResolve({"value"}, 1), -1);
}

TEST(ScopeTest, QualifiedSuggestionShowsQualifier) {
  Scope s = TwoTables();
  std::string msg = ErrorOf([&] { s.Resolve({"t1", "nme"}, -1); }, "UNRESOLVED_COLUMN.WITH_SUGGESTION");
  EXPECT_NE(msg.find("with name `t1`.`nme` cannot be resolved"), std::string::npos) << msg;
  EXPECT_NE(msg.find("[`t1`.`name`"), std::string::npos) << msg;
}

}  // namespace
}  // namespace lakestream
