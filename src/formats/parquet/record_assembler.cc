#include "formats/parquet/record_assembler.h"

#include <strings.h>

#include <algorithm>
#include <cstring>
#include <limits>

#include "columnar/check.h"
#include "expr/cast.h"

namespace lakestream::parquet {

// A file node matched with the type the scan asks for.
struct RecordAssembler::ReadNode {
  const ParquetNode* file = nullptr;  // nullptr: not in the file, all NULL
  DataTypePtr type;                   // the requested type
  int levels_leaf = -1;               // the leaf whose levels give this node's slots
  std::vector<ReadNode> children;     // struct: one per requested field; list: {element}; map: {key, value}
};

namespace {

using ReadNode = RecordAssembler::ReadNode;

int IntegerRank(TypeId id) {
  switch (id) {
    case TypeId::kByte: return 1;
    case TypeId::kShort: return 2;
    case TypeId::kInt: return 3;
    case TypeId::kLong: return 4;
    default: return 0;
  }
}

// Decimal digits needed for any value of an integer type.
int IntegerDigits(TypeId id) {
  switch (id) {
    case TypeId::kByte: return 3;
    case TypeId::kShort: return 5;
    case TypeId::kInt: return 10;
    default: return 20;
  }
}

// The levels of one leaf batch; absent levels read as 0.
struct Levels {
  const int16_t* def;
  const int16_t* rep;
  int64_t count;

  explicit Levels(const LeafBatch& b)
      : def(b.def_levels.empty() ? nullptr : b.def_levels.data()),
        rep(b.rep_levels.empty() ? nullptr : b.rep_levels.data()),
        count(b.num_levels) {}
  int16_t Def(int64_t j) const { return def ? def[j] : 0; }
  int16_t Rep(int64_t j) const { return rep ? rep[j] : 0; }
  bool IsSlot(int64_t j, const ParquetNode& n) const { return Rep(j) <= n.rep_level && Def(j) >= n.slot_def_level; }
};

// Validity of a node's instances: a bitmap (nullptr when none is null).
struct Validity {
  BufferPtr bits;
  int64_t length = 0;
  int64_t null_count = 0;
};

// Scans `n`'s slots in batch `b`: instance k is valid iff its definition
// level reaches n.def_level.
Validity ScanSlots(const LeafBatch& b, const ParquetNode& n) {
  Validity v;
  if (b.def_levels.empty() && b.rep_levels.empty()) {
    // Levels 0 and 1 only (see LeafBatch::validity): a node is non-null
    // where the leaf is present, unless it is required.
    v.length = b.num_levels;
    if (n.def_level > 0 && b.validity) {
      v.bits = b.validity;
      v.null_count = b.null_count;
    }
    return v;
  }
  Levels lv(b);
  bool all_positions = lv.rep == nullptr && n.slot_def_level == 0;
  bool nullable = n.def_level > n.slot_def_level;
  if (all_positions) {
    v.length = lv.count;
    if (!nullable || lv.def == nullptr) return v;
    v.bits = Buffer::Allocate(bit_util::BytesForBits(v.length));
    uint8_t* bits = v.bits->mutable_data();
    int64_t valid = 0;
    for (int64_t j = 0; j < v.length; ++j) {
      bool ok = lv.def[j] >= n.def_level;
      bits[j >> 3] |= static_cast<uint8_t>(ok) << (j & 7);
      valid += ok;
    }
    v.null_count = v.length - valid;
  } else if (!nullable) {
    for (int64_t j = 0; j < lv.count; ++j) v.length += lv.IsSlot(j, n);
  } else {
    // One pass: the bitmap is sized for every level, an upper bound on slots.
    v.bits = Buffer::Allocate(bit_util::BytesForBits(lv.count));
    uint8_t* bits = v.bits->mutable_data();
    for (int64_t j = 0; j < lv.count; ++j) {
      if (!lv.IsSlot(j, n)) continue;
      if (lv.def[j] >= n.def_level) bit_util::SetBit(bits, v.length); else ++v.null_count;
      ++v.length;
    }
  }
  if (v.null_count == 0) v.bits.reset();
  return v;
}

// Moves `valid_count` dense fixed-width values at the start of `data` to the
// positions of the valid bits (NULL slots zeroed), from the back so that no
// value is overwritten before it moves.
template <int W>
void SpreadFixed(uint8_t* data, const uint8_t* valid, int64_t length, int64_t valid_count) {
  int64_t k = valid_count;
  for (int64_t i = length - 1; i >= 0 && k <= i; --i) {
    if (bit_util::GetBit(valid, i)) {
      --k;
      std::memmove(data + i * W, data + k * W, W);
    } else {
      std::memset(data + i * W, 0, W);
    }
  }
}

void SpreadFixedWidth(int width, uint8_t* data, const uint8_t* valid, int64_t length, int64_t valid_count) {
  switch (width) {
    case 1: SpreadFixed<1>(data, valid, length, valid_count); break;
    case 2: SpreadFixed<2>(data, valid, length, valid_count); break;
    case 4: SpreadFixed<4>(data, valid, length, valid_count); break;
    case 8: SpreadFixed<8>(data, valid, length, valid_count); break;
    case 16: SpreadFixed<16>(data, valid, length, valid_count); break;
    default: LS_CHECK(false);
  }
}

// Offsets of `valid_count` dense values -> offsets of `length` slots, NULL
// slots empty; in place from the back like SpreadFixed.
void SpreadOffsets(std::vector<int32_t>* offsets, const uint8_t* valid, int64_t length, int64_t valid_count) {
  offsets->resize(length + 1);
  int32_t* o = offsets->data();
  int64_t k = valid_count;
  o[length] = o[k];
  for (int64_t i = length - 1; i >= 0 && k <= i; --i) {
    if (bit_util::GetBit(valid, i)) --k, o[i] = o[k]; else o[i] = o[i + 1];
  }
}

// Wraps a vector or string in a Buffer without copying.
template <typename Container>
BufferPtr WrapContainer(Container&& c) {
  auto holder = std::make_shared<std::decay_t<Container>>(std::move(c));
  auto* data = reinterpret_cast<const uint8_t*>(holder->data());
  int64_t size = static_cast<int64_t>(holder->size() * sizeof((*holder)[0]));
  return Buffer::Wrap(data, size, [holder]() mutable { holder.reset(); });
}

class Assembly {
 public:
  Assembly(const std::vector<LeafDescriptor>& leaves, const std::string& file, std::vector<LeafBatch>& batches,
           const EvalContext& ctx)
      : leaves_(leaves), file_(file), batches_(batches), ctx_(ctx) {}

  ArrayPtr Build(const ReadNode& n, int64_t expected) {
    if (!n.file || n.levels_leaf < 0) return MakeNullArray(n.type, expected);
    ArrayPtr result;
    switch (n.file->kind) {
      case ParquetNode::Kind::kLeaf: result = BuildLeaf(n); break;
      case ParquetNode::Kind::kStruct: result = BuildStruct(n); break;
      case ParquetNode::Kind::kList:
      case ParquetNode::Kind::kMap: result = BuildRepeated(n); break;
    }
    if (result->length() != expected) {
      Fail("column `" + n.file->field.name + "` has " + std::to_string(result->length()) + " values where " +
           std::to_string(expected) + " were expected (its leaf columns disagree)");
    }
    return result;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const {
    throw ParquetCorruptError("Corrupt Parquet file " + file_ + ": " + what + ".");
  }

  ArrayPtr BuildLeaf(const ReadNode& n) {
    const LeafDescriptor& d = leaves_[n.file->leaf];
    LeafBatch& b = batches_[n.file->leaf];
    Validity v = ScanSlots(b, *n.file);
    int64_t valid = v.length - v.null_count;
    if (valid != b.num_values) {
      Fail("column `" + d.DottedPath() + "` has " + std::to_string(b.num_values) + " values for " +
           std::to_string(valid) + " non-null slots");
    }
    const uint8_t* bits = v.bits ? v.bits->data() : nullptr;
    std::vector<BufferPtr> buffers{v.bits};
    const DataType& type = *d.type;
    if (type.id() == TypeId::kBoolean) {
      BufferPtr packed = Buffer::Allocate(bit_util::BytesForBits(v.length));
      const uint8_t* bytes = b.values ? b.values->data() : nullptr;
      uint8_t* out = packed->mutable_data();
      for (int64_t i = 0, k = 0; i < v.length; ++i) {
        if (bits && !bit_util::GetBit(bits, i)) continue;
        if (bytes[k++]) bit_util::SetBit(out, i);
      }
      buffers.push_back(std::move(packed));
    } else if (type.IsBinaryLike()) {
      if (bits) SpreadOffsets(&b.offsets, bits, v.length, valid);
      if (b.offsets.empty()) b.offsets.push_back(0);
      buffers.push_back(WrapContainer(std::move(b.offsets)));
      buffers.push_back(WrapContainer(std::move(b.bytes)));
    } else {
      int width = type.byte_width();
      BufferPtr values = b.values ? std::move(b.values) : Buffer::Allocate(0);
      LS_CHECK_GE(values->size(), v.length * width);
      if (bits) SpreadFixedWidth(width, values->mutable_data(), bits, v.length, valid);
      buffers.push_back(std::move(values));
    }
    auto array = std::make_shared<Array>(d.type, v.length, std::move(buffers), std::vector<ArrayPtr>{}, v.null_count);
    return Convert(array, n.type);
  }

  ArrayPtr Convert(const ArrayPtr& array, const DataTypePtr& to) const {
    if (array->type()->Equals(*to)) return array;
    if (array->type_id() == TypeId::kBinary && to->id() == TypeId::kString) {
      return std::make_shared<Array>(to, array->length(), array->buffers(), array->children(), array->null_count());
    }
    return CastArray(array, to, false, ctx_);
  }

  ArrayPtr BuildStruct(const ReadNode& n) {
    Validity v = ScanSlots(batches_[n.levels_leaf], *n.file);
    std::vector<ArrayPtr> children;
    for (const auto& child : n.children) children.push_back(Build(child, v.length));
    return std::make_shared<Array>(n.type, v.length, std::vector<BufferPtr>{v.bits}, std::move(children),
                                   v.null_count);
  }

  // ARRAY and MAP: offsets and validity in one pass over the levels; a slot
  // of the list starts an instance, a slot of its elements adds one element.
  ArrayPtr BuildRepeated(const ReadNode& n) {
    const ParquetNode& list = *n.file;
    const ParquetNode& element = list.children[0];
    Levels lv(batches_[n.levels_leaf]);
    std::vector<int32_t> offsets;
    std::vector<uint8_t> valid;
    offsets.reserve(static_cast<size_t>(lv.count) + 1);
    valid.reserve(static_cast<size_t>(lv.count));
    int64_t elements = 0;
    int64_t nulls = 0;
    for (int64_t j = 0; j < lv.count; ++j) {
      if (lv.IsSlot(j, list)) {
        if (elements > std::numeric_limits<int32_t>::max()) {
          Fail("column `" + list.field.name + "` has more than 2^31 elements in one batch");
        }
        offsets.push_back(static_cast<int32_t>(elements));
        bool ok = lv.Def(j) >= list.def_level;
        valid.push_back(ok);
        nulls += !ok;
      }
      elements += lv.IsSlot(j, element);
    }
    int64_t length = static_cast<int64_t>(offsets.size());
    offsets.push_back(static_cast<int32_t>(elements));
    BufferPtr bits;
    if (nulls > 0) {
      bits = Buffer::Allocate(bit_util::BytesForBits(length));
      for (int64_t i = 0; i < length; ++i) {
        if (valid[i]) bit_util::SetBit(bits->mutable_data(), i);
      }
    }
    ArrayPtr child;
    if (list.kind == ParquetNode::Kind::kMap) {
      ArrayPtr keys = Build(n.children[0], elements);
      if (keys->null_count() > 0) {
        throw UserError("NULL_MAP_KEY", "2200E",
                        "Cannot use null as map key: column `" + list.field.name + "` of file " + file_ +
                            " holds a map with a NULL key.");
      }
      ArrayPtr values = Build(n.children[1], elements);
      auto entries = DataType::Struct({Field("key", n.type->key_type(), false),
                                       Field("value", n.type->value_type(), n.type->value_contains_null())});
      child = std::make_shared<Array>(entries, elements, std::vector<BufferPtr>{nullptr},
                                      std::vector<ArrayPtr>{keys, values}, 0);
    } else {
      child = Build(n.children[0], elements);
    }
    return std::make_shared<Array>(n.type, length, std::vector<BufferPtr>{bits, WrapContainer(std::move(offsets))},
                                   std::vector<ArrayPtr>{child}, nulls);
  }

  const std::vector<LeafDescriptor>& leaves_;
  const std::string& file_;
  std::vector<LeafBatch>& batches_;
  const EvalContext& ctx_;
};

class Matcher {
 public:
  Matcher(const std::string& file, std::vector<int>* needed) : file_(file), needed_(needed) {}

  ReadNode Match(const ParquetNode& f, const DataTypePtr& requested, const std::string& path) {
    ReadNode n;
    n.file = &f;
    n.type = requested;
    switch (f.kind) {
      case ParquetNode::Kind::kLeaf:
        if (!CanReadAs(*f.field.type, *requested)) Mismatch(f, requested, path);
        n.levels_leaf = f.leaf;
        break;
      case ParquetNode::Kind::kStruct: {
        if (requested->id() != TypeId::kStruct) Mismatch(f, requested, path);
        std::vector<const ParquetNode*> claimed;
        for (const auto& field : requested->fields()) {
          const ParquetNode* child = FindChild(f, field.name);
          // Two requested fields matching one file field (a and A) would
          // both consume its values.
          if (child && std::find(claimed.begin(), claimed.end(), child) != claimed.end()) {
            ThrowAmbiguousField(path + "." + field.name);
          }
          claimed.push_back(child);
          if (!child) {
            n.children.push_back(ReadNode{nullptr, field.type, -1, {}});
            continue;
          }
          n.children.push_back(Match(*child, field.type, path + "." + child->field.name));
          if (n.levels_leaf < 0) n.levels_leaf = n.children.back().levels_leaf;
        }
        if (n.levels_leaf < 0) n.levels_leaf = f.first_leaf;
        break;
      }
      case ParquetNode::Kind::kList:
        if (requested->id() != TypeId::kArray) Mismatch(f, requested, path);
        n.children.push_back(Match(f.children[0], requested->element_type(), path + ".element"));
        n.levels_leaf = n.children[0].levels_leaf;
        break;
      case ParquetNode::Kind::kMap:
        if (requested->id() != TypeId::kMap) Mismatch(f, requested, path);
        n.children.push_back(Match(f.children[0], requested->key_type(), path + ".key"));
        n.children.push_back(Match(f.children[1], requested->value_type(), path + ".value"));
        n.levels_leaf = n.children[0].levels_leaf;
        break;
    }
    if (n.levels_leaf >= 0) needed_->push_back(n.levels_leaf);
    return n;
  }

 private:
  static const ParquetNode* FindChild(const ParquetNode& f, const std::string& name) {
    for (const auto& c : f.children) {
      if (c.field.name == name) return &c;
    }
    for (const auto& c : f.children) {
      if (strcasecmp(c.field.name.c_str(), name.c_str()) == 0) return &c;
    }
    return nullptr;
  }

  [[noreturn]] void ThrowAmbiguousField(const std::string& path) const {
    throw UserError("AMBIGUOUS_REFERENCE_TO_FIELDS", "42000",
                    "Ambiguous reference to the field `" + path + "` in Parquet file " + file_ +
                        ": it matches a field another requested field matches too.");
  }

  [[noreturn]] void Mismatch(const ParquetNode& f, const DataTypePtr& requested, const std::string& path) const {
    throw UserError("FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH", "KD001",
                    "Error while reading file " + file_ + ". Data type mismatches when reading Parquet column `" +
                        path + "`. Expected Spark type " + requested->ToSql() + ", actual Parquet type " +
                        f.field.type->ToSql() + ".");
  }

  const std::string& file_;
  std::vector<int>* needed_;
};

}  // namespace

bool CanReadAs(const DataType& file, const DataType& requested) {
  if (file.Equals(requested)) return true;
  TypeId from = file.id(), to = requested.id();
  if (from == TypeId::kBinary && to == TypeId::kString) return true;
  if (from == TypeId::kFloat && to == TypeId::kDouble) return true;
  if (from == TypeId::kDate && to == TypeId::kTimestampNtz) return true;
  if (int rank = IntegerRank(from); rank > 0) {
    if (IntegerRank(to) >= rank || to == TypeId::kDouble) return true;
    if (to == TypeId::kDecimal) return requested.precision() - requested.scale() >= IntegerDigits(from);
  }
  if (from == TypeId::kDecimal && to == TypeId::kDecimal) {
    return requested.scale() >= file.scale() &&
           requested.precision() - requested.scale() >= file.precision() - file.scale();
  }
  return false;
}

RecordAssembler::RecordAssembler(const ParquetNode& node, const DataTypePtr& requested,
                                 const std::vector<LeafDescriptor>& leaves, const std::string& file)
    : leaves_(&leaves), file_(file) {
  Matcher matcher(file_, &needed_leaves_);
  root_ = std::make_unique<ReadNode>(matcher.Match(node, requested, node.field.name));
  std::sort(needed_leaves_.begin(), needed_leaves_.end());
  needed_leaves_.erase(std::unique(needed_leaves_.begin(), needed_leaves_.end()), needed_leaves_.end());
}

RecordAssembler::~RecordAssembler() = default;

ArrayPtr RecordAssembler::Assemble(std::vector<LeafBatch>& batches, int64_t rows, const EvalContext& ctx) const {
  Assembly assembly(*leaves_, file_, batches, ctx);
  return assembly.Build(*root_, rows);
}

}  // namespace lakestream::parquet
