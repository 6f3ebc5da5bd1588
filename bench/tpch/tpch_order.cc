#include "tpch_order.h"

#include "tpch_date.h"
#include "tpch_random.h"
#include "tpch_vocabulary.h"

namespace lakestream::tpch {
namespace {

// O_CUSTKEY is uniform over the customers whose key is not a multiple of 3
// (a third of customers never order, which Q13 and Q22 measure). The n-th
// such key (0-based) is n / 2 * 3 + n % 2 + 1: 1, 2, 4, 5, 7, ...
int64_t OrderingCustomer(TpchRandom& rng, int64_t customers) {
  const int64_t ordering = customers - customers / 3;
  const int64_t n = rng.Uniform(0, ordering - 1);
  return n / 2 * 3 + n % 2 + 1;
}

}  // namespace

void TpchOrder::Generate(int64_t index, const TpchScale& scale, const TpchTextPool& pool) {
  TpchRandom rng(TpchStream::kOrder, index);
  orderkey = TpchScale::OrderKey(index);
  custkey = OrderingCustomer(rng, scale.customers);
  // The last order date leaves room for 121 days to ship plus 30 to arrive
  // before ENDDATE.
  orderdate = static_cast<int32_t>(rng.Uniform(kTpchStartDate, kTpchEndDate - 151));
  priority = rng.Pick(kPriorities);
  clerk = rng.Uniform(1, scale.clerks);
  comment = pool.Comment(rng, 19, 78);
  line_count = static_cast<int>(rng.Uniform(1, kMaxLines));

  // Total price in 1/1,000,000 dollars: cents * (100 + tax%) * (100 - discount%)
  // is exact, and is rounded to cents once for the whole order.
  int64_t total_micros = 0;
  int shipped = 0;  // lines with status F
  for (int i = 0; i < line_count; i++) {
    TpchLineItem& line = lines[i];
    line.partkey = rng.Uniform(1, scale.parts);
    line.suppkey = scale.PartSupplier(line.partkey, rng.Uniform(0, 3));
    line.linenumber = i + 1;
    line.quantity = rng.Uniform(1, 50);
    line.extendedprice_cents = line.quantity * TpchScale::RetailPriceCents(line.partkey);
    line.discount_percent = rng.Uniform(0, 10);
    line.tax_percent = rng.Uniform(0, 8);
    line.shipdate = orderdate + static_cast<int32_t>(rng.Uniform(1, 121));
    line.commitdate = orderdate + static_cast<int32_t>(rng.Uniform(30, 90));
    line.receiptdate = line.shipdate + static_cast<int32_t>(rng.Uniform(1, 30));
    // Drawn for every line so that the stream does not depend on the dates.
    const bool returned = rng.Uniform(0, 1) == 0;
    line.returnflag = line.receiptdate <= kTpchCurrentDate ? (returned ? 'R' : 'A') : 'N';
    line.linestatus = line.shipdate > kTpchCurrentDate ? 'O' : 'F';
    line.shipinstruct = rng.Pick(kShipInstructions);
    line.shipmode = rng.Pick(kShipModes);
    line.comment = pool.Comment(rng, 10, 43);

    total_micros += line.extendedprice_cents * (100 + line.tax_percent) * (100 - line.discount_percent);
    if (line.linestatus == 'F') shipped++;
  }
  totalprice_cents = (total_micros + 5'000) / 10'000;
  orderstatus = shipped == line_count ? 'F' : shipped == 0 ? 'O' : 'P';
}

}  // namespace lakestream::tpch
