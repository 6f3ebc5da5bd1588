// Building blocks for GroupedAccumulator implementations: per-group flags and
// turning column-wise state vectors into result arrays.
#pragma once

#include <cstring>
#include <vector>

#include "columnar/array_builder.h"

namespace lakestream::grouped {

// Per-group flag bits kept beside the state vectors.
inline constexpr uint8_t kSeen = 1;      // the group received a value
inline constexpr uint8_t kOverflow = 2;  // its running sum overflowed

// A fixed-width result array: values[g] where flags[g] & kSeen, NULL elsewhere
// (flags == nullptr: all valid).
template <typename T>
ArrayPtr MakeResult(const DataTypePtr& type, const std::vector<T>& values, const std::vector<uint8_t>* flags) {
  int64_t n = static_cast<int64_t>(values.size());
  auto data = Buffer::Allocate(n * static_cast<int64_t>(sizeof(T)));
  if (n > 0) std::memcpy(data->mutable_data(), values.data(), values.size() * sizeof(T));
  BufferPtr validity;
  int64_t nulls = 0;
  if (flags != nullptr) {
    for (uint8_t f : *flags) nulls += (f & kSeen) ? 0 : 1;
    if (nulls > 0) {
      validity = Buffer::Allocate(bit_util::BytesForBits(n));
      uint8_t* bits = validity->mutable_data();
      for (int64_t g = 0; g < n; ++g) {
        if ((*flags)[static_cast<size_t>(g)] & kSeen) bit_util::SetBit(bits, g);
      }
    }
  }
  return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity, data}, std::vector<ArrayPtr>{}, nulls);
}

// Whether row r of every argument is non-NULL.
inline bool AllValid(const std::vector<ArrayPtr>& args, int64_t r) {
  for (const auto& a : args) {
    if (a->IsNull(r)) return false;
  }
  return true;
}

// True when no argument has a NULL (the tight loops skip validity checks).
inline bool NoNulls(const std::vector<ArrayPtr>& args) {
  for (const auto& a : args) {
    if (a->type_id() == TypeId::kNull || a->null_count() > 0) return false;
  }
  return true;
}

}  // namespace lakestream::grouped
