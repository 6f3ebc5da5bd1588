// Array: an immutable column of values in Arrow's layout (see types.h).
//
// Buffers: [0] validity bitmap (nullptr when no value is null), then
//   BOOLEAN: [1] bit-packed values;  fixed-width types: [1] values;
//   STRING/BINARY: [1] int32 offsets (length + 1), [2] bytes;
//   ARRAY/MAP: [1] int32 offsets, child(0) the elements (MAP: struct<key,value>);
//   STRUCT: children, one per field;  NULL type: no buffers.
// Arrays never carry an Arrow-style offset: a slice is a copy, so every kernel
// can index from 0. Arrays are shared (ArrayPtr) and safe to read from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "columnar/bit_util.h"
#include "columnar/buffer.h"
#include "lakestream/types.h"
#include "lakestream/value.h"

namespace lakestream {

class Array;
using ArrayPtr = std::shared_ptr<const Array>;

class Array {
 public:
  // null_count < 0 means "count it from the validity bitmap".
  Array(DataTypePtr type, int64_t length, std::vector<BufferPtr> buffers,
        std::vector<ArrayPtr> children = {}, int64_t null_count = -1);

  const DataTypePtr& type() const { return type_; }
  TypeId type_id() const { return type_->id(); }
  int64_t length() const { return length_; }
  int64_t null_count() const { return null_count_; }

  const uint8_t* validity() const { return buffers_.empty() || !buffers_[0] ? nullptr : buffers_[0]->data(); }
  bool IsValid(int64_t i) const {
    const uint8_t* v = validity();
    return type_->id() != TypeId::kNull && (v == nullptr || bit_util::GetBit(v, i));
  }
  bool IsNull(int64_t i) const { return !IsValid(i); }

  // Fixed-width values; T must match the type's physical width.
  template <typename T> const T* values() const { return buffers_[1]->data_as<T>(); }
  bool GetBool(int64_t i) const { return bit_util::GetBit(buffers_[1]->data(), i); }
  // STRING/BINARY/ARRAY/MAP offsets.
  const int32_t* offsets() const { return buffers_[1]->data_as<int32_t>(); }
  std::string_view GetView(int64_t i) const {
    const int32_t* o = offsets();
    return {reinterpret_cast<const char*>(buffers_[2]->data()) + o[i], static_cast<size_t>(o[i + 1] - o[i])};
  }

  const std::vector<BufferPtr>& buffers() const { return buffers_; }
  const std::vector<ArrayPtr>& children() const { return children_; }
  const ArrayPtr& child(size_t i) const { return children_[i]; }

  // Row i as a Value (slow path: rows, display, tests).
  Value GetValue(int64_t i) const;
  // Approximate bytes held by this array's buffers and children.
  int64_t MemoryUsage() const;

 private:
  DataTypePtr type_;
  int64_t length_;
  int64_t null_count_;
  std::vector<BufferPtr> buffers_;
  std::vector<ArrayPtr> children_;
};

// An array of `length` NULLs of `type`.
ArrayPtr MakeNullArray(const DataTypePtr& type, int64_t length);
// An array holding `value` `length` times.
ArrayPtr MakeConstantArray(const DataTypePtr& type, const Value& value, int64_t length);
// Builds an array from Values (slow path).
ArrayPtr MakeArrayFromValues(const DataTypePtr& type, const std::vector<Value>& values);

// Rows [offset, offset + length) as a new array.
ArrayPtr Slice(const ArrayPtr& array, int64_t offset, int64_t length);
// Gathers rows by index; an index of -1 produces NULL (outer joins).
ArrayPtr Take(const ArrayPtr& array, const int32_t* indices, int64_t count);
ArrayPtr Take(const ArrayPtr& array, const std::vector<int32_t>& indices);
// Keeps rows whose bit is set in the bit-packed `selection` (length = array length).
ArrayPtr FilterBits(const ArrayPtr& array, const uint8_t* selection, int64_t selected_count);
// Appends arrays of one type end to end.
ArrayPtr Concatenate(const std::vector<ArrayPtr>& arrays);

}  // namespace lakestream
