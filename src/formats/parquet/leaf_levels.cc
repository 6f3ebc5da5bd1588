#include "formats/parquet/leaf_levels.h"

#include "columnar/check.h"

namespace lakestream::parquet {
namespace {

// Walks one leaf path recursively; the common case of a flat column takes
// the loop in BuildLeafLevels instead.
class Shredder {
 public:
  Shredder(const LeafColumn& leaf, LeafLevels* out) : leaf_(leaf), out_(out) {}

  void Visit(const Array& array, int64_t i, size_t depth, int16_t def, int16_t rep) {
    const LevelNode& node = leaf_.nodes[depth];
    if (node.nullable) {
      if (array.IsNull(i)) return Emit(def, rep);
      ++def;
    } else {
      LS_CHECK(array.IsValid(i));  // a non-nullable field holds no NULLs
    }
    switch (node.kind) {
      case LevelNode::Kind::kLeaf:
        out_->value_indices.push_back(i);
        return Emit(def, rep);
      case LevelNode::Kind::kStruct:
        return Visit(*array.child(node.child), i, depth + 1, def, rep);
      case LevelNode::Kind::kRepeated: {
        const int32_t* offsets = array.offsets();
        int32_t first = offsets[i], last = offsets[i + 1];
        if (first == last) return Emit(def, rep);  // an empty ARRAY or MAP
        const Array& elements = *array.child(0);
        for (int32_t j = first; j < last; ++j) {
          Visit(elements, j, depth + 1, static_cast<int16_t>(def + 1), j == first ? rep : node.rep_level);
        }
        return;
      }
    }
  }

 private:
  void Emit(int16_t def, int16_t rep) {
    if (leaf_.max_def > 0) out_->def_levels.push_back(def);
    if (leaf_.max_rep > 0) out_->rep_levels.push_back(rep);
    ++out_->num_entries;
  }

  const LeafColumn& leaf_;
  LeafLevels* out_;
};

const Array* InnermostArray(const Array& column, const LeafColumn& leaf) {
  const Array* array = &column;
  for (const LevelNode& node : leaf.nodes) {
    if (node.kind == LevelNode::Kind::kStruct) array = array->child(node.child).get();
    if (node.kind == LevelNode::Kind::kRepeated) array = array->child(0).get();
  }
  return array;
}

}  // namespace

void BuildLeafLevels(const Array& column, const LeafColumn& leaf, int64_t begin, int64_t end, LeafLevels* out) {
  LS_CHECK_LE(end, column.length());
  out->def_levels.clear();
  out->rep_levels.clear();
  out->value_indices.clear();
  out->num_entries = 0;
  out->values = InnermostArray(column, leaf);

  if (leaf.nodes.size() == 1) {
    // A flat column: one entry per row, NULL exactly where the row is.
    out->num_entries = end - begin;
    out->value_indices.reserve(end - begin);
    if (leaf.max_def == 0) {
      LS_CHECK_EQ(column.null_count(), 0);  // a non-nullable field holds no NULLs
      for (int64_t i = begin; i < end; ++i) out->value_indices.push_back(i);
      return;
    }
    out->def_levels.reserve(end - begin);
    for (int64_t i = begin; i < end; ++i) {
      bool valid = column.IsValid(i);
      out->def_levels.push_back(valid ? 1 : 0);
      if (valid) out->value_indices.push_back(i);
    }
    return;
  }
  Shredder shredder(leaf, out);
  for (int64_t row = begin; row < end; ++row) shredder.Visit(column, row, 0, 0, 0);
}

}  // namespace lakestream::parquet
