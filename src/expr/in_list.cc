#include "expr/in_list.h"

#include <cstring>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "columnar/array_builder.h"

namespace lakestream {
namespace {

struct Int128Hash {
  size_t operator()(int128_t v) const {
    const auto u = static_cast<unsigned __int128>(v);
    return std::hash<uint64_t>()(static_cast<uint64_t>(u) ^ static_cast<uint64_t>(u >> 64) * 0x9E3779B97F4A7C15ULL);
  }
};

// Looks every row of `value` up in `set` with `key(row)`.
template <typename Set, typename Key>
ArrayPtr Probe(const Array& value, const Set& set, bool list_has_null, Key key) {
  const int64_t rows = value.length();
  BooleanBuilder b(rows);
  for (int64_t r = 0; r < rows; ++r) {
    if (value.IsNull(r)) {
      b.AppendNull();
    } else if (set.count(key(r)) != 0) {
      b.Append(true);
    } else if (list_has_null) {
      b.AppendNull();
    } else {
      b.Append(false);
    }
  }
  return b.Finish();
}

// A few strings: comparing lengths first and then bytes beats hashing
// every row.
class SmallStringSet {
 public:
  explicit SmallStringSet(std::vector<std::string_view> items) : items_(std::move(items)) {}
  size_t count(std::string_view key) const {
    for (std::string_view item : items_) {
      if (item.size() == key.size() && std::memcmp(item.data(), key.data(), key.size()) == 0) return 1;
    }
    return 0;
  }

 private:
  std::vector<std::string_view> items_;
};

// Integers in an open-addressing table at most half full; a probe is a
// multiply, a shift and usually one comparison.
class IntegerSet {
 public:
  explicit IntegerSet(const std::vector<int64_t>& items) {
    size_t cap = 16;
    while (cap < items.size() * 2) cap *= 2;
    shift_ = 64 - __builtin_ctzll(cap);
    slots_.assign(cap, 0);
    used_.assign(cap, 0);
    for (int64_t v : items) {
      size_t i = Home(v);
      while (used_[i] && slots_[i] != v) i = (i + 1) & (cap - 1);
      slots_[i] = v;
      used_[i] = 1;
    }
  }
  size_t count(int64_t key) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = Home(key); used_[i]; i = (i + 1) & mask) {
      if (slots_[i] == key) return 1;
    }
    return 0;
  }

 private:
  size_t Home(int64_t v) const { return (static_cast<uint64_t>(v) * 0x9E3779B97F4A7C15ULL) >> shift_; }

  int shift_ = 60;
  std::vector<int64_t> slots_;
  std::vector<uint8_t> used_;
};

template <typename T>
ArrayPtr ProbeIntegers(const Array& value, const std::vector<const Value*>& items, bool list_has_null) {
  std::vector<int64_t> keys;
  for (const Value* v : items) keys.push_back(v->as_int());
  IntegerSet set(keys);
  const T* data = value.values<T>();
  return Probe(value, set, list_has_null, [&](int64_t r) { return static_cast<int64_t>(data[r]); });
}

}  // namespace

ArrayPtr EvalInLiteralList(const Expr& in, const ArrayPtr& value) {
  std::vector<const Value*> items;
  bool list_has_null = false;
  for (size_t i = 1; i < in.children.size(); ++i) {
    const Expr& item = *in.children[i];
    if (item.kind != ExprKind::kLiteral) return nullptr;
    if (item.value.is_null()) {
      list_has_null = true;
      continue;
    }
    if (!TypeEquals(item.type, value->type())) return nullptr;
    items.push_back(&item.value);
  }
  switch (value->type_id()) {
    case TypeId::kByte: return ProbeIntegers<int8_t>(*value, items, list_has_null);
    case TypeId::kShort: return ProbeIntegers<int16_t>(*value, items, list_has_null);
    case TypeId::kInt:
    case TypeId::kYearMonthInterval:
    case TypeId::kDate: return ProbeIntegers<int32_t>(*value, items, list_has_null);
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kDayTimeInterval:
    case TypeId::kTimestampNtz: return ProbeIntegers<int64_t>(*value, items, list_has_null);
    case TypeId::kDecimal: {
      std::unordered_set<int128_t, Int128Hash> set;
      for (const Value* v : items) set.insert(v->as_decimal());
      const int128_t* data = value->values<int128_t>();
      return Probe(*value, set, list_has_null, [&](int64_t r) { return data[r]; });
    }
    case TypeId::kString: {
      auto view = [&](int64_t r) { return value->GetView(r); };
      if (items.size() <= 8) {
        std::vector<std::string_view> small;
        for (const Value* v : items) small.push_back(v->as_string());
        return Probe(*value, SmallStringSet(std::move(small)), list_has_null, view);
      }
      std::unordered_set<std::string_view> set;
      for (const Value* v : items) set.insert(v->as_string());
      return Probe(*value, set, list_has_null, [&](int64_t r) { return value->GetView(r); });
    }
    default: return nullptr;
  }
}

}  // namespace lakestream
