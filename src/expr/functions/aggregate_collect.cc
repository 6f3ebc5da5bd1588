// Aggregates that return input values: first/first_value, last/last_value,
// any_value (optional ignoreNulls argument) and collect_list, collect_set
// (ARRAY<T> without NULL elements). Values stay in their input arrays
// (RowStore); groups hold row references.
#include <string>
#include <unordered_set>

#include "expr/function_registry.h"
#include "expr/functions/aggregate_families.h"
#include "expr/functions/element_order.h"
#include "expr/functions/list_result_builder.h"
#include "expr/functions/row_store.h"
#include "expr/functions/signature_check.h"

namespace lakestream {
namespace {

class FirstLastAccumulator : public GroupedAccumulator {
 public:
  FirstLastAccumulator(DataTypePtr type, bool last) : store_(std::move(type)), last_(last) {}

  void Resize(int64_t n) override { refs_.resize(static_cast<size_t>(n), -1); }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    if (rows == 0) return;
    const Array& x = *args[0];
    // ignoreNulls is a literal: every row of its argument holds the same value.
    bool ignore_nulls = args.size() > 1 && !args[1]->IsNull(0) && args[1]->GetBool(0);
    std::vector<int32_t> chosen;
    std::vector<uint32_t> groups;
    slot_.resize(refs_.size(), -1);
    for (int64_t r = 0; r < rows; ++r) {
      if (ignore_nulls && x.IsNull(r)) continue;
      uint32_t g = group_ids[r];
      if (!last_ && refs_[g] >= 0) continue;
      if (slot_[g] < 0) {
        slot_[g] = static_cast<int32_t>(chosen.size());
        chosen.push_back(static_cast<int32_t>(r));
        groups.push_back(g);
      } else if (last_) {
        chosen[static_cast<size_t>(slot_[g])] = static_cast<int32_t>(r);
      }
    }
    if (chosen.empty()) return;
    int64_t base = store_.Append(Take(args[0], chosen));
    for (size_t i = 0; i < groups.size(); ++i) {
      refs_[groups[i]] = base + static_cast<int64_t>(i);
      slot_[groups[i]] = -1;
    }
    // last() leaves stale rows behind; keep the store within a small multiple of the live rows.
    if (store_.size() > 2 * static_cast<int64_t>(refs_.size()) + 65536) store_.Compact(refs_);
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<FirstLastAccumulator&>(other);
    int64_t base = store_.Append(o.store_.All());
    for (size_t g = 0; g < o.refs_.size(); ++g) {
      if (o.refs_[g] < 0) continue;
      int64_t& target = refs_[group_map[g]];
      if (target < 0 || last_) target = base + o.refs_[g];
    }
  }

  ArrayPtr Finalize(const EvalContext&) override { return store_.Gather(refs_); }
  int64_t MemoryUsage() const override {
    return store_.MemoryUsage() + static_cast<int64_t>(refs_.capacity() * sizeof(int64_t) + slot_.capacity() * sizeof(int32_t));
  }

 private:
  RowStore store_;
  bool last_;
  std::vector<int64_t> refs_;  // per group: the chosen row, -1 before any
  std::vector<int32_t> slot_;  // scratch: position of a group's row in this batch's choice
};

class CollectAccumulator : public GroupedAccumulator {
 public:
  CollectAccumulator(DataTypePtr element, bool set) : element_(element), store_(element), set_(set) {}

  void Resize(int64_t n) override { lists_.resize(static_cast<size_t>(n)); }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    const Array& x = *args[0];
    if (rows == 0 || x.null_count() == rows || x.type_id() == TypeId::kNull) return;
    int64_t base = store_.Append(args[0]);
    Add(x, base, group_ids, nullptr, rows);
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<CollectAccumulator&>(other);
    ArrayPtr all = o.store_.All();
    int64_t base = store_.Append(all);
    // Replay the other's lists in order, so list order and set dedup stay as if updated here.
    std::vector<uint32_t> groups(static_cast<size_t>(all->length()), UINT32_MAX);
    for (size_t g = 0; g < o.lists_.size(); ++g) {
      for (int64_t ref : o.lists_[g]) groups[static_cast<size_t>(ref)] = static_cast<uint32_t>(g);
    }
    Add(*all, base, groups.data(), group_map, all->length());
  }

  ArrayPtr Finalize(const EvalContext&) override {
    ListResultBuilder out(static_cast<int64_t>(lists_.size()));
    for (const auto& list : lists_) {
      for (int64_t ref : list) out.Add(static_cast<int32_t>(ref));
      out.FinishRow();
    }
    return out.Finish(DataType::Array(element_, false), store_.All());
  }

  int64_t MemoryUsage() const override {
    int64_t bytes = store_.MemoryUsage() + static_cast<int64_t>(lists_.capacity() * sizeof(std::vector<int64_t>));
    for (const auto& l : lists_) bytes += static_cast<int64_t>(l.capacity() * sizeof(int64_t));
    return bytes + static_cast<int64_t>(keys_.size() * 48);
  }

 private:
  // Rows whose group is UINT32_MAX (merge replay of rows in no list) are skipped.
  void Add(const Array& x, int64_t base, const uint32_t* group_ids, const uint32_t* group_map, int64_t rows) {
    std::string key;
    for (int64_t r = 0; r < rows; ++r) {
      if (x.IsNull(r) || group_ids[r] == UINT32_MAX) continue;
      uint32_t g = group_map ? group_map[group_ids[r]] : group_ids[r];
      if (set_) {
        key.assign(reinterpret_cast<const char*>(&g), sizeof(g));
        element::AppendKey(x, r, &key);
        if (!keys_.insert(key).second) continue;
      }
      lists_[g].push_back(base + r);
    }
  }

  DataTypePtr element_;
  RowStore store_;
  bool set_;
  std::vector<std::vector<int64_t>> lists_;
  std::unordered_set<std::string> keys_;  // collect_set: group id bytes + value key
};

AggregateFunction FirstLast(const std::string& name, bool last, FunctionDoc doc) {
  return {name, std::move(doc), [name, last](const std::vector<DataTypePtr>& args, bool) {
            signature::CheckArgCount(name, args.size(), 1, 2);
            BoundAggregateFunction f;
            f.arg_types = {args[0]};
            if (args.size() == 2) f.arg_types.push_back(DataType::Boolean());
            f.return_type = args[0];
            DataTypePtr type = args[0];
            f.make_accumulator = [type, last] { return std::make_unique<FirstLastAccumulator>(type, last); };
            return f;
          }};
}

AggregateFunction Collect(const std::string& name, bool set, FunctionDoc doc) {
  return {name, std::move(doc), [name, set](const std::vector<DataTypePtr>& args, bool distinct) {
            signature::CheckArgCount(name, args.size(), 1, 1);
            if (set && args[0]->id() == TypeId::kMap) {
              signature::ThrowUnexpectedType(name, 0, "non-MAP", args[0]);
            }
            BoundAggregateFunction f;
            f.arg_types = {args[0]};
            f.return_type = DataType::Array(args[0], false);
            f.result_nullable = false;
            DataTypePtr type = args[0];
            bool dedup = set || distinct;  // collect_list(DISTINCT x) is collect_set(x)
            f.make_accumulator = [type, dedup] { return std::make_unique<CollectAccumulator>(type, dedup); };
            return f;
          }};
}

}  // namespace

void RegisterCollectFunctions(FunctionRegistry& r) {
  r.AddAggregate(FirstLast("first", false,
                           {"first(expr[, isIgnoreNull]) - Returns the first value of expr for a group of rows. If "
                            "isIgnoreNull is true, returns only non-null values.",
                            "SELECT first(col) FROM VALUES (10), (5), (20) AS tab(col); -- 10"}));
  r.AddAlias("first_value", "first");
  r.AddAggregate(FirstLast("last", true,
                           {"last(expr[, isIgnoreNull]) - Returns the last value of expr for a group of rows. If "
                            "isIgnoreNull is true, returns only non-null values.",
                            "SELECT last(col) FROM VALUES (10), (5), (20) AS tab(col); -- 20"}));
  r.AddAlias("last_value", "last");
  r.AddAggregate(FirstLast("any_value", false,
                           {"any_value(expr[, isIgnoreNull]) - Returns some value of expr for a group of rows.",
                            "SELECT any_value(col) FROM VALUES (10), (5), (20) AS tab(col); -- 10"}));
  r.AddAggregate(Collect("collect_list", false,
                         {"collect_list(expr) - Collects and returns a list of non-unique elements.",
                          "SELECT collect_list(col) FROM VALUES (1), (2), (1) AS tab(col); -- [1,2,1]"}));
  r.AddAlias("array_agg", "collect_list");
  r.AddAggregate(Collect("collect_set", true,
                         {"collect_set(expr) - Collects and returns a set of unique elements.",
                          "SELECT collect_set(col) FROM VALUES (1), (2), (1) AS tab(col); -- [1,2]"}));
}

}  // namespace lakestream
