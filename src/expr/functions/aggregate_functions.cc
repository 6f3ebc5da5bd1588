// Aggregate functions, part one: counting (count, count_if,
// approx_count_distinct) and boolean aggregates (bool_and, bool_or). The other
// families live in aggregate_*.cc and are registered from here.
#include <string>

#include "expr/function_registry.h"
#include "expr/functions/aggregate_families.h"
#include "expr/functions/distinct_accumulator.h"
#include "expr/functions/grouped_state.h"
#include "expr/functions/signature_check.h"

namespace lakestream {
namespace {

// count(args...): rows where every argument is non-NULL (count() and count(1) count all rows).
class CountAccumulator : public GroupedAccumulator {
 public:
  void Resize(int64_t n) override { counts_.resize(static_cast<size_t>(n), 0); }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    int64_t* counts = counts_.data();
    if (grouped::NoNulls(args)) {
      // Groups are scattered over more memory than the caches hold: fetch ahead.
      constexpr int64_t kAhead = 16;
      int64_t r = 0;
      for (; r + kAhead < rows; ++r) {
        __builtin_prefetch(&counts[group_ids[r + kAhead]], 1);
        ++counts[group_ids[r]];
      }
      for (; r < rows; ++r) ++counts[group_ids[r]];
    } else if (args.size() == 1 && args[0]->type_id() != TypeId::kNull) {
      const uint8_t* valid = args[0]->validity();
      for (int64_t r = 0; r < rows; ++r) counts[group_ids[r]] += bit_util::GetBit(valid, r);
    } else {
      for (int64_t r = 0; r < rows; ++r) counts[group_ids[r]] += grouped::AllValid(args, r);
    }
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    const auto& o = static_cast<CountAccumulator&>(other);
    for (size_t g = 0; g < o.counts_.size(); ++g) counts_[group_map[g]] += o.counts_[g];
  }

  ArrayPtr Finalize(const EvalContext&) override { return grouped::MakeResult(DataType::Long(), counts_, nullptr); }
  int64_t MemoryUsage() const override { return static_cast<int64_t>(counts_.capacity() * sizeof(int64_t)); }

 private:
  std::vector<int64_t> counts_;
};

BoundAggregateFunction CountFunction(std::vector<DataTypePtr> arg_types) {
  BoundAggregateFunction f;
  f.arg_types = std::move(arg_types);
  f.return_type = DataType::Long();
  f.result_nullable = false;
  f.make_accumulator = [] { return std::make_unique<CountAccumulator>(); };
  return f;
}

// count_if, bool_and, bool_or over a BOOLEAN argument; NULL inputs are skipped.
enum class BoolOp { kCountIf, kAnd, kOr };

class BoolAccumulator : public GroupedAccumulator {
 public:
  explicit BoolAccumulator(BoolOp op) : op_(op) {}

  void Resize(int64_t n) override {
    values_.resize(static_cast<size_t>(n), op_ == BoolOp::kAnd ? 1 : 0);
    flags_.resize(static_cast<size_t>(n), 0);
    counts_.resize(op_ == BoolOp::kCountIf ? static_cast<size_t>(n) : 0, 0);
  }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    const Array& a = *args[0];
    if (a.type_id() == TypeId::kNull) return;
    for (int64_t r = 0; r < rows; ++r) {
      if (a.IsNull(r)) continue;
      Add(group_ids[r], a.GetBool(r) ? 1 : 0);
    }
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    const auto& o = static_cast<BoolAccumulator&>(other);
    for (size_t g = 0; g < o.flags_.size(); ++g) {
      if (!(o.flags_[g] & grouped::kSeen)) continue;
      // count_if keeps its state in counts_ alone (values_ stays 0 for it).
      if (op_ == BoolOp::kCountIf) {
        flags_[group_map[g]] |= grouped::kSeen;
        counts_[group_map[g]] += o.counts_[g];
      } else {
        Add(group_map[g], o.values_[g]);
      }
    }
  }

  ArrayPtr Finalize(const EvalContext&) override {
    if (op_ == BoolOp::kCountIf) return grouped::MakeResult(DataType::Long(), counts_, nullptr);
    BooleanBuilder out(static_cast<int64_t>(values_.size()));
    for (size_t g = 0; g < values_.size(); ++g) {
      (flags_[g] & grouped::kSeen) ? out.Append(values_[g] != 0) : out.AppendNull();
    }
    return out.Finish();
  }

  int64_t MemoryUsage() const override {
    return static_cast<int64_t>(values_.capacity() + flags_.capacity() + counts_.capacity() * sizeof(int64_t));
  }

 private:
  void Add(uint32_t g, uint8_t v) {
    flags_[g] |= grouped::kSeen;
    switch (op_) {
      case BoolOp::kCountIf: counts_[g] += v; break;
      case BoolOp::kAnd: values_[g] &= v; break;
      case BoolOp::kOr: values_[g] |= v; break;
    }
  }

  BoolOp op_;
  std::vector<uint8_t> values_;
  std::vector<uint8_t> flags_;
  std::vector<int64_t> counts_;  // count_if: true rows (a merged group adds its count)
};

AggregateFunction BoolAggregate(const std::string& name, BoolOp op, FunctionDoc doc) {
  return {name, std::move(doc), [name, op](const std::vector<DataTypePtr>& args, bool distinct) {
            signature::CheckArgCount(name, args.size(), 1, 1);
            if (args[0]->id() != TypeId::kBoolean && args[0]->id() != TypeId::kNull) {
              signature::ThrowUnexpectedType(name, 0, "\"BOOLEAN\"", args[0]);
            }
            BoundAggregateFunction f;
            f.arg_types = {DataType::Boolean()};
            f.return_type = op == BoolOp::kCountIf ? DataType::Long() : DataType::Boolean();
            f.result_nullable = op != BoolOp::kCountIf;
            f.make_accumulator = [op] { return std::make_unique<BoolAccumulator>(op); };
            // Only count_if depends on duplicates.
            return distinct && op == BoolOp::kCountIf ? MakeDistinct(std::move(f)) : f;
          }};
}

}  // namespace

void RegisterAggregateFunctions(FunctionRegistry& r) {
  r.AddAggregate({"count",
                  {"count(*) - Returns the total number of retrieved rows, including rows containing null. "
                   "count(expr[, expr...]) - Returns the number of rows for which the supplied expression(s) are all "
                   "non-null. count(DISTINCT expr[, expr...]) - Returns the number of rows for which the supplied "
                   "expression(s) are unique and non-null.",
                   "SELECT count(col) FROM VALUES (NULL), (5), (5), (20) AS tab(col); -- 3"},
                  [](const std::vector<DataTypePtr>& args, bool distinct) {
                    BoundAggregateFunction f = CountFunction(args);
                    return distinct ? MakeDistinct(std::move(f)) : f;
                  }});
  r.AddAggregate({"approx_count_distinct",
                  {"approx_count_distinct(expr[, relativeSD]) - Returns the estimated cardinality; Lakestream "
                   "counts exactly, so relativeSD is accepted and ignored.",
                   "SELECT approx_count_distinct(col1) FROM VALUES (1), (1), (2), (2), (3) tab(col1); -- 3"},
                  [](const std::vector<DataTypePtr>& args, bool) {
                    signature::CheckArgCount("approx_count_distinct", args.size(), 1, 2);
                    std::vector<DataTypePtr> types = {args[0]};
                    if (args.size() == 2) types.push_back(DataType::Double());
                    BoundAggregateFunction f = MakeDistinct(CountFunction({args[0]}));
                    // The relativeSD argument must not take part in the distinct key or the count.
                    auto make = f.make_accumulator;
                    f.arg_types = types;
                    f.make_accumulator = [make]() -> std::unique_ptr<GroupedAccumulator> {
                      struct FirstArgOnly : GroupedAccumulator {
                        std::unique_ptr<GroupedAccumulator> inner;
                        void Resize(int64_t n) override { inner->Resize(n); }
                        void Update(const std::vector<ArrayPtr>& a, const uint32_t* g, int64_t rows) override {
                          inner->Update({a[0]}, g, rows);
                        }
                        void Merge(GroupedAccumulator& o, const uint32_t* m) override {
                          inner->Merge(*static_cast<FirstArgOnly&>(o).inner, m);
                        }
                        ArrayPtr Finalize(const EvalContext& ctx) override { return inner->Finalize(ctx); }
                        int64_t MemoryUsage() const override { return inner->MemoryUsage(); }
                      };
                      auto acc = std::make_unique<FirstArgOnly>();
                      acc->inner = make();
                      return acc;
                    };
                    return f;
                  }});
  r.AddAggregate(BoolAggregate("count_if", BoolOp::kCountIf,
                               {"count_if(expr) - Returns the number of TRUE values for the expression.",
                                "SELECT count_if(col % 2 = 0) FROM VALUES (NULL), (0), (1), (2), (3) AS tab(col); -- 2"}));
  r.AddAggregate(BoolAggregate("bool_and", BoolOp::kAnd,
                               {"bool_and(expr) - Returns true if all values of expr are true.",
                                "SELECT bool_and(col) FROM VALUES (true), (true), (true) AS tab(col); -- true"}));
  r.AddAlias("every", "bool_and");
  r.AddAggregate(BoolAggregate("bool_or", BoolOp::kOr,
                               {"bool_or(expr) - Returns true if at least one value of expr is true.",
                                "SELECT bool_or(col) FROM VALUES (true), (false), (false) AS tab(col); -- true"}));
  r.AddAlias("some", "bool_or");
  r.AddAlias("any", "bool_or");

  RegisterSumFunctions(r);
  RegisterMinMaxFunctions(r);
  RegisterCollectFunctions(r);
  RegisterVarianceFunctions(r);
  RegisterPercentileFunctions(r);
}

}  // namespace lakestream
