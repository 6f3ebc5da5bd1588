#include "tpch_table_spec.h"

namespace lakestream::tpch {
namespace {

constexpr TpchColumn kNationColumns[] = {
    {"n_nationkey", "BIGINT"}, {"n_name", "STRING"}, {"n_regionkey", "BIGINT"}, {"n_comment", "STRING"},
};
constexpr TpchColumn kRegionColumns[] = {
    {"r_regionkey", "BIGINT"}, {"r_name", "STRING"}, {"r_comment", "STRING"},
};
constexpr TpchColumn kPartColumns[] = {
    {"p_partkey", "BIGINT"},   {"p_name", "STRING"}, {"p_mfgr", "STRING"},
    {"p_brand", "STRING"},     {"p_type", "STRING"}, {"p_size", "INT"},
    {"p_container", "STRING"}, {"p_retailprice", "DECIMAL(15,2)"}, {"p_comment", "STRING"},
};
constexpr TpchColumn kSupplierColumns[] = {
    {"s_suppkey", "BIGINT"}, {"s_name", "STRING"},  {"s_address", "STRING"},        {"s_nationkey", "BIGINT"},
    {"s_phone", "STRING"},   {"s_acctbal", "DECIMAL(15,2)"}, {"s_comment", "STRING"},
};
constexpr TpchColumn kPartSuppColumns[] = {
    {"ps_partkey", "BIGINT"}, {"ps_suppkey", "BIGINT"}, {"ps_availqty", "INT"},
    {"ps_supplycost", "DECIMAL(15,2)"}, {"ps_comment", "STRING"},
};
constexpr TpchColumn kCustomerColumns[] = {
    {"c_custkey", "BIGINT"}, {"c_name", "STRING"},  {"c_address", "STRING"},        {"c_nationkey", "BIGINT"},
    {"c_phone", "STRING"},   {"c_acctbal", "DECIMAL(15,2)"}, {"c_mktsegment", "STRING"}, {"c_comment", "STRING"},
};
constexpr TpchColumn kOrdersColumns[] = {
    {"o_orderkey", "BIGINT"},      {"o_custkey", "BIGINT"},       {"o_orderstatus", "STRING"},
    {"o_totalprice", "DECIMAL(15,2)"}, {"o_orderdate", "DATE"},   {"o_orderpriority", "STRING"},
    {"o_clerk", "STRING"},         {"o_shippriority", "INT"},     {"o_comment", "STRING"},
};
constexpr TpchColumn kLineItemColumns[] = {
    {"l_orderkey", "BIGINT"},          {"l_partkey", "BIGINT"},          {"l_suppkey", "BIGINT"},
    {"l_linenumber", "INT"},           {"l_quantity", "DECIMAL(15,2)"},  {"l_extendedprice", "DECIMAL(15,2)"},
    {"l_discount", "DECIMAL(15,2)"},   {"l_tax", "DECIMAL(15,2)"},       {"l_returnflag", "STRING"},
    {"l_linestatus", "STRING"},        {"l_shipdate", "DATE"},           {"l_commitdate", "DATE"},
    {"l_receiptdate", "DATE"},         {"l_shipinstruct", "STRING"},     {"l_shipmode", "STRING"},
    {"l_comment", "STRING"},
};

// About half a million output rows per file: SF 1 lineitem makes 12 files,
// enough to keep every core busy, and SF 0.01 makes one file per table.
constexpr TpchTableSpec kTables[] = {
    {TpchTable::kNation, "nation", kNationColumns, 500'000},
    {TpchTable::kRegion, "region", kRegionColumns, 500'000},
    {TpchTable::kPart, "part", kPartColumns, 500'000},
    {TpchTable::kSupplier, "supplier", kSupplierColumns, 500'000},
    {TpchTable::kPartSupp, "partsupp", kPartSuppColumns, 125'000},
    {TpchTable::kCustomer, "customer", kCustomerColumns, 500'000},
    {TpchTable::kOrders, "orders", kOrdersColumns, 500'000},
    {TpchTable::kLineItem, "lineitem", kLineItemColumns, 125'000},
};

}  // namespace

int64_t TpchTableSpec::Units(const TpchScale& scale) const {
  switch (table) {
    case TpchTable::kNation: return 25;
    case TpchTable::kRegion: return 5;
    case TpchTable::kPart:
    case TpchTable::kPartSupp: return scale.parts;
    case TpchTable::kSupplier: return scale.suppliers;
    case TpchTable::kCustomer: return scale.customers;
    case TpchTable::kOrders:
    case TpchTable::kLineItem: return scale.orders;
  }
  return 0;
}

std::string TpchTableSpec::Ddl() const {
  std::string ddl;
  for (const TpchColumn& column : columns) {
    if (!ddl.empty()) ddl += ", ";
    ddl += column.name;
    ddl += ' ';
    ddl += column.type;
  }
  return ddl;
}

std::span<const TpchTableSpec> AllTpchTables() { return kTables; }

const TpchTableSpec* FindTpchTable(std::string_view name) {
  for (const TpchTableSpec& spec : kTables) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace lakestream::tpch
