// TpchScale: table sizes for a scale factor and the specification's formulas
// that tie keys and prices together across tables (4.2.3); used by every
// table's generator so that joins between them line up.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lakestream::tpch {

struct TpchScale {
  double sf = 1;
  int64_t parts = 0;      // SF * 200,000
  int64_t suppliers = 0;  // SF * 10,000
  int64_t customers = 0;  // SF * 150,000
  int64_t orders = 0;     // SF * 1,500,000
  int64_t clerks = 0;     // SF * 1,000

  // Requires sf >= 0.01 (100 suppliers): with fewer, PartSupplier's formula
  // no longer gives a part four distinct suppliers. Counts are rounded.
  static TpchScale For(double sf) {
    const auto scaled = [sf](double base) { return std::max<int64_t>(1, std::llround(base * sf)); };
    return TpchScale{sf, scaled(200'000), scaled(10'000), scaled(150'000), scaled(1'500'000), scaled(1'000)};
  }

  // PS_SUPPKEY of the i-th (0..3) supplier of a part; also how L_SUPPKEY is
  // chosen, so every lineitem matches a partsupp row.
  int64_t PartSupplier(int64_t partkey, int64_t i) const {
    return (partkey + i * (suppliers / 4 + (partkey - 1) / suppliers)) % suppliers + 1;
  }

  // P_RETAILPRICE in cents: (90000 + ((P_PARTKEY/10) mod 20001) + 100 * (P_PARTKEY mod 1000)) / 100 dollars.
  static int64_t RetailPriceCents(int64_t partkey) {
    return 90'000 + (partkey / 10) % 20'001 + 100 * (partkey % 1'000);
  }

  // O_ORDERKEY of the order with 0-based index i: keys are sparse, only the
  // first 8 of every 32 are used (so that refresh functions have room).
  static int64_t OrderKey(int64_t i) { return i / 8 * 32 + i % 8 + 1; }
};

}  // namespace lakestream::tpch
