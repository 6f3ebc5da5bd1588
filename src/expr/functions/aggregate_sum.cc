// sum, try_sum, avg/mean, try_avg. One template accumulator per input type:
// the update loop reads the typed values buffer directly (no per-row virtual
// call or Value boxing), because the hash aggregate benchmark runs on it.
//
// Result types follow Spark: integral sum -> BIGINT (ANSI: overflow raises
// ARITHMETIC_OVERFLOW), floating -> DOUBLE, DECIMAL(p,s) -> DECIMAL(p+10,s);
// avg -> DOUBLE, DECIMAL(p,s) -> DECIMAL(p+4,s+4) (both capped at 38);
// intervals: sum -> the input's type, avg -> INTERVAL YEAR TO MONTH or
// INTERVAL DAY TO SECOND rounded half-up, overflow INTERVAL_ARITHMETIC_OVERFLOW.
#include <algorithm>
#include <limits>
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
  bool interval = false;  // an ANSI interval input (int128 sum, In-typed result)
};

[[noreturn]] void ThrowLongOverflow(const char* try_name) {
  throw UserError("ARITHMETIC_OVERFLOW", "22003",
                  std::string("long overflow. Use '") + try_name + "' to tolerate overflow and return NULL instead. If "
                  "necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
}

[[noreturn]] void ThrowIntervalOverflow(const char* try_name) {
  throw UserError("INTERVAL_ARITHMETIC_OVERFLOW", "22015",
                  std::string("Integer overflow while operating with intervals. Use '") + try_name +
                      "' to tolerate overflow and return NULL instead.");
}

[[noreturn]] void ThrowDecimalOverflow(const DataType& type) {
  throw UserError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", "22003",
                  "The value cannot be represented as " + type.ToSql() +
                      ". If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return "
                      "NULL instead.");
}

// In: the physical input type; Acc: int64_t (integral sum), double, or int128_t (DECIMAL).
// A group's sum and row count share one slot, so the scattered update touches
// one cache line per row; the count doubles as the "has a value" flag.
template <typename In, typename Acc>
class SumAccumulator : public GroupedAccumulator {
 public:
  explicit SumAccumulator(SumOptions options) : options_(std::move(options)) {}

  void Resize(int64_t n) override { slots_.resize(static_cast<size_t>(n), Slot{Acc{}, 0}); }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    const Array& a = *args[0];
    if (a.type_id() == TypeId::kNull) return;
    const In* values = a.values<In>();
    Slot* slots = slots_.data();
    if (slots_.size() == 1) return UpdateOneGroup(a, values, rows);  // every group id is 0
    if (a.null_count() == 0) {
      // Groups are scattered over more memory than the caches hold: fetch ahead.
      constexpr int64_t kAhead = 16;
      int64_t r = 0;
      for (; r + kAhead < rows; ++r) {
        __builtin_prefetch(&slots[group_ids[r + kAhead]], 1);
        Add(slots, group_ids[r], static_cast<Acc>(values[r]), 1);
      }
      for (; r < rows; ++r) Add(slots, group_ids[r], static_cast<Acc>(values[r]), 1);
    } else {
      const uint8_t* valid = a.validity();
      for (int64_t r = 0; r < rows; ++r) {
        if (bit_util::GetBit(valid, r)) Add(slots, group_ids[r], static_cast<Acc>(values[r]), 1);
      }
    }
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<SumAccumulator&>(other);
    for (size_t g = 0; g < o.slots_.size(); ++g) {
      if (o.slots_[g].count != 0) Add(slots_.data(), group_map[g], o.slots_[g].sum, o.slots_[g].count);
    }
    for (uint32_t g : o.overflowed_) overflowed_.push_back(group_map[g]);
  }

  ArrayPtr Finalize(const EvalContext& ctx) override {
    size_t n = slots_.size();
    std::vector<uint8_t> flags(n);
    for (size_t g = 0; g < n; ++g) flags[g] = slots_[g].count != 0 ? grouped::kSeen : 0;
    for (uint32_t g : overflowed_) flags[g] |= grouped::kOverflow;
    if constexpr (std::is_same_v<Acc, int128_t>) {
      if constexpr (std::is_integral_v<In>) {
        if (options_.interval) return FinalizeInterval(flags);
      }
      return FinalizeDecimal(ctx, flags);
    } else if constexpr (std::is_same_v<Acc, int64_t>) {
      std::vector<int64_t> out(n);
      for (size_t g = 0; g < n; ++g) out[g] = slots_[g].sum;
      for (uint32_t g : overflowed_) {
        if (options_.is_try) {
          flags[g] = 0;  // try_sum: the overflowing group is NULL
        } else if (ctx.ansi) {
          ThrowLongOverflow("try_sum");
        }  // legacy mode keeps the wrapped value, as Java's long arithmetic
      }
      return grouped::MakeResult(options_.result, out, &flags);
    } else {
      std::vector<double> out(n);
      for (size_t g = 0; g < n; ++g) {
        out[g] = options_.avg && slots_[g].count ? slots_[g].sum / static_cast<double>(slots_[g].count) : slots_[g].sum;
      }
      return grouped::MakeResult(options_.result, out, &flags);
    }
  }

  int64_t MemoryUsage() const override {
    return static_cast<int64_t>(slots_.capacity() * sizeof(Slot) + overflowed_.capacity() * sizeof(uint32_t));
  }

 private:
  struct Slot {
    Acc sum;
    int64_t count;
  };

  // A global aggregate: the sum runs in a register, in the same order and
  // with the same overflow rule as Add row by row.
  void UpdateOneGroup(const Array& a, const In* values, int64_t rows) {
    Slot& s = slots_[0];
    Acc sum = s.sum;
    bool overflow = false;
    auto add = [&](In v) {
      if constexpr (std::is_floating_point_v<Acc>) {
        sum += static_cast<Acc>(v);
      } else {
        overflow |= __builtin_add_overflow(sum, static_cast<Acc>(v), &sum);
      }
    };
    int64_t added = rows;
    if constexpr (std::is_integral_v<In> && !std::is_floating_point_v<Acc> && sizeof(In) < sizeof(Acc)) {
      // Narrower inputs: while the sum is far from the accumulator's limits
      // no partial sum of this batch can overflow, so the loop needs no
      // check (|sum| < 2^(bits-2) and |each| * rows < 2^(bits-2)).
      constexpr int kBits = static_cast<int>(sizeof(Acc)) * 8;
      const Acc limit = Acc{1} << (kBits - 2);
      constexpr int kRowBits = std::min(62, kBits - 2 - static_cast<int>(sizeof(In)) * 8);
      const bool safe = rows < (int64_t{1} << kRowBits) && sum > -limit && sum < limit;
      if (safe && a.null_count() == 0) {
        Acc batch = 0;
        for (int64_t r = 0; r < rows; ++r) batch += static_cast<Acc>(values[r]);
        s.sum = sum + batch;
        s.count += rows;
        return;
      }
    }
    if constexpr (std::is_same_v<In, int128_t> && std::is_same_v<Acc, int128_t>) {
      // DECIMAL values mostly fit 64 bits (precision <= 18). When every one
      // does and the sum is far from the limits, no partial sum can
      // overflow: add without the check, then verify the premise.
      const int128_t limit = int128_t{1} << 126;
      if (a.null_count() == 0 && rows < (int64_t{1} << 62) && sum > -limit && sum < limit) {
        unsigned __int128 batch = 0;  // wraps (no undefined overflow) when the premise fails
        uint64_t wide = 0;            // nonzero when some value needs more than 64 bits
        for (int64_t r = 0; r < rows; ++r) {
          const int128_t v = values[r];
          const auto lo = static_cast<uint64_t>(v);
          const auto hi = static_cast<uint64_t>(v >> 64);
          wide |= hi ^ static_cast<uint64_t>(static_cast<int64_t>(lo) >> 63);
          batch += static_cast<unsigned __int128>(v);
        }
        if (wide == 0) {
          s.sum = sum + static_cast<int128_t>(batch);
          s.count += rows;
          return;
        }
      }
    }
    if (a.null_count() == 0) {
      for (int64_t r = 0; r < rows; ++r) add(values[r]);
    } else {
      const uint8_t* valid = a.validity();
      added = 0;
      for (int64_t r = 0; r < rows; ++r) {
        if (bit_util::GetBit(valid, r)) {
          add(values[r]);
          ++added;
        }
      }
    }
    s.sum = sum;
    s.count += added;
    if (overflow) overflowed_.push_back(0);
  }

  void Add(Slot* slots, uint32_t g, Acc v, int64_t n) {
    Slot& s = slots[g];
    if constexpr (std::is_floating_point_v<Acc>) {
      s.sum += v;
    } else if (__builtin_add_overflow(s.sum, v, &s.sum)) [[unlikely]] {
      overflowed_.push_back(g);
    }
    s.count += n;
  }

  // The sum (avg: sum / count, half-up) must fit the interval's width.
  ArrayPtr FinalizeInterval(std::vector<uint8_t>& flags) {
    std::vector<In> out(slots_.size());
    for (size_t g = 0; g < slots_.size(); ++g) {
      if (!(flags[g] & grouped::kSeen)) continue;
      int128_t v = slots_[g].sum;
      if (options_.avg) {
        int128_t count = slots_[g].count;
        int128_t q = v / count, rem = v % count;
        if ((rem < 0 ? -rem : rem) * 2 >= count) q += v < 0 ? -1 : 1;
        v = q;
      }
      if ((flags[g] & grouped::kOverflow) || v < std::numeric_limits<In>::min() || v > std::numeric_limits<In>::max()) {
        if (!options_.is_try) ThrowIntervalOverflow(options_.avg ? "try_avg" : "try_sum");
        flags[g] = 0;
        continue;
      }
      out[g] = static_cast<In>(v);
    }
    return grouped::MakeResult(options_.result, out, &flags);
  }

  // Sum: the total must fit the result precision. Avg: sum / count rounded
  // half-up to the result scale, computed as quotient and remainder so the
  // scaled sum never leaves int128.
  ArrayPtr FinalizeDecimal(const EvalContext& ctx, std::vector<uint8_t>& flags) {
    const DataType& type = *options_.result;
    int128_t limit = Pow10(type.precision());
    int shift = type.scale() - options_.input_scale;
    std::vector<int128_t> out(slots_.size());
    for (size_t g = 0; g < slots_.size(); ++g) {
      if (!(flags[g] & grouped::kSeen)) continue;
      bool overflow = (flags[g] & grouped::kOverflow) != 0;
      int128_t v = slots_[g].sum;
      if (!overflow && options_.avg) {
        int128_t count = slots_[g].count;
        int128_t q = v / count, rem = v % count;
        int128_t scale = Pow10(shift);
        int128_t frac = rem * scale;
        int128_t d = frac / count, r2 = frac % count;
        if ((r2 < 0 ? -r2 : r2) * 2 >= count) d += v < 0 ? -1 : 1;
        overflow = __builtin_mul_overflow(q, scale, &v) || __builtin_add_overflow(v, d, &v);
      }
      if (overflow || v >= limit || v <= -limit) {
        if (ctx.ansi && !options_.is_try) ThrowDecimalOverflow(type);
        flags[g] = 0;
        continue;
      }
      out[g] = v;
    }
    return grouped::MakeResult(options_.result, out, &flags);
  }

  SumOptions options_;
  std::vector<Slot> slots_;
  std::vector<uint32_t> overflowed_;  // groups whose running sum overflowed (rare)
};

BoundAggregateFunction BindSum(const std::string& name, const std::vector<DataTypePtr>& args, bool distinct, bool avg,
                               bool is_try) {
  signature::CheckArgCount(name, args.size(), 1, 1);
  DataTypePtr in = args[0];
  if (in->IsInterval()) {
    SumOptions options;
    options.avg = avg;
    options.is_try = is_try;
    options.interval = true;
    const bool year_month = in->id() == TypeId::kYearMonthInterval;
    options.result = !avg ? in : year_month ? DataType::YearMonthInterval() : DataType::DayTimeInterval();
    BoundAggregateFunction f;
    f.arg_types = {in};
    f.return_type = options.result;
    if (year_month) {
      f.make_accumulator = [options] { return std::make_unique<SumAccumulator<int32_t, int128_t>>(options); };
    } else {
      f.make_accumulator = [options] { return std::make_unique<SumAccumulator<int64_t, int128_t>>(options); };
    }
    return distinct ? MakeDistinct(std::move(f)) : f;
  }
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
