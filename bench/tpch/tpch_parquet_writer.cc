#include "tpch_parquet_writer.h"

#include "lakestream/lakestream.h"

namespace lakestream::tpch {

void WriteTpchParquet(const TpchTableSpec& spec, const std::filesystem::path& csv_dir,
                      const std::filesystem::path& parquet_dir, int threads) {
  const Session session = Session::builder().appName("tpch_gen").threads(threads).getOrCreate();
  // FAILFAST: a row that does not parse is a generator bug, not data to null out.
  session.read()
      .format("csv")
      .option("header", "true")
      .option("mode", "FAILFAST")
      .schema(std::string(spec.Ddl()))
      .load(csv_dir.string())
      .write()
      .mode("overwrite")
      .parquet(parquet_dir.string());
}

}  // namespace lakestream::tpch
