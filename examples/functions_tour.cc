// Built-in functions: strings, math, dates and times, conditionals, hashing,
// arrays, and call_function for any registered function by its Spark name.
// `lakestream functions` lists them all.
//
//   ./build/release/examples/functions_tour
#include <iostream>

#include "lakestream/lakestream.h"

using namespace lakestream;
using namespace lakestream::functions;

int main() {
  // A fixed time zone keeps the date and time output the same everywhere.
  Session spark = Session::builder().appName("functions_tour").sessionTimeZone("UTC").getOrCreate();

  DataFrame events = spark.createDataFrame(
      {
          Row{"  alice smith ", "2024-03-01 08:15:30", -3.75},
          Row{"BOB JONES", "2024-02-29 23:59:59", 12.5},
          Row{"carol", "2023-12-31 00:00:00", Value()},
      },
      "name STRING, at STRING, score DOUBLE");

  std::cout << "== strings\n";
  events.select(initcap(trim(col("name"))).alias("name"), upper(col("name")).alias("upper"),
                length(trim(col("name"))).alias("len"),
                regexp_replace(trim(col("name")), "[aeiou]", "*").alias("masked"),
                concat_ws("-", {lit("id"), lpad(length(col("name")).cast("string"), 3, "0")}).alias("tag"))
      .show(20, 0);

  std::cout << "== math\n";
  events.select(col("score"), abs(col("score")).alias("abs"), round(col("score"), 1).alias("round_1"),
                floor(col("score")).alias("floor"), ceil(col("score")).alias("ceil"),
                pow(col("score"), lit(2)).alias("squared"))
      .show();

  std::cout << "== dates and times\n";
  DataFrame times = events.withColumn("ts", to_timestamp(col("at"), "yyyy-MM-dd HH:mm:ss"));
  times.select(col("ts"), to_date(col("ts")).alias("date"), year(col("ts")).alias("year"),
               month(col("ts")).alias("month"), dayofmonth(col("ts")).alias("day"),
               hour(col("ts")).alias("hour"), date_format(col("ts"), "EEE, d MMM").alias("pretty"))
      .show(20, 0);
  times.select(date_add(to_date(col("ts")), 1).alias("next_day"),
               datediff(to_date(col("ts")), to_date(lit("2024-01-01"))).alias("days_since_new_year"),
               date_trunc("month", col("ts")).alias("month_start"),
               unix_timestamp(col("ts")).alias("epoch_seconds"))
      .show(20, 0);

  std::cout << "== conditionals and nulls\n";
  events.select(col("name"),
                when(col("score").isNull(), "missing")
                    .when(col("score") < 0, "negative")
                    .otherwise("positive")
                    .alias("sign"),
                coalesce({col("score"), lit(0.0)}).alias("score_or_zero"),
                greatest({col("score"), lit(0.0)}).alias("at_least_zero"))
      .show();

  std::cout << "== hashing and arrays\n";
  events.select(md5(lit("lakestream")).alias("md5"), sha2(lit("lakestream"), 256).alias("sha256"))
      .limit(1)
      .show(20, 0);
  events.select(split(trim(col("name")), " ").alias("parts"))
      .select(col("parts"), size(col("parts")).alias("n"), element_at(col("parts"), lit(1)).alias("first"))
      .show();

  std::cout << "== call_function: any registered function by name\n";
  spark.range(3)
      .select(col("id"), call_function("pmod", {col("id") - 2, lit(3)}).alias("pmod"),
              call_function("repeat", {lit("ab"), col("id")}).alias("repeat"))
      .show();
  return 0;
}
