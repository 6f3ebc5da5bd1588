#include "expr/functions/distinct_accumulator.h"

#include <cstring>
#include <string>
#include <unordered_set>

#include "expr/functions/element_order.h"

namespace lakestream {
namespace {

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

  int64_t MemoryUsage() const override { return memory_; }

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
      if (!seen_.insert(key).second) continue;
      memory_ += static_cast<int64_t>(key.size() + 48);
      keep.push_back(static_cast<int32_t>(r));
      chunk.groups.push_back(g);
    }
    if (keep.empty()) return;
    for (const auto& a : args) {
      chunk.args.push_back(Take(a, keep));
      memory_ += chunk.args.back()->MemoryUsage();
    }
    chunks_.push_back(std::move(chunk));
  }

  std::function<std::unique_ptr<GroupedAccumulator>()> make_inner_;
  int64_t num_groups_ = 0;
  std::unordered_set<std::string> seen_;  // group id bytes + argument keys
  std::vector<Chunk> chunks_;
  int64_t memory_ = 0;
};

}  // namespace

BoundAggregateFunction MakeDistinct(BoundAggregateFunction inner) {
  auto make_inner = inner.make_accumulator;
  inner.make_accumulator = [make_inner]() { return std::make_unique<DistinctAccumulator>(make_inner); };
  return inner;
}

}  // namespace lakestream
