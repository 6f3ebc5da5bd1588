#include "exec/window.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <numeric>

#include "columnar/thread_annotations.h"
#include "exec/projection.h"
#include "exec/window_aggregate.h"
#include "exec/window_layout.h"
#include "expr/function_registry.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

constexpr const char* kAdvice =
    "Raise the query memory limit, or filter the input or partition the window (PARTITION BY) into smaller groups.";

// One input batch: child columns and evaluated expressions, with its place in
// input order (morsel order, then arrival within the morsel).
struct Chunk {
  std::vector<ArrayPtr> columns;
  int64_t rows = 0;
  int64_t order = 0;
  int64_t seq = 0;
};

// Bytes of distinct arrays (evaluated column references share the child's).
int64_t DistinctBytes(const std::vector<ArrayPtr>& columns) {
  int64_t bytes = 0;
  for (size_t i = 0; i < columns.size(); ++i) {
    bool seen = false;
    for (size_t j = 0; j < i && !seen; ++j) seen = columns[j] == columns[i];
    if (!seen) bytes += columns[i]->MemoryUsage();
  }
  return bytes;
}

std::vector<ExprPtr> Ascending(const std::vector<ExprPtr>& keys) {
  std::vector<ExprPtr> orders;
  for (const auto& k : keys) {
    auto o = std::make_shared<Expr>(*SortOrder(k, true, true));
    o->type = k->type;
    orders.push_back(o);
  }
  return orders;
}

std::vector<DataTypePtr> TypesOf(const std::vector<ExprPtr>& exprs) {
  std::vector<DataTypePtr> types;
  for (const auto& e : exprs) types.push_back(e->type);
  return types;
}

const Expr& WindowOf(const ExprPtr& e) {
  const Expr* w = e->kind == ExprKind::kAlias ? e->children[0].get() : e.get();
  if (w->kind != ExprKind::kWindow || !w->window) throw InternalError("Window expects window expressions, got " + e->ToString());
  return *w;
}

class WindowLocal : public LocalSinkState {
 public:
  explicit WindowLocal(MemoryTracker& memory) : reservation(std::make_unique<MemoryReservation>(memory, "Window")) {}
  std::vector<Chunk> chunks;
  std::unique_ptr<MemoryReservation> reservation;
  int64_t bytes = 0;
  int64_t seq = 0;
};

class WindowGlobal : public GlobalSinkState {
 public:
  std::mutex mu;
  std::vector<Chunk> chunks GUARDED_BY(mu);
  std::vector<std::unique_ptr<MemoryReservation>> input_memory GUARDED_BY(mu);
  // After Finalize: one result per bucket (nullptr when empty) and the memory they hold.
  std::vector<RecordBatchPtr> results;
  std::vector<std::unique_ptr<MemoryReservation>> result_memory;
};

class WindowSource : public SourceState {
 public:
  struct Morsel {
    size_t bucket;
    int64_t offset, length;
  };
  explicit WindowSource(const std::vector<RecordBatchPtr>& results) : results(results) {
    for (size_t b = 0; b < results.size(); ++b) {
      if (!results[b]) continue;
      for (int64_t off = 0; off < results[b]->num_rows(); off += kDefaultBatchRows) {
        morsels.push_back({b, off, std::min(kDefaultBatchRows, results[b]->num_rows() - off)});
      }
    }
  }
  int64_t MorselCount() const override { return static_cast<int64_t>(morsels.size()); }
  const std::vector<RecordBatchPtr>& results;
  std::vector<Morsel> morsels;
};

}  // namespace

Window::Window(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<ExprPtr> exprs)
    : PhysicalOperator(std::move(schema), {child}),
      exprs_(std::move(exprs)),
      child_width_(child->schema()->num_fields()),
      partition_encoder_({}),
      partition_comparator_({}),
      order_comparator_({}) {
  if (exprs_.empty()) throw InternalError("Window without window expressions");
  for (const auto& e : exprs_) windows_.push_back(&WindowOf(e));
  const WindowSpec& spec = *windows_[0]->window;
  for (const Expr* w : windows_) {
    if (DescribeExprs(w->window->partition_by) != DescribeExprs(spec.partition_by) ||
        DescribeExprs(w->window->order_by) != DescribeExprs(spec.order_by)) {
      throw InternalError("one Window node holds windows with different PARTITION BY or ORDER BY");
    }
  }
  evaluated_ = spec.partition_by;
  num_partition_keys_ = spec.partition_by.size();
  for (const auto& o : spec.order_by) evaluated_.push_back(o->children[0]);
  num_order_keys_ = spec.order_by.size();
  for (const Expr* w : windows_) {
    std::vector<size_t> args;
    for (const auto& a : w->children[0]->children) {
      args.push_back(child_width_ + evaluated_.size());
      evaluated_.push_back(a);
    }
    function_args_.push_back(std::move(args));
  }
  partition_encoder_ = KeyEncoder(TypesOf(spec.partition_by));
  partition_comparator_ = SortKeyComparator(Ascending(spec.partition_by));
  order_comparator_ = SortKeyComparator(spec.order_by);
}

std::string Window::Describe() const {
  const WindowSpec& spec = *windows_[0]->window;
  return "Window [" + DescribeExprs(exprs_) + "], [" + DescribeExprs(spec.partition_by) + "], [" +
         DescribeExprs(spec.order_by) + "]";
}

int Window::BucketBits(const ExecutionState& state) const {
  if (num_partition_keys_ == 0) return 0;
  // More buckets than threads, so that a few large partitions do not leave threads idle.
  int bits = 0;
  while ((1 << bits) < 4 * state.parallelism() && bits < 8) ++bits;
  return bits;
}

std::vector<ArrayPtr> Window::Evaluate(const RecordBatch& batch, const EvalContext& ctx) const {
  std::vector<ArrayPtr> columns = batch.columns();
  for (auto& a : EvaluateExprs(evaluated_, batch, ctx)) columns.push_back(std::move(a));
  return columns;
}

std::unique_ptr<GlobalSinkState> Window::MakeGlobalSinkState(ExecutionState&) const {
  return std::make_unique<WindowGlobal>();
}

std::unique_ptr<LocalSinkState> Window::MakeLocalSinkState(ExecutionState& state, GlobalSinkState&) const {
  return std::make_unique<WindowLocal>(state.memory());
}

void Window::Sink(ExecutionState& state, GlobalSinkState&, LocalSinkState& local_state, const RecordBatchPtr& batch,
                  int64_t order) const {
  auto& local = static_cast<WindowLocal&>(local_state);
  Chunk chunk{Evaluate(*batch, state.eval()), batch->num_rows(), order, local.seq++};
  local.bytes += DistinctBytes(chunk.columns);
  local.reservation->Resize(local.bytes, kAdvice);
  local.chunks.push_back(std::move(chunk));
}

void Window::Combine(ExecutionState&, GlobalSinkState& global, LocalSinkState& local_state) const {
  auto& g = static_cast<WindowGlobal&>(global);
  auto& local = static_cast<WindowLocal&>(local_state);
  std::lock_guard<std::mutex> lock(g.mu);
  for (auto& c : local.chunks) g.chunks.push_back(std::move(c));
  g.input_memory.push_back(std::move(local.reservation));
}

void Window::Finalize(ExecutionState& state, GlobalSinkState& global) const {
  auto& g = static_cast<WindowGlobal&>(global);
  std::vector<Chunk> chunks;
  std::vector<std::unique_ptr<MemoryReservation>> input_memory;
  {
    std::lock_guard<std::mutex> lock(g.mu);
    chunks = std::move(g.chunks);
    input_memory = std::move(g.input_memory);
  }
  // Input order, whatever thread buffered a batch: ties in a window keep it.
  std::sort(chunks.begin(), chunks.end(),
            [](const Chunk& a, const Chunk& b) { return a.order != b.order ? a.order < b.order : a.seq < b.seq; });
  const int bits = BucketBits(state);
  const int64_t buckets = int64_t{1} << bits;
  const int64_t num_chunks = static_cast<int64_t>(chunks.size());
  // rows_of[c][b]: the rows of chunk c that hash to bucket b.
  std::vector<std::vector<std::vector<int32_t>>> rows_of(chunks.size());
  if (bits > 0) {
    state.pool().ParallelFor(num_chunks, state.parallelism(), [&](int64_t c) {
      const Chunk& chunk = chunks[c];
      const auto first = chunk.columns.begin() + static_cast<long>(child_width_);
      EncodedKeys encoded;
      partition_encoder_.Encode({first, first + static_cast<long>(num_partition_keys_)}, chunk.rows, encoded);
      rows_of[c].resize(static_cast<size_t>(buckets));
      for (int64_t r = 0; r < chunk.rows; ++r) {
        rows_of[c][encoded.hashes[r] >> (64 - bits)].push_back(static_cast<int32_t>(r));
      }
    });
  }
  // A column that is the same array in every chunk (a key that is a child column) is gathered once.
  const size_t width = chunks.empty() ? 0 : chunks[0].columns.size();
  std::vector<size_t> same_as(width);
  for (size_t c = 0; c < width; ++c) {
    same_as[c] = c;
    for (size_t d = 0; d < c && same_as[c] == c; ++d) {
      bool same = true;
      for (const Chunk& chunk : chunks) same &= chunk.columns[c] == chunk.columns[d];
      if (same) same_as[c] = d;
    }
  }
  std::vector<std::vector<ArrayPtr>> gathered(static_cast<size_t>(buckets));
  std::vector<int64_t> bucket_rows(static_cast<size_t>(buckets), 0);
  g.result_memory.clear();
  for (int64_t b = 0; b < buckets; ++b) g.result_memory.push_back(std::make_unique<MemoryReservation>(state.memory(), "Window"));
  state.pool().ParallelFor(buckets, state.parallelism(), [&](int64_t b) {
    state.CheckCancelled();
    std::vector<ArrayPtr> columns(width);
    for (size_t c = 0; c < width; ++c) {
      if (same_as[c] != c) {
        columns[c] = columns[same_as[c]];
        continue;
      }
      std::vector<ArrayPtr> parts;
      int64_t rows = 0;
      for (int64_t k = 0; k < num_chunks; ++k) {
        const Chunk& chunk = chunks[k];
        if (bits == 0) {
          parts.push_back(chunk.columns[c]);
          rows += chunk.rows;
          continue;
        }
        const std::vector<int32_t>& rows_here = rows_of[k][b];
        if (rows_here.empty()) continue;
        const bool all = static_cast<int64_t>(rows_here.size()) == chunk.rows;
        parts.push_back(all ? chunk.columns[c] : Take(chunk.columns[c], rows_here));
        rows += static_cast<int64_t>(rows_here.size());
      }
      bucket_rows[b] = rows;
      if (rows > 0) columns[c] = parts.size() == 1 ? parts[0] : Concatenate(parts);
    }
    if (bucket_rows[b] == 0) return;
    g.result_memory[b]->Resize(DistinctBytes(columns), kAdvice);
    gathered[b] = std::move(columns);
  });
  chunks.clear();
  input_memory.clear();  // the buckets now hold every row
  g.results.assign(static_cast<size_t>(buckets), nullptr);
  state.pool().ParallelFor(buckets, state.parallelism(), [&](int64_t b) {
    if (bucket_rows[b] == 0) return;
    g.results[b] = ComputeBucket(std::move(gathered[b]), bucket_rows[b], state, *g.result_memory[b]);
  });
}

RecordBatchPtr Window::ComputeBucket(std::vector<ArrayPtr> columns, int64_t rows, ExecutionState& state,
                                     MemoryReservation& memory) const {
  const EvalContext& ctx = state.eval();
  const size_t keys_at = child_width_, order_at = child_width_ + num_partition_keys_;
  auto keys = [&](size_t from, size_t count) {
    return std::vector<ArrayPtr>(columns.begin() + static_cast<long>(from), columns.begin() + static_cast<long>(from + count));
  };
  if (num_partition_keys_ + num_order_keys_ > 0) {
    const std::vector<ArrayPtr> partition_keys = keys(keys_at, num_partition_keys_);
    const std::vector<ArrayPtr> order_keys = keys(order_at, num_order_keys_);
    std::vector<int32_t> perm(static_cast<size_t>(rows));
    std::iota(perm.begin(), perm.end(), 0);
    // Stable: rows with equal keys keep input order.
    std::stable_sort(perm.begin(), perm.end(), [&](int32_t a, int32_t b) {
      const int c = partition_comparator_.Compare(partition_keys, a, partition_keys, b);
      if (c != 0) return c < 0;
      return order_comparator_.Compare(order_keys, a, order_keys, b) < 0;
    });
    bool sorted = true;
    for (int64_t i = 0; i < rows && sorted; ++i) sorted = perm[i] == i;
    if (!sorted) {
      memory.Resize(2 * memory.bytes(), kAdvice);
      std::map<const Array*, ArrayPtr> taken;
      for (auto& c : columns) {
        auto it = taken.find(c.get());
        if (it == taken.end()) it = taken.emplace(c.get(), Take(c, perm)).first;
        c = it->second;
      }
    }
  }
  const std::vector<ArrayPtr> partition_keys = keys(keys_at, num_partition_keys_);
  const std::vector<ArrayPtr> order_keys = keys(order_at, num_order_keys_);
  const WindowLayout layout(partition_comparator_, partition_keys, order_comparator_, order_keys, rows);
  int64_t held = DistinctBytes(columns) + layout.MemoryUsage();
  memory.Resize(held, kAdvice);
  auto reserve = [&](int64_t transient) { memory.Resize(held + transient, kAdvice); };
  const WindowSpec& spec = *windows_[0]->window;
  const ArrayPtr order_key = order_keys.empty() ? nullptr : order_keys[0];
  const bool ascending = spec.order_by.empty() || spec.order_by[0]->ascending;
  const bool nulls_first = spec.order_by.empty() || spec.order_by[0]->nulls_first;
  std::map<std::string, FrameRanges> frames;  // windows with the same frame share it
  std::vector<ArrayPtr> out(columns.begin(), columns.begin() + static_cast<long>(child_width_));
  for (size_t k = 0; k < windows_.size(); ++k) {
    state.CheckCancelled();
    const Expr& w = *windows_[k];
    const Expr& fn = *w.children[0];
    const std::string frame_name = FrameName(*w.window);
    auto it = frames.find(frame_name);
    if (it == frames.end()) {
      held += 2 * rows * static_cast<int64_t>(sizeof(int64_t));
      reserve(0);
      it = frames.emplace(frame_name, layout.Frames(*w.window, order_key, ascending, nulls_first)).first;
    }
    std::vector<ArrayPtr> args;
    for (size_t a : function_args_[k]) args.push_back(columns[a]);
    const WindowRows window_rows = layout.Rows(it->second, std::move(args));
    ArrayPtr result = fn.window_function ? fn.window_function->kernel(window_rows, ctx)
                                         : EvaluateWindowAggregate(fn, window_rows, ctx, reserve);
    held += result->MemoryUsage();
    reserve(0);
    out.push_back(std::move(result));
  }
  auto batch = std::make_shared<RecordBatch>(schema(), std::move(out), rows);
  memory.Resize(DistinctBytes(batch->columns()));
  return batch;
}

std::unique_ptr<SourceState> Window::MakeSourceState(ExecutionState& state) const {
  return std::make_unique<WindowSource>(static_cast<WindowGlobal&>(state.sink_state(*this)).results);
}

void Window::ReadMorsel(ExecutionState&, SourceState& source, int64_t morsel, const BatchCallback& emit) const {
  auto& s = static_cast<WindowSource&>(source);
  const WindowSource::Morsel& m = s.morsels[morsel];
  const RecordBatchPtr& result = s.results[m.bucket];
  emit(m.length == result->num_rows() ? result : result->Slice(m.offset, m.length));
}

}  // namespace lakestream
