// ValueDictionary<T>: the distinct values of one column chunk in first-seen
// order, for RLE_DICTIONARY data pages and the PLAIN dictionary page.
// Values are told apart by their bits (PhysicalValue<T>::Key), so -0.0/+0.0
// and NaN payloads survive the round trip.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "formats/parquet/physical_value.h"

namespace lakestream::parquet {

template <typename T>
class ValueDictionary {
 public:
  // The index of `value`, adding it when new.
  int32_t IndexOf(T value) {
    using Traits = PhysicalValue<T>;
    auto it = index_.find(Traits::ToKey(value));
    if (it != index_.end()) return it->second;
    if constexpr (std::is_same_v<T, std::string_view>) {
      // Batches are released after each write; the dictionary owns its bytes.
      storage_.emplace_back(value);
      value = storage_.back();
    }
    auto index = static_cast<int32_t>(entries_.size());
    entries_.push_back(value);
    index_.emplace(Traits::ToKey(value), index);
    plain_bytes_ += Traits::PlainSize(value, type_length_);
    return index;
  }

  void set_type_length(int type_length) { type_length_ = type_length; }
  int32_t size() const { return static_cast<int32_t>(entries_.size()); }
  // Size of the dictionary page body.
  int64_t plain_bytes() const { return plain_bytes_; }
  void EncodePlain(std::string* out) const {
    PhysicalValue<T>::EncodePlain(entries_.data(), static_cast<int64_t>(entries_.size()), type_length_, out);
  }
  void Clear() {
    index_.clear();
    entries_.clear();
    storage_.clear();
    plain_bytes_ = 0;
  }

 private:
  using Key = typename PhysicalValue<T>::Key;
  std::unordered_map<Key, int32_t, PhysicalKeyHash<Key>> index_;
  std::vector<T> entries_;
  std::deque<std::string> storage_;  // BYTE_ARRAY entries; a deque never moves them
  int64_t plain_bytes_ = 0;
  int type_length_ = 0;
};

}  // namespace lakestream::parquet
