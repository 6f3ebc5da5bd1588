// Window functions through the public API: Window/WindowSpec and Column::over,
// and SQL's OVER, WINDOW and QUALIFY clauses.
#include <gtest/gtest.h>

#include <algorithm>

#include "lakestream/lakestream.h"

namespace lakestream {
void PrintTo(const Row& r, std::ostream* os);  // dataframe_test.cc
namespace {

using namespace functions;  // NOLINT
using expressions::Window;

Session MakeSession() { return Session::builder().threads(2).getOrCreate(); }

DataFrame Staff(const Session& s) {
  return s.createDataFrame({Row{1, "Ada", "eng", 120}, Row{2, "Bob", "eng", 100}, Row{3, "Cy", "eng", 120},
                            Row{4, "Dee", "ops", 90}, Row{5, "Eve", "ops", Value()}, Row{6, "Fay", Value(), 70}},
                           "id INT, name STRING, dept STRING, salary INT");
}

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

TEST(WindowApiTest, RankingAndRunningTotalsPerPartition) {
  auto s = MakeSession();
  auto by_dept = Window::partitionBy("dept").orderBy(col("salary").desc(), col("id"));
  auto df = Staff(s)
                .withColumn("rn", row_number().over(by_dept))
                .withColumn("rk", rank().over(Window::partitionBy("dept").orderBy(col("salary").desc())))
                .withColumn("running", sum(col("salary")).over(by_dept))
                .withColumn("dept_max", max(col("salary")).over(Window::partitionBy("dept")))
                .select("id", "rn", "rk", "running", "dept_max");
  EXPECT_EQ(Sorted(df.collect()),
            Sorted({Row{1, 1, 1, int64_t{120}, 120}, Row{3, 2, 1, int64_t{240}, 120}, Row{2, 3, 3, int64_t{340}, 120},
                    Row{4, 1, 1, int64_t{90}, 90}, Row{5, 2, 2, int64_t{90}, 90}, Row{6, 1, 1, int64_t{70}, 70}}));
}

TEST(WindowApiTest, FramesLagLeadAndNames) {
  auto s = MakeSession();
  auto w = Window::orderBy("id");
  auto df = Staff(s).select(col("id"), lag(col("name"), 1, lit("-")).over(w).alias("prev"),
                            lead(col("salary"), 2).over(w).alias("next2"),
                            avg(col("salary")).over(w.rowsBetween(-1, 1)).alias("avg3"),
                            count(col("salary")).over(w.rangeBetween(-2, Window::currentRow)).alias("n_range"),
                            ntile(2).over(w).alias("half"));
  auto rows = df.collect();
  ASSERT_EQ(rows.size(), 6u);
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a[0].as_int() < b[0].as_int(); });
  EXPECT_EQ(rows[0], (Row{1, "-", 120, 110.0, int64_t{1}, 1}));
  EXPECT_EQ(rows[3], (Row{4, "Cy", 70, 105.0, int64_t{3}, 2})) << "avg skips Eve's NULL";
  EXPECT_EQ(rows[5], (Row{6, "Eve", Value(), 70.0, int64_t{2}, 2}));
  EXPECT_EQ(Staff(s).select(rank().over(w)).columns(),
            (std::vector<std::string>{"RANK() OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND "
                                      "CURRENT ROW)"}));
  EXPECT_EQ(Staff(s).select(sum(col("salary")).over()).columns(),
            (std::vector<std::string>{"sum(salary) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"}));
}

TEST(WindowApiTest, FilterOnAWindowIsRejectedAsSpark) {
  auto s = MakeSession();
  auto top = Window::partitionBy("dept").orderBy(col("salary").desc_nulls_last(), col("id"));
  // Spark allows windows in a filter only through SQL's QUALIFY.
  try {
    Staff(s).select(col("name"), col("dept")).filter(row_number().over(top) == 1).collect();
    ADD_FAILURE() << "a window in filter() was accepted";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "_LEGACY_ERROR_TEMP_1034");
    EXPECT_EQ(e.message(), "It is not allowed to use window functions inside WHERE clause.");
  }
  // The way Spark users write it: the window as a column, then a filter on it.
  auto df = Staff(s)
                .withColumn("rn", row_number().over(top))
                .filter(col("rn") == 1)
                .select(col("name"), col("dept"));
  EXPECT_EQ(Sorted(df.collect()), Sorted({Row{"Ada", "eng"}, Row{"Dee", "ops"}, Row{"Fay", Value()}}));
}

TEST(WindowApiTest, ErrorsFollowSpark) {
  auto s = MakeSession();
  EXPECT_EQ(ErrorClass([&] { Staff(s).select(rank()); }), "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE");
  EXPECT_EQ(ErrorClass([&] { Staff(s).select(rank().over(Window::partitionBy("dept"))); }), "_LEGACY_ERROR_TEMP_1037");
  EXPECT_EQ(ErrorClass([&] { Staff(s).filter(rank().over(Window::orderBy("id")) == 1); }),
            "_LEGACY_ERROR_TEMP_1034");
  EXPECT_EQ(ErrorClass([&] { Window::orderBy("id").rowsBetween(int64_t{1} << 40, 0); }), "INVALID_BOUNDARY.START");
  EXPECT_EQ(ErrorClass([&] { Staff(s).select(sum(col("salary")).over(Window::orderBy("name").rangeBetween(-1, 1))); }),
            "DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE");
}

TEST(WindowApiTest, SqlOverWindowClauseAndQualify) {
  auto s = MakeSession();
  Staff(s).createOrReplaceTempView("staff");
  auto df = s.sql(
      "SELECT name, dense_rank() OVER w AS dr, "
      "sum(salary) OVER (PARTITION BY dept ORDER BY salary DESC, id ROWS 1 PRECEDING) AS pair "
      "FROM staff WHERE dept IS NOT NULL WINDOW w AS (PARTITION BY dept ORDER BY salary DESC) "
      "QUALIFY dr < 2 ORDER BY name");
  EXPECT_EQ(df.collect(), (std::vector<Row>{Row{"Ada", 1, int64_t{120}}, Row{"Cy", 1, int64_t{240}},
                                            Row{"Dee", 1, int64_t{90}}}));
  auto agg = s.sql(
      "SELECT dept, sum(salary) AS total, rank() OVER (ORDER BY sum(salary) DESC) AS r FROM staff GROUP BY dept "
      "QUALIFY r > 1");
  EXPECT_EQ(Sorted(agg.collect()), Sorted({Row{"ops", int64_t{90}, 2}, Row{Value(), int64_t{70}, 3}}));
  auto ordered = s.sql("SELECT id FROM staff ORDER BY row_number() OVER (ORDER BY salary DESC NULLS LAST, id) LIMIT 2");
  EXPECT_EQ(ordered.collect(), (std::vector<Row>{Row{1}, Row{3}}));
  EXPECT_EQ(ErrorClass([&] { s.sql("SELECT id FROM staff WHERE rank() OVER (ORDER BY id) = 1").collect(); }),
            "_LEGACY_ERROR_TEMP_1034");
}

}  // namespace
}  // namespace lakestream
