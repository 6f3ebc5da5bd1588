// sum, try_sum, avg/mean, try_avg. One template accumulator per input type:
// the update loop reads the typed values buffer directly (no per-row virtual
// call or Value boxing), because the hash aggregate benchmark runs on it.
//
// Result types follow Spark: integral sum -> BIGINT (ANSI: overflow raises
// ARITHMETIC_OVERFLOW), floating -> DOUBLE, DECIMAL(p,s) -> DECIMAL(p+10,s);
// avg -> DOUBLE, DECIMAL(p,s) -> DECIMAL(p+4,s+4) (both capped at 38).
#include <algorithm>
#include <string>

#include "expr/function_registry.h"
#include "expr/functions/aggregate_families.h"
#include "expr/functions/distinct_accumulator.h"
#include "expr/functions/grouped_state.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

int128_t Pow10(int n) {
  int128_t v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

struct SumOptions {
  bool avg = false;
  bool is_try = false;
  DataTypePtr result;
  int input_scale = 0;  // DECIMAL input
};

[[noreturn]] void ThrowLongOverflow(const char* try_name) {
  throw UserError("ARITHMETIC_OVERFLOW", "22003",
                  std::string("long overflow. Use '") + try_name + "' to tolerate overflow and return NULL instead. If "
                  "necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
}

[[noreturn]] void ThrowDecimalOverflow(const DataType& type) {
  throw UserError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", "22003",
                  "The value cannot be represented as " + type.ToSql() +
                      ". If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return "
                      "NULL instead.");
}

// In: the physical input type; Acc: int64_t (integral sum), double, or int128_t (DECIMAL).
template <typename In, typename Acc>
class SumAccumulator : public GroupedAccumulator {
 public:
  explicit SumAccumulator(SumOptions options) : options_(std::move(options)) {}

  void Resize(int64_t n) override {
    sums_.resize(static_cast<size_t>(n), Acc{});
    flags_.resize(static_cast<size_t>(n), 0);
    if (options_.avg) counts_.resize(static_cast<size_t>(n), 0);
  }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    const Array& a = *args[0];
    if (a.type_id() == TypeId::kNull) return;
    const In* values = a.values<In>();
    const uint8_t* valid = a.validity();
    if (a.null_count() == 0) valid = nullptr;
    if (options_.avg) {
      UpdateLoop<true>(values, valid, group_ids, rows);
    } else {
      UpdateLoop<false>(values, valid, group_ids, rows);
    }
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<SumAccumulator&>(other);
    for (size_t g = 0; g < o.sums_.size(); ++g) {
      if (!(o.flags_[g] & grouped::kSeen)) continue;
      uint32_t t = group_map[g];
      Add(t, o.sums_[g]);
      flags_[t] |= o.flags_[g];
      if (options_.avg) counts_[t] += o.counts_[g];
    }
  }

  ArrayPtr Finalize(const EvalContext& ctx) override {
    if constexpr (std::is_same_v<Acc, int128_t>) {
      return FinalizeDecimal(ctx);
    } else if constexpr (std::is_same_v<Acc, int64_t>) {
      for (uint8_t& f : flags_) {
        if (!(f & grouped::kOverflow)) continue;
        if (options_.is_try) {
          f = 0;  // try_sum: the overflowing group is NULL
        } else if (ctx.ansi) {
          ThrowLongOverflow("try_sum");
        }  // legacy mode keeps the wrapped value, as Java's long arithmetic
      }
      return grouped::MakeResult(options_.result, sums_, &flags_);
    } else {
      if (options_.avg) {
        std::vector<double> out(sums_.size());
        for (size_t g = 0; g < sums_.size(); ++g) out[g] = counts_[g] ? sums_[g] / static_cast<double>(counts_[g]) : 0;
        return grouped::MakeResult(options_.result, out, &flags_);
      }
      return grouped::MakeResult(options_.result, sums_, &flags_);
    }
  }

  int64_t MemoryUsage() const override {
    return static_cast<int64_t>(sums_.capacity() * sizeof(Acc) + flags_.capacity() + counts_.capacity() * sizeof(int64_t));
  }

 private:
  template <bool kAvg>
  void UpdateLoop(const In* values, const uint8_t* valid, const uint32_t* group_ids, int64_t rows) {
    Acc* sums = sums_.data();
    uint8_t* flags = flags_.data();
    int64_t* counts = counts_.data();
    if (valid == nullptr) {
      for (int64_t r = 0; r < rows; ++r) {
        uint32_t g = group_ids[r];
        AddTo(sums[g], flags[g], static_cast<Acc>(values[r]));
        if constexpr (kAvg) ++counts[g];
      }
    } else {
      for (int64_t r = 0; r < rows; ++r) {
        if (!bit_util::GetBit(valid, r)) continue;
        uint32_t g = group_ids[r];
        AddTo(sums[g], flags[g], static_cast<Acc>(values[r]));
        if constexpr (kAvg) ++counts[g];
      }
    }
  }

  static void AddTo(Acc& sum, uint8_t& flag, Acc v) {
    if constexpr (std::is_floating_point_v<Acc>) {
      sum += v;
      flag |= grouped::kSeen;
    } else {
      bool overflow = __builtin_add_overflow(sum, v, &sum);
      flag |= grouped::kSeen | (overflow ? grouped::kOverflow : 0);
    }
  }
  void Add(uint32_t g, Acc v) { AddTo(sums_[g], flags_[g], v); }

  // Sum: the total must fit the result precision. Avg: sum / count rounded
  // half-up to the result scale, computed as quotient and remainder so the
  // scaled sum never leaves int128.
  ArrayPtr FinalizeDecimal(const EvalContext& ctx) {
    const DataType& type = *options_.result;
    int128_t limit = Pow10(type.precision());
    int shift = type.scale() - options_.input_scale;
    std::vector<int128_t> out(sums_.size());
    for (size_t g = 0; g < sums_.size(); ++g) {
      if (!(flags_[g] & grouped::kSeen)) continue;
      bool overflow = (flags_[g] & grouped::kOverflow) != 0;
      int128_t v = sums_[g];
      if (!overflow && options_.avg) {
        int128_t count = counts_[g];
        int128_t q = v / count, rem = v % count;
        int128_t scale = Pow10(shift);
        int128_t frac = rem * scale;
        int128_t d = frac / count, r2 = frac % count;
        if ((r2 < 0 ? -r2 : r2) * 2 >= count) d += v < 0 ? -1 : 1;
        overflow = __builtin_mul_overflow(q, scale, &v) || __builtin_add_overflow(v, d, &v);
      }
      if (overflow || v >= limit || v <= -limit) {
        if (ctx.ansi && !options_.is_try) ThrowDecimalOverflow(type);
        flags_[g] = 0;
        continue;
      }
      out[g] = v;
    }
    return grouped::MakeResult(options_.result, out, &flags_);
  }

  SumOptions options_;
  std::vector<Acc> sums_;
  std::vector<uint8_t> flags_;
  std::vector<int64_t> counts_;  // avg only
};

BoundAggregateFunction BindSum(const std::string& name, const std::vector<DataTypePtr>& args, bool distinct, bool avg,
                               bool is_try) {
  signature::CheckArgCount(name, args.size(), 1, 1);
  DataTypePtr in = args[0];
  if (in->id() == TypeId::kString || in->id() == TypeId::kNull) in = DataType::Double();
  if (!in->IsNumeric()) signature::ThrowUnexpectedType(name, 0, "\"NUMERIC\"", args[0]);
  SumOptions options;
  options.avg = avg;
  options.is_try = is_try;
  if (in->id() == TypeId::kDecimal) {
    int p = in->precision(), s = in->scale();
    options.input_scale = s;
    options.result = avg ? DataType::Decimal(std::min(38, p + 4), std::min(38, s + 4))
                         : DataType::Decimal(std::min(38, p + 10), s);
  } else {
    options.result = in->IsIntegral() && !avg ? DataType::Long() : DataType::Double();
  }
  BoundAggregateFunction f;
  f.arg_types = {in};
  f.return_type = options.result;
  f.make_accumulator = VisitPhysicalType(in->id(), [&](auto tag) -> std::function<std::unique_ptr<GroupedAccumulator>()> {
    using In = decltype(tag);
    if constexpr (std::is_same_v<In, int128_t>) {
      return [options] { return std::make_unique<SumAccumulator<int128_t, int128_t>>(options); };
    } else if constexpr (std::is_integral_v<In> && !std::is_same_v<In, bool>) {
      if (avg) return [options] { return std::make_unique<SumAccumulator<In, double>>(options); };
      return [options] { return std::make_unique<SumAccumulator<In, int64_t>>(options); };
    } else if constexpr (std::is_floating_point_v<In>) {
      return [options] { return std::make_unique<SumAccumulator<In, double>>(options); };
    } else {
      throw InternalError("sum over non-numeric type");
    }
  });
  return distinct ? MakeDistinct(std::move(f)) : f;
}

}  // namespace

void RegisterSumFunctions(FunctionRegistry& r) {
  r.AddAggregate({"sum",
                  {"sum(expr) - Returns the sum calculated from values of a group.",
                   "SELECT sum(col) FROM VALUES (5), (10), (15) AS tab(col); -- 30"},
                  [](const std::vector<DataTypePtr>& args, bool distinct) {
                    return BindSum("sum", args, distinct, false, false);
                  }});
  r.AddAggregate({"try_sum",
                  {"try_sum(expr) - Returns the sum calculated from values of a group and the result is null on "
                   "overflow.",
                   "SELECT try_sum(col) FROM VALUES (9223372036854775807L), (1L) AS tab(col); -- NULL"},
                  [](const std::vector<DataTypePtr>& args, bool distinct) {
                    return BindSum("try_sum", args, distinct, false, true);
                  }});
  r.AddAggregate({"avg",
                  {"avg(expr) - Returns the mean calculated from values of a group.",
                   "SELECT avg(col) FROM VALUES (1), (2), (3) AS tab(col); -- 2.0"},
                  [](const std::vector<DataTypePtr>& args, bool distinct) {
                    return BindSum("avg", args, distinct, true, false);
                  }});
  r.AddAlias("mean", "avg");
  r.AddAggregate({"try_avg",
                  {"try_avg(expr) - Returns the mean calculated from values of a group and the result is null on "
                   "overflow.",
                   "SELECT try_avg(col) FROM VALUES (1), (2), (3) AS tab(col); -- 2.0"},
                  [](const std::vector<DataTypePtr>& args, bool distinct) {
                    return BindSum("try_avg", args, distinct, true, true);
                  }});
}

}  // namespace lakestream
