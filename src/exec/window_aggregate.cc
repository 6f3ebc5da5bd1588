#include "exec/window_aggregate.h"

#include <algorithm>
#include <cctype>

#include "exec/segment_tree.h"
#include "exec/sort_key_comparator.h"
#include "expr/functions/grouped_state.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

// Frames that cover their whole partition, or start there and only grow.
enum class Shape { kWholePartition, kGrowing, kOther };

Shape FrameShape(const WindowRows& w) {
  bool whole = true, growing = true;
  for (int64_t i = 0; i < w.num_rows; ++i) {
    if (w.frame_begin[i] != w.partition_begin[i]) return Shape::kOther;
    whole &= w.frame_end[i] == w.partition_end[i];
    growing &= i == w.partition_begin[i] || w.frame_end[i] >= w.frame_end[i - 1];
  }
  return whole ? Shape::kWholePartition : (growing ? Shape::kGrowing : Shape::kOther);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::vector<uint8_t> SeenFlags(const std::vector<int64_t>& counts) {
  std::vector<uint8_t> flags(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) flags[i] = counts[i] > 0 ? grouped::kSeen : 0;
  return flags;
}

// Rows where every argument is non-NULL, counted as prefix sums: count[i] = valid rows in [0, i).
std::vector<int64_t> ValidPrefix(const std::vector<ArrayPtr>& args, int64_t rows) {
  std::vector<int64_t> prefix(static_cast<size_t>(rows + 1), 0);
  const bool all_valid = grouped::NoNulls(args);
  for (int64_t i = 0; i < rows; ++i) prefix[i + 1] = prefix[i] + (all_valid || grouped::AllValid(args, i) ? 1 : 0);
  return prefix;
}

ArrayPtr CountFrames(const WindowRows& w) {
  const std::vector<int64_t> valid = ValidPrefix(w.args, w.num_rows);
  std::vector<int64_t> out(static_cast<size_t>(w.num_rows));
  for (int64_t i = 0; i < w.num_rows; ++i) out[i] = valid[w.frame_end[i]] - valid[w.frame_begin[i]];
  return grouped::MakeResult(DataType::Long(), out, nullptr);
}

// sum/avg of an integral input: exact prefix sums in 128 bits. Returns
// nullptr when a sum leaves BIGINT, so the accumulator raises or nulls it.
template <typename In>
ArrayPtr IntegralSumFrames(const WindowRows& w, bool avg, const DataTypePtr& type) {
  const Array& x = *w.args[0];
  const In* values = x.values<In>();
  const std::vector<int64_t> valid = ValidPrefix(w.args, w.num_rows);
  std::vector<int128_t> prefix(static_cast<size_t>(w.num_rows + 1), 0);
  for (int64_t i = 0; i < w.num_rows; ++i) prefix[i + 1] = prefix[i] + (x.IsNull(i) ? 0 : values[i]);
  std::vector<int64_t> counts(static_cast<size_t>(w.num_rows));
  std::vector<int64_t> sums(avg ? 0 : static_cast<size_t>(w.num_rows));
  std::vector<double> means(avg ? static_cast<size_t>(w.num_rows) : 0);
  for (int64_t i = 0; i < w.num_rows; ++i) {
    counts[i] = valid[w.frame_end[i]] - valid[w.frame_begin[i]];
    const int128_t sum = prefix[w.frame_end[i]] - prefix[w.frame_begin[i]];
    if (avg) {
      means[i] = counts[i] > 0 ? static_cast<double>(sum) / static_cast<double>(counts[i]) : 0;
    } else {
      if (sum > INT64_MAX || sum < INT64_MIN) return nullptr;
      sums[i] = static_cast<int64_t>(sum);
    }
  }
  const std::vector<uint8_t> flags = SeenFlags(counts);
  return avg ? grouped::MakeResult(type, means, &flags) : grouped::MakeResult(type, sums, &flags);
}

// sum/avg of a floating input: running sums where frames grow (the order
// Spark adds in), a segment tree of partial sums where they slide.
template <typename In>
ArrayPtr FloatingSumFrames(const WindowRows& w, bool avg, Shape shape, const DataTypePtr& type,
                           const std::function<void(int64_t)>& reserve) {
  const Array& x = *w.args[0];
  const In* values = x.values<In>();
  const std::vector<int64_t> valid = ValidPrefix(w.args, w.num_rows);
  std::vector<int64_t> counts(static_cast<size_t>(w.num_rows));
  std::vector<double> out(static_cast<size_t>(w.num_rows));
  auto leaf = [&](int64_t i) { return x.IsNull(i) ? 0.0 : static_cast<double>(values[i]); };
  if (shape != Shape::kOther) {
    double sum = 0;
    int64_t added = 0;
    for (int64_t i = 0; i < w.num_rows; ++i) {
      if (i == w.partition_begin[i]) sum = 0, added = w.partition_begin[i];
      for (; added < w.frame_end[i]; ++added) sum += leaf(added);
      out[i] = sum;
    }
  } else {
    reserve(static_cast<int64_t>(2 * w.num_rows * sizeof(double)));
    std::vector<double> leaves(static_cast<size_t>(w.num_rows));
    for (int64_t i = 0; i < w.num_rows; ++i) leaves[i] = leaf(i);
    SegmentTree tree(std::move(leaves), 0.0, [](double a, double b) { return a + b; });
    for (int64_t i = 0; i < w.num_rows; ++i) out[i] = tree.Query(w.frame_begin[i], w.frame_end[i]);
  }
  for (int64_t i = 0; i < w.num_rows; ++i) {
    counts[i] = valid[w.frame_end[i]] - valid[w.frame_begin[i]];
    if (avg && counts[i] > 0) out[i] /= static_cast<double>(counts[i]);
  }
  const std::vector<uint8_t> flags = SeenFlags(counts);
  return grouped::MakeResult(type, out, &flags);
}

// min/max of any orderable type: a segment tree of row positions ordered as
// Spark orders values (NaN above all numbers); NULLs never win.
ArrayPtr MinMaxFrames(const WindowRows& w, bool is_max, const std::function<void(int64_t)>& reserve) {
  const ArrayPtr& x = w.args[0];
  auto key = std::make_shared<Expr>();
  key->kind = ExprKind::kColumn;
  key->type = x->type();
  const SortKeyComparator comparator({SortOrder(key, true, true)});
  const std::vector<ArrayPtr> keys = {x};
  reserve(static_cast<int64_t>(3 * w.num_rows * sizeof(int32_t)));
  std::vector<int32_t> leaves(static_cast<size_t>(w.num_rows));
  for (int64_t i = 0; i < w.num_rows; ++i) leaves[i] = x->IsNull(i) ? -1 : static_cast<int32_t>(i);
  auto better = [&](int32_t a, int32_t b) {
    if (a < 0) return b;
    if (b < 0) return a;
    const int c = comparator.Compare(keys, a, keys, b);
    return (is_max ? c >= 0 : c <= 0) ? a : b;
  };
  SegmentTree tree(std::move(leaves), int32_t{-1}, better);
  std::vector<int32_t> chosen(static_cast<size_t>(w.num_rows));
  for (int64_t i = 0; i < w.num_rows; ++i) chosen[i] = tree.Query(w.frame_begin[i], w.frame_end[i]);
  return Take(x, chosen);
}

// first/last/any_value: the frame's first or last row, or with ignoreNulls
// its first or last non-NULL one (from tables of the next and previous).
ArrayPtr FirstLastFrames(const WindowRows& w, bool last) {
  const ArrayPtr& x = w.args[0];
  // ignoreNulls is a literal: every row of its argument holds the same value.
  const bool ignore_nulls = w.args.size() > 1 && w.num_rows > 0 && !w.args[1]->IsNull(0) && w.args[1]->GetBool(0);
  const int64_t n = w.num_rows;
  std::vector<int64_t> next_valid, prev_valid;
  if (ignore_nulls) {
    next_valid.resize(static_cast<size_t>(n + 1));
    prev_valid.resize(static_cast<size_t>(n));
    next_valid[n] = n;
    for (int64_t i = n - 1; i >= 0; --i) next_valid[i] = x->IsNull(i) ? next_valid[i + 1] : i;
    for (int64_t i = 0; i < n; ++i) prev_valid[i] = !x->IsNull(i) ? i : (i > 0 ? prev_valid[i - 1] : -1);
  }
  std::vector<int32_t> chosen(static_cast<size_t>(n), -1);
  for (int64_t i = 0; i < n; ++i) {
    const int64_t b = w.frame_begin[i], e = w.frame_end[i];
    if (b >= e) continue;
    int64_t row = last ? e - 1 : b;
    if (ignore_nulls) row = last ? prev_valid[e - 1] : next_valid[b];
    if (row >= b && row < e) chosen[i] = static_cast<int32_t>(row);
  }
  return Take(x, chosen);
}

std::vector<ArrayPtr> SliceAll(const std::vector<ArrayPtr>& args, int64_t offset, int64_t length) {
  std::vector<ArrayPtr> out;
  for (const auto& a : args) out.push_back(Slice(a, offset, length));
  return out;
}

// Any aggregate through its GroupedAccumulator (see the header).
ArrayPtr GenericFrames(const BoundAggregateFunction& f, const WindowRows& w, Shape shape, const EvalContext& ctx,
                       const std::function<void(int64_t)>& reserve) {
  const int64_t n = w.num_rows;
  if (shape == Shape::kWholePartition) {
    std::vector<uint32_t> group(static_cast<size_t>(n));
    std::vector<int32_t> row_group(static_cast<size_t>(n));
    uint32_t groups = 0;
    for (int64_t i = 0; i < n; ++i) {
      if (i == w.partition_begin[i]) ++groups;
      group[i] = groups - 1;
      row_group[i] = static_cast<int32_t>(groups - 1);
    }
    auto acc = f.make_accumulator();
    acc->Resize(groups);
    acc->Update(w.args, group.data(), n);
    reserve(acc->MemoryUsage());
    return Take(acc->Finalize(ctx), row_group);
  }
  if (shape == Shape::kGrowing) {
    // One running accumulator per partition; each row's result is a snapshot merged into its own group.
    auto results = f.make_accumulator();
    results->Resize(n);
    std::unique_ptr<GroupedAccumulator> running;
    const std::vector<uint32_t> zeros(static_cast<size_t>(n), 0);
    int64_t added = 0;
    for (int64_t i = 0; i < n; ++i) {
      if (i == w.partition_begin[i]) {
        running = f.make_accumulator();
        running->Resize(1);
        added = i;
      }
      if (w.frame_end[i] > added) {
        running->Update(SliceAll(w.args, added, w.frame_end[i] - added), zeros.data(), w.frame_end[i] - added);
        added = w.frame_end[i];
      }
      const uint32_t target = static_cast<uint32_t>(i);
      results->Merge(*running, &target);
      if ((i & 1023) == 0) reserve(results->MemoryUsage() + running->MemoryUsage());
    }
    return results->Finalize(ctx);
  }
  // Frame by frame, a chunk of rows at a time: each row's frame rows gathered under its own group.
  constexpr int64_t kMaxGathered = 1 << 16;
  std::vector<ArrayPtr> parts;
  std::vector<int32_t> rows;
  std::vector<uint32_t> groups;
  for (int64_t start = 0; start < n;) {
    rows.clear();
    groups.clear();
    int64_t end = start;
    while (end < n && (end == start || static_cast<int64_t>(rows.size()) < kMaxGathered)) {
      for (int64_t r = w.frame_begin[end]; r < w.frame_end[end]; ++r) {
        rows.push_back(static_cast<int32_t>(r));
        groups.push_back(static_cast<uint32_t>(end - start));
      }
      ++end;
    }
    std::vector<ArrayPtr> gathered;
    for (const auto& a : w.args) gathered.push_back(Take(a, rows));
    auto acc = f.make_accumulator();
    acc->Resize(end - start);
    acc->Update(gathered, groups.data(), static_cast<int64_t>(rows.size()));
    reserve(acc->MemoryUsage());
    parts.push_back(acc->Finalize(ctx));
    start = end;
  }
  return Concatenate(parts);
}

}  // namespace

ArrayPtr EvaluateWindowAggregate(const Expr& aggregate, const WindowRows& w, const EvalContext& ctx,
                                 const std::function<void(int64_t)>& reserve) {
  const BoundAggregateFunction& f = *aggregate.aggregate;
  if (w.num_rows == 0) return MakeArrayFromValues(aggregate.type, {});
  const Shape shape = FrameShape(w);
  const std::string name = Lower(aggregate.name);
  if (!aggregate.distinct) {
    reserve(static_cast<int64_t>(4 * w.num_rows * sizeof(int64_t)));
    if (name == "count") return CountFrames(w);
    if (name == "min" || name == "max") return MinMaxFrames(w, name == "max", reserve);
    if (name == "first" || name == "first_value" || name == "any_value") return FirstLastFrames(w, false);
    if (name == "last" || name == "last_value") return FirstLastFrames(w, true);
    const bool sum = name == "sum" || name == "try_sum";
    const bool avg = name == "avg" || name == "mean" || name == "try_avg";
    if ((sum || avg) && w.args.size() == 1) {
      ArrayPtr out;
      switch (w.args[0]->type_id()) {
        case TypeId::kByte: out = IntegralSumFrames<int8_t>(w, avg, aggregate.type); break;
        case TypeId::kShort: out = IntegralSumFrames<int16_t>(w, avg, aggregate.type); break;
        case TypeId::kInt: out = IntegralSumFrames<int32_t>(w, avg, aggregate.type); break;
        case TypeId::kLong: out = IntegralSumFrames<int64_t>(w, avg, aggregate.type); break;
        case TypeId::kFloat: out = FloatingSumFrames<float>(w, avg, shape, aggregate.type, reserve); break;
        case TypeId::kDouble: out = FloatingSumFrames<double>(w, avg, shape, aggregate.type, reserve); break;
        default: break;
      }
      // nullptr: a sum overflowed BIGINT; the accumulator reports it as Spark does.
      if (out) return out;
    }
  }
  return GenericFrames(f, w, shape, ctx, reserve);
}

}  // namespace lakestream
