// Writing TPC-H tables as Parquet, through Lakestream's public DataFrame API:
// the CSV files the generator wrote are read with the table's schema and
// written again as Parquet.
#pragma once

#include <filesystem>

#include "tpch_table_spec.h"

namespace lakestream::tpch {

// Reads the CSV files of `spec` in csv_dir (as WriteTpchCsv makes them) and
// writes them as Parquet files to parquet_dir, replacing what it held, with
// the spec's column types. Uses up to `threads` threads. Throws
// lakestream::Error when reading or writing fails.
void WriteTpchParquet(const TpchTableSpec& spec, const std::filesystem::path& csv_dir,
                      const std::filesystem::path& parquet_dir, int threads);

}  // namespace lakestream::tpch
