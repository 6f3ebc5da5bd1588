// DataFrame basics: create a DataFrame from rows, look at its schema, select,
// filter, derive and rename columns, sort, and bring results back to C++.
//
//   ./build/release/examples/dataframe_basics
#include <iostream>

#include "lakestream/lakestream.h"

using namespace lakestream;
using namespace lakestream::functions;

int main() {
  Session spark = Session::builder().appName("dataframe_basics").getOrCreate();

  // Rows are positional; the schema is Spark DDL.
  DataFrame people = spark.createDataFrame(
      {
          Row{1, "Ada", "London", 36, 5200.0},
          Row{2, "Grace", "New York", 45, 6100.5},
          Row{3, "Linus", "Helsinki", 28, 4300.0},
          Row{4, "Barbara", "Boston", 52, Value()},  // Value(): NULL
          Row{5, "Ken", "New York", 41, 5800.0},
      },
      "id INT, name STRING, city STRING, age INT, salary DOUBLE");

  std::cout << "== schema\n";
  people.printSchema();
  std::cout << "columns:";
  for (const auto& [name, type] : people.dtypes()) std::cout << " " << name << ":" << type;
  std::cout << "\n\n== everyone\n";
  people.show();

  // Transformations are lazy: nothing runs until show(), count() or collect().
  DataFrame seniors = people.filter(col("age") >= 40)
                          .withColumn("monthly", round(col("salary") / 12, 2))
                          .withColumnRenamed("name", "employee")
                          .select(col("employee"), col("city"), col("age"), col("monthly"))
                          .orderBy({col("age").desc()});
  std::cout << "== 40 and over, oldest first\n";
  seniors.show();

  std::cout << "== null handling\n";
  people.select(col("name"), col("salary").isNull().alias("salary_unknown"),
                coalesce({col("salary"), lit(0.0)}).alias("salary_or_zero"))
      .show();

  // Actions return plain C++ values.
  std::cout << "== actions\n";
  std::cout << "count: " << people.count() << "\n";
  std::cout << "in New York: " << people.filter(col("city") == "New York").count() << "\n";
  Row youngest = people.orderBy({col("age")}).first();
  std::cout << "youngest: " << youngest[1].as_string() << " (" << youngest[3].as_int() << ")\n";
  for (const Row& row : people.filter(col("id") <= 2).orderBy({col("id")}).collect()) {
    std::cout << "row: id " << row[0].as_int() << ", " << row[1].as_string() << ", salary "
              << row[4].as_double() << "\n";
  }
  std::cout << "\n== distinct and limit\n";
  people.select(col("city")).distinct().orderBy({col("city")}).limit(3).show();
  return 0;
}
