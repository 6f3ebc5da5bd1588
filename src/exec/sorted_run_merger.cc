#include "exec/sorted_run_merger.h"

#include "exec/take_rows.h"

namespace lakestream {

SortedRunMerger::SortedRunMerger(const SortKeyComparator& comparator, SchemaPtr schema,
                                 std::vector<std::unique_ptr<RunReader>> runs)
    : comparator_(comparator), schema_(std::move(schema)) {
  for (auto& r : runs) {
    Cursor c;
    c.reader = std::move(r);
    if (c.reader->Next(c.chunk) && c.chunk.rows() > 0) cursors_.push_back(std::move(c));
  }
  for (size_t i = 0; i < cursors_.size(); ++i) heap_.push_back(static_cast<int>(i));
  for (size_t i = heap_.size(); i-- > 0;) SiftDown(i);
}

bool SortedRunMerger::Less(int a, int b) const {
  const Cursor& x = cursors_[a];
  const Cursor& y = cursors_[b];
  int c = comparator_.Compare(x.chunk.keys, x.pos, y.chunk.keys, y.pos);
  if (c != 0) return c < 0;
  return x.chunk.seq->values<int64_t>()[x.pos] < y.chunk.seq->values<int64_t>()[y.pos];
}

void SortedRunMerger::SiftDown(size_t i) {
  const size_t n = heap_.size();
  while (true) {
    size_t l = 2 * i + 1, r = l + 1, m = i;
    if (l < n && Less(heap_[l], heap_[m])) m = l;
    if (r < n && Less(heap_[r], heap_[m])) m = r;
    if (m == i) return;
    std::swap(heap_[i], heap_[m]);
    i = m;
  }
}

RecordBatchPtr SortedRunMerger::Next(int64_t max_rows) {
  if (heap_.empty()) return nullptr;
  // One run left: hand out its rows without comparing.
  if (heap_.size() == 1) {
    Cursor& c = cursors_[heap_[0]];
    int64_t n = std::min(max_rows, c.chunk.rows() - c.pos);
    RecordBatchPtr out = (c.pos == 0 && n == c.chunk.rows()) ? c.chunk.data : c.chunk.data->Slice(c.pos, n);
    c.pos += n;
    if (c.pos == c.chunk.rows()) {
      c.pos = 0;
      if (!c.reader->Next(c.chunk) || c.chunk.rows() == 0) heap_.clear();
    }
    return std::make_shared<RecordBatch>(schema_, out->columns(), out->num_rows());
  }
  // Rows picked per source batch; `picks` remembers (source, position in it).
  std::vector<RecordBatchPtr> sources;
  std::vector<std::vector<int32_t>> rows_of;
  std::vector<std::pair<int, int32_t>> picks;
  for (auto& c : cursors_) c.slot = -1;
  while (static_cast<int64_t>(picks.size()) < max_rows && !heap_.empty()) {
    Cursor& c = cursors_[heap_[0]];
    if (c.slot < 0) {
      c.slot = static_cast<int>(sources.size());
      sources.push_back(c.chunk.data);
      rows_of.emplace_back();
    }
    picks.emplace_back(c.slot, static_cast<int32_t>(rows_of[c.slot].size()));
    rows_of[c.slot].push_back(static_cast<int32_t>(c.pos));
    if (++c.pos == c.chunk.rows()) {
      c.pos = 0;
      c.slot = -1;  // the next chunk is a new source
      if (!c.reader->Next(c.chunk) || c.chunk.rows() == 0) {
        heap_[0] = heap_.back();
        heap_.pop_back();
      }
    }
    if (!heap_.empty()) SiftDown(0);
  }
  // Gather each source's rows, then interleave them into merge order.
  std::vector<RecordBatchPtr> parts;
  std::vector<int32_t> starts;
  int32_t total = 0;
  for (size_t s = 0; s < sources.size(); ++s) {
    parts.push_back(TakeRows(*sources[s], rows_of[s], schema_));
    starts.push_back(total);
    total += static_cast<int32_t>(rows_of[s].size());
  }
  if (parts.size() == 1) return parts[0];
  RecordBatchPtr gathered = ConcatenateBatches(schema_, parts);
  std::vector<int32_t> order;
  order.reserve(picks.size());
  for (const auto& [slot, i] : picks) order.push_back(starts[slot] + i);
  return TakeRows(*gathered, order, schema_);
}

}  // namespace lakestream
