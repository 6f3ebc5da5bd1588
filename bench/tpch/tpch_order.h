// TpchOrder: one order with its lineitems, generated together because the
// order's status and total price are derived from its lines (4.2.3). The
// orders and lineitem tables are both written from it.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "tpch_scale.h"
#include "tpch_text_pool.h"

namespace lakestream::tpch {

struct TpchLineItem {
  int64_t partkey = 0;
  int64_t suppkey = 0;
  int32_t linenumber = 0;
  int64_t quantity = 0;              // whole units, 1..50
  int64_t extendedprice_cents = 0;   // quantity * retail price
  int64_t discount_percent = 0;      // 0..10, i.e. 0.00..0.10
  int64_t tax_percent = 0;           // 0..8
  char returnflag = 'N';
  char linestatus = 'O';
  int32_t shipdate = 0;              // days since 1970-01-01
  int32_t commitdate = 0;
  int32_t receiptdate = 0;
  std::string_view shipinstruct;
  std::string_view shipmode;
  std::string_view comment;          // points into the text pool
};

struct TpchOrder {
  static constexpr int kMaxLines = 7;

  int64_t orderkey = 0;
  int64_t custkey = 0;
  char orderstatus = 'O';
  int64_t totalprice_cents = 0;
  int32_t orderdate = 0;
  std::string_view priority;
  int64_t clerk = 0;
  std::string_view comment;  // points into the text pool
  int line_count = 0;
  std::array<TpchLineItem, kMaxLines> lines;

  // Overwrites this with the order of 0-based index `index` (< scale.orders).
  // The result depends only on (scale, index): the random stream is the
  // order's own. Reuses this object's storage, so a loop allocates nothing.
  void Generate(int64_t index, const TpchScale& scale, const TpchTextPool& pool);
};

}  // namespace lakestream::tpch
