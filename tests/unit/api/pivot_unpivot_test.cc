// GroupedData::pivot without values (Spark runs a distinct query at pivot()
// time) and DataFrame::unpivot / melt.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "lakestream/lakestream.h"

namespace lakestream {
namespace {

using namespace functions;  // NOLINT

Session MakeSession() { return Session::builder().threads(2).getOrCreate(); }

std::vector<Row> Sorted(std::vector<Row> rows) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.ToString() < b.ToString(); });
  return rows;
}

std::string ErrorClass(const std::function<void()>& f) {
  try {
    f();
  } catch (const UserError& e) {
    return e.error_class();
  }
  return "no error";
}

// Spark's courseSales from DataFramePivotSuite, with a NULL course added.
DataFrame CourseSales(const Session& s) {
  return s.createDataFrame({Row{"dotNET", 2012, 10000.0}, Row{"Java", 2012, 20000.0}, Row{"dotNET", 2012, 5000.0},
                            Row{"dotNET", 2013, 48000.0}, Row{"Java", 2013, 30000.0}, Row{Value(), 2013, 1.0}},
                           "course STRING, year INT, earnings DOUBLE");
}

TEST(PivotTest, WithoutValuesPivotsOnSortedDistinctValues) {
  auto s = MakeSession();
  auto df = CourseSales(s).groupBy("year").pivot("course").agg(sum(col("earnings")));
  // NULL sorts first, then bytes order: "Java" before "dotNET".
  EXPECT_EQ(df.columns(), (std::vector<std::string>{"year", "null", "Java", "dotNET"}));
  EXPECT_EQ(Sorted(df.collect()),
            Sorted({Row{2012, Value(), 20000.0, 15000.0}, Row{2013, 1.0, 30000.0, 48000.0}}));
  auto by_year = CourseSales(s).filter(col("course").isNotNull()).groupBy("course").pivot(col("year")).agg(
      sum(col("earnings")));
  EXPECT_EQ(by_year.columns(), (std::vector<std::string>{"course", "2012", "2013"}));
  EXPECT_EQ(Sorted(by_year.collect()),
            Sorted({Row{"dotNET", 15000.0, 48000.0}, Row{"Java", 20000.0, 30000.0}}));
}

TEST(PivotTest, WithoutValuesEnforcesPivotMaxValues) {
  auto s = MakeSession();
  s.setConf("spark.sql.pivotMaxValues", "2");
  try {
    CourseSales(s).groupBy("year").pivot("course");
    ADD_FAILURE() << "three distinct values passed a limit of two";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "_LEGACY_ERROR_TEMP_1324");
    EXPECT_NE(std::string(e.what()).find("has more than 2 distinct values"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("spark.sql.pivotMaxValues"), std::string::npos) << e.what();
  }
  s.setConf("spark.sql.pivotMaxValues", "3");
  EXPECT_EQ(CourseSales(s).groupBy("year").pivot("course").count().columns().size(), 4u);
  s.setConf("spark.sql.pivotMaxValues", "many");
  EXPECT_EQ(ErrorClass([&] { CourseSales(s).groupBy("year").pivot("course"); }), "INVALID_CONF_VALUE.TYPE_MISMATCH");
  EXPECT_EQ(ErrorClass([&] { CourseSales(s).groupBy("year").pivot("course", {Value("Java")}).pivot("year"); }),
            "UNSUPPORTED_OPERATION");
}

DataFrame Wide(const Session& s) {
  return s.createDataFrame({Row{1, "one", 10, int64_t{100}}, Row{2, Value(), Value(), int64_t{200}},
                            Row{3, "three", 30, Value()}},
                           "id INT, name STRING, a INT, b BIGINT");
}

TEST(UnpivotTest, ValuesBecomeRowsWithTheirColumnNames) {
  auto s = MakeSession();
  auto df = Wide(s).unpivot({col("id")}, {col("a"), col("b")}, "var", "val");
  EXPECT_EQ(df.columns(), (std::vector<std::string>{"id", "var", "val"}));
  EXPECT_EQ(df.dtypes()[2].second, "bigint");  // INT and BIGINT widen to BIGINT
  // NULL values are kept, as Spark's Dataset.unpivot.
  EXPECT_EQ(Sorted(df.collect()),
            Sorted({Row{1, "a", int64_t{10}}, Row{1, "b", int64_t{100}}, Row{2, "a", Value()},
                    Row{2, "b", int64_t{200}}, Row{3, "a", int64_t{30}}, Row{3, "b", Value()}}));
  // melt is the same; an aliased value is named by its alias; ids may be expressions.
  auto melted = Wide(s).melt({(col("id") * 2).alias("twice")}, {col("a").alias("x")}, "var", "val");
  EXPECT_EQ(melted.columns(), (std::vector<std::string>{"twice", "var", "val"}));
  EXPECT_EQ(Sorted(melted.collect()),
            Sorted({Row{2, "x", 10}, Row{4, "x", Value()}, Row{6, "x", 30}}));
}

TEST(UnpivotTest, WithoutValuesUnpivotsEveryNonIdColumn) {
  auto s = MakeSession();
  auto df = Wide(s).select(col("id"), col("a"), col("b")).unpivot({col("id")}, "var", "val");
  EXPECT_EQ(df.count(), 6);
  EXPECT_EQ(Sorted(df.filter(col("id") == 1).collect()),
            Sorted({Row{1, "a", int64_t{10}}, Row{1, "b", int64_t{100}}}));
  // The same rows as SQL's UNPIVOT INCLUDE NULLS over the same data.
  Wide(s).createOrReplaceTempView("wide");
  auto sql = s.sql("SELECT * FROM (SELECT id, a, b FROM wide) UNPIVOT INCLUDE NULLS (val FOR var IN (a, b))");
  EXPECT_EQ(Sorted(sql.collect()), Sorted(df.collect()));
  EXPECT_EQ(s.sql("SELECT * FROM wide UNPIVOT (val FOR var IN (a, b))").count(), 4);
}

TEST(UnpivotTest, ErrorsFollowSpark) {
  auto s = MakeSession();
  EXPECT_EQ(ErrorClass([&] { Wide(s).unpivot({col("id")}, {col("a"), col("name")}, "var", "val"); }),
            "UNPIVOT_VALUE_DATA_TYPE_MISMATCH");
  EXPECT_EQ(ErrorClass([&] { Wide(s).unpivot({col("id"), col("name"), col("a"), col("b")}, "var", "val"); }),
            "UNPIVOT_REQUIRES_VALUE_COLUMNS");
  EXPECT_EQ(ErrorClass([&] { Wide(s).unpivot({col("id") + 1}, "var", "val"); }), "UNPIVOT_REQUIRES_ATTRIBUTES");
  EXPECT_EQ(ErrorClass([&] { Wide(s).unpivot({col("id")}, {col("nope")}, "var", "val"); }),
            "UNRESOLVED_COLUMN.WITH_SUGGESTION");
}

}  // namespace
}  // namespace lakestream
