// TpchTableSpec: what each of the eight TPC-H tables is: its columns and
// types, how many generator units it has at a scale factor and how they are
// split into output files.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "tpch_scale.h"

namespace lakestream::tpch {

enum class TpchTable : uint8_t { kNation, kRegion, kPart, kSupplier, kPartSupp, kCustomer, kOrders, kLineItem };

struct TpchColumn {
  std::string_view name;
  // Spark SQL type, also valid in DuckDB: BIGINT for identifiers, INT for
  // other integers, DECIMAL(15,2), DATE, STRING.
  std::string_view type;
};

struct TpchTableSpec {
  TpchTable table;
  std::string_view name;
  std::span<const TpchColumn> columns;
  // Units per output file. A unit is a row, except that a part unit also
  // makes its four partsupp rows and an order unit its one to seven lineitems.
  int64_t units_per_file;

  // Generator units at this scale (for lineitem: orders).
  int64_t Units(const TpchScale& scale) const;
  // "name TYPE, name TYPE, ...", Spark's DDL schema string.
  std::string Ddl() const;
};

// All eight tables, in dependency order (nation first, lineitem last).
std::span<const TpchTableSpec> AllTpchTables();
// The table named `name` (lower case, as in the specification), or nullptr.
const TpchTableSpec* FindTpchTable(std::string_view name);

}  // namespace lakestream::tpch
