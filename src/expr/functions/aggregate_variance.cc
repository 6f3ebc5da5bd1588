// Variance and standard deviation (sample and population), with Welford's
// update and Chan's pairwise merge, which stay accurate where the naive
// sum-of-squares formula cancels catastrophically. The sample forms return
// NULL for fewer than two rows, as Spark 3+ does.
#include <cmath>
#include <string>

#include "expr/function_registry.h"
#include "expr/functions/aggregate_families.h"
#include "expr/functions/distinct_accumulator.h"
#include "expr/functions/grouped_state.h"
#include "expr/functions/signature_check.h"

namespace lakestream {
namespace {

enum class Moment { kVarSamp, kVarPop, kStddevSamp, kStddevPop };

class VarianceAccumulator : public GroupedAccumulator {
 public:
  explicit VarianceAccumulator(Moment moment) : moment_(moment) {}

  void Resize(int64_t n) override {
    count_.resize(static_cast<size_t>(n), 0);
    mean_.resize(static_cast<size_t>(n), 0);
    m2_.resize(static_cast<size_t>(n), 0);
  }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    const Array& a = *args[0];
    if (a.type_id() == TypeId::kNull) return;
    const double* x = a.values<double>();
    const uint8_t* valid = a.null_count() == 0 ? nullptr : a.validity();
    for (int64_t r = 0; r < rows; ++r) {
      if (valid && !bit_util::GetBit(valid, r)) continue;
      uint32_t g = group_ids[r];
      double n = static_cast<double>(++count_[g]);
      double delta = x[r] - mean_[g];
      mean_[g] += delta / n;
      m2_[g] += delta * (x[r] - mean_[g]);
    }
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<VarianceAccumulator&>(other);
    for (size_t g = 0; g < o.count_.size(); ++g) {
      if (o.count_[g] == 0) continue;
      uint32_t t = group_map[g];
      double na = static_cast<double>(count_[t]), nb = static_cast<double>(o.count_[g]), n = na + nb;
      double delta = o.mean_[g] - mean_[t];
      mean_[t] += delta * nb / n;
      m2_[t] += o.m2_[g] + delta * delta * na * nb / n;
      count_[t] += o.count_[g];
    }
  }

  ArrayPtr Finalize(const EvalContext&) override {
    size_t groups = count_.size();
    std::vector<double> out(groups);
    std::vector<uint8_t> flags(groups, 0);
    bool sample = moment_ == Moment::kVarSamp || moment_ == Moment::kStddevSamp;
    for (size_t g = 0; g < groups; ++g) {
      int64_t n = count_[g];
      if (n == 0 || (sample && n < 2)) continue;
      double v = m2_[g] / static_cast<double>(sample ? n - 1 : n);
      out[g] = moment_ == Moment::kStddevSamp || moment_ == Moment::kStddevPop ? std::sqrt(v) : v;
      flags[g] = grouped::kSeen;
    }
    return grouped::MakeResult(DataType::Double(), out, &flags);
  }

  int64_t MemoryUsage() const override { return static_cast<int64_t>(count_.capacity() * 3 * sizeof(double)); }

 private:
  Moment moment_;
  std::vector<int64_t> count_;
  std::vector<double> mean_;
  std::vector<double> m2_;
};

AggregateFunction Variance(const std::string& name, Moment moment, FunctionDoc doc) {
  return {name, std::move(doc), [name, moment](const std::vector<DataTypePtr>& args, bool distinct) {
            signature::CheckArgCount(name, args.size(), 1, 1);
            if (!args[0]->IsNumeric() && args[0]->id() != TypeId::kString && args[0]->id() != TypeId::kNull) {
              signature::ThrowUnexpectedType(name, 0, "\"DOUBLE\"", args[0]);
            }
            BoundAggregateFunction f;
            f.arg_types = {DataType::Double()};
            f.return_type = DataType::Double();
            f.make_accumulator = [moment] { return std::make_unique<VarianceAccumulator>(moment); };
            return distinct ? MakeDistinct(std::move(f)) : f;
          }};
}

}  // namespace

void RegisterVarianceFunctions(FunctionRegistry& r) {
  r.AddAggregate(Variance("stddev_samp", Moment::kStddevSamp,
                          {"stddev_samp(expr) - Returns the sample standard deviation calculated from values of a group.",
                           "SELECT stddev_samp(col) FROM VALUES (1), (2), (3) AS tab(col); -- 1.0"}));
  r.AddAlias("stddev", "stddev_samp");
  r.AddAlias("std", "stddev_samp");
  r.AddAggregate(Variance("stddev_pop", Moment::kStddevPop,
                          {"stddev_pop(expr) - Returns the population standard deviation calculated from values of a "
                           "group.",
                           "SELECT stddev_pop(col) FROM VALUES (1), (2), (3) AS tab(col); -- 0.816496580927726"}));
  r.AddAggregate(Variance("var_samp", Moment::kVarSamp,
                          {"var_samp(expr) - Returns the sample variance calculated from values of a group.",
                           "SELECT var_samp(col) FROM VALUES (1), (2), (3) AS tab(col); -- 1.0"}));
  r.AddAlias("variance", "var_samp");
  r.AddAggregate(Variance("var_pop", Moment::kVarPop,
                          {"var_pop(expr) - Returns the population variance calculated from values of a group.",
                           "SELECT var_pop(col) FROM VALUES (1), (2), (3) AS tab(col); -- 0.6666666666666666"}));
}

}  // namespace lakestream
