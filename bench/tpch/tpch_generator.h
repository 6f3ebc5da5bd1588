// TpchGenerator: makes the rows of the eight TPC-H tables at one scale
// factor, following the population rules of TPC-H v3.0.1 clause 4.2.3, as
// CSV text. Any range of a table's units can be generated independently, and
// a row's values depend only on the scale factor and its position, so the
// output is the same however the work is split.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "tpch_csv_buffer.h"
#include "tpch_scale.h"
#include "tpch_table_spec.h"
#include "tpch_text_pool.h"

namespace lakestream::tpch {

class TpchGenerator {
 public:
  // Builds the text pool (under a second) and picks the suppliers whose
  // comments carry Q16's "Customer ... Complaints" remarks. Requires
  // sf >= 0.01 (TpchScale::For).
  explicit TpchGenerator(double sf);

  const TpchScale& scale() const { return scale_; }

  // Appends the rows of units [begin, end) of `table` (see TpchTableSpec for
  // units), in key order, without a header. Requires
  // 0 <= begin <= end <= spec.Units(scale()). Thread-safe: const, and the
  // state it reads is immutable.
  void AppendRows(TpchTable table, int64_t begin, int64_t end, TpchCsvBuffer& out) const;

 private:
  void AppendNation(int64_t key, TpchCsvBuffer& out) const;
  void AppendRegion(int64_t key, TpchCsvBuffer& out) const;
  void AppendPart(int64_t key, TpchCsvBuffer& out) const;
  void AppendPartSupps(int64_t partkey, TpchCsvBuffer& out) const;
  void AppendSupplier(int64_t key, TpchCsvBuffer& out) const;
  void AppendCustomer(int64_t key, TpchCsvBuffer& out) const;

  TpchScale scale_;
  TpchTextPool pool_;
  // (S_SUPPKEY, true for "Complaints" / false for "Recommends"), sorted by key.
  std::vector<std::pair<int64_t, bool>> supplier_remarks_;
};

}  // namespace lakestream::tpch
