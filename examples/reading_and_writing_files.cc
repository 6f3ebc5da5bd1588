// Reading and writing CSV and JSON lines: reader options, the three parse
// modes for malformed records, save modes and partitioned output.
// docs/formats-csv-json.md lists every option.
//
//   ./build/release/examples/reading_and_writing_files [WORK_DIR]
#include <filesystem>
#include <fstream>
#include <iostream>

#include "lakestream/lakestream.h"

using namespace lakestream;
using namespace lakestream::functions;
namespace fs = std::filesystem;

namespace {

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path work = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "lakestream_io_example";
  fs::remove_all(work);
  fs::create_directories(work);
  WriteFile(work / "prices.csv",
            "symbol;day;price\n"
            "ACME;2024-03-01;10.50\n"
            "ACME;2024-03-02;n/a\n"  // not a number
            "INIT;2024-03-01;99.00\n"
            "INIT;2024-03-02\n");    // a field short
  WriteFile(work / "events.json",
            "{\"user\": \"ada\", \"clicks\": 3, \"tags\": [\"new\"]}\n"
            "{\"user\": \"bob\", \"clicks\": 7}\n"
            "{\"user\": \"cy\", \"clicks\": \n");  // truncated line

  Session spark = Session::builder().appName("reading_and_writing_files").getOrCreate();
  const std::string prices_path = (work / "prices.csv").string();
  const std::string schema = "symbol STRING, day DATE, price DOUBLE, _corrupt_record STRING";

  auto read_prices = [&](const std::string& mode) {
    return spark.read().schema(schema).option("header", "true").option("sep", ";").option("mode", mode).csv(prices_path);
  };
  std::cout << "== CSV, PERMISSIVE (default): malformed rows kept, text in _corrupt_record\n";
  read_prices("PERMISSIVE").show(20, 0);
  std::cout << "== CSV, DROPMALFORMED: malformed rows dropped\n";
  read_prices("DROPMALFORMED").show();
  std::cout << "== CSV, FAILFAST: the first malformed row fails the query\n";
  try {
    read_prices("FAILFAST").count();
  } catch (const UserError& e) {
    std::cout << "error class: " << e.error_class() << "\n\n";
  }

  std::cout << "== CSV with schema inference\n";
  DataFrame inferred = spark.read().option("header", "true").option("sep", ";").option("inferSchema", "true").csv(prices_path);
  inferred.printSchema();

  std::cout << "== JSON lines: schema inferred from the data, bad line in _corrupt_record\n";
  DataFrame events = spark.read().json((work / "events.json").string());
  events.printSchema();
  events.select(col("user"), col("clicks")).orderBy({col("user")}).show();

  std::cout << "== write CSV and JSON, partitioned by symbol, then read back\n";
  DataFrame clean = read_prices("DROPMALFORMED").drop("_corrupt_record");
  const std::string out_csv = (work / "out_csv").string();
  const std::string out_json = (work / "out_json").string();
  clean.write().mode("overwrite").option("header", "true").partitionBy({"symbol"}).csv(out_csv);
  clean.write().mode("overwrite").json(out_json);
  for (const char* dir : {"symbol=ACME", "symbol=INIT"}) {
    std::cout << dir << (fs::is_directory(fs::path(out_csv) / dir) ? " exists\n" : " missing\n");
  }
  // The partition column comes back from the folder names.
  spark.read().option("header", "true").option("inferSchema", "true").csv(out_csv).orderBy({col("symbol")}).show();
  spark.read().json(out_json).orderBy({col("symbol")}).show();

  std::cout << "== save modes: errorifexists (default) refuses an existing folder; ignore skips it\n";
  try {
    clean.write().json(out_json);
  } catch (const UserError& e) {
    std::cout << "error class: " << e.error_class() << "\n";
  }
  clean.write().mode("ignore").json(out_json);
  clean.write().mode("append").json(out_json);
  std::cout << "rows after append: " << spark.read().json(out_json).count() << "\n";
  fs::remove_all(work);
  return 0;
}
