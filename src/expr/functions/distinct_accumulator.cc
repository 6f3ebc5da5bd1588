#include "expr/functions/distinct_accumulator.h"

#include <xxhash.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "expr/functions/element_order.h"

namespace lakestream {
namespace {

// A set of byte strings kept back to back in one arena, found through an
// open-addressing table of (hash, arena offset): no allocation per key.
class KeySet {
 public:
  // Whether `key` was new (and is now in the set).
  bool Insert(std::string_view key) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t hash = XXH3_64bits(key.data(), key.size());
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.offset < 0) {
        s.hash = hash;
        s.offset = static_cast<int64_t>(arena_.size());
        const auto len = static_cast<uint32_t>(key.size());
        arena_.append(reinterpret_cast<const char*>(&len), sizeof(len));
        arena_.append(key);
        ++size_;
        return true;
      }
      if (s.hash == hash && KeyAt(s.offset) == key) return false;
    }
  }

  // Bytes held: the arena and the table.
  int64_t MemoryUsage() const {
    return static_cast<int64_t>(arena_.capacity() + slots_.capacity() * sizeof(Slot));
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    int64_t offset = -1;  // -1: empty
  };

  std::string_view KeyAt(int64_t offset) const {
    uint32_t len;
    std::memcpy(&len, arena_.data() + offset, sizeof(len));
    return std::string_view(arena_.data() + offset + sizeof(len), len);
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.offset < 0) continue;
      size_t i = s.hash & mask;
      while (slots_[i].offset >= 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::string arena_;
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

class DistinctAccumulator : public GroupedAccumulator {
 public:
  explicit DistinctAccumulator(std::function<std::unique_ptr<GroupedAccumulator>()> make_inner)
      : make_inner_(std::move(make_inner)) {}

  void Resize(int64_t num_groups) override { num_groups_ = std::max(num_groups_, num_groups); }

  void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) override {
    Keep(args, group_ids, nullptr, rows);
  }

  void Merge(GroupedAccumulator& other, const uint32_t* group_map) override {
    auto& o = static_cast<DistinctAccumulator&>(other);
    for (const Chunk& c : o.chunks_) Keep(c.args, c.groups.data(), group_map, static_cast<int64_t>(c.groups.size()));
  }

  ArrayPtr Finalize(const EvalContext& ctx) override {
    auto inner = make_inner_();
    inner->Resize(num_groups_);
    for (const Chunk& c : chunks_) inner->Update(c.args, c.groups.data(), static_cast<int64_t>(c.groups.size()));
    return inner->Finalize(ctx);
  }

  int64_t MemoryUsage() const override { return chunk_memory_ + seen_.MemoryUsage(); }

 private:
  // Rows not seen before in their group, with their group ids.
  struct Chunk {
    std::vector<ArrayPtr> args;
    std::vector<uint32_t> groups;
  };

  void Keep(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, const uint32_t* group_map, int64_t rows) {
    std::vector<int32_t> keep;
    Chunk chunk;
    std::string key;
    for (int64_t r = 0; r < rows; ++r) {
      uint32_t g = group_map ? group_map[group_ids[r]] : group_ids[r];
      key.assign(reinterpret_cast<const char*>(&g), sizeof(g));
      for (const auto& a : args) element::AppendKey(*a, r, &key);
      if (!seen_.Insert(key)) continue;
      keep.push_back(static_cast<int32_t>(r));
      chunk.groups.push_back(g);
    }
    if (keep.empty()) return;
    for (const auto& a : args) {
      chunk.args.push_back(Take(a, keep));
      chunk_memory_ += chunk.args.back()->MemoryUsage();
    }
    chunks_.push_back(std::move(chunk));
  }

  std::function<std::unique_ptr<GroupedAccumulator>()> make_inner_;
  int64_t num_groups_ = 0;
  KeySet seen_;  // group id bytes + argument keys
  std::vector<Chunk> chunks_;
  int64_t chunk_memory_ = 0;
};

}  // namespace

BoundAggregateFunction MakeDistinct(BoundAggregateFunction inner) {
  auto make_inner = inner.make_accumulator;
  inner.make_accumulator = [make_inner]() { return std::make_unique<DistinctAccumulator>(make_inner); };
  return inner;
}

}  // namespace lakestream
