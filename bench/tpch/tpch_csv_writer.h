// Writing TPC-H tables as CSV files, in parallel.
#pragma once

#include <filesystem>
#include <span>
#include <vector>

#include "tpch_generator.h"
#include "tpch_table_spec.h"

namespace lakestream::tpch {

struct TpchWrittenTable {
  const TpchTableSpec* spec;
  int64_t rows;
  int64_t files;
};

// Writes each table of `tables` to dir/<name>/part-NNNNN.csv, each file with
// a header row, replacing what dir/<name> held. Files are cut at fixed unit
// boundaries (TpchTableSpec::units_per_file), so the files and their bytes
// are the same for any `threads` (>= 1). Throws std::runtime_error when a
// file cannot be written. Returns row and file counts per table.
std::vector<TpchWrittenTable> WriteTpchCsv(const TpchGenerator& generator, std::span<const TpchTableSpec* const> tables,
                                           const std::filesystem::path& dir, int threads);

}  // namespace lakestream::tpch
