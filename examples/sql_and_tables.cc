// SQL and tables: a warehouse directory holds databases and Parquet tables
// that outlive the session; SQL and DataFrame code mix freely because both
// build the same plans. docs/sql-reference.md lists every statement.
//
//   ./build/release/examples/sql_and_tables [WORK_DIR]
#include <filesystem>
#include <iostream>

#include "lakestream/lakestream.h"

using namespace lakestream;
using namespace lakestream::functions;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const fs::path work = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "lakestream_sql_example";
  fs::remove_all(work);
  Session spark = Session::builder().appName("sql_and_tables").warehouseDir((work / "warehouse").string()).getOrCreate();

  std::cout << "== Tables are Parquet directories in the warehouse\n";
  spark.sql(
      "CREATE DATABASE shop;"
      "CREATE TABLE shop.orders (id BIGINT, customer STRING, amount DECIMAL(10, 2), day DATE) PARTITIONED BY (day);"
      "INSERT INTO shop.orders VALUES"
      "  (1, 'ada', 12.50, DATE '2024-03-01'), (2, 'bob', 7.25, DATE '2024-03-01'),"
      "  (3, 'ada', 30.00, DATE '2024-03-02'), (4, 'cy', NULL, DATE '2024-03-02')");
  spark.sql("SHOW TABLES IN shop").show();
  spark.sql("DESCRIBE TABLE shop.orders").show();

  std::cout << "== A DataFrame becomes a temporary view for SQL\n";
  spark.createDataFrame({Row{"ada", "Oslo"}, Row{"bob", "Rome"}}, "name STRING, city STRING")
      .createOrReplaceTempView("customers");
  spark.sql(
           "SELECT c.city, count(*) AS orders, sum(o.amount) AS total "
           "FROM shop.orders o LEFT JOIN customers c ON o.customer = c.name "
           "GROUP BY c.city ORDER BY total DESC NULLS LAST")
      .show();

  std::cout << "== Subqueries: orders above their customer's average\n";
  spark.sql(
           "SELECT id, customer, amount FROM shop.orders o "
           "WHERE amount > (SELECT avg(amount) FROM shop.orders i WHERE i.customer = o.customer) ORDER BY id")
      .show();

  std::cout << "== SQL expressions inside DataFrame code\n";
  spark.table("shop.orders")
      .filter("amount IS NOT NULL")
      .selectExpr({"customer", "amount * 1.25 AS with_tax"})
      .orderBy({col("with_tax").desc()})
      .show();

  std::cout << "== UPDATE and DELETE rewrite the table's files\n";
  spark.sql("UPDATE shop.orders SET amount = 0 WHERE amount IS NULL");
  spark.sql("DELETE FROM shop.orders WHERE customer = 'bob'");
  spark.sql("SELECT * FROM shop.orders ORDER BY id").show();

  std::cout << "== Errors point at the problem\n";
  try {
    spark.sql("SELECT customer FROM shop.orders WHERE amout > 10");
  } catch (const UserError& e) {
    std::cout << e.what() << "\n";
  }
  try {
    spark.sql("SELECT * FORM shop.orders");
  } catch (const UserError& e) {
    std::cout << e.what() << "\n";
  }
  return 0;
}
