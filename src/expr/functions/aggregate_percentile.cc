// Exact percentiles: median(x) and percentile(x, p) keep every value of the
// group and interpolate linearly between the two closest ranks, as Spark's
// Percentile does (position p * (n - 1)).
#include <algorithm>
#include <cmath>
#include <string>

#include "expr/function_registry.h"
#include "expr/functions/aggregate_families.h"
#include "expr/functions/distinct_accumulator.h"
#include "expr/functions/grouped_state.h"
#include "expr/functions/signature_check.h"

namespace lakestream {
namespace {

class PercentileAccumulator : public GroupedAccumulator {
 public:
  explicit PercentileAccumulator(double fixed_p) : p_(fixed_p) {}

  void Resize(int64_t n) override { values_.resize(static_cast<size_t>(n)); }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    const Array& x = *args[0];
    if (rows == 0 || x.type_id() == TypeId::kNull) return;
    if (args.size() > 1) {
      // The percentage is a literal: every row of its argument holds the same value.
      if (args[1]->IsNull(0)) return;
      double p = args[1]->values<double>()[0];
      if (!(p >= 0 && p <= 1)) {
        throw UserError("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", "42K09",
                        "Cannot resolve `percentile` due to data type mismatch: The percentage must be between "
                        "[0.0, 1.0], but got " + std::to_string(p) + ".");
      }
      p_ = p;
    }
    const double* v = x.values<double>();
    for (int64_t r = 0; r < rows; ++r) {
      if (!x.IsNull(r)) values_[group_ids[r]].push_back(v[r]);
    }
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<PercentileAccumulator&>(other);
    if (o.p_ >= 0) p_ = o.p_;
    for (size_t g = 0; g < o.values_.size(); ++g) {
      auto& target = values_[group_map[g]];
      target.insert(target.end(), o.values_[g].begin(), o.values_[g].end());
    }
  }

  ArrayPtr Finalize(const EvalContext&) override {
    std::vector<double> out(values_.size());
    std::vector<uint8_t> flags(values_.size(), 0);
    for (size_t g = 0; g < values_.size(); ++g) {
      auto& v = values_[g];
      if (v.empty() || p_ < 0) continue;
      double pos = p_ * static_cast<double>(v.size() - 1);
      size_t lo = static_cast<size_t>(std::floor(pos)), hi = static_cast<size_t>(std::ceil(pos));
      std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
      double low = v[lo];
      double high = low;
      if (hi != lo) high = *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(lo) + 1, v.end());
      out[g] = hi == lo ? low : (static_cast<double>(hi) - pos) * low + (pos - static_cast<double>(lo)) * high;
      flags[g] = grouped::kSeen;
    }
    return grouped::MakeResult(DataType::Double(), out, &flags);
  }

  int64_t MemoryUsage() const override {
    int64_t bytes = static_cast<int64_t>(values_.capacity() * sizeof(std::vector<double>));
    for (const auto& v : values_) bytes += static_cast<int64_t>(v.capacity() * sizeof(double));
    return bytes;
  }

 private:
  double p_;  // < 0 until the percentage argument is seen
  std::vector<std::vector<double>> values_;
};

void CheckNumeric(const std::string& name, const DataTypePtr& t) {
  if (!t->IsNumeric() && t->id() != TypeId::kNull) signature::ThrowUnexpectedType(name, 0, "\"NUMERIC\"", t);
}

}  // namespace

void RegisterPercentileFunctions(FunctionRegistry& r) {
  r.AddAggregate({"median",
                  {"median(col) - Returns the median of numeric column col.",
                   "SELECT median(col) FROM VALUES (0), (10) AS tab(col); -- 5.0"},
                  [](const std::vector<DataTypePtr>& args, bool distinct) {
                    signature::CheckArgCount("median", args.size(), 1, 1);
                    CheckNumeric("median", args[0]);
                    BoundAggregateFunction f;
                    f.arg_types = {DataType::Double()};
                    f.return_type = DataType::Double();
                    f.make_accumulator = [] { return std::make_unique<PercentileAccumulator>(0.5); };
                    return distinct ? MakeDistinct(std::move(f)) : f;
                  }});
  r.AddAggregate({"percentile",
                  {"percentile(col, percentage) - Returns the exact percentile value of numeric column col at the "
                   "given percentage (a literal between 0.0 and 1.0).",
                   "SELECT percentile(col, 0.3) FROM VALUES (0), (10) AS tab(col); -- 3.0"},
                  [](const std::vector<DataTypePtr>& args, bool distinct) {
                    signature::CheckArgCount("percentile", args.size(), 2, 2);
                    CheckNumeric("percentile", args[0]);
                    if (!args[1]->IsNumeric()) signature::ThrowUnexpectedType("percentile", 1, "\"DOUBLE\"", args[1]);
                    BoundAggregateFunction f;
                    f.arg_types = {DataType::Double(), DataType::Double()};
                    f.return_type = DataType::Double();
                    f.make_accumulator = [] { return std::make_unique<PercentileAccumulator>(-1); };
                    return distinct ? MakeDistinct(std::move(f)) : f;
                  }});
}

}  // namespace lakestream
