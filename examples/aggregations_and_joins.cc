// Aggregations and joins: groupBy + agg, whole-table aggregates, the join
// kinds, unions and duplicate removal.
//
//   ./build/release/examples/aggregations_and_joins
#include <iostream>

#include "lakestream/lakestream.h"

using namespace lakestream;
using namespace lakestream::functions;

int main() {
  Session spark = Session::builder().appName("aggregations_and_joins").getOrCreate();

  DataFrame orders = spark.createDataFrame(
      {
          Row{1, 10, "books", 12.5},
          Row{2, 10, "games", 60.0},
          Row{3, 11, "books", 8.0},
          Row{4, 12, "music", 15.0},
          Row{5, 11, "books", 22.0},
          Row{6, 13, "games", 45.0},
          Row{7, 10, "books", 9.5},
      },
      "order_id INT, customer_id INT, category STRING, amount DOUBLE");
  DataFrame customers = spark.createDataFrame(
      {
          Row{10, "Ada"},
          Row{11, "Grace"},
          Row{12, "Linus"},
          Row{14, "Barbara"},  // has no orders
      },
      "customer_id INT, name STRING");

  std::cout << "== revenue per category\n";
  orders.groupBy(col("category"))
      .agg(count(lit(1)).alias("orders"), sum(col("amount")).alias("revenue"),
           round(avg(col("amount")), 2).alias("avg_amount"), max(col("amount")).alias("largest"),
           count_distinct(col("customer_id")).alias("customers"))
      .orderBy({col("revenue").desc()})
      .show();

  std::cout << "== whole-table aggregates\n";
  orders.agg({count(lit(1)).alias("orders"), sum(col("amount")).alias("revenue"),
              min(col("amount")).alias("smallest")})
      .show();

  std::cout << "== shorthand: groupBy(...).count() and .sum(...)\n";
  orders.groupBy(col("customer_id")).count().orderBy({col("customer_id")}).show();
  orders.groupBy(col("customer_id")).sum({"amount"}).orderBy({col("customer_id")}).show();

  // Joining on column names (Spark's USING join) keeps one customer_id column.
  const std::vector<std::string> on_customer = {"customer_id"};
  std::cout << "== inner join on a shared column name\n";
  orders.join(customers, on_customer).select(col("order_id"), col("name"), col("amount"))
      .orderBy({col("order_id")})
      .show();

  std::cout << "== left join on an expression: orders of unknown customers keep a NULL name\n";
  orders.join(customers, orders.col("customer_id") == customers.col("customer_id"), "left")
      .select(orders.col("order_id"), orders.col("customer_id"), customers.col("name"))
      .orderBy({col("order_id")})
      .show();

  std::cout << "== left_anti: customers without orders; left_semi: customers with some\n";
  customers.join(orders, on_customer, "left_anti").show();
  customers.join(orders, on_customer, "left_semi").orderBy({col("customer_id")}).show();

  std::cout << "== union, distinct, dropDuplicates\n";
  DataFrame categories = orders.select(col("category"));
  std::cout << "unionAll rows: " << categories.unionAll(categories).count() << "\n";
  std::cout << "distinct categories: " << categories.distinct().count() << "\n";
  orders.dropDuplicates({"customer_id"}).select(col("customer_id")).orderBy({col("customer_id")}).show();
  return 0;
}
