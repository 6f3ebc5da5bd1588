// Errors: every error that ends a query is a lakestream::Error with a Spark
// error class and SQLSTATE. ANSI mode is on: bad arithmetic and casts raise
// errors, and the try_ variants return NULL instead. docs/errors.md lists the
// classes.
//
//   ./build/release/examples/error_handling
#include <functional>
#include <iostream>

#include "lakestream/lakestream.h"

using namespace lakestream;
using namespace lakestream::functions;

namespace {

// Runs `action` and prints the error class and SQLSTATE it raises.
void ShowError(const std::string& what, const std::function<void()>& action) {
  try {
    action();
    std::cout << what << ": no error\n";
  } catch (const UserError& e) {
    std::cout << what << ": [" << e.error_class() << "] SQLSTATE " << e.sql_state() << "\n";
  }
}

}  // namespace

int main() {
  Session spark = Session::builder().appName("error_handling").getOrCreate();
  DataFrame df = spark.createDataFrame({Row{1, "7"}, Row{0, "x"}}, "n INT, s STRING");

  ShowError("unknown column", [&] { df.select(col("m")).collect(); });
  ShowError("division by zero", [&] { df.select(lit(10) / col("n")).collect(); });
  ShowError("invalid cast", [&] { df.select(col("s").cast("int")).collect(); });
  ShowError("integer overflow", [&] { df.select(lit(2147483647) + col("n")).collect(); });
  ShowError("unknown function", [&] { df.select(call_function("no_such_function", {col("n")})).collect(); });
  ShowError("bad type string", [&] { df.select(col("n").cast("integr")).collect(); });

  std::cout << "\n== try_cast returns NULL instead of failing; '/' divides to DOUBLE\n";
  df.select(col("s"), col("s").try_cast("int").alias("as_int"), (lit(7) / lit(2)).alias("seven_halves")).show();

  // The message explains the cause; what() adds the "[CLASS]" prefix.
  try {
    df.select(col("nn")).collect();
  } catch (const Error& e) {
    std::cout << "what(): " << e.what() << "\n";
  }
  return 0;
}
