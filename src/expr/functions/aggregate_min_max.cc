// min, max, min_by, max_by. Fixed-width inputs use a typed, branch-light loop
// (the hash aggregate benchmark path); strings keep std::string state; other
// types (arrays, structs) and the *_by functions keep the winning row as a
// one-row array compared with element::Compare.
#include <cmath>
#include <string>

#include "expr/function_registry.h"
#include "expr/functions/aggregate_families.h"
#include "expr/functions/element_order.h"
#include "expr/functions/grouped_state.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

// The value every real value beats, so the update loop needs no "first value" branch.
template <typename T, bool kMax>
T Identity() {
  if constexpr (std::is_floating_point_v<T>) {
    // NaN is the largest value in Spark's ordering: min starts at NaN, max at -inf.
    return kMax ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::quiet_NaN();
  } else if constexpr (std::is_same_v<T, int128_t>) {
    int128_t max = (static_cast<int128_t>(INT64_MAX) << 64) | static_cast<int128_t>(UINT64_MAX);
    return kMax ? -max - 1 : max;
  } else {
    return kMax ? std::numeric_limits<T>::lowest() : std::numeric_limits<T>::max();
  }
}

template <typename T, bool kMax>
inline T Pick(T current, T v) {
  if constexpr (std::is_floating_point_v<T>) {
    bool better = kMax ? (v > current || (std::isnan(v) && !std::isnan(current)))
                       : (v < current || (std::isnan(current) && !std::isnan(v)));
    return better ? v : current;
  } else {
    return kMax ? (v > current ? v : current) : (v < current ? v : current);
  }
}

// T is the stored type; BOOLEAN is stored as uint8_t and read bit by bit.
// Value and "seen" flag share a slot: one cache line per scattered update.
template <typename T, bool kMax>
class FixedMinMax : public GroupedAccumulator {
 public:
  explicit FixedMinMax(DataTypePtr type) : type_(std::move(type)) {}

  void Resize(int64_t n) override { slots_.resize(static_cast<size_t>(n), Slot{Identity<T, kMax>(), 0}); }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    const Array& a = *args[0];
    if (a.type_id() == TypeId::kNull) return;
    Slot* slots = slots_.data();
    const uint8_t* valid = a.null_count() == 0 ? nullptr : a.validity();
    if (a.type_id() == TypeId::kBoolean) {
      for (int64_t r = 0; r < rows; ++r) {
        if (valid == nullptr || bit_util::GetBit(valid, r)) Offer(slots[group_ids[r]], static_cast<T>(a.GetBool(r)));
      }
      return;
    }
    const T* in = a.values<T>();
    if (valid == nullptr) {
      // Groups are scattered over more memory than the caches hold: fetch ahead.
      constexpr int64_t kAhead = 16;
      int64_t r = 0;
      for (; r + kAhead < rows; ++r) {
        __builtin_prefetch(&slots[group_ids[r + kAhead]], 1);
        Offer(slots[group_ids[r]], in[r]);
      }
      for (; r < rows; ++r) Offer(slots[group_ids[r]], in[r]);
    } else {
      for (int64_t r = 0; r < rows; ++r) {
        if (bit_util::GetBit(valid, r)) Offer(slots[group_ids[r]], in[r]);
      }
    }
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<FixedMinMax&>(other);
    for (size_t g = 0; g < o.slots_.size(); ++g) {
      if (o.slots_[g].seen) Offer(slots_[group_map[g]], o.slots_[g].value);
    }
  }

  ArrayPtr Finalize(const EvalContext&) override {
    size_t n = slots_.size();
    if (type_->id() == TypeId::kBoolean) {
      BooleanBuilder out(static_cast<int64_t>(n));
      for (const Slot& s : slots_) s.seen ? out.Append(s.value != 0) : out.AppendNull();
      return out.Finish();
    }
    std::vector<T> values(n);
    std::vector<uint8_t> flags(n);
    for (size_t g = 0; g < n; ++g) {
      values[g] = slots_[g].value;
      flags[g] = slots_[g].seen ? grouped::kSeen : 0;
    }
    return grouped::MakeResult(type_, values, &flags);
  }

  int64_t MemoryUsage() const override { return static_cast<int64_t>(slots_.capacity() * sizeof(Slot)); }

 private:
  struct Slot {
    T value;
    uint8_t seen;
  };

  static void Offer(Slot& s, T v) {
    s.value = Pick<T, kMax>(s.value, v);
    s.seen = 1;
  }

  DataTypePtr type_;
  std::vector<Slot> slots_;
};

template <bool kMax>
class StringMinMax : public GroupedAccumulator {
 public:
  explicit StringMinMax(DataTypePtr type) : type_(std::move(type)) {}

  void Resize(int64_t n) override {
    values_.resize(static_cast<size_t>(n));
    flags_.resize(static_cast<size_t>(n), 0);
  }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    const Array& a = *args[0];
    if (a.type_id() == TypeId::kNull) return;
    for (int64_t r = 0; r < rows; ++r) {
      if (a.IsNull(r)) continue;
      Offer(group_ids[r], a.GetView(r));
    }
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<StringMinMax&>(other);
    for (size_t g = 0; g < o.values_.size(); ++g) {
      if (o.flags_[g] & grouped::kSeen) Offer(group_map[g], o.values_[g]);
    }
  }

  ArrayPtr Finalize(const EvalContext&) override {
    BinaryBuilder out(type_, static_cast<int64_t>(values_.size()));
    for (size_t g = 0; g < values_.size(); ++g) (flags_[g] & grouped::kSeen) ? out.Append(values_[g]) : out.AppendNull();
    return out.Finish();
  }

  int64_t MemoryUsage() const override {
    int64_t bytes = static_cast<int64_t>(values_.capacity() * sizeof(std::string) + flags_.capacity());
    for (const auto& s : values_) bytes += static_cast<int64_t>(s.capacity() > 15 ? s.capacity() : 0);
    return bytes;
  }

 private:
  void Offer(uint32_t g, std::string_view v) {
    if (!(flags_[g] & grouped::kSeen) || (kMax ? v > values_[g] : v < values_[g])) {
      values_[g].assign(v);
      flags_[g] = grouped::kSeen;
    }
  }

  DataTypePtr type_;
  std::vector<std::string> values_;
  std::vector<uint8_t> flags_;
};

// Any orderable key; the result is the payload of the row with the extreme key
// (min/max: payload = key; min_by/max_by: payload = x, key = y). Winners are
// kept as one-row arrays.
class RowMinMax : public GroupedAccumulator {
 public:
  RowMinMax(DataTypePtr result_type, bool is_max, bool by)
      : result_type_(std::move(result_type)), sign_(is_max ? 1 : -1), by_(by) {}

  void Resize(int64_t n) override {
    keys_.resize(static_cast<size_t>(n));
    payloads_.resize(static_cast<size_t>(n));
  }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    const ArrayPtr& key = by_ ? args[1] : args[0];
    const ArrayPtr& payload = args[0];
    // The best row per group within this batch first, so each group slices at most once.
    std::vector<int64_t>& best = batch_best_;
    best.assign(keys_.size(), -1);
    std::vector<uint32_t> touched;
    for (int64_t r = 0; r < rows; ++r) {
      if (key->IsNull(r)) continue;
      uint32_t g = group_ids[r];
      if (best[g] < 0) {
        touched.push_back(g);
        best[g] = r;
      } else if (sign_ * element::Compare(*key, r, *key, best[g]) > 0) {
        best[g] = r;
      }
    }
    for (uint32_t g : touched) Offer(g, key, payload, best[g]);
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<RowMinMax&>(other);
    for (size_t g = 0; g < o.keys_.size(); ++g) {
      if (o.keys_[g]) Offer(group_map[g], o.keys_[g], o.payloads_[g], 0);
    }
  }

  ArrayPtr Finalize(const EvalContext&) override {
    if (keys_.empty()) return MakeNullArray(result_type_, 0);
    std::vector<ArrayPtr> parts;
    parts.reserve(payloads_.size());
    ArrayPtr null_row = MakeNullArray(result_type_, 1);
    for (const auto& p : payloads_) parts.push_back(p ? p : null_row);
    return Concatenate(parts);
  }

  int64_t MemoryUsage() const override {
    int64_t bytes = static_cast<int64_t>(keys_.capacity() * 2 * sizeof(ArrayPtr));
    for (size_t g = 0; g < keys_.size(); ++g) {
      if (keys_[g]) bytes += keys_[g]->MemoryUsage() + (by_ ? payloads_[g]->MemoryUsage() : 0);
    }
    return bytes;
  }

 private:
  void Offer(uint32_t g, const ArrayPtr& key, const ArrayPtr& payload, int64_t row) {
    if (keys_[g] && sign_ * element::Compare(*key, row, *keys_[g], 0) <= 0) return;
    keys_[g] = key->length() == 1 ? key : Slice(key, row, 1);
    payloads_[g] = !by_ ? keys_[g] : (payload->length() == 1 ? payload : Slice(payload, row, 1));
  }

  DataTypePtr result_type_;
  int sign_;
  bool by_;
  std::vector<ArrayPtr> keys_;
  std::vector<ArrayPtr> payloads_;
  std::vector<int64_t> batch_best_;
};

void CheckOrderable(const std::string& name, size_t index, const DataTypePtr& type) {
  if (!element::IsOrderable(*type)) {
    throw UserError("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", "42K09",
                    "Cannot resolve `" + name + "` due to data type mismatch: `" + name +
                        "` does not support ordering on type " + type->ToSql() + ".");
  }
  (void)index;
}

template <bool kMax>
BoundAggregateFunction BindMinMax(const std::string& name, const std::vector<DataTypePtr>& args) {
  signature::CheckArgCount(name, args.size(), 1, 1);
  DataTypePtr type = args[0];
  CheckOrderable(name, 0, type);
  BoundAggregateFunction f;
  f.arg_types = {type};
  f.return_type = type;
  if (type->IsBinaryLike()) {
    f.make_accumulator = [type] { return std::make_unique<StringMinMax<kMax>>(type); };
  } else if (type->IsNested() || type->id() == TypeId::kNull) {
    f.make_accumulator = [type] { return std::make_unique<RowMinMax>(type, kMax, false); };
  } else {
    f.make_accumulator = VisitPhysicalType(type->id(), [&](auto tag) -> std::function<std::unique_ptr<GroupedAccumulator>()> {
      using T = decltype(tag);
      if constexpr (std::is_same_v<T, std::string_view>) {
        throw InternalError("string min/max takes the StringMinMax path");
      } else {
        using Stored = std::conditional_t<std::is_same_v<T, bool>, uint8_t, T>;
        return [type] { return std::make_unique<FixedMinMax<Stored, kMax>>(type); };
      }
    });
  }
  return f;
}

BoundAggregateFunction BindBy(const std::string& name, const std::vector<DataTypePtr>& args, bool is_max) {
  signature::CheckArgCount(name, args.size(), 2, 2);
  CheckOrderable(name, 1, args[1]);
  BoundAggregateFunction f;
  f.arg_types = args;
  f.return_type = args[0];
  DataTypePtr type = args[0];
  f.make_accumulator = [type, is_max] { return std::make_unique<RowMinMax>(type, is_max, true); };
  return f;
}

}  // namespace

void RegisterMinMaxFunctions(FunctionRegistry& r) {
  // DISTINCT does not change min/max, so the flag is ignored.
  r.AddAggregate({"min",
                  {"min(expr) - Returns the minimum value of expr.",
                   "SELECT min(col) FROM VALUES (10), (-1), (20) AS tab(col); -- -1"},
                  [](const std::vector<DataTypePtr>& args, bool) { return BindMinMax<false>("min", args); }});
  r.AddAggregate({"max",
                  {"max(expr) - Returns the maximum value of expr.",
                   "SELECT max(col) FROM VALUES (10), (50), (20) AS tab(col); -- 50"},
                  [](const std::vector<DataTypePtr>& args, bool) { return BindMinMax<true>("max", args); }});
  r.AddAggregate({"max_by",
                  {"max_by(x, y) - Returns the value of x associated with the maximum value of y.",
                   "SELECT max_by(x, y) FROM VALUES ('a', 10), ('b', 50), ('c', 20) AS tab(x, y); -- b"},
                  [](const std::vector<DataTypePtr>& args, bool) { return BindBy("max_by", args, true); }});
  r.AddAggregate({"min_by",
                  {"min_by(x, y) - Returns the value of x associated with the minimum value of y.",
                   "SELECT min_by(x, y) FROM VALUES ('a', 10), ('b', 50), ('c', 20) AS tab(x, y); -- a"},
                  [](const std::vector<DataTypePtr>& args, bool) { return BindBy("min_by", args, false); }});
}

}  // namespace lakestream
